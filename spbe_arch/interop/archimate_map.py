"""The SPBE <-> ArchiMate 3.1 mapping, written once: the exporter and the importer both read it.

An SPBE element becomes an ArchiMate element (ELEMENT_TYPES); its scalar fields become
properties named `spbe:<field>`; its reference fields become relationships (FIELD_RELATIONS),
each marked with the property `spbe:field`; an integration becomes a Flow relationship. A
file from another tool has no `spbe:` properties: the importer maps its types through
IMPORTED_COLLECTIONS, its relationships through the same FIELD_RELATIONS, and a Flow or a Serving
between applications as an integration whose mechanism is unknown.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..model import InfrastructureKind, PlatformKind
from ..model.types import ID_PATTERN

__all__ = [
    "ARCHIMATE2_NAMESPACE",
    "COLLECTION",
    "DATA_CENTRE_WORDS",
    "ELEMENT_TYPES",
    "FIELD",
    "FIELD_RELATIONS",
    "IMPORTED_COLLECTIONS",
    "INTEGRATION_TYPE",
    "INTEGRATION_TYPES",
    "NAMESPACE",
    "NATIONAL",
    "NETWORK_WORDS",
    "OUTSIDE_ACTOR_WORDS",
    "SPBE",
    "STATED_EMPTY",
    "XSI",
    "FieldRelation",
    "allowed",
    "element_type",
    "is_element_type",
    "layer_of",
    "platform_type",
    "spbe_id",
    "xml_id",
]

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
"""The exchange format's namespace: ArchiMate 3.0 and 3.1 share it."""
ARCHIMATE2_NAMESPACE = "http://www.opengroup.org/xsd/archimate"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

SPBE = "spbe:"
"""Prefix of the property names that carry SPBE fields; other properties are the user's own."""
COLLECTION = SPBE + "collection"
"""Property naming the SPBE collection an element came from (instansi, units, national, ...)."""
FIELD = SPBE + "field"
"""Property naming the reference field a relationship expresses (owner, reads, ...)."""
STATED_EMPTY = ""
"""Value of the property `spbe:<field>` that states a list field empty (`reads: []`): never
an item of one (ids, JSON items), so it cannot be mistaken for one."""
NATIONAL = "national"
"""`spbe:collection` of a national platform (SPLP, PDN, SIPD, ...): not written on import."""

ELEMENT_TYPES = {
    "instansi": "BusinessActor",
    "units": "BusinessActor",
    "business_processes": "BusinessProcess",
    "services": "BusinessService",
    "data": "DataObject",
    "applications": "ApplicationComponent",
    "security": "Requirement",
    "roadmap": "WorkPackage",
    "assessment": "Assessment",
}
"""SPBE collection -> ArchiMate element type (infrastructure and platforms: see below)."""

IMPORTED_COLLECTIONS = {
    "BusinessActor": "units",
    "BusinessProcess": "business_processes",
    "BusinessService": "services",
    "DataObject": "data",
    "BusinessObject": "data",
    "ApplicationComponent": "applications",
    "Node": "infrastructure",
    "Facility": "infrastructure",
    "CommunicationNetwork": "infrastructure",
}
"""ArchiMate type -> SPBE collection, for elements without `spbe:collection` (other tools'
files). Every other type is kept as an `archimate_elements` entry."""


INTEGRATION_TYPE = "Flow"
"""The relationship an integration becomes; from another tool, a Flow from an application to an
application or national platform is read as one (`via: unknown` without `spbe:via`)."""
INTEGRATION_TYPES = (INTEGRATION_TYPE, "Serving")
"""The relationships from one application to another that another tool's file means as an
integration: a Flow, and a Serving (Archi's idiom for "uses the data or services of"; the
source serves the target, so its data goes to the target)."""


def element_type(collection: str, element) -> str:
    """The ArchiMate type of an SPBE element of `collection`."""
    if collection == "infrastructure":
        return "CommunicationNetwork" if element.kind.is_network else "Node"
    if collection == "archimate_elements":
        return element.type.value
    return ELEMENT_TYPES[collection]


