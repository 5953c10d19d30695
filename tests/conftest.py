"""Shared fixtures: the CLI runner, the example model, and tiny models written to tmp folders."""

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kabupaten-lembah-hijau"
SHARED = ROOT.parent / "shared"

MANIFEST = """\
instansi:
  id: kab-uji
  name: Kabupaten Uji
  level: kabupaten
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def make_model(tmp_path):
    """Write a model folder from {relative path: YAML text}; spbe.yaml defaults to MANIFEST."""

    def make(files: dict[str, str], *, manifest: str | None = MANIFEST) -> Path:
        root = tmp_path / "model"
        root.mkdir(exist_ok=True)
        if manifest is not None and "spbe.yaml" not in files:
            (root / "spbe.yaml").write_text(manifest, encoding="utf-8")
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@pytest.fixture
def shared() -> Path:
    """The team's ../shared folder; tests that read it skip on a fresh clone without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout (a fresh clone has none)")
    return SHARED
