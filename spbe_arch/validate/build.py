"""Turn parsed files into an Architecture, reporting structure and type problems as findings.

Each collection is validated as a whole list first (fast); only a list with errors is
validated again item by item, so that every valid element is kept and every error reported.
"""

import re
from difflib import get_close_matches
from enum import Enum
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..io import MANIFEST, ParsedFile, element_lines, written_ids, written_scalar
from ..model import (
    COLLECTIONS,
    Architecture,
    AssessmentEntry,
    Evaluation,
    Finding,
    Instansi,
    Location,
    NationalPlatform,
    Source,
    Waiver,
)
from ..model.i18n import gettext as _
from ..model.i18n import language
from ..model.rules import finding
from ..model.rules import validation as codes
from ..model.types import ID_PATTERN
from .type_errors import problem
from .value_hints import id_hint, value_hint

__all__ = ["FRAMEWORK_KEYS", "ArchitectureBuilder", "build_architecture"]

_TOP_KEYS = ("instansi", "assessment", "evaluations", "waivers", *COLLECTIONS, "platforms")
_LISTS = {"assessment": AssessmentEntry, "evaluations": Evaluation, "waivers": Waiver}
"""Top-level lists of entries without ids, read entry by entry."""
_INDONESIAN_KEYS = {
    "unit_kerja": "units", "perangkat_daerah": "units", "opd": "units",
    "proses_bisnis": "business_processes", "layanan": "services", "aplikasi": "applications",
    "infrastruktur": "infrastructure", "keamanan": "security", "integrasi": "integrations",
    "peta_rencana": "roadmap", "penilaian": "assessment", "pengecualian": "waivers",
    "evaluasi": "evaluations", "hasil_evaluasi": "evaluations",
}
"""The collections by their Indonesian names, which newcomers write first: the hint names the
key the model reads."""
_INDONESIAN_FIELDS: dict[str, tuple[str, ...]] = {
    "nama": ("name",), "jenis": ("kind", "type"), "tipe": ("type", "kind"),
    "deskripsi": ("description",), "keterangan": ("description",), "uraian": ("description",),
    "pemilik": ("owner",), "unit_pemilik": ("owner",), "unit": ("owner",), "opd": ("owner",),
    "opd_pemilik": ("owner",), "perangkat_daerah": ("owner",), "penyelenggara": ("owner",),
    "pengelola": ("owner", "steward"), "induk": ("parent",), "jaringan": ("networks", "network"),
    "alamat": ("url",), "tautan": ("url",), "lokasi": ("location", "hosting"),
    "lokasi_server": ("hosting",), "server": ("hosting",), "pusat_data": ("hosting",),
    "penempatan": ("hosting",), "penyedia": ("provider",), "sumber": ("source", "producer"),
    "tujuan": ("target",), "mekanisme": ("via",), "melalui": ("via",), "arah": ("direction",),
    "layanan": ("services",), "aplikasi": ("applications",), "menggunakan": ("reads",),
    "membaca": ("reads",), "menghasilkan": ("writes",), "menulis": ("writes",),
    "tahun": ("year",), "anggaran": ("budget",), "biaya": ("budget",), "pagu": ("budget",),
    "wilayah": ("region",), "tingkat": ("level",), "klasifikasi": ("classification",),
    "walidata": ("steward",), "produsen": ("producer",), "referensi": ("ref",),
    "bukti": ("evidence",), "bukti_dukung": ("evidence",), "catatan": ("note",),
    "alasan": ("reason",), "berlaku_sampai": ("until",), "kode": ("code",),
    "cakupan": ("covers",), "standar": ("standard",), "penanggung_jawab": ("unit",),
    "elemen": ("elements",), "prasyarat": ("depends_on",), "label": ("tags",),
    "properti": ("properties",), "kerangka": ("framework",), "indikator": ("indicator",),
    "dipublikasikan": ("published",),
}
"""The fields by the Indonesian words newcomers write for them (the words of the fields'
descriptions, `pemilik` for `owner`), in key form: lower-case words joined by '_'. The hint
names the first of the fields the element has."""
FRAMEWORK_KEYS = frozenset({"levels", "domains", "indicators"})
"""Top-level keys of an evaluation framework file: such a file in a model folder is no model
data (the maturity framework a pemda keeps with its model)."""


