"""The import graph of chrono/: every import points down the layers, and none goes round.

Every import counts, wherever it stands: at the top of a module, inside a function
(the lazy imports that keep start-up fast) or under ``TYPE_CHECKING``, since each
is a dependency of the design even where it costs nothing at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chrono"

# Bottom to top. A module may import from its own layer and those below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    # the error root, and Problem which its ProblemsError carries
    # did-you-mean, which the errors use; imports nothing of chrono
    ("chrono.suggest",),
    ("chrono.errors",),
    # the settings of the local Dask cluster extract and build start (dask imported lazily)
    ("chrono.cluster",),
    # one integer per day; raises DayError
    ("chrono.days",),
    # windows and intervals of days
    ("chrono.model",),
    # calendar units (month, season, parts of a unit), and intervals to words, JSON and EDTF
    # and named holidays as days of a year (dateutil for Easter, imported lazily)
    (
        "chrono.units",
        "chrono.holidays",
        "chrono.describe",
        "chrono.serialize",
        "chrono.edtf_format",
    ),
    # the grammars: tokens, EDTF, English, the parse tree; they build no relative dates
    ("chrono.parsing",),
    # the parse tree against the reference date
    ("chrono.resolve",),
    # text to Interval: the public entry point for one date
    ("chrono.parse",),
    # event files read into Events (dates stay text until the chronology reads them);
    # chrono.events.parquet_file reads Parquet tables (pyarrow imported lazily)
    ("chrono.events",),
    # events linked, propagated, ordered: Timeline and Placed; chrono.chronology.distributed
    # solves the components on a Dask cluster (dask imported lazily)
    ("chrono.chronology",),
    # dates found in running text; it needs parsing and resolve, not events
    ("chrono.extract",),
    # a corpus of texts extracted in parallel to Parquet (dask and pyarrow imported lazily)
    ("chrono.corpus",),
    # drawing and writing a Timeline; registers its drawing with Timeline on import
    ("chrono.export",),
    # the command, its settings, the watcher and the preview server, terminal-safe text
    # and bounded input for it, and the package's
    # facade (chrono/__init__.py), which gathers the public names from every layer
    (
        "chrono.cli",
        "chrono.__main__",
        "chrono.batch",
        "chrono.config",
        "chrono.watch",
        "chrono.serve",
        "chrono.terminal",
        "chrono.text_input",
        "chrono",
    ),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """The chrono modules ``path`` imports: ``from pkg import mod`` counts as pkg.mod."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "chrono"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "chrono":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


GRAPH = {name: _imports(path) for name, path in MODULES.items()}


def layer_of(module: str) -> int:
    """The layer of the longest prefix that names ``module``'s package or the module."""
    best, level = -1, -1
    for index, layer in enumerate(LAYERS):
        for prefix in layer:
            exact_only = prefix == "chrono"  # the facade, not every module under it
            matches = module == prefix or (not exact_only and module.startswith(prefix + "."))
            if matches and len(prefix) > best:
                best, level = len(prefix), index
    if level < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS")
    return level


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    mine = layer_of(module)
    upward = sorted(m for m in GRAPH[module] if layer_of(m) > mine)
    assert not upward, f"{module} (layer {mine}) imports upward: {upward}"


def test_no_circle() -> None:
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                raise AssertionError("an import circle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])


def test_the_walk_sees_function_level_and_type_checking_imports(tmp_path: Path) -> None:
    # the checker must be able to fail: an import hidden in a function or under
    # TYPE_CHECKING is still an arrow of the graph
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from chrono.export import render\n"
        "def f():\n"
        "    from chrono import cli\n"
        "    import chrono.chronology.build\n",
        encoding="utf-8",
    )
    assert _imports(source) == {"chrono.export", "chrono.cli", "chrono.chronology.build"}
    assert layer_of("chrono.days") < layer_of("chrono.chronology.timeline")
    assert layer_of("chrono.chronology.timeline") < layer_of("chrono.export.chart")


def test_the_error_root_stands_on_did_you_mean_alone() -> None:
    assert GRAPH["chrono.errors"] <= {"chrono.suggest"}
    assert GRAPH["chrono.suggest"] == set()
