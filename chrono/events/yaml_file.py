"""YAML event files, composed from the parser's events so that no YAML file can run away.

The tree is built here, in a loop, from the events of PyYAML's parser (libyaml's
where it is built in): PyYAML's own composers recurse once per level, and
libyaml's crashes the process on a file of 100,000 ``[``. Building it here also
keeps every scalar as the text the user wrote (PyYAML's constructor would turn
``2020-08-18`` into a date, ``-0500`` into -320 and ``yes`` into True), refuses
nesting deeper than :data:`MAX_NESTING` as soon as the parser reaches it, and
keeps each alias with its own line, so that an alias bomb (nested aliases that
expand exponentially) is stopped at the alias that set it off.
"""

from __future__ import annotations

import re
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]  # stubs: types-PyYAML

from chrono.events.event import Problem
from chrono.events.limits import (
    MAX_ALIAS_VALUES,
    MAX_NESTING,
    SURROGATE_ESCAPE,
    quoted,
    too_deep,
    whole_text,
)
from chrono.events.records import MAX_DEPTH, Field, Mapping, Value, Wrong

_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as a new line
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NULL = "tag:yaml.org,2002:null"
_TEXT, _NULL_KIND, _MERGE = "text", "null", "merge"  # what a scalar is, to this reader

_PyLoader: type[yaml.SafeLoader] = yaml.SafeLoader  # only its parser is used
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else _PyLoader
)


class _Scalar:
    __slots__ = ("kind", "line", "text")

    def __init__(self, line: int, text: str, kind: str) -> None:
        self.line, self.text, self.kind = line, text, kind


class _Collection:
    """A list or a mapping; ``size`` counts the values in it, aliases expanded, once ``done``."""

    __slots__ = ("done", "items", "line", "size")

    def __init__(self, line: int) -> None:
        self.line = line
        self.items: list[_Node] = []  # a mapping's are key, value, key, value, ...
        self.size = 1
        self.done = False


class _List(_Collection):
    __slots__ = ()


class _Map(_Collection):
    __slots__ = ()


class _Alias:
    """``*name``: the node it names, and the line the alias itself is written on."""

    __slots__ = ("line", "name", "node")

    def __init__(self, line: int, name: str, node: _Scalar | _Collection) -> None:
        self.line, self.name, self.node = line, name, node


_Node = _Scalar | _Collection | _Alias


class _Refused(Exception):
    """A file this reader will not go on with: one error, at a line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(text: str, file: str) -> tuple[list[Field], list[Problem]]:
    """Every document of a YAML file as a value with its line; a broken file gives one error."""
    try:
        if SURROGATE_ESCAPE.search(text) is None:
            try:
                return _direct(text), []
            except _Restart:
                pass  # an anchor, an alias, a merge, a problem: the tree knows what to say
        roots, written = _compose_all(text)
        composer = _Composer(file, max(MAX_ALIAS_VALUES, written))
        composer.escapes = SURROGATE_ESCAPE.search(text) is not None
        tops = [
            Field(composer.value(root, 0), root.line)
            for root in roots
            if not (isinstance(root, _Scalar) and root.kind == _NULL_KIND)  # an empty document
        ]
    except _Refused as err:
        return [], [Problem(file, err.line, err.message)]
    except yaml.MarkedYAMLError as err:
        return [], [Problem(file, *_syntax(err, text))]
    except yaml.reader.ReaderError as err:
        character = chr(err.character) if isinstance(err.character, int) else str(err.character)
        line = text.count("\n", 0, max(text.find(character), 0)) + 1
        message = f"YAML syntax error: character U+{ord(character[:1] or ' '):04X} is not allowed"
        return [], [Problem(file, line, message + " (write it as an escape in double quotes)")]
    except yaml.YAMLError as err:  # no other kind is raised today; keep the file's error local
        return [], [Problem(file, 1, f"YAML syntax error: {_clip(str(err))}")]
    except RecursionError:  # not within the limits, unless called from very deep already
        return [], [Problem(file, 1, "YAML nested too deeply to read")]
    return tops, composer.problems


def _syntax(err: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line where reading stopped, and a message that points back to where the trouble began."""
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    tab = _tab(text, line, column)
    if tab is not None:
        return line, tab
    if "maximum nesting depth" in (err.problem or ""):  # libyaml 0.2.5's own limit (PyYAML 6.0.4)
        return line, too_deep("YAML")
    context = f" ({_clip(err.context)})" if err.context else ""
    if err.context and err.context_mark is not None and err.context_mark.line + 1 != line:
        context = f" ({_clip(err.context)} from line {err.context_mark.line + 1})"
    return line, f"YAML syntax error: {_clip(err.problem)}, column {column}{context}"