@cache
def _list_adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(list[cls])


class ArchitectureBuilder:
    """Merge parsed files into one Architecture, one file at a time.

    Reading file by file lets the caller parse lazily (only one file's raw data is alive at a
    time) and report progress; `build_architecture` does it for a list of parsed files.

    Parameters
    ----------
    root
        The model folder.
    files
        Names of all the model's files relative to `root`, manifest first, in reading order.
    """

    def __init__(self, root: str, files: list[str]) -> None:
        self.arch = Architecture(root=root, files=list(files))
        self.findings: list[Finding] = []
        self.invalid_ids: dict[str, Source] = {}
        self.partial: dict[str, dict[str, Any]] = {}
        """Collection -> id -> what of an invalid element validated (`partial_element`), so
        that its references are checked in the same run as its type errors."""
        self.unnamed: list[tuple[Source, Any]] = []
        """What validated of the elements no reference can name (invalid with no id: missing,
        `true`, a list; or written with an id another took first): their own references are
        checked all the same."""
        self.unread: dict[str, Location] = self.arch.unread
        """Ids written in files that could not be parsed -> where their syntax error is."""
        self._first: ParsedFile | None = None

    def add(self, parsed: ParsedFile) -> None:
        """Read the collections of one parsed file into the architecture."""
        if self._first is None:
            self._first = parsed
        findings = self.findings
        if parsed.error is not None:
            where = Location(parsed.relative, parsed.line, parsed.column)
            findings.append(finding(codes.SYNTAX_ERROR, parsed.error, location=where,
                                    hint=_(parsed.hint) if parsed.hint else None))
            try:
                for element_id in written_ids(parsed.path.read_bytes()):
                    self.unread.setdefault(element_id, where)
            except OSError:
                pass  # unreadable: the syntax error says so, and no id is known
            return
        if parsed.data is None and parsed.path.suffix == ".json":
            return  # the file the shell makes before an audit writes into it (`> x.json`)
        if parsed.data is None:
            findings.append(
                finding(
                    codes.EMPTY_FILE,
                    _("the file holds nothing: it is empty or only comments"),
                    location=Location(parsed.relative, 1, 1),
                    hint=_("add collections such as 'applications:', or delete the file"),
                )
            )
            return
        if not isinstance(parsed.data, dict):
            findings.append(
                finding(
                    codes.UNKNOWN_COLLECTION,
                    _("top level must be a mapping of collections such as 'applications:'"),
                    location=Location(parsed.relative, 1, 1),
                )
            )
            return
        if parsed.data.keys() >= FRAMEWORK_KEYS:
            return  # an evaluation framework kept with the model: `maturity` reads it
        if "$schema" in parsed.data and not parsed.data.keys() & set(_TOP_KEYS):
            return  # a JSON Schema kept with the model (`spbe-arch schema -o MODEL`): no data
        if parsed.path.suffix == ".json" and any(
                str(key).startswith("findings") for key in parsed.data) and not (
                parsed.data.keys() & set(_TOP_KEYS)):
            return  # an audit or a diff kept with the model (`audit -f json > baseline.json`)
        for key, value in parsed.data.items():
            if key == "$schema":
                continue  # the schema an editor checks a JSON file with, not model data
            _read_key(self.arch, parsed, str(key), value, findings, self.invalid_ids,
                      self.partial, self.unnamed)

    def finish(self) -> tuple[Architecture, list[Finding], dict[str, Source]]:
        """The architecture, its findings and the ids of elements that failed validation."""
        first = self._first
        written = isinstance(first.data, dict) and "instansi" in first.data if first else False
        if self.arch.instansi is None and first is not None and first.error is None and (
            not written  # an invalid block has its own findings
        ):
            self.findings.append(
                finding(
                    codes.MISSING_INSTANSI,
                    _("the manifest has no 'instansi:' block"),
                    location=Location(first.relative, 1, 1),
                    hint=_("add instansi: {id: ..., name: ..., level: kabupaten}"),
                )
            )
        return self.arch, self.findings, self.invalid_ids


