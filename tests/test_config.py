"""Settings are found from the events folder upward, as ruff and black find theirs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chrono.config import Settings, SettingsError, find_settings, read_settings

ROOT = Path(__file__).resolve().parent.parent
EVENT = "title: Coup\ndate: August 2020\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def chrono(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_the_nearest_pyproject_with_a_chrono_table_above_the_events_folder(
    tmp_path: Path,
) -> None:
    project = write(tmp_path / "pyproject.toml", '[tool.chrono.build]\ntitle = "Mali"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "other"\n')  # no [tool.chrono]
    events = tmp_path / "sub" / "deep" / "events"
    events.mkdir(parents=True)
    assert find_settings(events) == Settings(project, {"title": "Mali"})
    assert find_settings(write(events / "one.yaml", EVENT)) == Settings(project, {"title": "Mali"})


def test_a_nearer_table_wins_even_when_it_sets_nothing(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.chrono.build]\ntitle = "Mali"\n')
    nearer = write(tmp_path / "sub" / "pyproject.toml", "[tool.chrono]\n")
    assert find_settings(tmp_path / "sub" / "events") == Settings(nearer, {})


def test_chrono_toml_wins_over_the_pyproject_beside_it(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.chrono.build]\ntitle = "from pyproject"\n')
    own = write(tmp_path / "chrono.toml", '[build]\ntitle = "from chrono.toml"\n')
    assert find_settings(tmp_path / "events") == Settings(own, {"title": "from chrono.toml"})


def test_the_working_directory_plays_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    write(here / "pyproject.toml", '[tool.chrono.build]\ntitle = "Here"\n')
    monkeypatch.chdir(here)
    assert find_settings(tmp_path / "elsewhere" / "events") == Settings()
    assert find_settings("events").path == here / "pyproject.toml"  # relative to the cwd


def test_out_is_relative_to_the_settings_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.chrono.build]\nout = "site/timeline"\n')
    settings = find_settings(tmp_path / "events")
    assert settings.build["out"] == str(tmp_path / "site" / "timeline")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tool.chrono.build]\ntitel = 'x'\n", "[tool.chrono.build] has no setting 'titel'"),
        ("[tool.chrono.biuld]\n", "[tool.chrono] has no table 'biuld'"),
        ("[tool.chrono]\ntitle = 'x'\n", "[tool.chrono] has no setting 'title'"),
        ("[tool.chrono]\nbuild = 3\n", "[tool.chrono.build] must be a table"),
        ("[tool.chrono.build]\nfragment = 'yes'\n", "fragment must be true or false, not 'yes'"),
        ("[tool.chrono.build]\ntitle = 3\n", "title must be text, not 3"),
        ("[tool.chrono.build]\nformat = 'html,gif'\n", "format = 'html,gif': expected some of"),
        ("[tool.chrono.build]\nformat = ' , '\n", "format = ' , ': expected some of"),
        ("[tool.chrono.build]\nplotlyjs = 'web'\n", "plotlyjs = 'web': expected one of cdn"),
        ("[tool.chrono.build]\nlayout = 'grid'\n", "layout = 'grid': expected one of packed"),
        ("[tool.chrono.build]\nwidth = 20\n", "width = 20: expected pixels from 300 to 10000"),
        ("[tool.chrono.build]\nwidth = true\n", "width must be a whole number, not True"),
        ("[tool.chrono.build]\nwidth = '800'\n", "width must be a whole number, not '800'"),
        ("[tool.chrono.build]\nrelations = 1\n", "relations must be true or false, not 1"),
        ("[tool.chrono.build\n", "not valid TOML"),
    ],
)
def test_bad_settings_are_errors_worded_for_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(SettingsError) as caught:
        find_settings(tmp_path / "events")
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "--" not in str(caught.value)  # a library error names the setting, not a flag


def test_a_misspelt_setting_gets_a_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path / "chrono.toml", "[build]\nplotly_js = 'cdn'\n")
    with pytest.raises(
        SettingsError,
        match=r"\[build\] has no setting 'plotly_js' .*"
        r"did you mean 'plotlyjs'\?",
    ):
        read_settings(path)


def test_a_pyproject_outside_chrono_toml_reads_its_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.toml", "[tool.chrono.build]\nfragment = true\n")
    assert read_settings(path) == Settings(path, {"fragment": True})


def test_build_of_a_folder_elsewhere_does_not_take_this_repositorys_settings(
    tmp_path: Path,
) -> None:
    assert "[tool.chrono.build]" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    write(tmp_path / "events" / "coup.yaml", EVENT)
    out = tmp_path / "out"
    result = chrono("build", str(tmp_path / "events"), "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "settings from" not in result.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "timeline.csv",
        "timeline.html",
        "timeline.json",
    ]
    page = (out / "timeline.html").read_text(encoding="utf-8")
    assert "Mali and China" not in page and 'src="https://cdn.plot.ly' not in page  # defaults


def test_build_takes_the_settings_of_the_events_project_and_says_which(tmp_path: Path) -> None:
    project = write(
        tmp_path / "project" / "pyproject.toml",
        '[tool.chrono.build]\ntitle = "Project title"\nformat = "json"\nout = "built"\n',
    )
    write(tmp_path / "project" / "events" / "coup.yaml", EVENT)
    elsewhere = tmp_path / "elsewhere"  # not the repository: a wrong build must not write there
    elsewhere.mkdir()
    result = chrono("build", str(tmp_path / "project" / "events"), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"settings from {project}"
    assert [p.name for p in (tmp_path / "project" / "built").iterdir()] == ["timeline.json"]
    assert not any(elsewhere.iterdir())


def test_build_in_this_repository_names_its_pyproject(tmp_path: Path) -> None:
    result = chrono("build", "events", "--out", str(tmp_path), "--format", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "settings from pyproject.toml"


def test_a_bad_settings_file_stops_the_build_with_one_line(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.chrono.build]\nformats = 'json'\n")
    write(tmp_path / "events" / "coup.yaml", EVENT)
    result = chrono("build", "events", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'pyproject.toml'}: [tool.chrono.build] has no setting 'formats' "
        "(expected one of: format, plotlyjs, title, fragment, out, layout, relations, width; "
        "did you mean 'format'?)"
    ]
    assert not (tmp_path / "exports").exists()


def test_layout_relations_and_width_settings_shape_the_chart_as_their_options_do(
    tmp_path: Path,
) -> None:
    events = tmp_path / "events"
    write(
        events / "two.yaml",
        "events:\n- {id: a, title: A, date: 2020, before: b}\n- {id: b, title: B, date: 2021}\n",
    )
    flags = chrono(
        "build",
        str(events),
        "--out",
        str(tmp_path / "flags"),
        "--format",
        "html",
        "--layout",
        "rows",
        "--relations",
        cwd=tmp_path,
    )
    assert flags.returncode == 0, flags.stderr
    write(tmp_path / "chrono.toml", '[build]\nlayout = "rows"\nrelations = true\nwidth = 900\n')
    settings = chrono(
        "build", str(events), "--out", str(tmp_path / "settings"), "--format", "html", cwd=tmp_path
    )
    assert settings.returncode == 0, settings.stderr
    page = (tmp_path / "settings" / "timeline.html").read_bytes()
    assert page == (tmp_path / "flags" / "timeline.html").read_bytes()
    plain = chrono(
        "build",
        str(events),
        "--out",
        str(tmp_path / "plain"),
        "--format",
        "html",
        "--layout",
        "packed",
        "--no-relations",
        cwd=tmp_path,
    )
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "plain" / "timeline.html").read_bytes() != page  # the flags win


def test_order_and_compare_read_dates_with_the_project_s_fiscal_year(tmp_path: Path) -> None:
    write(tmp_path / "chrono.toml", "fiscal_year_start = 4\n")
    write(
        tmp_path / "events" / "budget.yaml",
        "events:\n- {id: budget, title: Budget, date: FY2023}\n"
        "- {id: audit, title: Audit, date: 2022-05-01}\n",
    )
    ordered = chrono("order", "events", "--json", cwd=tmp_path)
    assert ordered.returncode == 0, ordered.stderr
    budget = next(e for e in json.loads(ordered.stdout) if e["id"] == "budget")
    assert budget["earliest"] == "2022-04-01"  # April, not October's 2022-10-01
    compared = chrono("compare", "events", "budget", "audit", "--json", cwd=tmp_path)
    assert compared.returncode == 0, compared.stderr
    assert json.loads(compared.stdout)["before"] > 0  # April 2022 can come before May