def _tab(text: str, line: int, column: int) -> str | None:
    """The message for a tab where YAML wants spaces: in a line's indentation, or at the error."""
    lines = _BREAKS.split(text, maxsplit=line)
    written = lines[line - 1] if line <= len(lines) else ""
    indent = written[: len(written) - len(written.lstrip(" \t"))]
    if "\t" in indent:
        column = indent.index("\t") + 1
        return f"YAML syntax error: a tab in the indentation, column {column} (indent with spaces)"
    if written[column - 1 : column] == "\t":
        return f"YAML syntax error: a tab, column {column} (YAML separates with spaces)"
    return None


def _clip(text: str | None, limit: int = 120) -> str:
    """A part of PyYAML's message, which may quote an anchor or a tag of any length."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Restart(Exception):
    """Something :func:`_direct` leaves to the tree: read the file again, composing it."""


class _Frame:
    """A list or mapping being filled by :func:`_direct`."""

    __slots__ = ("fields", "items", "key", "key_line", "line")

    def __init__(self, line: int, mapping: bool) -> None:
        self.line = line
        self.items: list[Field] | None = None if mapping else []
        self.fields: dict[str, Field] = {}
        self.key: str | None = None
        self.key_line = 0


def _direct(text: str) -> list[Field]:
    """The records of a plain file, built straight from the parser's events, with no tree.

    Most files have no anchors, aliases, merges, odd keys or problems; for them
    this gives what composing gives, holding only the records (a tree of a large
    file costs twice as much again). Anything else raises :class:`_Restart`.
    """
    loader = _Loader(text)
    try:
        return _direct_events(loader)
    finally:
        loader.dispose()


def _direct_events(loader: yaml.SafeLoader | yaml.CSafeLoader) -> list[Field]:
    roots: list[Field] = []
    stack: list[_Frame] = []
    get_event = loader.get_event
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    while True:
        event: Any = get_event()
        kind = type(event)
        value: Value
        if kind is scalar_event:
            if event.anchor is not None:
                raise _Restart
            line = event.start_mark.line + 1
            top = stack[-1] if stack else None
            if top is not None and top.items is None and top.key is None:  # a mapping's key
                key = event.value
                if key in top.fields or (key == "<<" and event.implicit[0]):
                    raise _Restart
                top.key, top.key_line = key, line
                continue
            value = event.value
            if event.tag is None:  # untagged, as most are: _scalar_kind's first case, inline
                if event.implicit[0] and value in _NULLS:
                    value = None
            elif _scalar_kind(event) == _NULL_KIND:
                value = None
            if top is None and value is None:
                continue  # an empty document
        elif kind in starts:
            if event.anchor is not None or len(stack) >= min(MAX_DEPTH, MAX_NESTING):
                raise _Restart
            top = stack[-1] if stack else None
            if top is not None and top.items is None and top.key is None:
                raise _Restart  # a list or mapping as a key
            stack.append(_Frame(event.start_mark.line + 1, kind is yaml.MappingStartEvent))
            continue
        elif kind in ends:
            frame = stack.pop()
            line = frame.line
            value = Mapping(line, frame.fields) if frame.items is None else tuple(frame.items)
        elif kind is alias_event:
            raise _Restart
        elif kind is yaml.StreamEndEvent:
            return roots
        else:  # the stream's and each document's start and end
            continue
        if not stack:
            roots.append(Field(value, line))
            continue
        top = stack[-1]
        if top.items is not None:
            top.items.append(Field(value, line))
        else:
            assert top.key is not None
            top.fields[top.key] = Field(value, top.key_line)
            top.key = None


def _compose_all(text: str) -> tuple[list[_Node], int]:
    """Each document's root, built without recursion, and the number of nodes written out."""
    loader = _Loader(text)
    try:
        return _build(loader)
    finally:
        loader.dispose()