def build_architecture(
    files: list[ParsedFile], root: str
) -> tuple[Architecture, list[Finding], dict[str, Source]]:
    """Merge the collections of all files into one Architecture.

    Returns it with its findings and the ids of elements that failed validation: those exist,
    so references to them are not dangling, but they are not in the architecture.
    """
    builder = ArchitectureBuilder(root, [f.relative for f in files])
    for parsed in files:
        builder.add(parsed)
    return builder.finish()


def _read_key(arch, parsed, key, value, findings, invalid_ids, partial, unnamed) -> None:
    where = Location(parsed.relative, key_path=(key,))
    if key == "instansi":
        is_manifest = parsed.relative == MANIFEST or len(arch.files) == 1
        if not is_manifest or arch.instansi is not None:
            findings.append(
                finding(
                    codes.MISPLACED_INSTANSI,
                    _("'instansi:' belongs in the manifest spbe.yaml only, once"),
                    location=where,
                )
            )
            return
        try:
            arch.instansi = Instansi.model_validate(value)
        except ValidationError as exc:
            findings.extend(_pydantic_findings(exc, parsed, (key,), value, None))
        return
    if key == "<<":
        findings.append(_merge_key(None, where))
        return
    if key not in _TOP_KEYS:
        named = _INDONESIAN_KEYS.get(key.lower().replace(" ", "_").replace("-", "_"))
        close = [named] if named else get_close_matches(key, _TOP_KEYS, n=1, cutoff=0.5)
        findings.append(
            finding(
                codes.UNKNOWN_COLLECTION,
                _("unknown collection '{key}'").format(key=key),
                location=where,
                hint=_did_you_mean(close)
                + _("collections: {names}").format(names=", ".join(_TOP_KEYS)),
            )
        )
        return
    if value is None:
        return
    if not isinstance(value, list):
        findings.append(
            finding(
                codes.INVALID_VALUE,
                _("'{key}' must be a list of elements").format(key=key),
                location=where,
            )
        )
        return
    if key in _LISTS:
        _read_entries(arch, parsed, key, value, findings)
        return
    if key == "platforms":
        _read_platforms(arch, parsed, value, findings, invalid_ids)
        return
    _read_collection(arch, parsed, key, value, findings, invalid_ids, partial, unnamed)


def _read_entries(arch, parsed, key, value, findings) -> None:
    """Read `assessment:`, `evaluations:` or `waivers:` entries into `arch.<key>` and
    `arch.<...>_sources`."""
    entries = getattr(arch, key)
    sources = getattr(arch, f"{key.removesuffix('s')}_sources")
    for index, item in enumerate(value):
        try:
            entries.append(_LISTS[key].model_validate(item))
            sources.append(Source(parsed.relative, key, index))
        except ValidationError as exc:
            findings.extend(_pydantic_findings(exc, parsed, (key, index), item, None))


