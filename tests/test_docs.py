"""The README's set-up commands are what CI runs, and what it shows works."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_set_up_is_two_commands_and_ci_runs_them_verbatim() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    assert "chrono build events/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert commands[0] in ci_lines
    assert commands[1] in ci_lines
