"""The imports follow the layers (ARCHITECTURE.md, "Imports").

Reads every module of `quartier/` outside tests and migrations with `ast` (nothing
is imported, so a cycle cannot hide behind Python's import cache) and checks:

- `core` imports no other app: it is the shared layer every app may use;
- the apps import each other without a cycle, so each app can be read, tested and
  moved with what lies below it and nothing above;
- no two modules import each other, not even through a function-level import;
- a function-level import of our own code says on its line, or the line above, why
  it cannot sit at the top of the module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quartier"

# The apps that may import nothing of ours but each other in this order are not
# listed: the rule is only "no cycles". `core` is the one layer fixed by name.
SHARED = "core"


@dataclass(frozen=True)
class Import:
    source: str  # importing module, dotted
    target: str  # imported module of ours, dotted
    line: int
    function_level: bool
    commented: bool  # a comment on the import's line or the line above


def _skipped(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).parts
    return "tests" in parts or "migrations" in parts


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _skipped(path)
    }


MODULES = _modules()


def app_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""


def _resolve(source: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a `from … import` names, relative imports included."""
    if not node.level:
        return node.module or ""
    base = source.split(".")
    # A package's own name is its first level; a module's is its parent.
    drop = node.level - 1 if is_package else node.level
    base = base[: len(base) - drop]
    return ".".join([*base, node.module] if node.module else base)


def _targets(module: str, names: list[str]) -> Iterator[str]:
    """`from quartier.cms import demo` imports the module `quartier.cms.demo`."""
    if not module.startswith("quartier"):
        return
    found = False
    for name in names:
        if f"{module}.{name}" in MODULES:
            found = True
            yield f"{module}.{name}"
    if not found:
        yield module


def _comment_lines(source_text: str) -> set[int]:
    import io
    import tokenize

    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source_text).readline):
        if token.type == tokenize.COMMENT:
            lines.add(token.start[0])
    return lines


def _imports(module: str, path: Path) -> Iterator[Import]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    comments = _comment_lines(text)
    is_package = path.name == "__init__.py"

    def block_start(node: ast.AST, child: ast.stmt) -> int:
        """First line of the run of import statements `child` belongs to.

        One comment above a run of imports explains them all.
        """
        body = next(
            (
                value
                for value in ast.iter_fields(node)
                if isinstance(value[1], list) and child in value[1]
            ),
            (None, [child]),
        )[1]
        start = child
        for previous in reversed(body[: body.index(child)]):
            if not isinstance(previous, ast.Import | ast.ImportFrom):
                break
            start = previous
        return start.lineno

    def visit(node: ast.AST, in_function: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            if isinstance(child, ast.Import):
                targets = [
                    alias.name
                    for alias in child.names
                    if alias.name.startswith("quartier")
                ]
            elif isinstance(child, ast.ImportFrom):
                resolved = _resolve(module, is_package, child)
                targets = list(_targets(resolved, [a.name for a in child.names]))
            else:
                yield from visit(child, nested)
                continue
            for target in targets:
                yield Import(
                    source=module,
                    target=target,
                    line=child.lineno,
                    function_level=in_function,
                    commented=bool(
                        set(range(block_start(node, child) - 1, child.end_lineno + 1))
                        & comments
                    ),
                )

    yield from visit(tree, False)


def all_imports() -> list[Import]:
    return [imp for module, path in MODULES.items() for imp in _imports(module, path)]


IMPORTS = all_imports()


def app_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for imp in IMPORTS:
        source, target = app_of(imp.source), app_of(imp.target)
        if source and target and source != target:
            graph.setdefault(source, set()).add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected set of more than one node (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(found)


def test_the_reader_sees_every_app():
    # A guard that parses nothing passes everything: pin what it reads.
    apps = {app_of(module) for module in MODULES}
    assert {"core", "accounts", "quarters", "cms", "events", "funds"} <= apps
    assert len(IMPORTS) > 200


def test_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_relative_imports_resolve():
    node = ast.parse("from .models import Event").body[0]
    assert _resolve("quartier.events.views", False, node) == "quartier.events.models"
    assert _resolve("quartier.events", True, node) == "quartier.events.models"


def test_core_imports_no_app():
    arrows = sorted(
        f"{imp.source}:{imp.line} -> {imp.target}"
        for imp in IMPORTS
        if app_of(imp.source) == SHARED and app_of(imp.target) != SHARED
    )
    assert arrows == []


def test_apps_import_each_other_without_cycles():
    graph = app_graph()
    found = cycles(graph)
    detail = [
        f"{imp.source}:{imp.line} -> {imp.target}"
        for imp in IMPORTS
        for component in found
        if app_of(imp.source) in component
        and app_of(imp.target) in component
        and app_of(imp.source) != app_of(imp.target)
    ]
    assert found == [], "\n".join(sorted(detail))


def test_modules_import_each_other_without_cycles():
    graph: dict[str, set[str]] = {}
    for imp in IMPORTS:
        if imp.source != imp.target:
            graph.setdefault(imp.source, set()).add(imp.target)
    assert cycles(graph) == []


def test_function_level_imports_say_why():
    silent = sorted(
        f"{imp.source}:{imp.line} -> {imp.target}"
        for imp in IMPORTS
        if imp.function_level and not imp.commented
    )
    assert silent == []
