"""The package's names: imported on first use, and each the thing it names."""

from __future__ import annotations

import subprocess
import sys

import pytest

import chrono


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_chrono_leaves_the_chronology_and_export_unimported() -> None:
    out = _run(
        "import sys, chrono\n"
        "print(sorted(m for m in sys.modules if m.startswith(('chrono.chronology', "
        "'chrono.events', 'chrono.export', 'plotly'))))"
    )
    assert out == "[]"


def test_parse_stays_the_function_when_its_module_is_imported() -> None:
    out = _run(
        "import chrono, chrono.parse\n"
        "parse = chrono.parse\n"
        "print(callable(parse), parse.__module__)"
    )
    assert out == "True chrono.parse"


def test_a_timeline_from_the_package_can_draw_in_a_fresh_process() -> None:
    out = _run(
        "import pathlib, tempfile, chrono\n"
        "folder = pathlib.Path(tempfile.mkdtemp())\n"
        "(folder / 'a.yaml').write_text('id: a\\ntitle: A\\ndate: 2020\\n')\n"
        "print(type(chrono.build_timeline(chrono.load_events(folder)).figure()).__name__)"
    )
    assert out == "Figure"


@pytest.mark.parametrize("name", chrono.__all__)
def test_every_public_name_is_there(name: str) -> None:
    assert getattr(chrono, name) is not None
    assert name in dir(chrono)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        chrono.nothing  # type: ignore[attr-defined]  # noqa: B018
