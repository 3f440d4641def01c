"""YAML event files, read as composed nodes so that YAML's implicit typing never rewrites a value.

PyYAML's constructor would turn ``2020-08-18`` into a date, ``-0500`` into -320
and ``yes`` into True; the composed node keeps the text as the user wrote it and
the line of every key, which is all an event file needs. The C loader is used
where libyaml is built in, the pure-Python one otherwise.
"""

from __future__ import annotations

import yaml  # type: ignore[import-untyped, unused-ignore]  # stubs: types-PyYAML

from chrono.events.event import Problem
from chrono.events.records import MAX_DEPTH, Field, Mapping, Value, Wrong

_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _Verbatim:
    """Tags every plain scalar as text but null and ``<<``: nothing else reads the tags.

    PyYAML's resolver would try a dozen patterns on every scalar, for types that
    are then thrown away; skipping them roughly halves the time to compose.
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            plain = implicit[0]
            if plain and value in _NULLS:
                return _NULL
            return _MERGE if plain and value == "<<" else "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


class _PyLoader(_Verbatim, yaml.SafeLoader):  # type: ignore[misc, unused-ignore]
    """The pure-Python loader, for a PyYAML built without libyaml."""


_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = _PyLoader
if yaml.__with_libyaml__:

    class _CLoader(_Verbatim, yaml.CSafeLoader):  # type: ignore[misc, unused-ignore]
        """The loader of libyaml, in C."""

    _Loader = _CLoader


def read_yaml(text: str, file: str) -> tuple[list[Field], list[Problem]]:
    """Every document of a YAML file as a value with its line; a broken file gives one error."""
    try:
        nodes = _compose_all(text)
    except yaml.MarkedYAMLError as err:
        return [], [Problem(file, *_syntax(err))]
    except yaml.reader.ReaderError as err:
        character = chr(err.character) if isinstance(err.character, int) else str(err.character)
        line = text.count("\n", 0, max(text.find(character), 0)) + 1
        message = f"YAML syntax error: character U+{ord(character[:1] or ' '):04X} is not allowed"
        return [], [Problem(file, line, message + " (write it as an escape in double quotes)")]
    except yaml.YAMLError as err:  # no other kind is raised today; keep the file's error local
        return [], [Problem(file, 1, f"YAML syntax error: {err}")]
    except RecursionError:
        return [], [Problem(file, 1, "YAML nested too deeply to read")]
    composer = _Composer(file)
    tops = [
        Field(composer.value(node, 0), _line(node))
        for node in nodes
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _NULL)  # an empty document
    ]
    return tops, composer.problems


def _syntax(err: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The line where reading stopped, and a message that points back to where the trouble began."""
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    context = f" ({err.context})" if err.context else ""
    if err.context and err.context_mark is not None and err.context_mark.line + 1 != line:
        context = f" ({err.context} from line {err.context_mark.line + 1})"
    return line, f"YAML syntax error: {err.problem}, column {column}{context}"


def _compose_all(text: str) -> list[yaml.Node]:
    loader = _Loader(text)
    try:
        nodes: list[yaml.Node] = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
        return nodes
    finally:
        loader.dispose()


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


class _Composer:
    """Turns nodes into :mod:`records` values; a node reached through an alias is read again."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def value(self, node: yaml.Node, depth: int) -> Value:
        if isinstance(node, yaml.ScalarNode):
            return None if node.tag == _NULL else str(node.value)
        if isinstance(node, yaml.SequenceNode):
            if depth >= MAX_DEPTH:
                return Wrong("a list")
            return tuple(Field(self.value(item, depth + 1), _line(item)) for item in node.value)
        if isinstance(node, yaml.MappingNode) and depth < MAX_DEPTH:
            return self.mapping(node, depth, frozenset())
        return Wrong("a mapping")

    def mapping(self, node: yaml.MappingNode, depth: int, seen: frozenset[int]) -> Mapping:
        """The fields of a mapping; ``<<`` merge keys fill in the fields it does not write."""
        seen = seen | {id(node)}
        fields: dict[str, Field] = {}
        merged: list[yaml.Node] = []
        for key, value in node.value:
            if key.tag == _MERGE:
                merged.extend(value.value if isinstance(value, yaml.SequenceNode) else [value])
            elif not isinstance(key, yaml.ScalarNode):
                kind = "a list" if isinstance(key, yaml.SequenceNode) else "a mapping"
                self._error(_line(key), f"a field name must be text, not {kind}")
            elif key.value in fields:
                first = fields[key.value].line
                self._error(_line(key), f"duplicate field {key.value!r} (first at line {first})")
            else:
                fields[str(key.value)] = Field(self.value(value, depth + 1), _line(key))
        for source in merged:
            if not isinstance(source, yaml.MappingNode):
                self._error(_line(source), "'<<' must name a mapping to merge")
            elif id(source) not in seen:
                for name, field in self.mapping(source, depth, seen).fields.items():
                    fields.setdefault(name, field)
        return Mapping(_line(node), fields)

    def _error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))
