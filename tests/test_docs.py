"""The README and the manual say what chrono does: their examples run, their links resolve.

Every ```console block of README.md and docs/*.md is run: each line starting with
``$ `` is a command (run by bash, in a fresh copy of the repository's sample:
``events/``, ``examples/`` and ``pyproject.toml``), and the lines after it, up to the
next command, are its output (standard output and standard error, as a terminal
shows them). Outputs are compared exactly, but for trailing white space and one
elision marker, ``...``: a line that is only ``...`` stands for any number of lines
(none included), and ``...`` inside a line for any text on that line. A block
whose output changed fails with a diff, expected first, so that the documentation
is brought up to date with the program.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SAMPLE = ("events", "examples", "pyproject.toml")  # what a console example may use
ELISION = "..."


# --- the set-up commands ---------------------------------------------------------------


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


# --- console examples ------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    command: str
    expected: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    steps: tuple[Step, ...]

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def console_blocks(page: Path) -> Iterator[Block]:
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        opening, body = i + 1, []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        yield Block(page, opening, tuple(steps_of(body)))
        i += 1


def steps_of(body: list[str]) -> Iterator[Step]:
    command: str | None = None
    expected: list[str] = []
    for line in body:
        if line.startswith("$ "):
            if command is not None:
                yield Step(command, tuple(expected))
            command, expected = line[2:], []
        elif command is not None and command.endswith("\\") and not expected:
            command = command[:-1] + " " + line.strip()  # a command continued
        elif command is not None:
            expected.append(line)
    if command is not None:
        yield Step(command, tuple(expected))


def line_matches(pattern: str, line: str) -> bool:
    if ELISION not in pattern:
        return pattern == line
    parts = [re.escape(part) for part in pattern.split(ELISION)]
    return re.fullmatch(".*".join(parts), line, flags=re.DOTALL) is not None


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` fits ``expected``, a line ``...`` taking any number of lines."""

    @cache
    def fits(e: int, a: int) -> bool:
        if e == len(expected):
            return a == len(actual)
        if expected[e].strip() == ELISION:
            return fits(e + 1, a) or (a < len(actual) and fits(e, a + 1))
        return a < len(actual) and line_matches(expected[e], actual[a]) and fits(e + 1, a + 1)

    return fits(0, 0)


def tidy(lines: list[str] | tuple[str, ...]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def sample_copy(where: Path) -> Path:
    """A copy of the repository's sample, and a ``chrono`` on PATH that runs this chrono."""
    for name in SAMPLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        else:
            shutil.copy2(source, where / name)
    bin_dir = where / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "chrono"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m chrono "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return bin_dir


def run_block(block: Block, where: Path) -> list[str]:
    """Run the block's commands; a report of every step that differs (empty when none)."""
    bin_dir = sample_copy(where)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", NO_COLOR="1", TERM="dumb")
    report: list[str] = []
    for step in block.steps:
        result = subprocess.run(
            ["bash", "-c", step.command],
            cwd=where,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
        )
        expected, actual = tidy(step.expected), tidy(result.stdout.splitlines())
        if not output_matches(expected, actual):
            diff = difflib.unified_diff(
                expected, actual, "as documented", "as run", lineterm="", n=2
            )
            report.append(f"$ {step.command}  (exit status {result.returncode})")
            report.extend(diff)
    return report


BLOCKS = [block for page in PAGES for block in console_blocks(page)]


def test_the_readme_has_console_examples() -> None:
    readme = [b for b in BLOCKS if b.page.name == "README.md"]
    assert len(readme) >= 3
    assert all(block.steps for block in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=[b.where for b in BLOCKS])
def test_console_example_runs_as_documented(block: Block, tmp_path: Path) -> None:
    report = run_block(block, tmp_path)
    assert not report, (
        f"{block.where}: the output differs from the documentation (update the page "
        "or the program):\n" + "\n".join(report)
    )


# --- the runner itself -----------------------------------------------------------------


def test_blocks_are_read_command_by_command(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "text\n\n```console\n$ echo one\none\n$ printf 'a\\nb\\n'  # two lines\na\n...\n"
        "$ echo x \\\n  y\n```\n\n```sh\n$ not a console\n```\n",
        encoding="utf-8",
    )
    [block] = console_blocks(page)
    assert block.line == 3
    assert block.steps == (
        Step("echo one", ("one",)),
        Step("printf 'a\\nb\\n'  # two lines", ("a", "...")),
        Step("echo x  y", ()),
    )


def test_elision_matches_lines_and_text_and_nothing_else() -> None:
    assert output_matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert output_matches(["a", "...", "d"], ["a", "d"])
    assert output_matches(["a", "  ..."], ["a"])
    assert output_matches(['{"x": 1, ...}'], ['{"x": 1, "y": 2}'])
    assert not output_matches(['{"x": 1, ...}'], ['{"x": 2, "y": 2}'])
    assert not output_matches(["a", "b"], ["a", "b", "c"])
    assert not output_matches(["a", "...", "d"], ["a", "b", "c"])
    assert not output_matches(["a.b"], ["axb"])  # no regular expressions in documentation


def test_a_changed_output_fails_with_a_diff(tmp_path: Path) -> None:
    block = Block(ROOT / "README.md", 1, (Step("echo 7 events", ("8 events",)),))
    report = run_block(block, tmp_path)
    assert report[0] == "$ echo 7 events  (exit status 0)"
    assert "-8 events" in report and "+7 events" in report


# --- links -----------------------------------------------------------------------------

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def links(page: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        for match in LINK.finditer(line):
            yield number, match.group(1)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_links_stay_in_the_repository_and_resolve(page: Path) -> None:
    bad = []
    for number, target in links(page):
        if re.match(r"https?://", target) or target.startswith("#"):
            continue  # the web, and anchors in the page
        path = target.split("#", 1)[0]
        resolved = (page.parent / path).resolve()
        inside = resolved.is_relative_to(ROOT)
        if path.startswith("/") or ":" in path or not inside or not resolved.exists():
            bad.append(f"{page.relative_to(ROOT)}:{number}: {target}")
    assert not bad, "links that a clone of the repository cannot follow:\n" + "\n".join(bad)


def test_the_link_check_refuses_a_link_out_of_the_repository(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    outside = BESIDE + "spec/dates.md"
    page.write_text(f"See [the spec]({outside}) and [x](https://e.org).\n")
    assert list(links(page)) == [(1, outside), (1, "https://e.org")]


# Nothing in the repository reads or names the folder that stood beside it in
# development: a user clones the repository with nothing beside it.
BESIDE_NAME = "sha" + "red"  # spelt apart, so this file does not name it either
BESIDE = f"../{BESIDE_NAME}/"
CHECKED = ("README.md", "docs", "tests", "benchmarks", "fuzz", "chrono", "examples", ".ci")


def test_nothing_reads_or_names_files_beside_the_repository() -> None:
    found = []
    for name in CHECKED:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if path.suffix in (".png", ".pyc", ".svg") or path == Path(__file__).resolve():
                continue  # images, bytecode, and this file, which spells the markers
            text = path.read_text(encoding="utf-8", errors="replace")
            for marker in (BESIDE, f'"{BESIDE_NAME}" / "', f"/work/{BESIDE_NAME}"):
                if marker in text:
                    found.append(f"{path.relative_to(ROOT)}: {marker}")
    assert not found, "\n".join(found)
