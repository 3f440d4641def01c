"""What both fuzz targets share: the corpus folders, the default flags, the start.

Run a target from anywhere; with no corpus folder on the command line it reads the
committed seeds in ``fuzz/corpus/NAME/`` and writes what it finds new into
``fuzz/work/NAME/`` (ignored by git), so the seeds stay as committed. Crashes,
timeouts and out-of-memory inputs go to ``fuzz/artifacts/``; ``fuzz/NAME.dict``, where
there is one, is the libFuzzer dictionary.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]

HERE = Path(__file__).resolve().parent


def run(name: str, target: Callable[[bytes], None]) -> None:
    """Start libFuzzer on ``target`` with ``sys.argv`` (libFuzzer flags pass through)."""
    argv = list(sys.argv)
    if not any(not arg.startswith("-") for arg in argv[1:]):
        work = HERE / "work" / name
        work.mkdir(parents=True, exist_ok=True)
        # libFuzzer writes new inputs into the first folder and only reads the others
        argv += [str(work), str(HERE / "corpus" / name)]
    if not any(arg.startswith("-artifact_prefix=") for arg in argv):
        artifacts = HERE / "artifacts"
        artifacts.mkdir(exist_ok=True)
        argv.append(f"-artifact_prefix={artifacts}/")
    words = HERE / f"{name}.dict"
    if words.is_file() and not any(arg.startswith("-dict=") for arg in argv):
        argv.append(f"-dict={words}")  # pieces of the grammar, for the mutations to use
    if not any(arg.startswith("-timeout=") for arg in argv):
        argv.append("-timeout=10")  # one input taking 10 s is a finding, not a wait
    atheris.Setup(argv, target)
    atheris.Fuzz()
