"""The import graph keeps the layers pointing down and free of circles.

Layers, bottom-up (each may import only the layers below it, and itself):

    models/      trained artefacts, no code (loaded as package data)
    extractor/   file -> contract fields
    scoring/     rubric, cases, reports over contract documents
    samples/     sample inputs and the generator
    waiverscan/  CLI, store, batch runner, extract -> score
    training/    fits the models from samples.generator output
    review_ui/   Streamlit pages over the store (top)

and only training/, tests/ and tools/ may import ``samples.generator``. Every import
statement counts, module-level or inside a function (a lazy import is still a
dependency), ``if TYPE_CHECKING:`` ones included. Read with :mod:`ast`: nothing is
imported, so a test run cannot hide an edge by having loaded a module already.

A known violation in code another issue is reworking is listed in KNOWN_* with its
owner and runs as a strict xfail: it must be deleted from the list once fixed.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("extractor", "scoring", "samples", "waiverscan", "training", "review_ui")
RANK = {name: i for i, name in enumerate(LAYERS)}
GENERATOR = "samples.generator"
GENERATOR_USERS = ("training",)  # besides tests/ and tools/, which are not layers

#: (importer, imported) module pairs that break the layer order today -> owner
KNOWN_UPWARD: dict[tuple[str, str], str] = {
    # (issue 15 removed scoring.report -> waiverscan.store: waiverscan/report_cmd.py reads it)
}
#: pairs of modules on one import circle today -> owner
KNOWN_CIRCLES: dict[tuple[str, str], str] = {
    # (none left: Box moved to extractor.model, names_reread takes the form reader's
    # name rules as arguments, the review log types its store by a protocol)
}


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the layered packages."""
    out = {}
    for top in LAYERS:
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules ``name`` imports: ``from pkg import sub`` points at the
    submodule when there is one, else at ``pkg``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                       for a in node.names]
        else:
            continue
        for target in targets:
            # `import extractor.ocr.capi` names a module; a dotted name that is not one
            # (an attribute) falls back to its longest module prefix
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> str:
    return module.split(".", 1)[0]


def upward_imports() -> dict[tuple[str, str], str]:
    """(importer, imported) -> why it breaks the rule."""
    bad = {}
    for src, targets in GRAPH.items():
        for dst in targets:
            if RANK[_layer(dst)] > RANK[_layer(src)]:
                bad[(src, dst)] = f"{_layer(src)} is below {_layer(dst)}"
            elif ((dst == GENERATOR or dst.startswith(GENERATOR + "."))
                  and _layer(src) not in GENERATOR_USERS and not src.startswith(GENERATOR)):
                bad[(src, dst)] = "only training/, tests/ and tools/ may use the generator"
    return bad


def circles() -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[set[str]] = []
    counter = 0
    for root in GRAPH:
        if root in index:
            continue
        work = [(root, iter(sorted(GRAPH[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(GRAPH[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = set()
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    comp.add(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    out.append(comp)
    return out


def _circle_text(comp: set[str]) -> str:
    edges = sorted(f"{a} -> {b}" for a in comp for b in GRAPH[a] if b in comp)
    return "circle among " + ", ".join(sorted(comp)) + ": " + "; ".join(edges)


def test_the_graph_sees_the_packages():
    # a walk that found nothing would pass every rule below
    assert {"extractor.ingest", "scoring.rubric", "waiverscan.cli"} <= set(MODULES)
    assert "extractor.model" in GRAPH["waiverscan.cli"]


def test_no_module_imports_a_layer_above_its_own():
    bad = {k: v for k, v in upward_imports().items() if k not in KNOWN_UPWARD}
    assert not bad, "\n".join(f"{a} imports {b}: {why}" for (a, b), why in sorted(bad.items()))


def test_no_import_circles():
    bad = [c for c in circles()
           if not any(a in c and b in c for a, b in KNOWN_CIRCLES)]
    assert not bad, "\n".join(_circle_text(c) for c in bad)


@pytest.mark.parametrize("pair", [
    pytest.param(pair, marks=pytest.mark.xfail(strict=True, reason=f"known; owner: {owner}"))
    for pair, owner in KNOWN_UPWARD.items()])
def test_known_upward_import_is_gone(pair):
    assert pair not in upward_imports()


@pytest.mark.parametrize("pair", [
    pytest.param(pair, marks=pytest.mark.xfail(strict=True, reason=f"known; owner: {owner}"))
    for pair, owner in KNOWN_CIRCLES.items()])
def test_known_circle_is_gone(pair):
    on_one = [c for c in circles() if pair[0] in c and pair[1] in c]
    assert not on_one, _circle_text(on_one[0])


def test_the_rules_catch_what_they_forbid():
    # the checks themselves, on edges added for the test: an upward import, a circle
    GRAPH["extractor.ingest"].add("scoring.rubric")
    GRAPH["scoring.rubric"].add("extractor.ingest")
    try:
        assert ("extractor.ingest", "scoring.rubric") in upward_imports()
        assert any({"extractor.ingest", "scoring.rubric"} <= c for c in circles())
    finally:
        GRAPH["extractor.ingest"].discard("scoring.rubric")
        GRAPH["scoring.rubric"].discard("extractor.ingest")