def platform_type(kind: PlatformKind) -> str:
    """The ArchiMate type of a national platform: network, data centre or application."""
    return {PlatformKind.network: "CommunicationNetwork", PlatformKind.data_centre: "Node"}.get(
        kind, "ApplicationComponent"
    )


@dataclass(frozen=True, slots=True)
class FieldRelation:
    """How one reference field is drawn: the relationship type and its direction.

    `reverse` means the relationship points from the element named to the element holding
    the field (a unit is *assigned to* the process it owns). `access` is the accessType of an
    Access relationship. `infer` says whether a relationship without `spbe:field` (another
    tool's) is read as this field; `export` whether the exporter draws the field this way.
    """

    collection: str
    field: str
    type: str
    reverse: bool = False
    access: str | None = None
    infer: bool = True
    export: bool = True


FIELD_RELATIONS = (
    FieldRelation("units", "parent", "Composition", reverse=True),
    FieldRelation("units", "networks", "Serving", reverse=True),
    FieldRelation("business_processes", "owner", "Assignment", reverse=True),
    FieldRelation("business_processes", "services", "Serving", reverse=True),
    FieldRelation("services", "owner", "Assignment", reverse=True),
    FieldRelation("services", "applications", "Realization", reverse=True),
    FieldRelation("services", "applications", "Serving", reverse=True, export=False),
    FieldRelation("data", "steward", "Association", reverse=True),
    FieldRelation("data", "producer", "Access", reverse=True, access="Write", infer=False),
    FieldRelation("applications", "owner", "Association", reverse=True),
    FieldRelation("applications", "hosting", "Realization", reverse=True),
    FieldRelation("applications", "hosting", "Serving", reverse=True, export=False),
    FieldRelation("applications", "platform", "Specialization"),
    FieldRelation("applications", "reads", "Access", access="Read"),
    FieldRelation("applications", "writes", "Access", access="Write"),
    FieldRelation("infrastructure", "networks", "Serving", reverse=True),
    FieldRelation("infrastructure", "platform", "Composition", reverse=True, infer=False),
    FieldRelation("security", "covers", "Association"),
    FieldRelation("roadmap", "elements", "Realization"),
)
"""Reference field -> relationship. Where the allowed-relationships table forbids the type
between the two element types, the exporter draws an Association instead."""

_LAYERS = (
    ("Strategy", ("Resource", "Capability", "CourseOfAction", "ValueStream")),
    ("Business", ("Business", "Contract", "Representation", "Product")),
    ("Application", ("Application", "DataObject")),
    (
        "Technology & Physical",
        ("Node", "Device", "SystemSoftware", "Technology", "Path", "CommunicationNetwork",
         "Artifact", "Equipment", "Facility", "DistributionNetwork", "Material"),
    ),
    (
        "Motivation",
        ("Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement",
         "Constraint", "Meaning", "Value"),
    ),
    ("Implementation & Migration", ("WorkPackage", "Deliverable", "ImplementationEvent",
                                    "Plateau", "Gap")),
)


def layer_of(archimate_type: str) -> str:
    """The layer folder of an element type, named as Archi names them ("Other" for the rest)."""
    for layer, prefixes in _LAYERS:
        if archimate_type.startswith(prefixes):
            return layer
    return "Other"


@cache
def _allowed_table() -> dict[tuple[str, str], str]:
    text = files("spbe_arch.interop").joinpath("allowed-relationships.csv").read_text("utf-8")
    return {(row[0], row[1]): row[2] for row in csv.reader(text.splitlines()[1:])}


_LETTERS = {
    "Access": "a", "Composition": "c", "Flow": "f", "Aggregation": "g", "Assignment": "i",
    "Influence": "n", "Association": "o", "Realization": "r", "Specialization": "s",
    "Triggering": "t", "Serving": "v",
}


def is_element_type(name: str) -> bool:
    """Whether `name` is an ArchiMate 3.1 element type (the allowed-relationships table's, a
    junction's of either kind too): 'Capability' is, 'NoSuchType' or '' is not."""
    return name in _element_types()


