"""The import contract (docs/adr/0060-enforced-layers.md): webapp → match → graph, ingest → graph, ontology at the bottom,
no cycles, and all Cypher in `graph/`.

Imports are read with `ast` from every line of every module, including imports inside function bodies, so a
lazy import cannot hide an arrow that runs back up.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Top to bottom. A package may import from the layers below it, never from a layer above; packages that share
# a layer are independent of each other (the matcher never imports an importer, and the other way round).
LAYERS: tuple[tuple[str, ...], ...] = (("webapp",), ("match", "ingest"), ("graph",), ("ontology",))
PACKAGES = {pkg for layer in LAYERS for pkg in layer}

# Edges that break the contract and have an owner. Remove the entry with the fix; the test fails on a stale one.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}

# Outside graph/: the code that may hold no Cypher (tests may, to check the graph directly).
NO_CYPHER = ("webapp", "match", "ingest", "ontology", "bench", "tools")
CYPHER = re.compile(
    r"\b(?:OPTIONAL\s+)?MATCH\s*\(|\bMERGE\s*\(|\bCREATE\s*\(|\bUNWIND\s+\$|\bDETACH\s+DELETE\b"
    r"|\bCALL\s+(?:db|dbms|apoc)\.|\bRETURN\s+[\w.]+\s+AS\s+\w+|\bCREATE\s+(?:INDEX|CONSTRAINT)\b"
)


@dataclass(frozen=True)
class Edge:
    source: str  # importing module, e.g. "ingest.demo"
    target: str  # imported module, e.g. "match.index"
    where: str  # file:line

    def __str__(self) -> str:
        return f"{self.where}: {self.source} imports {self.target}"


@functools.cache
def _modules() -> dict[str, Path]:
    mods: dict[str, Path] = {}
    for pkg in sorted(PACKAGES):
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            mods[name] = path
    return mods


def _targets(module: str, path: Path, node: ast.Import | ast.ImportFrom, mods: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = module.split(".")
        if path.name != "__init__.py":
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    # `from pkg import submodule` depends on the submodule (and on pkg/__init__ only for names defined there).
    subs = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in mods]
    return subs if len(subs) == len(node.names) else [target, *subs]


@functools.cache
def _edges() -> tuple[Edge, ...]:
    mods = _modules()
    edges = []
    for module, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):  # every import, at module level or in a function body
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _targets(module, path, node, mods):
                while target and target not in mods:  # `graph.store.connect` -> `graph.store`
                    target = target.rpartition(".")[0]
                if target and target != module:
                    edges.append(Edge(module, target, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return tuple(edges)


def _layer(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def _breaks_layers(edge: Edge) -> bool:
    src, dst = edge.source.split(".")[0], edge.target.split(".")[0]
    if src == dst:
        return False
    return _layer(dst) <= _layer(src)  # upwards, or sideways to an independent sibling


def test_imports_only_run_down_the_layers():
    broken = [e for e in _edges() if _breaks_layers(e)]
    unexpected = [str(e) for e in broken if (e.source, e.target) not in KNOWN_EXCEPTIONS]
    assert unexpected == [], "imports against the layers (docs/adr/0060-enforced-layers.md):\n" + "\n".join(
        unexpected
    )


def test_known_exceptions_are_still_needed():
    """An exception that no longer occurs must leave the list, so it cannot quietly come back."""
    present = {(e.source, e.target) for e in _edges()}
    stale = [f"{src} -> {dst}" for (src, dst) in KNOWN_EXCEPTIONS if (src, dst) not in present]
    assert stale == []


def test_no_import_cycles():
    graph: dict[str, set[str]] = {}
    for e in _edges():
        graph.setdefault(e.source, set()).add(e.target)
    cycles = _strongly_connected(graph)
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(sorted(c)) for c in cycles)


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan: the groups of modules that import each other, directly or round a loop (size > 1)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _strings(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):  # f-strings: their literal parts
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            yield node.lineno, literal


def test_all_cypher_lives_in_graph():
    found = []
    for top in NO_CYPHER:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "node_modules" in path.parts or "target" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, text in _strings(tree):
                if CYPHER.search(text):
                    found.append(f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}")
    assert found == [], "Cypher outside graph/ (move it into a repository):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source, target, allowed",
    [
        ("webapp.cli", "match.index", True),
        ("webapp.cli", "ingest.demo", True),
        ("match.engine", "graph.store", True),
        ("ingest.writer", "ontology", True),
        ("ingest.demo", "match.index", False),
        ("match.evaluate", "ingest.hsds", False),
        ("graph.views", "webapp.site", False),
        ("ontology.model", "graph.models", False),
    ],
)
def test_the_contract_itself(source, target, allowed):
    """The rule the other tests apply: down is allowed; up and sideways between siblings are not."""
    assert _breaks_layers(Edge(source, target, "-")) is not allowed


def test_cypher_pattern_finds_cypher_and_not_prose():
    assert CYPHER.search("MATCH (s:Service) DETACH DELETE s")
    assert CYPHER.search("UNWIND $rows AS row MERGE (s:Service {id: row.id})")
    assert CYPHER.search("RETURN 1 AS ok")
    assert not CYPHER.search("Match the hulpvraag to services and return the best ones.")
    assert not CYPHER.search("Maak (een) nieuwe dienst")


# Issue 11: no function over ~100 lines in graph/, ingest/, match/ (split into named steps). Listed: known ones
# with their owner; the list may only shrink.
LONG_FUNCTIONS_ALLOWED: dict[str, str] = {}


def test_no_function_over_100_lines_in_graph_ingest_match():
    long = []
    for top in ("graph", "ingest", "match"):
        for path in sorted((ROOT / top).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    lines = node.end_lineno - node.lineno + 1
                    key = f"{path.relative_to(ROOT).as_posix()}::{node.name}"
                    if lines > 100 and key not in LONG_FUNCTIONS_ALLOWED:
                        long.append(f"{key} ({lines} lines)")
    assert long == [], "split into named steps: " + ", ".join(long)


def test_no_module_over_about_600_lines():
    """Issue 11: a module a newcomer can read in one go. ~600 lines (a little slack for a docstring), in every
    package of ours; split by aggregate or by step, never by cutting a function in two."""
    big = []
    for top in ("graph", "ingest", "match", "ontology", "webapp"):
        for path in sorted((ROOT / top).rglob("*.py")):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > 620:
                big.append(f"{path.relative_to(ROOT).as_posix()} ({lines} lines)")
    assert big == [], "split into modules by aggregate or step: " + ", ".join(big)
