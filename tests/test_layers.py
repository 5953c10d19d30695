"""Imports point downward only (the import-linter contracts in pyproject.toml), and `--help`
loads no heavy library."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    """Run `lint-imports` on the package in `root`, with the contracts of `root/pyproject.toml`."""
    if not LINT_IMPORTS.is_file():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    env = {**os.environ, "PYTHONPATH": str(root)}  # this copy of spbe_arch, not the installed one
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )


def test_lint_imports_keeps_every_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("validate/check.py", "from ..audit import audit", "Validation imports no analysis"),
        ("validate/check.py", "from ..maturity import assess", "Validation imports no analysis"),
        ("model/finding.py", "from ..io import SpbeError", "The model imports nothing of ours"),
        ("graph.py", "from .audit import audit", "The graph imports no analysis"),
        ("audit/spof.py", "from ..report import findings", "Analyses import no output"),
        ("io/files.py", "from ..validate import load_model", "Imports point downward only"),
    ],
)
def test_lint_imports_fails_on_a_forbidden_import(tmp_path, module, line, contract):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "spbe_arch", tmp_path / "spbe_arch",
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "spbe_arch" / module
    # inside a function, as the lazy imports of this package are: it counts all the same
    path.write_text(path.read_text() + f"\n\ndef _upward():\n    {line}  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(row.startswith(contract) for row in broken), result.stdout


def test_help_loads_no_heavy_library():
    code = (
        "import sys; from spbe_arch.cli import app; from typer.testing import CliRunner;"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output;"
        "print(sorted(m for m in ('networkx', 'graphviz', 'jinja2', 'pydantic', 'ruamel')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
