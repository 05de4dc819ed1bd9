"""The layers point one way: a package imports only packages below it, and no two files import
each other in a circle. Read from the source with `ast`, so function-level imports count too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Bottom to top; packages on one level never import each other.
LAYERS = [
    {"core"},
    {"vntext", "prompts"},
    {"index"},
    {"ingest"},
    {"answering"},
    {"web", "bot"},
    {"chidao"},
]
LEVEL = {package: level for level, group in enumerate(LAYERS) for package in group}
MAX_LINES = 300


def _modules() -> dict[str, Path]:
    found = {}
    for package in LEVEL:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules `path` imports (the longest known prefix of each imported name)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    resolved = set()
    for name in names:
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            if ".".join(parts[:end]) in modules:
                resolved.add(".".join(parts[:end]))
                break
    return resolved


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def test_no_import_runs_up_or_sideways_between_packages():
    wrong = []
    for module, imported in _graph().items():
        here = module.split(".")[0]
        for other in imported:
            there = other.split(".")[0]
            if there != here and LEVEL[there] >= LEVEL[here]:
                wrong.append(f"{module} -> {other}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_cycle_between_files():
    graph = _graph()
    # A package's __init__ importing its own submodules is not a cycle of files.
    for module in graph:
        graph[module] = {m for m in graph[module] if not m.startswith(module + ".")}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_no_source_module_over_300_lines():
    sources = [
        *_modules().values(),
        *(ROOT / "bench").glob("*.py"),
        *(ROOT / "web" / "static").glob("*.js"),  # the web pages' scripts are modules too
    ]
    long = [
        f"{path.relative_to(ROOT)}: {n}"
        for path in sources
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, "modules over 300 lines:\n" + "\n".join(long)