@cache
def _element_types() -> frozenset[str]:
    return frozenset({source for source, _target in _allowed_table()} - {"Junction"}
                     | {"AndJunction", "OrJunction"})


def allowed(source_type: str, target_type: str, relationship: str) -> bool:
    """Whether ArchiMate 3.1 allows `relationship` from `source_type` to `target_type`.

    Read from allowed-relationships.csv, shipped in this package: Archi's relationships.xml
    (archimatetool/archi, MIT licence; its 3.2 rules, which the 3.1 exchange format carries
    unchanged) converted to CSV. Junctions are the table's `Junction`, relationships as ends
    its `Relationship`.

    >>> allowed("ApplicationComponent", "DataObject", "Access")
    True
    >>> allowed("BusinessActor", "DataObject", "Assignment")
    False
    """

    def concept(name: str) -> str:
        return "Junction" if name.endswith("Junction") else name

    codes = _allowed_table().get((concept(source_type), concept(target_type)), "")
    return _LETTERS[relationship] in codes


_ID_PREFIX = "id-"
_ID = re.compile(ID_PATTERN)


def xml_id(element_id: str) -> str:
    """A valid XML id for an SPBE id, reversibly: `id-` before one that starts with a digit
    (or with `id-` and a digit: `spbe_id` takes one `id-` off only there, so that another
    tool's `id-a19dd58c-…` comes back as it was).

    >>> xml_id("35-2"), xml_id("simpus"), xml_id("id-a19d"), xml_id("id-35-2")
    ('id-35-2', 'simpus', 'id-a19d', 'id-id-35-2')
    """
    return _ID_PREFIX + element_id if _prefixed(element_id) else element_id


def spbe_id(identifier: str) -> str | None:
    """The SPBE id `xml_id` made `identifier` from, or None when it is not one of ours
    (another tool's id such as `EAID_1A2B`, which the importer rewrites).

    >>> spbe_id("id-35-2"), spbe_id("simpus"), spbe_id("id-019dd58c-fbb9"), spbe_id("EAID_1")
    ('35-2', 'simpus', '019dd58c-fbb9', None)
    >>> spbe_id("id-a19dd58c-fbb9"), spbe_id("id-id-35-2")
    ('id-a19dd58c-fbb9', 'id-35-2')
    """
    rest = identifier.removeprefix(_ID_PREFIX)
    candidate = rest if rest != identifier and _prefixed(rest) else identifier
    return candidate if _ID.match(candidate) else None


def _prefixed(element_id: str) -> bool:
    """True for an SPBE id `xml_id` writes with `id-` before it."""
    while element_id.startswith(_ID_PREFIX):
        element_id = element_id.removeprefix(_ID_PREFIX)
    return element_id[:1].isdigit()


NETWORK_WORDS = (
    ("jip", InfrastructureKind.jip),
    ("intra pemerintah", InfrastructureKind.jip),
    ("internet", InfrastructureKind.internet),
    ("vpn", InfrastructureKind.vpn),
)
DATA_CENTRE_WORDS = (
    ("pdn", InfrastructureKind.pdn),
    ("pusat data nasional", InfrastructureKind.pdn),
    ("pusat data daerah", InfrastructureKind.pusat_data_daerah),
    ("cloud", InfrastructureKind.cloud),
)
"""Words in an imported name that tell an infrastructure kind another tool does not state."""
OUTSIDE_ACTOR_WORDS = (
    "masyarakat", "warga", "penduduk", "publik", "pelaku usaha", "pemohon", "wajib pajak",
    "pasien", "investor", "pihak ketiga", "vendor", "mitra", "kementerian", "lembaga",
    "pemerintah pusat", "pemerintah provinsi", "pemerintah kabupaten", "pemerintah kota",
    "citizen", "public", "business", "ministry",
)
"""First words of an imported BusinessActor's name that tell a party outside the instansi's
units (the public, a business, another instansi)."""
