"""Shared constrained types and closed vocabularies of the SPBE model."""

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DATA_CENTRE_KINDS",
    "ID_PATTERN",
    "NETWORK_KINDS",
    "STATUS_WORDS",
    "ApplicationKind",
    "ArchimateElementType",
    "ArchimateRelationshipType",
    "Classification",
    "Identifier",
    "InfrastructureKind",
    "InstansiLevel",
    "IntegrationDirection",
    "IntegrationVia",
    "Properties",
    "ServiceKind",
    "ServiceLevel",
    "SpbeModel",
    "Status",
    "Tags",
    "UnitKind",
    "ref_code",
]

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids: lowercase ASCII letters, digits, `.`, `-`, `_`; no spaces, no unicode look-alikes."""


class SpbeModel(BaseModel):
    """Base of every model type: unknown keys are errors, so a typo never drops data."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    def states(self, field: str) -> bool:
        """True when the model gives `field` (written in the file, even as an empty list);
        an omitted field is unknown, never absent.

        >>> from spbe_arch.model import Unit
        >>> Unit(id="u", name="U", kind="dinas").states("networks")
        False
        >>> Unit(id="u", name="U", kind="dinas", networks=[]).states("networks")
        True
        """
        return field in self.__pydantic_fields_set__


ID_MAX = 128
"""The longest id."""

Identifier = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=ID_MAX,
        description="Identifier: lowercase letters, digits, '.', '-', '_' (pengenal unik)",
    ),
]

Tags = Annotated[
    list[str], Field(default_factory=list, description="Free labels (label bebas)")
]

Properties = Annotated[
    dict[str, str | int | float | bool],
    Field(
        default_factory=dict,
        description="Free key/value properties for local extensions (properti tambahan)",
    ),
]


def ref_code(prefix: str, description: str):
    """A reference-architecture code such as `RAL.01.02` (the prefix, then dot-separated
    pairs), or None: optional as a whole, so that the description is the field's."""
    return Annotated[
        str | None,
        Field(pattern=rf"^{prefix}(\.[0-9]{{2}}){{1,4}}$", description=description),
    ]


class InstansiLevel(StrEnum):
    """Kind of government body (jenis instansi)."""

    provinsi = "provinsi"
    kabupaten = "kabupaten"
    kota = "kota"
    kementerian = "kementerian"
    lembaga = "lembaga"

    @property
    def central(self) -> bool:
        """A kementerian or lembaga: no pemda, its hosting is PDN (no pusat data daerah)."""
        return self in (InstansiLevel.kementerian, InstansiLevel.lembaga)


class UnitKind(StrEnum):
    """Kind of perangkat daerah / unit kerja.

    `kepala_daerah`: the office of the gubernur, bupati or wali kota; `bumd`: a regional
    enterprise (badan usaha milik daerah: PDAM / Perumda Air Minum, bank daerah, other
    perusahaan daerah); `upt`: a unit pelaksana teknis (puskesmas, UPT of a dinas, balai of a
    kementerian); `bidang`: a division inside a dinas or badan. The units of a provinsi, a
    kementerian or a lembaga: `biro` (inside the sekretariat daerah of a provinsi or the
    sekretariat jenderal), `direktorat_jenderal`, `direktorat` (inside a direktorat jenderal or
    a deputi), `deputi` (of a lembaga), `pusat` (Pusdatin, Pusat Data dan Informasi). A
    sekretariat jenderal or utama is a `sekretariat`, an inspektorat jenderal an `inspektorat`.
    """

    sekretariat = "sekretariat"
    inspektorat = "inspektorat"
    dinas = "dinas"
    badan = "badan"
    kantor = "kantor"
    rsud = "rsud"
    kecamatan = "kecamatan"
    kelurahan = "kelurahan"
    satuan = "satuan"
    bagian = "bagian"
    unit_kerja = "unit_kerja"
    kepala_daerah = "kepala_daerah"
    bidang = "bidang"
    upt = "upt"
    bumd = "bumd"
    biro = "biro"
    direktorat_jenderal = "direktorat_jenderal"
    direktorat = "direktorat"
    deputi = "deputi"
    pusat = "pusat"


class ServiceKind(StrEnum):
    """Layanan publik (public) or layanan administrasi pemerintahan (administration)."""

    public = "public"
    administration = "administration"


class ServiceLevel(StrEnum):
    """Capability level of an electronic service (tingkat kematangan layanan), 1 to 5."""

    informasi = "informasi"
    interaksi = "interaksi"
    transaksi = "transaksi"
    kolaborasi = "kolaborasi"
    optimum = "optimum"

    @property
    def number(self) -> int:
        return list(ServiceLevel).index(self) + 1


class ApplicationKind(StrEnum):
    """Aplikasi umum (shared, designated nationally) or aplikasi khusus (for one instansi)."""

    umum = "umum"
    khusus = "khusus"


