"""Imports point downward only (DESIGN.md), and `--help` loads no heavy library."""

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "spbe_arch"
LAYERS = [
    "model",
    "io",
    "validate",
    "graph",
    "audit",
    "maturity",
    "interop",
    "diagrams",
    "report",
    "cli",
]
"""Lowest first; a module may import its own layer and the ones before it.
diagrams and report share a level, as do audit and maturity (maturity reads audit metrics)."""
SAME_LEVEL = {"diagrams": "report", "audit": "maturity"}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "spbe_arch" else None


def _rank(layer: str) -> int:
    return LAYERS.index(SAME_LEVEL.get(layer, layer))


def _imports(path):
    tree = ast.parse(path.read_text())
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: -node.level]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module or ""
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


SOURCES = [p for p in sorted(PACKAGE.rglob("*.py")) if p.parent != PACKAGE or p.stem != "__init__"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_lower_layers(path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own not in LAYERS:
        pytest.skip(f"{own} is not a layer")
    upward = [
        module
        for module in _imports(path)
        if (layer := _layer(module)) in LAYERS and _rank(layer) > _rank(own)
    ]
    assert upward == []


def test_help_loads_no_heavy_library():
    code = (
        "import sys; from spbe_arch.cli import app; from typer.testing import CliRunner;"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output;"
        "print(sorted(m for m in ('networkx', 'graphviz', 'jinja2', 'pydantic', 'ruamel')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
