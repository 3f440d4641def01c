"""The command line as a user runs it: a real process, its output and its exit status."""

from __future__ import annotations

import json
import subprocess
import sys


def chrono(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parse_json_prints_the_object_of_dates_md() -> None:
    result = chrono("parse", "since August 2020", "--json")
    assert result.returncode == 0
    obj = json.loads(result.stdout)
    assert obj["start"] == {"earliest": "2020-08-01", "latest": "2020-08-31"}
    assert obj["end"] == {"earliest": "2020-08-01", "latest": None}
    assert obj["latest"] is None and obj["warnings"] == [] and "core" not in obj


def test_parse_explains_in_words() -> None:
    result = chrono("parse", "May 12", "--reference", "2025-07-15")
    assert result.returncode == 0
    assert "on Monday 12 May 2025" in result.stdout
    assert "precision  day" in result.stdout
    assert "nearest to the reference date 2025-07-15" in result.stdout


def test_parse_error_is_one_clear_message_and_no_traceback() -> None:
    result = chrono("parse", "31 April 2024")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "'31 April 2024'" in result.stderr and "has no day 31" in result.stderr


def test_missing_reference_says_so() -> None:
    result = chrono("parse", "May 12", "--json")
    assert result.returncode == 1
    assert "reference date" in json.loads(result.stdout)["error"]


def test_bad_reference_is_a_clear_error() -> None:
    result = chrono("parse", "May 12", "--reference", "yesterday-ish")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "YYYY-MM-DD" in result.stderr


def test_a_negative_year_is_text_not_an_option() -> None:
    result = chrono("parse", "-0499", "--json")
    assert json.loads(result.stdout)["earliest"] == "-0499-01-01"


def test_batch_mode_answers_every_line_in_order_and_fails_on_any_error() -> None:
    lines = ["2022", "nonsense", "May 12", "Q3 2023"]
    result = chrono("parse", "-", "--reference", "2025-05-20", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in out] == lines
    assert "error" in out[1] and "error" not in out[0]
    assert out[2]["earliest"] == "2025-05-12"


def test_batch_mode_exit_zero_when_all_parse() -> None:
    result = chrono("parse", "-", stdin="2022\nlate 2022\n")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 2


def test_batch_mode_takes_ten_thousand_lines_in_one_process() -> None:
    valid = [
        "2022-05-{:02d}",
        "late 19{:02d}",
        "September 19{:02d}",
        "circa 19{:02d}",
        "the 19{}0s",
    ]
    lines = []
    for i in range(10_000):
        if i % 6 == 5:
            lines.append(f"{i}-Q")  # not a date: reported, and the rest go on
        else:
            lines.append(valid[i % 6].format(1 + i % 9))
    result = chrono("parse", "-", stdin="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in out] == lines
    assert [i for i, o in enumerate(out) if "error" in o] == list(range(5, 10_000, 6))
    assert result.returncode == 1


def test_help_does_not_import_plotly() -> None:
    code = (
        "import sys, runpy; sys.argv=['chrono','--help']\n"
        "try:\n    runpy.run_module('chrono', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "assert 'plotly' not in sys.modules, 'plotly imported at start-up'\n"
        "assert 'pendulum' not in sys.modules, 'pendulum imported at start-up'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "parse" in result.stdout


def test_every_command_has_help_with_an_example() -> None:
    for command in ("parse", "build"):
        result = chrono(command, "--help")
        assert result.returncode == 0 and "Example:" in result.stdout


def test_build_without_events_folder_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = chrono("build", str(tmp_path / "missing"))
    assert result.returncode == 1 and "no such folder" in result.stderr
    assert "Traceback" not in result.stderr


# Modules `chrono --help` may import beyond the bare interpreter: about 135 today
# (chrono, typer, attrs). Start-up time is mostly the import of modules, so counting them
# bounds it whatever the load of the machine: pendulum would add about 65 and
# plotly's figures more. The start-up time itself is in benchmarks/.
START_UP_MODULES = 170


def test_start_up_imports_a_bounded_set_of_modules() -> None:
    code = (
        "import sys, runpy; before = set(sys.modules); sys.argv = ['chrono', '--help']\n"
        "try:\n    runpy.run_module('chrono', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(len(set(sys.modules) - before), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    imported = int(result.stderr.split()[-1])
    assert imported <= START_UP_MODULES, f"chrono --help imports {imported} modules"
