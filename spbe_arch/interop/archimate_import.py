"""Import an ArchiMate 3.x exchange file (Archi, Sparx EA, BiZZdesign, ours) as a model folder.

What has an SPBE meaning is mapped (`archimate_map`): our own `spbe:` properties first, then
element types (BusinessActor -> unit, ApplicationComponent -> application, ...) and
relationship types (Assignment actor -> process is its owner, Access is reads / writes, a Flow
or a Serving between applications, through a junction too, is an integration, `via: unknown`
where the file does not say how, and through SPLP drawn as an application `via: splp`, ...).
An application another tool names as a national platform (SATUSEHAT, SIPD) is that platform
where the file gives it nothing of its own, else the instansi's instance of it; the one actor
named as the pemda ('Pemerintah Kabupaten ...') whose parts are the units is the instansi.
Everything else is kept: elements as `archimate_elements`, relationships as
`archimate_relationships`, properties as `properties`, with one warning per concept type that
has no SPBE meaning. Views and folders are presentation and are not imported. A required
SPBE fact the file does not state (an application's owner, a unit's kind) is filled with a
visible default and a warning that names it.

The file is read as a stream (`xml_safety.iterparse_safely`), so memory stays proportional to
the model, not to the XML text; parsing stops where the views start.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, get_origin

from ..io import PlatformMatcher, SpbeError, address_key, national_platforms
from ..io.unit_names import normal_words, unit_key, unit_kind
from ..model import (
    COLLECTIONS,
    ApplicationKind,
    InfrastructureKind,
    IntegrationVia,
    NationalPlatform,
    PlatformKind,
    UnitKind,
)
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from ..model.words import NO_VALUE
from ..validate.references import REFERENCES
from ..validate.value_hints import same_values
from .archimate_map import (
    ARCHIMATE2_NAMESPACE,
    DATA_CENTRE_WORDS,
    FIELD_RELATIONS,
    IMPORTED_COLLECTIONS,
    INTEGRATION_TYPE,
    INTEGRATION_TYPES,
    NAMESPACE,
    NATIONAL,
    NETWORK_WORDS,
    OUTSIDE_ACTOR_WORDS,
    SPBE,
    STATED_EMPTY,
    XSI,
    is_element_type,
    spbe_id,
)
from .inventory.columns import DEFAULT_HEADERS, Column
from .inventory.values import status_of
from .inventory.write import signed
from .model_yaml import to_yaml
from .xml_safety import check_ends_with, iterparse_safely, root_tag

__all__ = ["ImportResult", "import_archimate"]

PLACEHOLDER_UNIT = "unit-belum-ditetapkan"
"""Owner given to imported processes, services and applications whose owner the file omits."""

_NS = f"{{{NAMESPACE}}}"
_TYPE = f"{{{XSI}}}type"
_ATTRIBUTES = ("accessType", "modifier", "isDirected")
_RELATIONSHIPS = ("integrations", "archimate_relationships")
_INFRASTRUCTURE_KINDS = {kind.value for kind in InfrastructureKind}
_SINGLE = {"parent", "owner", "steward", "producer", "hosting", "platform"}
_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_PLATFORM_NAMED_BY = {
    ("integrations", "target"), ("archimate_relationships", "source"),
    ("archimate_relationships", "target"), ("security", "covers"), ("roadmap", "elements"),
}
"""The reference fields that may name a national platform instead of a local application."""
_OUTSIDE = rf"(?:{'|'.join(OUTSIDE_ACTOR_WORDS)})\b"
_PROPERTY_COLUMNS = {header: column for column in (Column.status, Column.unit)
                     for header in DEFAULT_HEADERS[column]}
"""Property names (normal form) another tool gives a status or an owner by, as an inventory's
columns are headed: 'Status', 'Pemilik', 'OPD', 'Owner'."""


@dataclass
class ImportResult:
    """The model read from an exchange file, as documents to write, and what happened."""

    documents: dict[str, dict]
    """File name -> {collection: [element, ...]} (spbe.yaml holds instansi and assessment)."""
    elements_read: int = 0
    relationships_read: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    """Collection -> elements written (integrations and archimate_relationships included)."""
    fields_from_relationships: int = 0
    """Relationships that became a reference field (owner, reads, ...)."""
    implied: int = 0
    """Relationships our export adds that another field already states (SPLP on the route)."""
    warnings: list[str] = field(default_factory=list)

    def texts(self, source: str) -> dict[str, str]:
        """The documents as YAML file texts."""
        header = "# " + _("Imported from {source} by `spbe-arch import archimate`.").format(
            source=source)  # signed: a re-import with --force never replaces an edited file
        return {name: signed(header, to_yaml(doc)) for name, doc in self.documents.items()}


@dataclass
class _Concept:
    identifier: str
    type: str
    name: str | None = None
    extra_names: list[tuple[str, str]] = field(default_factory=list)
    documentation: str | None = None
    properties: list[tuple[str, str]] = field(default_factory=list)
    source: str = ""
    target: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


def import_archimate(path: Path) -> ImportResult:
    """Read the exchange file at `path` into model documents.

    Raises
    ------
    SpbeError
        The file is unsafe, not well-formed, not ArchiMate 3.x, or over MAX_XML_BYTES.
    """
    model, elements, relationships, definitions = _read(path)
    return _Converter(path, model, definitions).convert(elements, relationships)


_TAGS = tuple(_NS + tag for tag in ("element", "relationship", "propertyDefinition",
                                    "organizations"))


def _read(path: Path):
    """The model's name, documentation and properties, its elements, relationships and
    property definitions. Parsing stops where the views start: they are not imported."""
    _check_root(path, root_tag(path))
    root = None
    elements: list[_Concept] = []
    relationships: list[_Concept] = []
    definitions: dict[str, tuple[str, str]] = {}
    for node in iterparse_safely(path, _TAGS, stop_at=_NS + "views"):
        tag = node.tag
        if tag == _NS + "element":
            elements.append(_concept(node))
        elif tag == _NS + "relationship":
            relationships.append(_concept(node))
        elif tag == _NS + "propertyDefinition":
            identifier = node.get("identifier", "")
            name = node.findtext(_NS + "name")
            definitions[identifier] = (name or identifier, node.get("type", "string"))
        node.clear()
        parent = node.getparent()
        if tag != _NS + "organizations":
            while node.getprevious() is not None:  # keep memory flat on large files
                del parent[0]
        root = parent if tag == _NS + "organizations" else parent.getparent()
    check_ends_with(path, "model")  # the views were not parsed: were they all there?
    model = _concept(root) if root is not None else _Concept("", "model")
    return model, elements, relationships, definitions


def _check_root(path: Path, tag: str) -> None:
    if tag == _NS + "model":
        return
    if tag.startswith(f"{{{ARCHIMATE2_NAMESPACE}}}"):
        raise SpbeError(_(
            "{path}: an ArchiMate 2.x exchange file ({namespace}); only 3.x files can be "
            "imported: open it in an ArchiMate 3 tool (e.g. Archi) and export it again"
        ).format(path=path, namespace=ARCHIMATE2_NAMESPACE))
    if tag.startswith(f"{{{_ARCHI_NATIVE}}}"):
        raise SpbeError(_(
            "{path}: an Archi model file (.archimate), not an exchange file: in Archi, use "
            "File > Export > Model to Open Exchange File..., and import the file it writes"
        ).format(path=path))
    raise SpbeError(_(
        "{path}: not an ArchiMate exchange file (root element '{tag}', expected 'model' in "
        "{namespace}); export the model from its tool as an Open Exchange File (XML)"
    ).format(path=path, tag=tag, namespace=NAMESPACE))


_ARCHI_NATIVE = "http://www.archimatetool.com/archimate"
"""The namespace of Archi's own file format (`.archimate`), which is not the exchange format."""


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NAME, _DOCUMENTATION, _PROPERTIES, _PROPERTY = (
    _NS + tag for tag in ("name", "documentation", "properties", "property")
)