def _build(loader: yaml.SafeLoader | yaml.CSafeLoader) -> tuple[list[_Node], int]:
    """The tree, refused at the first collection too deep or the first alias that expands too far.

    An alias can only name a node written before it, so the size of what it
    expands to is known when it is met: adding these up stops a billion laughs
    after a few lines, before anything is expanded. An alias inside the node it
    names (a recursive one) counts as one value here; :class:`_Composer` counts
    what reading it costs.
    """
    roots: list[_Node] = []
    open_: list[_Collection] = []  # the collections being filled, innermost last
    anchors: dict[str, _Scalar | _Collection] = {}
    written = expanded = 0
    get_event = loader.get_event
    while True:
        event: Any = get_event()  # the stubs say Event | None; an event always comes
        kind = type(event)
        node: _Node
        if kind is yaml.ScalarEvent:
            node = _Scalar(event.start_mark.line + 1, event.value, _scalar_kind(event))
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            line = event.start_mark.line + 1
            if len(open_) >= MAX_NESTING:
                raise _Refused(line, too_deep("YAML"))
            node = _List(line) if kind is yaml.SequenceStartEvent else _Map(line)
        elif kind is yaml.AliasEvent:
            target = anchors.get(event.anchor)
            if target is None:  # libyaml words it so; PyYAML names it
                raise yaml.composer.ComposerError(
                    None, None, "found undefined alias", event.start_mark
                )
            alias = _Alias(event.start_mark.line + 1, event.anchor, target)
            size = target.size if isinstance(target, _Collection) and target.done else 1
            expanded += size
            if expanded > max(MAX_ALIAS_VALUES, written):
                raise _Refused(alias.line, _expands(max(MAX_ALIAS_VALUES, written), alias))
            if open_:
                open_[-1].items.append(alias)
                open_[-1].size += size
            else:
                roots.append(alias)
            continue
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            closed = open_.pop()
            closed.done = True
            if open_:
                open_[-1].size += closed.size
            continue
        elif kind is yaml.DocumentEndEvent:
            anchors = {}  # an anchor names a node of its own document only
            continue
        elif kind is yaml.StreamEndEvent:
            return roots, written
        else:  # the stream's and each document's start
            continue
        written += 1
        if event.anchor is not None:
            first = anchors.get(event.anchor)
            if first is not None:
                message = (
                    f"YAML syntax error: anchor &{_clip(event.anchor, 40)} defined twice "
                    f"(first at line {first.line}), column {event.start_mark.column + 1}"
                )
                raise _Refused(node.line, message)
            anchors[event.anchor] = node
        if isinstance(node, _Scalar):
            if open_:
                open_[-1].items.append(node)
                open_[-1].size += 1
            else:
                roots.append(node)
        else:
            (open_[-1].items if open_ else roots).append(node)
            open_.append(node)


def _scalar_kind(event: yaml.ScalarEvent) -> str:
    """Null, a merge key, or text: PyYAML's resolver for the only tags anything reads."""
    tag = event.tag
    if tag is None or tag == "!":
        plain = event.implicit[0]
        if plain and event.value in _NULLS:
            return _NULL_KIND
        return _MERGE if plain and event.value == "<<" else _TEXT
    return _NULL_KIND if tag == _NULL else _TEXT


