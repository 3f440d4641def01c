"""JSON event files, with the line of every object, list item and field.

The standard decoder keeps no positions, so the pure-Python scanner is built
around object and array parsers that note where each value starts; offsets
become lines by bisecting the offsets of the file's newlines, computed once.
Numbers and booleans keep the text they were written as (``2022`` -> ``"2022"``).
The decoder recurses once per level, so nesting is measured first, by a scan
of the brackets outside strings, and a file deeper than :data:`MAX_NESTING` is
refused at the line where it goes too deep.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate
from json.decoder import JSONArray, JSONObject  # type: ignore[attr-defined]  # not in typeshed
from json.scanner import py_make_scanner  # type: ignore[attr-defined]  # not in typeshed
from typing import Any

from chrono.events.event import Problem
from chrono.events.limits import MAX_NESTING, SURROGATE_ESCAPE, quoted, too_deep, whole_text
from chrono.events.records import MAX_DEPTH, Field, Mapping, Value, Wrong

_Scan = Callable[[str, int], tuple[Any, int]]
# A string, or an unclosed one up to the end of the text: the pattern cannot fail once it
# has matched a quote, so no scan ever backs up and starts again at a later quote (an
# unclosed string of escaped quotes made that quadratic), and each character is read once.
_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?'
_STRINGS = re.compile(_STRING, re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STRING_OR_BRACKET = re.compile(_STRING + r"|[\[\]{}]", re.DOTALL)
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class _Located:
    """An object's pairs or an array's items, with the line each value starts on."""

    __slots__ = ("line", "lines", "values")

    def __init__(self, line: int, values: list[Any], lines: list[int]) -> None:
        self.line = line
        self.values = values  # (key, value) pairs for an object, items for an array
        self.lines = lines


class _Object(_Located):
    __slots__ = ()


class _Array(_Located):
    __slots__ = ()


class _Decoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__(parse_int=str, parse_float=str, parse_constant=str)
        self._newlines = [match.start() for match in re.finditer("\n", text)]
        self.parse_object = self._object
        self.parse_array = self._array
        self.scan_once = py_make_scanner(self)  # the C scanner would bypass the hooks

    def line(self, offset: int) -> int:
        return bisect_left(self._newlines, offset) + 1

    def _noting(self, scan_once: _Scan, starts: list[int]) -> _Scan:
        def scan(text: str, offset: int) -> tuple[Any, int]:
            starts.append(offset)
            return scan_once(text, offset)

        return scan

    def _object(
        self,
        text_and_end: tuple[str, int],
        strict: bool,
        scan_once: _Scan,
        object_hook: object,
        object_pairs_hook: object,
        memo: dict[str, str] | None = None,
    ) -> tuple[_Object, int]:
        starts: list[int] = []
        scan = self._noting(scan_once, starts)
        pairs, end = JSONObject(text_and_end, strict, scan, None, list, memo)
        lines = [self.line(start) for start in starts]
        return _Object(self.line(text_and_end[1] - 1), pairs, lines), end

    def _array(self, text_and_end: tuple[str, int], scan_once: _Scan) -> tuple[_Array, int]:
        starts: list[int] = []
        items, end = JSONArray(text_and_end, self._noting(scan_once, starts))
        lines = [self.line(start) for start in starts]
        return _Array(self.line(text_and_end[1] - 1), items, lines), end


def read_json(text: str, file: str) -> tuple[list[Field], list[Problem]]:
    """The file's one top-level value with its line; a broken file gives one error."""
    decoder = _Decoder(text)
    deep = _too_deep_at(text)
    if deep is not None:
        return [], [Problem(file, decoder.line(deep), too_deep("JSON"))]
    try:
        top = decoder.decode(text)
    except json.JSONDecodeError as err:
        message = f"JSON syntax error: {err.msg}, column {err.colno}"
        return [], [Problem(file, err.lineno, message)]
    except RecursionError:  # not with MAX_NESTING, unless called from very deep already
        return [], [Problem(file, 1, "JSON nested too deeply to read")]
    problems: list[Problem] = []
    line = decoder.line(len(text) - len(text.lstrip()))
    # only an escape can put half a UTF-16 pair in a value: look for them only then
    reader = _Reader(file, problems, SURROGATE_ESCAPE.search(text) is not None)
    return [Field(_value(top, 0, line, reader), line)], problems


def _too_deep_at(text: str) -> int | None:
    """Where the first list or object deeper than :data:`MAX_NESTING` opens, if one does.

    Brackets inside strings do not count; the common case is settled by C-level
    string operations, and only a file that does go too deep is walked in Python.
    """
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return None
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) <= MAX_NESTING:
        return None
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        depth += _STEP.get(match.group(), 0)
        if depth > MAX_NESTING:
            return match.start()
    return None  # not reached: the same brackets, counted the same way


class _Reader:
    """A file's problems, and whether its escapes may hold lone surrogates to look for."""

    __slots__ = ("escapes", "file", "problems")

    def __init__(self, file: str, problems: list[Problem], escapes: bool) -> None:
        self.file, self.problems, self.escapes = file, problems, escapes

    def text(self, value: str, line: int) -> str:
        if not self.escapes:
            return value
        whole, message = whole_text(value)
        if message is not None:
            self.problems.append(Problem(self.file, line, message))
        return whole


def _value(value: object, depth: int, line: int, reader: _Reader) -> Value:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return reader.text(value, line)
    if value is None:
        return value
    if isinstance(value, _Array):
        if depth >= MAX_DEPTH:
            return Wrong("a list")
        return tuple(
            Field(_value(item, depth + 1, at, reader), at)
            for item, at in zip(value.values, value.lines, strict=True)
        )
    if isinstance(value, _Object) and depth < MAX_DEPTH:
        fields: dict[str, Field] = {}
        for (key, item), at in zip(value.values, value.lines, strict=True):
            if key in fields:
                first = fields[key].line
                message = f"duplicate field {quoted(key)} (first at line {first})"
                reader.problems.append(Problem(reader.file, at, message))
            else:
                fields[key] = Field(_value(item, depth + 1, at, reader), at)
        return Mapping(value.line, fields)
    return Wrong("a mapping")