def _read_platforms(arch, parsed, value, findings, invalid_ids) -> None:
    """The model's own platforms; their ids are unique among themselves (the reference checks
    compare them with the catalog's and the elements')."""
    for index, item in enumerate(value):
        try:
            platform = NationalPlatform.model_validate(item)
        except ValidationError as exc:
            raw_id = item.get("id") if isinstance(item, dict) else None
            element_id = raw_id if isinstance(raw_id, str) else None
            findings.extend(
                _pydantic_findings(exc, parsed, ("platforms", index), item, element_id)
            )
            if element_id is not None:  # it exists: references to it are not dangling
                invalid_ids.setdefault(element_id, Source(parsed.relative, "platforms", index))
            continue
        first = arch.platform_sources.get(platform.id)
        if first is not None:
            findings.append(finding(
                codes.DUPLICATE_ID,
                _("duplicate id '{id}': already used in {file} ({collection})").format(
                    id=platform.id, file=_first_line(arch, first.file, platform.id),
                    collection="platforms",
                ),
                element=platform.id,
                location=Location(parsed.relative, key_path=("platforms", index, "id")),
                hint=_("ids are unique across the whole model; rename one of them"),
            ))
            continue
        arch.platforms[platform.id] = platform
        arch.platform_sources[platform.id] = Source(parsed.relative, "platforms", index)


def _read_collection(arch, parsed, key, value, findings, invalid_ids, partial, unnamed) -> None:
    cls = COLLECTIONS[key]
    try:
        elements = _list_adapter(cls).validate_python(value)
    except ValidationError:
        elements = None
    target = arch.collections[key]
    if elements is not None:
        # a valid list (the usual case): the steps of the loop below, without calls per element
        sources = arch.sources
        file = parsed.relative
        for index, element in enumerate(elements):
            element_id = element.id
            if (element_id in sources or element_id in invalid_ids) and _is_duplicate(
                arch, parsed, key, index, element_id, findings, invalid_ids
            ):  # its references are still checked: a rename should not reveal more errors
                unnamed.append((Source(file, key, index), element))
                continue
            sources[element_id] = Source(file, key, index)
            target[element_id] = element
        return
    for index, item in enumerate(value):
        try:
            element = cls.model_validate(item)
        except ValidationError as exc:
            raw_id = item.get("id") if isinstance(item, dict) else None
            element_id = raw_id if isinstance(raw_id, str) else None
            findings.extend(
                _pydantic_findings(exc, parsed, (key, index), item, element_id)
            )
            written = _written_id(raw_id)  # `id: 2025` unquoted is still the id meant
            if written is None and isinstance(item, dict):
                unnamed.append((Source(parsed.relative, key, index),
                                partial_element(cls, item, exc)))
            elif written is not None:
                if _remember_invalid(arch, parsed, key, index, written, findings, invalid_ids):
                    partial.setdefault(key, {})[written] = partial_element(cls, item, exc)
                else:  # a duplicate: its references are checked all the same
                    unnamed.append((Source(parsed.relative, key, index),
                                    partial_element(cls, item, exc)))
            continue
        if _is_duplicate(arch, parsed, key, index, element.id, findings, invalid_ids):
            unnamed.append((Source(parsed.relative, key, index), element))
            continue
        arch.sources[element.id] = Source(parsed.relative, key, index)
        target[element.id] = element


