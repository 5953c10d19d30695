"""`spbe-arch init`: a new model folder that validates clean and that editors can check."""

import json
from pathlib import Path

from ..model.schema import model_file_schema
from .files import MANIFEST
from .write import refuse_overwrite, write_atomic

__all__ = ["SCHEMA_COPY", "scaffold"]

SCHEMA_COPY = ".schema/spbe-model.schema.json"

_FILES = {
    MANIFEST: """\
instansi:
  id: {slug}
  name: {name}
  level: kabupaten
  # region: Provinsi Jawa Barat     # the province: groups the instansi in `spbe-arch portfolio`
  framework: permenpanrb-59-2020
  target: 3.0
""",
    "units.yaml": """\
units:
  - id: diskominfo
    name: Dinas Komunikasi dan Informatika
    kind: dinas
    networks: [jip]
""",
    "infrastructure.yaml": """\
infrastructure:
  - id: pusat-data-daerah
    name: Pusat Data Daerah
    kind: pusat_data_daerah
    provider: Diskominfo
    networks: [jip]
""",
    "applications.yaml": """\
applications:
  - id: srikandi-{slug}
    name: SRIKANDI
    kind: umum
    platform: srikandi
    owner: diskominfo
  - id: website
    name: Website Resmi
    kind: khusus
    owner: diskominfo
    hosting: pusat-data-daerah
    url: https://example.go.id

integrations:
  - id: website-to-srikandi
    source: website
    target: srikandi
    via: splp
    network: jip
""",
}


def scaffold(folder: Path, *, name: str | None = None, force: bool = False) -> list[Path]:
    """Write a starter model into `folder`; return the files written.

    Raises
    ------
    SpbeError
        One of the files exists and `force` is not set (nothing is written then), or a file
        cannot be written.
    """
    files = [folder / file for file in _FILES]
    schema = folder / SCHEMA_COPY
    refuse_overwrite([*files, schema], force=force)
    title = name or f"Pemerintah {folder.resolve().name}"
    slug = _slug(name.removeprefix("Pemerintah ") if name else folder.resolve().name)
    write_atomic(schema, json.dumps(model_file_schema(), indent=2) + "\n", force=force)
    modeline = f"# yaml-language-server: $schema={SCHEMA_COPY}\n"
    for path, body in zip(files, _FILES.values(), strict=True):
        write_atomic(path, modeline + body.format(slug=slug, name=json.dumps(title)), force=force)
    return [schema, *files]


def _slug(text: str) -> str:
    """The instansi id: from its name when given (`--name "Pemerintah Kabupaten Lembah Hijau"`
    gives `kabupaten-lembah-hijau`), else from the folder; ids must differ across the models a
    portfolio compares, and a folder is often named alike in every pemda (`arsitektur`).

    >>> _slug("Kabupaten Lembah Hijau"), _slug("kota__Baru!"), _slug("…")
    ('kabupaten-lembah-hijau', 'kota-baru', 'instansi')
    """
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words) or "instansi"