class Status(StrEnum):
    """Life-cycle status (status siklus hidup)."""

    planned = "planned"
    development = "development"
    active = "active"
    retired = "retired"


_STATUS_TEXTS = {
    Status.active: ("aktif", "active", "berjalan", "digunakan", "dipakai", "operasional",
                    "beroperasi", "produksi", "production", "live", "ya", "maintenance",
                    "pemeliharaan", "dalam pemeliharaan"),
    Status.retired: ("tidak aktif", "nonaktif", "non aktif", "inactive", "tidak digunakan",
                     "tidak dipakai", "tidak berjalan", "tidak beroperasi", "dihentikan",
                     "retired", "mati", "sudah tidak digunakan", "sudah tidak aktif",
                     "sudah tidak dipakai", "tidak digunakan lagi", "pensiun",
                     "dipensiunkan", "decommissioned"),
    Status.development: ("pengembangan", "dalam pengembangan", "dikembangkan", "development",
                         "uji coba", "ujicoba", "pilot", "trial"),
    Status.planned: ("rencana", "direncanakan", "perencanaan", "usulan", "planned"),
}
STATUS_WORDS = {text: status for status, texts in _STATUS_TEXTS.items() for text in texts}
"""How inventories and newcomers write a status (Indonesian or English), in normal form
(ASCII lower-case words joined by one space) -> the status: the inventory import reads them,
validation suggests the status for them."""


class Classification(StrEnum):
    """Data classification (klasifikasi data)."""

    terbuka = "terbuka"
    terbatas = "terbatas"
    rahasia = "rahasia"


class InfrastructureKind(StrEnum):
    """Data centres (pusat data) and networks (jaringan)."""

    pdn = "pdn"
    pusat_data_daerah = "pusat_data_daerah"
    cloud = "cloud"
    vendor = "vendor"
    on_premise = "on_premise"
    jip = "jip"
    internet = "internet"
    intranet = "intranet"
    vpn = "vpn"

    @property
    def is_network(self) -> bool:
        return self in NETWORK_KINDS


NETWORK_KINDS = frozenset(
    {InfrastructureKind.jip, InfrastructureKind.internet, InfrastructureKind.intranet,
     InfrastructureKind.vpn}
)
DATA_CENTRE_KINDS = frozenset(InfrastructureKind) - NETWORK_KINDS


class IntegrationVia(StrEnum):
    """How two applications are connected (mekanisme integrasi); `unknown` where the source
    says they exchange data but not how: an integration, neither through SPLP nor bypassing
    it, until its mechanism is recorded."""

    splp = "splp"
    api_direct = "api_direct"
    database_link = "database_link"
    file_transfer = "file_transfer"
    manual = "manual"
    shared_login = "shared_login"
    unknown = "unknown"


class IntegrationDirection(StrEnum):
    """Which way data moves along an integration (arah): from `source` to `target`, as an
    integration is written, or `unknown` where the source says two applications exchange data
    but not which way (an inventory's 'Terintegrasi dengan'): data may move either way, and no
    analysis takes one end for the sender."""

    source_to_target = "source_to_target"
    unknown = "unknown"


ArchimateElementType = StrEnum(
    "ArchimateElementType",
    [(name, name) for name in (
        "BusinessActor", "BusinessRole", "BusinessCollaboration", "BusinessInterface",
        "BusinessProcess", "BusinessFunction", "BusinessInteraction", "BusinessEvent",
        "BusinessService", "BusinessObject", "Contract", "Representation", "Product",
        "ApplicationComponent", "ApplicationCollaboration", "ApplicationInterface",
        "ApplicationFunction", "ApplicationInteraction", "ApplicationProcess",
        "ApplicationEvent", "ApplicationService", "DataObject", "Node", "Device",
        "SystemSoftware", "TechnologyCollaboration", "TechnologyInterface", "Path",
        "CommunicationNetwork", "TechnologyFunction", "TechnologyProcess",
        "TechnologyInteraction", "TechnologyEvent", "TechnologyService", "Artifact",
        "Equipment", "Facility", "DistributionNetwork", "Material", "Stakeholder", "Driver",
        "Assessment", "Goal", "Outcome", "Principle", "Requirement", "Constraint", "Meaning",
        "Value", "Resource", "Capability", "CourseOfAction", "ValueStream", "WorkPackage",
        "Deliverable", "ImplementationEvent", "Plateau", "Gap", "Grouping", "Location",
        "AndJunction", "OrJunction",
    )],
)
ArchimateElementType.__doc__ = "ArchiMate 3.1 element type (the exchange format's xsi:type)."

ArchimateRelationshipType = StrEnum(
    "ArchimateRelationshipType",
    [(name, name) for name in (
        "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access",
        "Influence", "Triggering", "Flow", "Specialization", "Association",
    )],
)
ArchimateRelationshipType.__doc__ = "ArchiMate 3.1 relationship type (xsi:type)."