def _concept(node) -> _Concept:
    """The name(s), documentation, properties and attributes of an element or relationship.

    The name is the first one in Indonesian (`xml:lang="id"`) where the file gives names in
    several languages, else the first; the others are kept (`extra_names`)."""
    concept = _Concept(node.get("identifier", ""), _type(node))
    docs = []
    name_lang = ""
    for child in node:
        tag = child.tag
        if tag == _NAME:
            text, lang = child.text or "", child.get(_XML_LANG, "")
            if concept.name is None:
                concept.name, name_lang = text, lang
            elif _indonesian(lang) and not _indonesian(name_lang):
                concept.extra_names.append((name_lang, concept.name))
                concept.name, name_lang = text, lang
            else:
                concept.extra_names.append((lang, text))
        elif tag == _PROPERTIES:
            concept.properties = [
                (prop.get("propertyDefinitionRef", ""), (prop[0].text or "") if len(prop) else "")
                for prop in child
                if prop.tag == _PROPERTY
            ]
        elif tag == _DOCUMENTATION:
            docs.append(child.text or "")
    if docs:
        concept.documentation = "\n\n".join(docs)
    if node.get("source") is not None:
        concept.source = node.get("source", "")
        concept.target = node.get("target", "")
        concept.attributes = {k: node.get(k) for k in _ATTRIBUTES if node.get(k) is not None}
    return concept


def _kept_as_is(type_name: str) -> str:
    """The warning (a message id) for elements kept under `archimate_elements`: of a type with
    no SPBE meaning, of no ArchiMate type, or of none given."""
    if type_name in _MEANT_BY_FIELDS:
        return _MEANT_BY_FIELDS[type_name]
    if is_element_type(type_name):
        return N_("{type} elements with no SPBE meaning, kept under archimate_elements: {count}")
    if not type_name:
        return N_("elements with no type (xsi:type), kept under archimate_elements: {count}")
    return N_("elements of a type ArchiMate 3.1 does not have ('{type}': a tool's extension, or "
              "a damaged file), kept under archimate_elements: {count}")


_MEANT_BY_FIELDS = {
    "WorkPackage": N_(
        "WorkPackage elements kept under archimate_elements (a Peta Rencana item needs fields "
        "another tool's file does not give: its year, what it adds, changes or retires; write "
        "them under roadmap:): {count}"),
    "Requirement": N_(
        "Requirement elements kept under archimate_elements (a security control needs fields "
        "another tool's file does not give: its kind and what it covers; write them under "
        "security:): {count}"),
}
"""Types spbe-arch exports a collection as, that another tool's file cannot fill: said so."""


def _indonesian(lang: str) -> bool:
    return lang.lower().split("-")[0] == "id"


def _type(node) -> str:
    """The node's `xsi:type`, a QName: `a:ApplicationComponent` is ApplicationComponent where
    `a` names the exchange format's namespace (a value with another prefix is kept whole)."""
    value = node.get(_TYPE, "").strip()
    prefix, colon, local = value.partition(":")
    name = local if colon and node.nsmap.get(prefix) == NAMESPACE else value
    if name == "Junction":  # Archi's own notation, its kind in an attribute: 3.1's type
        return "OrJunction" if node.get("junctionType", "").lower() == "or" else "AndJunction"
    return name


def _decode(datatype: str, text: str) -> Any:
    """A property value as the type its definition states (number, boolean) or str."""
    if datatype == "number" and len(text) < 40 and _NUMBER.match(text.strip()):
        number = float(text)
        if re.fullmatch(r"[-+]?\d+", text.strip()):
            return int(text)
        return number if math.isfinite(number) else text
    if datatype == "boolean" and text.strip().lower() in ("true", "false"):
        return text.strip().lower() == "true"
    return text


@cache
@cache
def _vocabulary(model: type, name: str) -> tuple[str, ...]:
    """The values a field of `model` takes (none for a free one)."""
    info = model.model_fields.get(name)
    kind = getattr(info, "annotation", None)
    kind = next((arg for arg in getattr(kind, "__args__", ()) if isinstance(arg, type)), kind)
    if not (isinstance(kind, type) and issubclass(kind, StrEnum)):
        return ()
    return tuple(member.value for member in kind)


def _fields(model: type) -> dict[str, bool]:
    """Field name -> whether it holds a list, for the fields `spbe:<field>` may set."""
    return {
        name: get_origin(info.annotation) is list
        for name, info in model.model_fields.items()
        if name not in ("id", "name", "description", "tags", "properties")
    }


