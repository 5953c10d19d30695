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
  region: Provinsi ...
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
    slug = "".join(c if c.isalnum() else "-" for c in folder.resolve().name.lower()).strip("-")
    slug = slug or "instansi"
    title = name or f"Pemerintah {folder.resolve().name}"
    write_atomic(schema, json.dumps(model_file_schema(), indent=2) + "\n", force=force)
    modeline = f"# yaml-language-server: $schema={SCHEMA_COPY}\n"
    for path, body in zip(files, _FILES.values(), strict=True):
        write_atomic(path, modeline + body.format(slug=slug, name=json.dumps(title)), force=force)
    return [schema, *files]
