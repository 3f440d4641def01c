"""A project's settings for chrono, found from its events folder as ruff and black find theirs.

From the events folder upward, the first folder holding a ``chrono.toml``, or a
``pyproject.toml`` with a ``[tool.chrono]`` table, gives the settings; a
``pyproject.toml`` without that table is passed over. The working directory plays
no part: ``chrono build /elsewhere/events`` takes /elsewhere's settings, or none,
never those of the project it happens to be run from.

In ``pyproject.toml`` the build's defaults are ``[tool.chrono.build]``; in
``chrono.toml`` (which wins over a ``pyproject.toml`` beside it) the same keys
are ``[build]``. A relative ``out`` is relative to the settings file's folder.
``fiscal_year_start`` (a month, 1-12) sits in ``[tool.chrono]`` itself, or at the
top of ``chrono.toml``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import attrs

from chrono.errors import ChronoError
from chrono.export import FORMATS, WIDTHS
from chrono.export.layout import LAYOUTS
from chrono.suggest import close_match, did_you_mean

BUILD = {
    "format": str,
    "plotlyjs": str,
    "title": str,
    "fragment": bool,
    "out": str,
    "layout": str,
    "relations": bool,
    "width": int,
}
TABLES = {"build": BUILD}  # the tables under [tool.chrono] and what each may hold
TOP = {"fiscal_year_start": int}  # settings of [tool.chrono] itself, outside any table
PLOTLYJS = ("cdn", "inline", "directory")  # as chrono.export.render takes them
_TYPES = {str: "text", bool: "true or false", int: "a whole number"}


class SettingsError(ChronoError):
    """A settings file that cannot be read, or holds a setting chrono does not know."""


@attrs.frozen
class Settings:
    """Settings and the file they came from (``path`` is None when no file gives any)."""

    path: Path | None = None
    build: dict[str, Any] = attrs.field(factory=dict)
    fiscal_year_start: int | None = None  # the month fiscal years start in (dates.md)


def find_settings(folder: str | os.PathLike[str]) -> Settings:
    """The settings of the project ``folder`` (an events folder, or one event file) is in."""
    start = Path(os.path.abspath(folder))
    if start.is_file():
        start = start.parent
    for place in (start, *start.parents):
        own = place / "chrono.toml"
        if own.is_file():
            return read_settings(own)
        pyproject = place / "pyproject.toml"
        if pyproject.is_file():
            tool = _load(pyproject).get("tool")
            if isinstance(tool, dict) and "chrono" in tool:
                return _settings(pyproject, tool["chrono"], "tool.chrono")
    return Settings()


def read_settings(path: str | os.PathLike[str]) -> Settings:
    """The settings in one file: a ``chrono.toml``, or any other TOML file's ``[tool.chrono]``."""
    path = Path(path)
    data = _load(path)
    if path.name == "chrono.toml":
        return _settings(path, data, "")
    tool = data.get("tool")
    return _settings(path, tool.get("chrono", {}) if isinstance(tool, dict) else {}, "tool.chrono")


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"{path}: cannot read it ({err.strerror or err})") from None
    except UnicodeDecodeError as err:
        raise SettingsError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{path}: not valid TOML: {err}") from None


def _settings(path: Path, table: object, prefix: str) -> Settings:
    """Check every key and value of the settings table, then take them."""
    name = f"[{prefix}]" if prefix else "the file"
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: {name} must be a table")
    for key, value in table.items():
        if key in TOP:
            continue
        if key not in TABLES:
            what = "table" if isinstance(value, dict) else "setting"
            raise SettingsError(f"{path}: {name} {_unknown(what, key, {**TABLES, **TOP})}")
        if not isinstance(value, dict):
            raise SettingsError(f"{path}: {_section(prefix, key)} must be a table")
    build = dict(table.get("build", {}))
    _check(path, _section(prefix, "build"), build, BUILD)
    if "out" in build:
        build["out"] = str(path.parent / build["out"])
    fiscal = table.get("fiscal_year_start")
    if fiscal is not None and (isinstance(fiscal, bool) or fiscal not in range(1, 13)):
        raise SettingsError(
            f"{path}: {name} fiscal_year_start must be a month number from 1 to 12, not {fiscal!r}"
        )
    return Settings(path, build, fiscal)


def _section(prefix: str, key: str) -> str:
    return f"[{prefix}.{key}]" if prefix else f"[{key}]"


def _check(path: Path, section: str, values: dict[str, Any], expected: dict[str, type]) -> None:
    where = f"{path}: {section}"
    for key, value in values.items():
        if key not in expected:
            raise SettingsError(f"{where} {_unknown('setting', key, expected)}")
        kind = expected[key]
        # TOML's true is a Python int too; a width of true is no width
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise SettingsError(f"{where} {key} must be {_TYPES[kind]}, not {value!r}")
    if "format" in values:
        names = [f.strip().lower() for f in values["format"].split(",") if f.strip()]
        unknown = [f for f in names if f not in FORMATS]
        if unknown or not names:
            raise SettingsError(
                f"{where} format = {values['format']!r}: expected some of "
                f"{', '.join(FORMATS)}, comma-separated"
            )
    if "layout" in values and values["layout"] not in LAYOUTS:
        raise SettingsError(
            f"{where} layout = {values['layout']!r}: expected one of {', '.join(LAYOUTS)}"
        )
    if "width" in values and not WIDTHS[0] <= values["width"] <= WIDTHS[1]:
        raise SettingsError(
            f"{where} width = {values['width']!r}: expected pixels from {WIDTHS[0]} to {WIDTHS[1]}"
        )
    if "plotlyjs" in values and values["plotlyjs"] not in PLOTLYJS:
        raise SettingsError(
            f"{where} plotlyjs = {values['plotlyjs']!r}: expected one of {', '.join(PLOTLYJS)}"
        )


def _unknown(what: str, key: str, expected: dict[str, Any]) -> str:
    hint = did_you_mean(close_match(key, expected))
    return f"has no {what} {key!r} (expected one of: {', '.join(expected)}{hint})"