class _Converter:
    """One import: ids, fields and warnings, element by element."""

    def __init__(self, path: Path, model: _Concept, definitions: dict) -> None:
        self.path = path
        self.model = model
        self.definitions = definitions
        self.ids: dict[str, str] = {}  # exchange identifier -> model id
        self.used: set[str] = set()
        self.reserved = frozenset(national_platforms())
        """The catalog's platform ids: no element of the file takes one (a model names a
        platform by its id)."""
        self.moved_off: dict[str, tuple[str, str]] = {}  # identifier -> ('sipd', 'sipd-2')
        self.collection_of: dict[str, str] = {}  # exchange identifier -> collection
        self.kinds_of: dict[str, set[str]] = {}  # exchange identifier -> kinds accepted as
        self.records: dict[str, dict] = {}  # exchange identifier -> element record
        self.platforms: list[dict] = []  # the model's own (`platforms:`)
        self.warnings: list[str] = []
        self.unmapped: defaultdict[str, list[str]] = defaultdict(list)  # type -> model ids
        self.nameless: list[str] = []  # model ids of the elements named by their type
        self.defaults: defaultdict[str, list[str]] = defaultdict(list)  # what -> which ids
        self.unknown_via: list[str] = []  # model ids of the integrations imported `via: unknown`
        self.named_platforms: dict[str, str] = {}  # identifier -> the platform its name names
        self.owner_named: dict[str, str] = {}  # identifier -> property naming its owner unit

    # --- ids and properties -------------------------------------------------------------

    def model_id(self, identifier: str) -> str:
        if identifier in self.ids:
            return self.ids[identifier]
        candidate = spbe_id(identifier)
        if candidate is None:
            candidate = re.sub(r"[^a-z0-9._-]+", "-", identifier.lower()).strip("-._") or "x"
            if not candidate[0].isalnum():
                candidate = "x" + candidate
        base, n = candidate[:120], 1
        while candidate in self.used or candidate in self.reserved:
            n += 1
            candidate = f"{base}-{n}"
        if base in self.reserved:
            self.moved_off[identifier] = (base, candidate)
        self.used.add(candidate)
        self.ids[identifier] = candidate
        return candidate

    def split_properties(self, concept: _Concept) -> tuple[dict[str, list], dict[str, Any]]:
        """(spbe field -> values, the user's own properties) of a concept."""
        spbe: dict[str, list] = defaultdict(list)
        own: dict[str, Any] = {}
        for ref, text in concept.properties:
            name, datatype = self.definitions.get(ref, (ref, "string"))
            value = _decode(datatype, text)
            if name.startswith(SPBE):
                spbe[name.removeprefix(SPBE)].append(value)
                continue
            key, n = name or ref, 1
            while key in own:
                n += 1
                key = f"{name}.{n}"
            if n > 1:  # a list another tool writes as the property repeated
                repeated = self.defaults[_("properties repeated on one concept, kept numbered")]
                if f"{concept.identifier}: {key}" not in repeated:  # the model's is read twice
                    repeated.append(f"{concept.identifier}: {key}")
            own[key] = value
        for lang, text in concept.extra_names:
            own[f"name@{lang or 'other'}"] = text
        return spbe, own

    # --- elements -----------------------------------------------------------------------

    def convert(self, elements, relationships) -> ImportResult:
        instansi, assessment = None, []
        self.unique_identifiers([*elements, *relationships])
        for concept in elements:
            spbe, own = self.split_properties(concept)
            collection = (spbe.get("collection") or [None])[0]
            if collection == NATIONAL:
                self.ids[concept.identifier] = spbe_id(concept.identifier) or concept.identifier
                self.collection_of[concept.identifier] = NATIONAL
                self.kinds_of[concept.identifier] = {NATIONAL, *self._infra_kinds(concept.type)}
                continue
            if collection == "platforms":  # named like a national one
                self.platforms.append(self.platform(concept, spbe))
                self.collection_of[concept.identifier] = NATIONAL
                self.kinds_of[concept.identifier] = {NATIONAL, *self._infra_kinds(concept.type)}
                continue
            if collection == "instansi":
                instansi = self.instansi(concept, spbe, own)
                continue
            if collection == "assessment":
                assessment.append(self.assessment_entry(spbe, own))
                continue
            if collection not in COLLECTIONS or collection in _RELATIONSHIPS:
                collection = IMPORTED_COLLECTIONS.get(concept.type, "archimate_elements")
            record = self.element(concept, collection, spbe, own)
            self.records[concept.identifier] = record
            self.collection_of[concept.identifier] = collection
            kinds = {collection}
            if collection == "infrastructure" and record["kind"] in _INFRASTRUCTURE_KINDS:
                is_network = InfrastructureKind(record["kind"]).is_network
                kinds.add("network" if is_network else "data_centre")
            self.kinds_of[concept.identifier] = kinds
        read = len(relationships)
        relationships = self.through_junctions(relationships)
        for type_name, ids in sorted(self.unmapped.items()):
            self.warnings.append(_(_kept_as_is(type_name)).format(
                type=type_name, count=len(ids)) + f" ({_some(ids)})")
        result = ImportResult(documents={}, elements_read=len(elements),
                              relationships_read=read)
        self.relationships(relationships, result)
        self.platforms_named()
        self.outside_actors()
        kept = {identifier: record["id"] for identifier, record in self.records.items()}
        moved = [f"{base} -> {new}" for identifier, (base, new) in self.moved_off.items()
                 if kept.get(identifier) == new]  # not those that became the platform itself
        if moved:
            self.warnings.append(_(
                "elements whose id is a national platform's, given another (a model names a "
                "platform by its id): {count} ({ids})"
            ).format(count=len(moved), ids=_some(moved)))
        if instansi is None:  # before the guesses are told (the actor is no unit guessed)
            # and before owners are read from properties (the pemda owns nothing as a unit)
            instansi = self.pemda_actor() or self.instansi_from_model()
        self.owners_named()
        self.placeholder_owner()
        for what, ids in sorted(self.defaults.items()):
            self.warnings.append(f"{what}: {len(ids)} ({_some(ids)})")
        if self.nameless:
            self.warnings.append(_(
                "elements without a name, named by their type (give them a name): {count} "
                "({ids})"
            ).format(count=len(self.nameless), ids=_some(self.nameless)))
        result.documents["spbe.yaml"] = {"instansi": instansi}
        if assessment:
            result.documents["spbe.yaml"]["assessment"] = assessment
        by_collection: dict[str, list[dict]] = {name: [] for name in COLLECTIONS}
        for identifier, record in self.records.items():
            by_collection[self.collection_of[identifier]].append(record)
        by_collection["platforms"] = self.platforms
        model_properties = self.split_properties(self.model)[0]
        by_collection["evaluations"] = _items(model_properties.get("evaluation", []))
        by_collection["waivers"] = _items(model_properties.get("waiver", []))
        for collection, records in by_collection.items():
            if records:
                result.documents[f"{collection}.yaml"] = {collection: records}
                result.counts[collection] = len(records)
        result.warnings = self.warnings
        return result

    def unique_identifiers(self, concepts: list[_Concept]) -> None:
        """Give a concept without an identifier, or with one the file repeats, its own."""
        seen: set[str] = set()
        for n, concept in enumerate(concepts):
            if not concept.identifier or concept.identifier in seen:
                what = (_("concepts whose identifier the file repeats, given a new id")
                        if concept.identifier else
                        _("concepts whose identifier the file omits, given a new id"))
                concept.identifier = f"{concept.identifier or concept.type.lower()}#{n}"
                self.defaults[what].append(concept.identifier)
            seen.add(concept.identifier)

    def element(self, concept: _Concept, collection: str, spbe: dict, own: dict) -> dict:
        record: dict[str, Any] = {"id": self.model_id(concept.identifier)}
        record["name"] = concept.name or concept.type
        if not concept.name and not concept.type.endswith("Junction"):  # junctions have none
            self.nameless.append(record["id"])
        if concept.documentation:
            record["description"] = concept.documentation
        fields = _fields(COLLECTIONS[collection])
        for name, values in spbe.items():
            is_list = fields.get(name)
            if is_list is not None:
                record[name] = (_items(values) if is_list
                                else self.model_word(collection, name, values[0], record["id"]))
        if collection == "archimate_elements":
            record["type"] = concept.type
            self.unmapped[concept.type].append(record["id"])
        else:
            self.facts_in_properties(concept.identifier, collection, record, own)
            self.fill_required(concept, collection, record, own)
        _tags(spbe, record)
        if own:
            record["properties"] = own
        return record

    def facts_in_properties(self, identifier: str, collection: str, record: dict,
                            own: dict) -> None:
        """A status or an owner another tool keeps in a property headed as an inventory's
        column is ('Status: Tidak Aktif', 'Pemilik: Dinas Kesehatan'), where no `spbe:`
        property gives it: the status read as the inventory import reads it and the property
        moved into the field; the owner's property noted, to name its unit once every unit is
        read (`owners_named`)."""
        fields = _fields(COLLECTIONS[collection])
        for key in list(own):
            column = _PROPERTY_COLUMNS.get(normal_words(key))
            if column is Column.status and "status" in fields and "status" not in record:
                status = status_of(str(own[key]))
                if status is not None:
                    record["status"] = status.value
                    self.defaults[_("statuses read from a property (Status)")].append(
                        f"{record['id']}: '{own.pop(key)}' -> {status.value}")
            elif column is Column.unit and "owner" in fields and identifier not in (
                    self.owner_named):
                self.owner_named[identifier] = key

    def owners_named(self) -> None:
        """The owner a property names ('Pemilik: Dinas Kesehatan'), for an element no
        relationship gives one, where a unit of the file has that name (spelt in any way the
        inventory import accepts: 'Dinkes'); else the property stays, and the element gets the
        placeholder unit (`placeholder_owner`)."""
        units = {unit_key(r["name"]): r["id"] for identifier, r in self.records.items()
                 if self.collection_of[identifier] == "units"}
        for identifier, key in self.owner_named.items():
            record = self.records[identifier]
            if "owner" in record:
                continue
            named = str(record["properties"][key])
            if named.strip().casefold() in NO_VALUE:  # '-': no owner said, none to read
                continue
            unit = units.get(unit_key(named))
            if unit is None:
                self.defaults[_("owners named in a property that names no unit of the file, "
                                "kept as a property")].append(f"{record['id']}: '{named}'")
                continue
            record["owner"] = unit
            del record["properties"][key]
            self.defaults[_("owners read from a property naming a unit")].append(
                f"{record['id']}: '{named}' -> {unit}")
            if not record["properties"]:
                del record["properties"]

    def model_word(self, collection: str, name: str, value: Any, record_id: str) -> Any:
        """The value of a field with a vocabulary as the model writes it, where the file
        writes it in other case or in Indonesian ('Badan' is badan, 'SPLP' splp, 'aktif'
        active), said in a warning; any other value is kept for validation to answer."""
        words = _vocabulary(COLLECTIONS[collection], name)
        if not words or not isinstance(value, str) or value in words:
            return value
        same = same_values(value, words)
        if len(same) != 1:
            return value
        (meant,) = same
        self.defaults[_("values written in other case or in Indonesian, read as the model "
                        "writes them")].append(f"{record_id}: '{value}' -> {meant}")
        return str(meant)

    def fill_required(self, concept: _Concept, collection: str, record: dict, own: dict) -> None:
        """Give a foreign element the SPBE facts its type requires, saying which were guessed."""
        name = (concept.name or "").lower()
        if collection == "units" and "kind" not in record:
            kind = unit_kind(name)  # as the inventory import guesses it
            if kind is None:
                kind = UnitKind.unit_kerja
                self.defaults[_(_KIND_GUESSED)].append(record["id"])
            else:
                self.defaults[_("units without a kind, set from their names")].append(
                    f"{record['id']} -> {kind.value}")
            record["kind"] = kind.value
        elif collection == "services" and "kind" not in record:
            administration = (("administrasi" in name and "kependudukan" not in name)
                              or "administration" in name)  # Adminduk serves the public
            record["kind"] = "administration" if administration else "public"
            self.defaults[_("services without a kind, set from their names (public unless "
                            "'administrasi', Administrasi Kependudukan aside)")].append(
                record["id"])
        elif collection == "applications" and "kind" not in record:
            platform = None if "platform" in record else _named_platform(concept.name, own)
            if platform is None:
                record["kind"] = ApplicationKind.khusus.value
                self.defaults[_("applications without a kind, set to khusus")].append(
                    record["id"])
            else:  # an instance until `platforms_named` finds nothing of its own
                record.update(kind=ApplicationKind.umum.value, platform=platform)
                self.named_platforms[concept.identifier] = platform
        elif collection == "infrastructure" and "kind" not in record:
            if concept.type == "CommunicationNetwork":
                words, default = NETWORK_WORDS, InfrastructureKind.intranet
            else:
                words, default = DATA_CENTRE_WORDS, InfrastructureKind.on_premise
            kind = next((k for word, k in words if re.search(rf"\b{word}\b", name)), None)
            if kind is None:
                self.defaults[_("{type} elements without a kind, set to {kind}").format(
                    type=concept.type, kind=default.value)].append(record["id"])
            else:
                self.defaults[_("{type} elements without a kind, set from their names").format(
                    type=concept.type)].append(f"{record['id']} -> {kind.value}")
            record["kind"] = (kind or default).value

    def _infra_kinds(self, archimate_type: str) -> set[str]:
        if archimate_type == "CommunicationNetwork":
            return {"network"}
        return {"data_centre"} if archimate_type == "Node" else set()

    def platforms_named(self) -> None:
        """Make each application named as a national platform that platform, where the file
        gives it nothing of its own (no owner, hosting, data, documentation, properties) and
        names it only where a platform may stand (an integration's target, a kept
        relationship): the architect drew the national system. Otherwise it stays the
        instansi's instance of it (`kind: umum`, `platform:`), as the inventory import writes
        one."""
        if not self.named_platforms:
            return
        named_by: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for identifier, record in self.records.items():
            collection = self.collection_of[identifier]
            for name in REFERENCES.get(collection, {}):
                values = record.get(name)
                for value in values if isinstance(values, list) else [values]:
                    named_by[value].add((collection, name))
        renamed: dict[str, str] = {}
        platforms, instances = [], []
        for identifier, platform in self.named_platforms.items():
            record = self.records[identifier]
            element_id = record["id"]
            if (set(record) <= {"id", "name", "kind", "platform"}
                    and named_by[element_id] <= _PLATFORM_NAMED_BY
                    and platform not in self.used):
                del self.records[identifier]
                self.collection_of[identifier] = NATIONAL
                renamed[element_id] = platform
                platforms.append(f"{element_id} -> {platform}")
            else:
                instances.append(f"{element_id} -> {platform}")
        self._rename(renamed)
        if platforms:
            self.warnings.append(_(
                "guess: applications named as a national platform, with nothing of their own "
                "in the file (no owner, hosting, data or properties), read as that platform "
                "(their links are links to it): {count} ({ids})"
            ).format(count=len(platforms), ids=_some(platforms)))
        if instances:
            self.warnings.append(_(
                "guess: applications named as a national platform, imported as the instansi's "
                "instance of it (kind: umum, platform:): {count} ({ids})"
            ).format(count=len(instances), ids=_some(instances)))

    def _rename(self, renamed: dict[str, str]) -> None:
        """Make the reference fields of every record name the new ids of `renamed` (old id ->
        new id)."""
        if not renamed:
            return
        for identifier, record in self.records.items():
            for name in REFERENCES.get(self.collection_of[identifier], {}):
                values = record.get(name)
                if isinstance(values, list):
                    record[name] = [renamed.get(value, value) for value in values]
                elif values in renamed:
                    record[name] = renamed[values]

    def references(self, *, ends: bool = False) -> Iterator[tuple[str, str, dict, Any]]:
        """(collection, field, record, value) of every reference field of the records read
        so far; with `ends`, the ends of the relationships kept too."""
        for identifier, record in self.records.items():
            collection = self.collection_of[identifier]
            if collection in _RELATIONSHIPS:
                fields: Iterable[str] = ("source", "target") if ends else ()
            else:
                fields = REFERENCES.get(collection, {})
            for name in fields:
                yield collection, name, record, record.get(name)

    def unguessed(self, units: list[str]) -> None:
        """Take `units` (record ids) off the units whose kind was guessed: they are none."""
        guessed = _(_KIND_GUESSED)
        gone = set(units)
        self.defaults[guessed] = [u for u in self.defaults[guessed] if u not in gone]
        if guessed in self.defaults and not self.defaults[guessed]:
            del self.defaults[guessed]

    def outside_actors(self) -> None:
        """Keep as `archimate_elements` the BusinessActors whose names start with words of a
        party outside the instansi (`OUTSIDE_ACTOR_WORDS`: Masyarakat, Pelaku Usaha, a
        ministry the pemda serves) and that the file gives no role of a unit: no kind, parent
        or network, and nothing of the model that names them (owner, steward, parent). As
        units they would be units owning nothing and units outside JIP (audit findings)."""
        guessed = set(self.defaults.get(_(_KIND_GUESSED), ()))
        named: set[str] = set()
        for _collection, _field, _record, value in self.references():
            named.update(value if isinstance(value, list) else (value,))
        outside = [
            identifier for identifier, record in self.records.items()
            if record["id"] in guessed and record["id"] not in named
            and not record.get("parent") and not record.get("networks")
            and re.match(_OUTSIDE, record["name"].casefold())
        ]
        for identifier in outside:
            record = self.records[identifier]
            del record["kind"]
            record["type"] = "BusinessActor"
            self.collection_of[identifier] = "archimate_elements"
        self.unguessed([self.records[i]["id"] for i in outside])
        if outside:
            self.warnings.append(_(
                "BusinessActor elements named as a party outside the instansi (the public, a "
                "business, another instansi) that own nothing and have no parent, kept under "
                "archimate_elements (to make one a unit, give it spbe:kind): {count} ({ids})"
            ).format(count=len(outside), ids=_some([self.ids[i] for i in outside])))

    def placeholder_owner(self) -> None:
        ownerless = [
            record for identifier, record in self.records.items()
            if self.collection_of[identifier] in ("business_processes", "services",
                                                  "applications")
            and "owner" not in record
        ]
        if not ownerless:
            return
        unit_id = PLACEHOLDER_UNIT
        while unit_id in self.used:
            unit_id += "-x"
        self.used.add(unit_id)
        self.records[unit_id] = {
            "id": unit_id,
            "name": "Unit belum ditetapkan (impor ArchiMate)",
            "description": "Ditambahkan oleh impor: pemilik proses, layanan dan aplikasi yang "
                           "tidak diberi pemilik oleh berkas.",
            "kind": UnitKind.unit_kerja.value,
        }
        self.collection_of[unit_id] = "units"
        for record in ownerless:
            record["owner"] = unit_id
        self.warnings.append(_(
            "processes, services and applications without an owner, assigned to the added "
            "unit '{unit}' (set their owner): {count}"
        ).format(unit=unit_id, count=len(ownerless)))

    def platform(self, concept: _Concept, spbe: dict) -> dict:
        """One of the model's own platforms, as our export wrote it."""
        record: dict[str, Any] = {"id": self.model_id(concept.identifier),
                                  "name": concept.name or concept.identifier}
        for name, is_list in _fields(NationalPlatform).items():
            if name in spbe:
                record[name] = _items(spbe[name]) if is_list else spbe[name][0]
        return record

    def instansi(self, concept: _Concept, spbe: dict, own: dict) -> dict:
        record: dict[str, Any] = {"id": self.model_id(concept.identifier),
                                  "name": concept.name or concept.identifier}
        for name in ("level", "region", "framework", "target"):
            if name in spbe:
                record[name] = spbe[name][0]
        if "severity" in spbe:
            record["severity"] = {
                code: level for code, _, level in (str(v).partition("=") for v in spbe["severity"])
            }
        _tags(spbe, record)
        if own:
            record["properties"] = own
        return record

    def pemda_actor(self) -> dict | None:
        """The instansi, where the file draws it as the one BusinessActor named 'Pemerintah
        Kabupaten/Kota/Provinsi ...' that the file gives no unit's role (no kind, no network)
        and that nothing names but as the parent of units (Archi's actor composing every
        dinas): that actor is no unit of itself. None where there is no such actor."""
        guessed = _(_KIND_GUESSED)
        candidates = [
            identifier for identifier, record in self.records.items()
            if record["id"] in self.defaults.get(guessed, ()) and not record.get("networks")
            and _PEMDA.match(record["name"].casefold())
        ]
        if len(candidates) != 1:
            return None
        (identifier,) = candidates
        record = self.records[identifier]
        children = []
        for collection, name, named, value in self.references(ends=True):
            if record["id"] in (value if isinstance(value, list) else (value,)):
                if (collection, name) != ("units", "parent"):
                    return None  # it owns or holds something: a unit after all
                children.append(named)
        for child in children:
            del child["parent"]
        del self.records[identifier], self.collection_of[identifier]
        self.unguessed([record["id"]])
        level = _PEMDA.match(record["name"].casefold()).group(1)
        level = {"kab": "kabupaten", "kab.": "kabupaten", "prov": "provinsi",
                 "prov.": "provinsi"}.get(level, level)
        slug = _slug(record["name"])
        self.warnings.append(_(
            "BusinessActor '{name}' ({id}), whose parts are the units, read as the instansi "
            "(spbe.yaml), not as a unit"
        ).format(name=record["name"], id=record["id"]))
        kept = dict(record.get("properties", {}))
        if "description" in record:  # the instansi has no description: kept as a property
            kept["documentation"] = record["description"]
        for key, value in self._model_facts().items():  # the file's own, the actor's first
            kept.setdefault(key, value)
        return {"id": slug, "name": record["name"], "level": level} | (
            {"properties": kept} if kept else {})

    def _model_facts(self) -> dict[str, str]:
        """What the file says of itself (its name, documentation and properties), kept as
        properties of the instansi when an actor names it: nothing of the file is lost."""
        facts = self.split_properties(self.model)[1]
        if self.model.name:
            facts["model_name"] = self.model.name
        if self.model.documentation:
            facts["model_documentation"] = self.model.documentation
        return facts

    def instansi_from_model(self) -> dict:
        name = self.model.name or self.path.stem
        words = name.lower().split()
        level = next(
            (lvl for lvl in ("provinsi", "kabupaten", "kota", "kementerian") if lvl in words),
            None,
        )
        if level is None:
            level = "lembaga"
            self.warnings.append(_(
                "the file does not say what kind of instansi it describes: level set to "
                "'lembaga' in spbe.yaml; correct it"
            ))
        slug = _slug(name) or "instansi"
        record: dict[str, Any] = {"id": self.model_id(slug), "name": name, "level": level}
        own = self.split_properties(self.model)[1]
        if self.model.documentation:
            own["documentation"] = self.model.documentation
        if own:
            record["properties"] = own
        return record

    def assessment_entry(self, spbe: dict, own: dict) -> dict:
        entry: dict[str, Any] = {}
        for name in ("indicator", "year", "level", "verified", "framework", "note"):
            if name in spbe:
                entry[name] = spbe[name][0]
        if "evidence" in spbe:  # ours is JSON; one written by hand is kept as the title
            entry["evidence"] = [item if isinstance(item, dict) else {"title": str(item)}
                                 for item in _items(spbe["evidence"])]
        return entry

    # --- relationships ------------------------------------------------------------------

    def relationships(self, relationships: list[_Concept], result: ImportResult) -> None:
        kept: list[tuple[_Concept, dict, dict]] = []
        for concept in relationships:
            spbe, own = self.split_properties(concept)
            marked = (spbe.get("field") or [None])[0]
            if marked == "route":
                result.implied += 1
                continue
            stated = (spbe.get("collection") or [None])[0]
            if stated is None and self.as_field(concept, marked, own):
                result.fields_from_relationships += 1
                continue
            if (stated == "integrations" or (concept.type == INTEGRATION_TYPE and spbe.get("via"))
                    or (stated is None and self.links_applications(concept))):
                collection = "integrations"
            else:
                collection = "archimate_relationships"
            self.collection_of[concept.identifier] = collection
            self.model_id(concept.identifier)
            kept.append((concept, spbe, own))
        dropped = []
        for concept, spbe, own in kept:
            missing = [end for end in (concept.source, concept.target)
                       if end not in self.collection_of]
            if missing:
                dropped.append(f"{concept.identifier} -> " + ", ".join(
                    end or _("(no end given)") for end in missing))
                del self.collection_of[concept.identifier]
                continue
            collection = self.collection_of[concept.identifier]
            self.records[concept.identifier] = self.relationship(concept, collection, spbe, own)
        if dropped:
            self.warnings.append(_(
                "relationships not imported because an end is not in the file (or is a "
                "relationship read as a field): {count} ({ids})"
            ).format(count=len(dropped), ids=_some(dropped)))
        carried = [self.carried_data(c) for c, _spbe, own in kept
                   if c.type == "Association" and not own and not c.name
                   and {self.collection_of.get(c.source), self.collection_of.get(c.target)}
                   == {"integrations", "data"}]
        if carried:
            result.fields_from_relationships += len(carried)
            self.warnings.append(_(
                "Associations of a data object with an integration, read as the data it "
                "exchanges (data:): {count} ({ids})").format(count=len(carried),
                                                              ids=_some(carried)))
        if self.unknown_via:
            self.warnings.append(_(
                "relationships between applications that state no mechanism (spbe:via), "
                "imported as integrations with via: unknown (set via: where it is known): "
                "{count} ({ids})"
            ).format(count=len(self.unknown_via), ids=_some(self.unknown_via)))
        generic = Counter(
            c.type for c, _, _ in kept
            if self.collection_of.get(c.identifier) == "archimate_relationships"
        )
        for type_name, count in sorted(generic.items()):
            ids = [self.ids[c.identifier] for c, _, _ in kept if c.type == type_name
                   and self.collection_of.get(c.identifier) == "archimate_relationships"]
            self.warnings.append(_(
                "{type} relationships with no SPBE meaning, kept under "
                "archimate_relationships: {count}"
            ).format(type=type_name, count=count) + f" ({_some(ids)})")

    def carried_data(self, concept: _Concept) -> str:
        """Archi's way of saying which data a flow carries (an Association between the data
        object and the flow) as the integration's `data:`; the Association is not kept.
        Returns the integration's id."""
        link, data = ((concept.source, concept.target)
                      if self.collection_of[concept.source] == "integrations"
                      else (concept.target, concept.source))
        record = self.records[link]
        if self.ids[data] not in record.setdefault("data", []):
            record["data"].append(self.ids[data])
        del self.records[concept.identifier], self.collection_of[concept.identifier]
        return record["id"]

    def relationship(self, concept: _Concept, collection: str, spbe: dict, own: dict) -> dict:
        record: dict[str, Any] = {"id": self.ids[concept.identifier]}
        if concept.name:
            record["name"] = concept.name
        if concept.documentation:
            record["description"] = concept.documentation
        if collection == "archimate_relationships":
            record["type"] = concept.type
        record["source"] = self.ids[concept.source]
        record["target"] = self.ids[concept.target]
        if collection == "integrations":
            for name in ("via", "direction", "network", "status"):
                if name in spbe:
                    record[name] = self.model_word(collection, name, spbe[name][0], record["id"])
            if "via" not in record:
                record["via"] = IntegrationVia.unknown.value
                self.unknown_via.append(record["id"])
            if "data" in spbe:
                record["data"] = [str(item) for item in _items(spbe["data"])]
        _tags(spbe, record)
        for key, value in concept.attributes.items():
            own[f"archimate:{key}"] = value
        if own:
            record["properties"] = own
        return record

    def through_junctions(self, relationships: list[_Concept]) -> list[_Concept]:
        """`relationships` with the Flows (or Servings) that join applications through a
        junction (Archi draws one flow fanning out to several applications that way) made
        integrations from end to end: A -> junction -> B, C gives A -> B and A -> C.

        A junction is resolved only when every relationship at it is of one such type and
        every pair of its ends links applications; the junction itself, with no name nor
        properties, is then not kept. Any other junction stays as the file has it.
        """
        junctions = {
            identifier for identifier, record in self.records.items()
            if self.collection_of[identifier] == "archimate_elements"
            and record["type"].endswith("Junction") and set(record) == {"id", "name", "type"}
        }
        guessed = set(self.defaults.get(_("applications without a kind, set to khusus"), ()))
        gateways = {  # SPLP drawn as an application between others, with nothing of its own
            identifier for identifier, record in self.records.items()
            if self.collection_of[identifier] == "applications" and record["id"] in guessed
            and set(record) <= {"id", "name", "kind"} and _gateway_matcher()(record["name"])
        }
        at: defaultdict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        own: defaultdict[str, list[_Concept]] = defaultdict(list)  # a gateway's owner, ...
        for concept in relationships:
            for side, end in enumerate((concept.target, concept.source)):
                if end in gateways and concept.type not in INTEGRATION_TYPES:
                    own[end].append(concept)  # not how data goes through it
                elif end in junctions or end in gateways:
                    at[end][side].append(concept)
        resolved: dict[str, list[_Concept]] = {}  # junction -> its relationships end to end
        unpaired = []  # gateways between several senders and several receivers
        for junction, (ins, outs) in at.items():
            types = {c.type for c in (*ins, *outs)}
            if not (ins and outs and len(types) == 1 and types <= set(INTEGRATION_TYPES)):
                continue
            if junction in gateways and len({c.source for c in ins}) > 1 and len(
                    {c.target for c in outs}) > 1:
                unpaired.append(self.model_id(junction))  # who sends to whom: not in the file
                continue
            paths = [_joined(first, then, junction, ins, outs) for first in ins for then in outs]
            if junction in gateways:  # an application sending through SPLP to itself: no link
                paths = _deduplicated([p for p in paths if p.source != p.target])
                for path in paths:
                    path.properties.insert(0, (f"{SPBE}via", IntegrationVia.splp.value))
            if all(map(self.links_applications, paths)):
                resolved[junction] = paths
        if unpaired:
            self.warnings.append(_(
                "SPLP drawn as an application between several senders and several receivers, "
                "kept as one (which sends to which is not in the file: write each integration "
                "from sender to receiver with via: splp): {ids}").format(ids=_some(unpaired)))
        if not resolved:
            return relationships
        dropped = {c.identifier for g in resolved for c in own.get(g, ())}
        if dropped:
            self.warnings.append(_(
                "relationships of SPLP drawn as an application (its owner, ...), not kept: SPLP "
                "is how the applications at its ends exchange data, not an application of the "
                "model: {count} ({ids})").format(count=len(dropped), ids=_some(sorted(dropped))))
        for junction in resolved:
            record = self.records.pop(junction)
            del self.collection_of[junction]
            kept_under = (self.unmapped[record["type"]] if junction in junctions
                          else self.defaults[_("applications without a kind, set to khusus")])
            kept_under.remove(record["id"])
        for mapping in (self.unmapped, self.defaults):
            for key in [key for key, ids in mapping.items() if not ids]:
                del mapping[key]
        for kind, template in (
                (junctions, N_("relationships through junctions, imported as integrations "
                               "between the applications at their ends (the junction named "
                               "in the property archimate:junction): {count} through "
                               "{junctions} ({ids})")),
                (gateways, N_("relationships through SPLP drawn as an application, imported as "
                              "integrations via: splp between the applications at their ends "
                              "(SPLP is how they exchange data, not an application; it is "
                              "named in the property archimate:junction): {count} ({ids})"))):
            joined = [c for junction, paths in resolved.items() if junction in kind
                      for c in paths]
            if not joined:
                continue
            self.unique_identifiers(joined)
            self.warnings.append(_(template).format(
                count=len(joined), ids=_some([self.model_id(c.identifier) for c in joined]),
                junctions=plural(len({c.attributes["junction"] for c in joined}),
                                 N_("{count} junction"), N_("{count} junctions"))))
        joined = [concept for paths in resolved.values() for concept in paths]
        return [*(c for c in relationships if c.source not in resolved
                  and c.target not in resolved and c.identifier not in dropped), *joined]

    def as_field(self, concept: _Concept, marked: str | None, own: dict) -> bool:
        """Set the reference field the relationship expresses; False when it expresses none."""
        for relation in FIELD_RELATIONS:
            if marked is not None and relation.field != marked:
                continue
            if marked is None and (not relation.infer or relation.type != concept.type):
                continue
            holder, other = (
                (concept.target, concept.source) if relation.reverse
                else (concept.source, concept.target)
            )
            if (marked is None and concept.type == "Association"
                    and concept.attributes.get("isDirected") != "true"
                    and self.collection_of.get(holder) != relation.collection):
                holder, other = other, holder  # undirected: drawn from either end
            if self.collection_of.get(holder) != relation.collection:
                continue
            if marked is None and not self.accepts(relation, other, concept):
                continue
            fields = [relation.field]
            if marked is None and relation.access is not None:
                access = concept.attributes.get("accessType", "Write")
                fields = {"Read": ["reads"], "Write": ["writes"], "ReadWrite": ["reads", "writes"],
                          "Access": []}.get(access, [])
                if relation.field not in fields:
                    continue
            record = self.records[holder]
            if relation.field in _SINGLE and relation.field in record:
                return False
            if marked is None and (concept.name or concept.documentation or own):
                self.defaults[_("relationships read as reference fields whose name, "
                                "documentation or properties were not kept")].append(
                    concept.identifier)
            value = self.ids.get(other) or self.model_id(other)
            for name in fields:
                if name in _SINGLE:
                    record[name] = value
                elif value not in record.setdefault(name, []):
                    record[name].append(value)
            return True
        return False

    def links_applications(self, concept: _Concept) -> bool:
        """Whether a relationship of another tool is an integration: a Flow or a Serving from
        one application to another application or a national platform."""
        ends = REFERENCES["integrations"]
        return (concept.type in INTEGRATION_TYPES and concept.source != concept.target
                and bool(self.kinds_of.get(concept.source, set()) & set(ends["source"]))
                and bool(self.kinds_of.get(concept.target, set()) & set(ends["target"])))

    def accepts(self, relation, other: str, concept: _Concept) -> bool:
        """Whether the element `other` is of a kind the relation's field may name."""
        kinds = self.kinds_of.get(other, set())
        if relation.field == "platform":
            return NATIONAL in kinds
        allowed = REFERENCES.get(relation.collection, {}).get(relation.field, ())
        return "any" in allowed or bool(kinds & set(allowed))


