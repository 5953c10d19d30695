"""`spbe-arch init`: a new model folder that validates clean and that editors can check."""

import json
from dataclasses import dataclass
from pathlib import Path

from ..model import InstansiLevel
from ..model.i18n import gettext as _
from ..model.schema import model_file_schema
from ..model.words import level_in_name
from .files import MANIFEST, SUFFIXES, SpbeError
from .write import refuse_overwrite, write_atomic

__all__ = ["SCHEMA_COPY", "Started", "scaffold"]

SCHEMA_COPY = ".schema/spbe-model.schema.json"

_FILES = {
    MANIFEST: """\
instansi:
  id: {slug}
  name: {name}
  level: {level}
  # region: Provinsi Jawa Barat     # the province: groups the instansi in `spbe-arch portfolio`
  framework: permenpanrb-59-2020
  target: 3.0
""",
    "units.yaml": """\
units:
  - id: {unit}
    name: {unit_name}
    kind: {unit_kind}
    # networks: [jip]    # the networks it uses (jip, intranet, internet); left out: not known
""",
    "infrastructure.yaml": """\
infrastructure:
  - id: pusat-data-daerah
    name: Pusat Data Daerah
    kind: pusat_data_daerah
    provider: Diskominfo
    # networks: [jip]            # the networks it is on; left out: not known
""",
    "applications.yaml": """\
applications:
  - id: srikandi-{slug}
    name: SRIKANDI
    kind: umum
    platform: srikandi
    owner: {unit}
    integrations_known: false    # its integrations are not listed yet: remove once they are
  - id: website
    name: Website Resmi
    kind: khusus
    owner: {unit}
    integrations_known: false    # (else it would be said integrated with nothing)
    # hosting: {hosting}  # where it runs; left out: not known
    # url: https://...           # its address

# integrations:                  # how applications exchange data, one entry per link
#   - id: simpeg-to-srikandi
#     source: simpeg             # an application of this model
#     target: srikandi-{slug}
#     via: splp                  # splp | api_direct | database_link | file_transfer | manual | ...
#     network: jip
""",
}


_PEMDA = {"unit": "diskominfo", "unit_name": "Dinas Komunikasi dan Informatika",
          "unit_kind": "dinas", "hosting": "pusat-data-daerah"}
_CENTRAL = {"unit": "pusdatin", "unit_name": "Pusat Data dan Informasi", "unit_kind": "pusat",
            "hosting": "pdn"}
"""The starter's unit and hosting: a pemda's Diskominfo and pusat data daerah; a kementerian's
or lembaga's Pusdatin on PDN (it has no pusat data daerah: no infrastructure file)."""


@dataclass(frozen=True)
class Started:
    """A new model folder: the files written and the instansi level its manifest gives."""

    files: list[Path]
    level: InstansiLevel
    level_from: str
    """Where the level comes from: `option` (`--level`), `name` (`level_in_name`), or
    `default` (kabupaten: the name says no level)."""

    @property
    def manifest(self) -> Path:
        """The spbe.yaml written, which holds the level."""
        return next(path for path in self.files if path.name == MANIFEST)


def scaffold(folder: Path, *, name: str | None = None, level: InstansiLevel | None = None,
             force: bool = False) -> Started:
    """Write a starter model into `folder`; return the files written and the level.

    The level is `level`, else the one the name says (`level_in_name`: 'Pemerintah Provinsi
    ...', 'Kementerian ...', the folder's name without `name`), else kabupaten.

    A folder that holds model files is refused even with `force`: the starter files would
    replace an architect's own (`force` replaces the editor schema copy only); so is a folder
    inside a model folder, whose model would read the new files as its own.

    Raises
    ------
    SpbeError
        The folder holds model files, the schema copy exists and `force` is not set (nothing
        is written then), or a file cannot be written.
    """
    files = [folder / file for file in _FILES]  # every one a starter may write
    schema = folder / SCHEMA_COPY
    inside = next((up for up in folder.absolute().parents if (up / MANIFEST).is_file()), None)
    if inside is not None:
        raise SpbeError(_(
            "{folder}: is inside the model folder {model}, which would read the new model's "
            "files as its own; start the new model outside it"
        ).format(folder=folder, model=inside))
    held = _model_file(folder)
    if held is not None:
        raise SpbeError(_(
            "{folder}: already holds model files ({file}); init starts a new model in a new or "
            "empty folder and never writes over one (to start over, move those files away)"
        ).format(folder=folder, file=held.relative_to(folder).as_posix()))
    refuse_overwrite([*files, schema], force=force)
    title = name or f"Pemerintah {folder.resolve().name}"
    named = level_in_name(title)
    level_from = "option" if level is not None else "name" if named is not None else "default"
    level = level or named or InstansiLevel.kabupaten
    slug = _slug(name.removeprefix("Pemerintah ") if name else folder.resolve().name)
    write_atomic(schema, json.dumps(model_file_schema(), indent=2) + "\n", force=force)
    modeline = f"# yaml-language-server: $schema={SCHEMA_COPY}\n"
    written = []
    for path, body in zip(files, _FILES.values(), strict=True):
        if level.central and path.name == "infrastructure.yaml":
            continue
        text = body.format(slug=slug, name=json.dumps(title), level=level.value,
                           **(_CENTRAL if level.central else _PEMDA))
        write_atomic(path, modeline + text, force=force)
        written.append(path)
    return Started([schema, *written], level, level_from)


def _model_file(folder: Path) -> Path | None:
    """The first model file (YAML or JSON, not hidden) in `folder` or below, if any."""
    if not folder.is_dir():
        return None
    return next((path for path in sorted(folder.rglob("*"))
                 if path.suffix in SUFFIXES and path.is_file()
                 and not any(part.startswith(".") for part in path.relative_to(folder).parts)),
                None)


def _slug(text: str) -> str:
    """The instansi id: from its name when given (`--name "Pemerintah Kabupaten Lembah Hijau"`
    gives `kabupaten-lembah-hijau`), else from the folder; ids must differ across the models a
    portfolio compares, and a folder is often named alike in every pemda (`arsitektur`).

    >>> _slug("Kabupaten Lembah Hijau"), _slug("kota__Baru!"), _slug("…")
    ('kabupaten-lembah-hijau', 'kota-baru', 'instansi')
    """
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words) or "instansi"
