"""No import circles inside the package.

The graph is read from the source with `ast`, without importing anything. A node is a
module of `saleor_helpdesk`; an edge is an import that runs when the module is loaded:
statements at module level, in class bodies and under module-level `if`/`try`/`with`,
but not inside functions and not under `if TYPE_CHECKING:` (annotations only).

A second check counts those deferred imports too: an import inside a function or under
`TYPE_CHECKING` that closes a circle only hides it, and the modules still depend on
each other.

`from pkg import name` is an edge to `pkg.name` when that is a module, otherwise to
`pkg`. Importing `a.b.c` also runs the `__init__` of `a` and `a.b`; those edges count
too, except for packages that enclose the importing module: they are loaded before it,
so reaching them again is no circle.
"""

import ast
from pathlib import Path

import saleor_helpdesk

PACKAGE = "saleor_helpdesk"
ROOT = Path(saleor_helpdesk.__file__).parent


def _module_names(root: Path) -> dict[str, Path]:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((PACKAGE, *parts))] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(body: list[ast.stmt], deferred: bool):
    """The import statements among `body` that run when the module is loaded, and
    with `deferred` also those inside functions and under `if TYPE_CHECKING:`."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not deferred:
            continue
        elif isinstance(node, ast.If) and _is_type_checking(node.test) and not deferred:
            yield from _imports(node.orelse, deferred)
        else:
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                children = getattr(node, field, None)
                if isinstance(children, list):
                    yield from _imports(
                        [c for c in children if isinstance(c, ast.stmt)], deferred
                    )
                    for child in children:
                        if isinstance(child, ast.ExceptHandler | ast.match_case):
                            yield from _imports(child.body, deferred)


def _targets(module: str, is_package: bool, node, modules) -> set[str]:
    """The package's modules that importing `node` inside `module` loads."""
    if isinstance(node, ast.Import):
        named = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.split(".")
            if not is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        named = [
            f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
            for alias in node.names
        ]
    enclosing = {
        ".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 2)
    }
    targets = set()
    for name in named:
        parts = name.split(".")
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix in modules and (prefix == name or prefix not in enclosing):
                targets.add(prefix)
    targets.discard(module)
    return targets


def import_graph(root: Path = ROOT, deferred: bool = False) -> dict[str, set[str]]:
    modules = _module_names(root)
    graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        is_package = path.name == "__init__.py"
        graph[module] = set()
        for node in _imports(tree.body, deferred):
            graph[module] |= _targets(module, is_package, node, modules)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of two or more modules that each reach one another (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest circle through each strongly connected group."""
    return [_circle_in(group, graph) for group in strongly_connected(graph)]


def _circle_in(group: set[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest path from the group's first module back to itself."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    return [*paths[node], start]
                if nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"{sorted(group)} is not strongly connected")


def _report(graph: dict[str, set[str]], found: list[list[str]]) -> str:
    edges = sum(len(targets) for targets in graph.values())
    print(f"modules={len(graph)} edges={edges} cycles={len(found)}")
    lines = ["import circles (one per group of modules that import each other):"]
    for circle, group in zip(found, strongly_connected(graph), strict=True):
        lines.append(" -> ".join(circle))
        lines.append(f"    group: {', '.join(sorted(group))}")
    return "\n".join(lines)


def test_the_package_has_no_import_circles():
    graph = import_graph()
    found = cycles(graph)

    message = _report(graph, found)
    assert len(graph) > 200
    assert not found, message


def test_no_circle_hides_behind_a_deferred_import():
    graph = import_graph(deferred=True)
    found = cycles(graph)

    message = _report(graph, found)
    assert not found, message


def test_the_checker_finds_a_circle(tmp_path):
    # given a package whose modules import each other in a ring, one of them
    # through a submodule import, and a second ring closed only by imports for
    # annotations and inside a function
    package = tmp_path / PACKAGE
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "b.py").write_text("import os\n\nfrom ..c import thing\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\n\n"
        "if TYPE_CHECKING:\n    from .d import D\n\n"
        "def later():\n    from .e import E\n\n"
        "from . import a\n"
    )
    (package / "d.py").write_text("from .c import later\n")
    (package / "e.py").write_text("from .c import later\n")

    # when the graph is read
    graph = import_graph(package)
    deferred = import_graph(package, deferred=True)

    # then the ring is reported; imports for annotations or inside functions are
    # edges only when deferred imports count, and then close their own rings
    ring = [f"{PACKAGE}.a", f"{PACKAGE}.sub.b", f"{PACKAGE}.c", f"{PACKAGE}.a"]
    assert cycles(graph) == [ring]
    assert graph[f"{PACKAGE}.c"] == {f"{PACKAGE}.a"}
    assert deferred[f"{PACKAGE}.c"] == {f"{PACKAGE}.a", f"{PACKAGE}.d", f"{PACKAGE}.e"}
    assert cycles(deferred) == [ring]
    assert strongly_connected(deferred) == [
        {f"{PACKAGE}.{name}" for name in ("a", "sub.b", "c", "d", "e")}
    ]