def _joined(first: _Concept, then: _Concept, junction: str, ins: list, outs: list) -> _Concept:
    """The relationship from `first`'s source to `then`'s target through `junction`: named
    and identified as the one of the pair the junction does not share (the branch of a fan
    out, the arm of a fan in), with the names, documentation and properties of both, that
    one's first (its `spbe:via` is the one read)."""
    own = then if len(ins) == 1 else first if len(outs) == 1 else None
    identifier = own.identifier if own else f"{first.identifier}+{then.identifier}"
    lead, rest = (first, then) if own is first else (then, first)
    docs = [d for d in dict.fromkeys((lead.documentation, rest.documentation)) if d]
    return _Concept(
        identifier, first.type, name=lead.name or rest.name,
        documentation="\n\n".join(docs) or None,
        properties=[*lead.properties, *rest.properties], source=first.source,
        target=then.target, attributes={**rest.attributes, **lead.attributes,
                                        "junction": junction},
    )


def _deduplicated(paths: list[_Concept]) -> list[_Concept]:
    """The paths through a gateway, one per pair of ends (SIMPEG drawn twice into SPLP, once
    per flow, sends once to each receiver)."""
    seen: dict[tuple[str, str], _Concept] = {}
    for path in paths:
        seen.setdefault((path.source, path.target), path)
    return list(seen.values())


