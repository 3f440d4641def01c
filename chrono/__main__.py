"""``python -m chrono`` and the ``chrono`` command.

A command line that is exactly a ``chrono parse -`` runs without importing typer
(chrono/batch.py); every other goes to the typer app of chrono/cli.py.
"""

import sys


def main() -> None:
    from chrono.batch import batch_request, run

    request = batch_request(sys.argv[1:])
    if request is not None:
        sys.exit(run(*request))
    from chrono.cli import main as command

    command()


if __name__ == "__main__":
    main()
