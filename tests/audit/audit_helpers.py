"""Helpers for the audit tests: write a tiny model folder from inline YAML, audit it.

Every model gets a manifest and `units.yaml` with two units on JIP, `dinkes` and
`disdukcapil`, unless the test writes its own `units.yaml`. (Plain functions rather than
fixtures: a second conftest.py would shadow the `conftest` module other tests import.)
"""

import textwrap
from pathlib import Path

from spbe_arch.audit import audit
from spbe_arch.graph import build_graph
from spbe_arch.validate import ValidationResult, load_model

MANIFEST = """\
instansi:
  id: kab-uji
  name: Kabupaten Uji
  level: kabupaten
"""

UNITS = """\
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, networks: [jip]}
  - {id: disdukcapil, name: Disdukcapil, kind: dinas, networks: [jip]}
"""


def write(tmp_path: Path, files: dict[str, str]) -> Path:
    """Write the model folder (manifest and default units added) and return it."""
    root = tmp_path / "model"
    root.mkdir(exist_ok=True)
    for name, text in {"spbe.yaml": MANIFEST, "units.yaml": UNITS, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def load(tmp_path: Path, files: dict[str, str]) -> ValidationResult:
    """Write and load a model, checking that it validates with no finding."""
    loaded = load_model(write(tmp_path, files))
    assert loaded.findings == [], loaded.findings
    return loaded


def findings(tmp_path: Path, files: dict[str, str], code: str) -> list[tuple[str | None, str]]:
    """The audit findings of one code, as (element, message) pairs in report order."""
    result = audit(build_graph(load(tmp_path, files).architecture))
    return [(f.element, f.message) for f in result.findings if f.code == code]