_KIND_GUESSED = N_("units without a kind, set to unit_kerja")
"""The warning listing the units whose kind the import set: those the file gives no role."""


def _slug(name: str) -> str:
    """An instansi id made of its name: 'Pemerintah Kota Y' -> 'pemerintah-kota-y'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


_PEMDA = re.compile(r"pemerintah (kabupaten|kab\.?|kota|provinsi|prov\.?)\s+\S")
"""The name of a pemda as a whole: 'Pemerintah Kabupaten Sungai Biru'."""


@cache
def _gateway_matcher() -> PlatformMatcher:
    """Names of the national gateway, SPLP ('SPLP Daerah', 'Sistem Penghubung Layanan
    Pemerintah')."""
    return PlatformMatcher({pid: p for pid, p in national_platforms().items()
                            if p.kind is PlatformKind.gateway})


@cache
def _platform_matcher() -> PlatformMatcher:
    """The inventory import's matcher: platforms an application can be an instance of (not
    JIP, PDN or SPLP)."""
    return PlatformMatcher({
        pid: p for pid, p in national_platforms().items()
        if not p.kind.is_infrastructure
    })


def _named_platform(name: str | None, own: dict) -> str | None:
    """The national platform an application's name, else an address among its properties,
    names (ids, names, aliases, addresses of the catalog), or None."""
    addresses = [v for v in own.values() if isinstance(v, str) and address_key(v) is not None]
    for text in (name or "", *addresses):
        if found := _platform_matcher()(text):
            return found
    return None


def _some(ids: list[str]) -> str:
    """The first five ids, then how many more: enough to find them in a large file.

    >>> _some(["a", "b"]), _some([str(n) for n in range(7)])
    ('a, b', '0, 1, 2, 3, 4 and 2 more')
    """
    shown = ", ".join(ids[:5])
    return _("{ids} and {count} more").format(ids=shown, count=len(ids) - 5) if ids[5:] else shown


def _items(values: list) -> list:
    """The items of a list field; a list stated empty (`spbe:<field>` with an empty value,
    as our export writes `reads: []`) has none, but is stated."""
    return [_structured(value) for value in values if value != STATED_EMPTY]


def _tags(spbe: dict, record: dict) -> None:
    """Set `tags` from the `spbe:tag` properties, or as stated empty by `spbe:tags`."""
    if "tag" in spbe or "tags" in spbe:
        record["tags"] = [str(tag) for tag in spbe.get("tag", [])]


def _structured(value: Any) -> Any:
    """A list item our exporter wrote as JSON (a roadmap change, say) as the mapping it was;
    any other value as it is."""
    import orjson

    if isinstance(value, str) and value.startswith("{"):
        try:
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            return value
    return value