def _written_id(raw: Any) -> str | None:
    """The id an element's `id:` names: its text, or a whole number's digits; None else."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return None


def _is_duplicate(arch, parsed, key, index, element_id, findings, invalid_ids) -> bool:
    first = arch.sources.get(element_id) or invalid_ids.get(element_id)
    if first is None:
        return False
    findings.append(
        finding(
            codes.DUPLICATE_ID,
            _("duplicate id '{id}': already used in {file} ({collection})").format(
                id=element_id, file=_first_line(arch, first.file, element_id),
                collection=first.collection,
            ),
            element=element_id,
            location=Location(parsed.relative, key_path=(key, index, "id")),
            hint=_("ids are unique across the whole model; rename one of them"),
        )
    )
    return True


def _first_line(arch: Architecture, file: str, element_id: str) -> str:
    """`file:line` of the element first written with the id, or the file alone when the line
    is not found."""
    path = Path(arch.root) / file
    try:
        lines = _id_lines(path, path.stat().st_mtime_ns)
    except OSError:
        lines = {}
    return f"{file}:{lines[element_id][0]}" if element_id in lines else file


@lru_cache(maxsize=4)
def _id_lines(path: Path, _modified: int) -> dict[str, tuple[int, int]]:
    """Every id's first line in the file, scanned once: a copied file makes thousands of
    duplicates, each naming that one first file."""
    return element_lines(path)


def _remember_invalid(arch, parsed, key, index, element_id, findings, invalid_ids) -> bool:
    """Remember an invalid element's id (references to it are not dangling); False when
    the id is a duplicate (reported)."""
    if _is_duplicate(arch, parsed, key, index, element_id, findings, invalid_ids):
        return False
    invalid_ids[element_id] = Source(parsed.relative, key, index)
    return True


def partial_element(cls: type, item: dict, error: ValidationError) -> Any:
    """What of an invalid element validated: its fields without an error, as written, and
    None (or the default) for the others; built without validation, for the reference checks
    only (never in the architecture).

    >>> from spbe_arch.model import Application
    >>> raw = {"id": "simda", "name": "SIMDA", "kind": "Khusus", "owner": "bpkd",
    ...        "hosting": "ruang-servr"}
    >>> try:
    ...     Application.model_validate(raw)
    ... except ValidationError as exc:
    ...     app = partial_element(Application, raw, exc)
    >>> app.hosting, app.kind
    ('ruang-servr', None)
    """
    failed = {e["loc"][0] for e in error.errors() if e["loc"]}
    fields = {}
    for name, info in cls.model_fields.items():
        if name in item and name not in failed:
            fields[name] = item[name]
        elif not info.is_required():
            fields[name] = info.get_default(call_default_factory=True)
        else:
            fields[name] = None
    return cls.model_construct(**fields)


def _pydantic_findings(
    exc: ValidationError, parsed: ParsedFile, prefix: tuple, item: Any, element_id: str | None
) -> list[Finding]:
    file = parsed.relative
    out = []
    errors = _errors(exc)
    merged = {  # where a merge key stands -> the fields its mapping gives
        tuple(error["loc"][:-1]): set(error["input"])
        for error in errors
        if error["type"] == "extra_forbidden" and error["loc"][-1] == "<<"
        and isinstance(error["input"], dict)
    }
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        field = ".".join(str(part) for part in loc) or "element"
        location = Location(file, key_path=(*prefix, *loc))
        value = error.get("input")
        if kind == "extra_forbidden" and loc[-1] == "<<":
            out.append(_merge_key(element_id, location))
        elif kind == "missing" and loc[-1] in merged.get(loc[:-1], ()):
            continue  # given by the merge key, reported above
        elif kind == "extra_forbidden":
            cls_fields = _fields_at(prefix, loc)
            key = "_".join(re.findall(r"[a-z0-9]+", str(loc[-1]).casefold()))
            named = [f for f in _INDONESIAN_FIELDS.get(key, ()) if f in cls_fields]
            close = named[:1] or get_close_matches(str(loc[-1]), cls_fields, n=1, cutoff=0.6)
            out.append(
                finding(
                    codes.UNKNOWN_FIELD,
                    _("unknown field '{field}'").format(field=loc[-1]),
                    element=element_id,
                    location=location,
                    subject=field,  # which of the element's fields: each a finding
                    hint=_did_you_mean(close) + _("put local extensions under 'properties:'"),
                )
            )
        elif kind == "missing":
            what = _field_description(prefix, loc)
            choices = _field_choices(prefix, loc)
            out.append(
                finding(
                    codes.MISSING_FIELD,
                    _("missing required field '{field}'").format(field=field),
                    element=element_id,
                    subject=field,
                    location=Location(file, key_path=(*prefix, *loc[:-1])),
                    hint=(_("add '{field}:' ({what})").format(field=loc[-1], what=what) + (
                        _("; one of: {values}").format(values=", ".join(choices))
                        if choices else "")) if what else None,
                )
            )
        elif kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == ID_PATTERN:
            out.append(
                finding(
                    codes.INVALID_IDENTIFIER,
                    _("{field}: invalid id {value}").format(field=field, value=_quote(value)),
                    element=element_id,
                    subject=field,
                    location=location,
                    hint=id_hint(value),
                )
            )
        else:
            out.append(
                finding(
                    codes.INVALID_VALUE,
                    _("{field}: {problem}, got {value}").format(
                        field=field, problem=problem(error), value=_quote(value)
                    ),
                    element=element_id,
                    subject=field,
                    location=location,
                    hint=value_hint(error, value, written=partial(
                        written_scalar, parsed.path, location.key_path)),
                )
            )
    return out


def _merge_key(element_id: str | None, location: Location) -> Finding:
    """YAML 1.1's merge key (`<<: *base`), which YAML 1.2 dropped: one finding, not an
    unknown field '<<' and a missing field for each key it was meant to give."""
    return finding(
        codes.UNKNOWN_FIELD,
        _("merge keys ('<<: *name') are not supported: YAML 1.2 has none"),
        element=element_id,
        location=location,
        hint=_("write the fields out in each element; an alias (*name) can still repeat a "
               "whole value, such as a list"),
    )


def _errors(exc: ValidationError) -> list[Any]:
    """pydantic's errors, one per place: a value that fits no member of a union (the text,
    number or true/false of `properties`) gives one error per member, named by the member's
    type; those are one problem, reported once."""
    out: list[Any] = []
    unions: set[tuple] = set()
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if loc and loc[-1] in _SCALARS:
            if loc[:-1] in unions:
                continue
            unions.add(loc[:-1])
            error = {**error, "loc": loc[:-1], "type": "scalar_type",
                     "msg": "Input should be text, a number or true/false"}
        out.append(error)
    return out


_SCALARS = frozenset({"str", "int", "float", "bool"})


def _did_you_mean(close: list[str]) -> str:
    return _("did you mean '{name}'? ").format(name=close[0]) if close else ""


def _model_at(prefix: tuple, loc: tuple) -> type | None:
    """The element type whose own field `loc` names (None below the top level)."""
    collection = prefix[0]
    cls = {"instansi": Instansi, **_LISTS, "platforms": NationalPlatform}.get(collection)
    cls = cls or COLLECTIONS.get(collection)
    return cls if len(loc) == 1 else None


def _fields_at(prefix: tuple, loc: tuple) -> list[str]:
    cls = _model_at(prefix, loc)
    return list(cls.model_fields) if cls is not None else []


def _field_description(prefix: tuple, loc: tuple) -> str | None:
    """What a missing field holds, from the model's description (for the hint); in Indonesian,
    the Indonesian of a description written 'English (Indonesian)', as those of the required
    fields are ('Owning unit (unit pemilik aplikasi)': 'unit pemilik aplikasi')."""
    cls = _model_at(prefix, loc)
    info = cls.model_fields.get(str(loc[-1])) if cls is not None else None
    description = info.description if info is not None else None
    gloss = re.search(r"\(([^()]+)\)", description or "")
    return gloss[1] if gloss and language() == "id" else description


def _field_choices(prefix: tuple, loc: tuple) -> list[str]:
    """The values a missing field of a fixed vocabulary takes (`kind:`), for the hint."""
    cls = _model_at(prefix, loc)
    info = cls.model_fields.get(str(loc[-1])) if cls is not None else None
    vocabulary = info.annotation if info is not None else None
    if isinstance(vocabulary, type) and issubclass(vocabulary, Enum):
        return [str(member.value) for member in vocabulary]
    return []


def _quote(value: Any) -> str:
    """A value as the model's YAML writes it: text quoted, true/false/null as YAML's."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"