def _expands(limit: int, alias: _Alias) -> str:
    return (
        f"YAML aliases expand too far (more than {limit} values): "
        f"*{_clip(alias.name, 40)} repeats too much (write the values out instead)"
    )


class _Composer:
    """Turns nodes into :mod:`records` values; a node reached through an alias is read again.

    Reading a node again is what lets an alias bomb grow, so every value read
    through an alias counts, and past ``limit`` (never less than the values the
    file writes out) the file is refused at the outermost alias being read.
    """

    def __init__(self, file: str, limit: int) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.limit = limit
        self.expanded = 0  # values read through aliases so far
        self.alias: _Alias | None = None  # the outermost alias being read
        self.escapes = False  # whether escapes may have made lone surrogates to look for

    def value(self, node: _Node, depth: int) -> Value:
        if isinstance(node, _Alias):
            outer = self.alias
            self.alias = outer or node
            read = self.value(node.node, depth)
            self.alias = outer
            return read
        self._count()
        if isinstance(node, _Scalar):
            if node.kind == _NULL_KIND:
                return None
            if not self.escapes:
                return node.text
            whole, message = whole_text(node.text)  # libyaml refuses them; PyYAML keeps them
            if message is not None:
                self._error(node.line, message)
            return whole
        if isinstance(node, _List):
            if depth >= MAX_DEPTH:
                return Wrong("a list")
            return tuple(Field(self.value(item, depth + 1), item.line) for item in node.items)
        if isinstance(node, _Map) and depth < MAX_DEPTH:
            return self.mapping(node, depth, frozenset())
        return Wrong("a mapping")

    def mapping(self, node: _Map, depth: int, seen: frozenset[int]) -> Mapping:
        """The fields of a mapping; ``<<`` merge keys fill in the fields it does not write."""
        seen = seen | {id(node)}
        fields: dict[str, Field] = {}
        merged: list[tuple[_Node, _Alias | None]] = []  # each source, and the alias it came by
        items = node.items
        for key, value in zip(items[0::2], items[1::2], strict=True):
            name = key.node if isinstance(key, _Alias) else key
            if isinstance(name, _Scalar) and name.kind == _MERGE:
                merged.extend(_sources(value))
            elif not isinstance(name, _Scalar):
                kind = "a list" if isinstance(name, _List) else "a mapping"
                self._error(key.line, f"a field name must be text, not {kind}")
            elif name.text in fields:
                first = fields[name.text].line
                self._error(
                    key.line, f"duplicate field {quoted(name.text)} (first at line {first})"
                )
            else:
                fields[name.text] = Field(self.value(value, depth + 1), key.line)
        for source, alias in merged:
            if not isinstance(source, _Map):
                self._error(source.line, "'<<' must name a mapping to merge")
            elif len(seen) >= MAX_NESTING:
                self._error(source.line, f"'<<' merges nested more than {MAX_NESTING} deep")
            elif id(source) not in seen:
                outer = self.alias
                self.alias = outer or alias
                self._count()
                for name_, field in self.mapping(source, depth, seen).fields.items():
                    fields.setdefault(name_, field)
                self.alias = outer
        return Mapping(node.line, fields)

    def _count(self) -> None:
        if self.alias is None:
            return
        self.expanded += 1
        if self.expanded > self.limit:
            raise _Refused(self.alias.line, _expands(self.limit, self.alias))

    def _error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))


def _sources(value: _Node) -> list[tuple[_Node, _Alias | None]]:
    """What ``<<`` merges: a mapping or a list of mappings, each perhaps reached by an alias."""
    via = value if isinstance(value, _Alias) else None
    target = value.node if isinstance(value, _Alias) else value
    items = target.items if isinstance(target, _List) else [target]
    return [(item.node, item) if isinstance(item, _Alias) else (item, via) for item in items]
