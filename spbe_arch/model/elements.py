"""The element types of an SPBE architecture, one per collection of a model folder."""

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field

from .framework import IndicatorId
from .types import (
    ApplicationKind,
    ArchimateElementType,
    ArchimateRelationshipType,
    Classification,
    Identifier,
    InfrastructureKind,
    InstansiLevel,
    IntegrationDirection,
    IntegrationVia,
    Properties,
    ServiceKind,
    ServiceLevel,
    SpbeModel,
    Status,
    Tags,
    UnitKind,
    ref_code,
)
from .words import names_a_document

__all__ = [
    "Application",
    "ArchimateElement",
    "ArchimateRelationship",
    "AssessmentEntry",
    "BusinessProcess",
    "DataSet",
    "Element",
    "ElementChange",
    "Evaluation",
    "Evidence",
    "Infrastructure",
    "Instansi",
    "Integration",
    "RoadmapItem",
    "SecurityControl",
    "Service",
    "Unit",
    "Waiver",
]

Name = Annotated[str, Field(min_length=1, description="Display name (nama)")]
Description = Annotated[
    str | None, Field(default=None, description="Free text description (uraian)")
]
Refs = Annotated[list[Identifier], Field(default_factory=list)]


class Element(SpbeModel):
    """Fields every element has."""

    id: Identifier
    name: Name
    description: Description = None
    tags: Tags
    properties: Properties


class Instansi(SpbeModel):
    """The government body the model describes (instansi pemerintah); manifest only."""

    id: Identifier
    name: Name
    level: InstansiLevel = Field(description="Jenis instansi: provinsi, kabupaten, kota, ...")
    region: str | None = Field(default=None, description="Wilayah (province / region name)")
    framework: str = Field(
        default="permenpanrb-59-2020",
        min_length=1,
        description="Evaluation framework (kerangka evaluasi SPBE): an id from the model's "
        "frameworks/ folder or models/frameworks, or a framework file path relative to the "
        "model folder",
    )
    target: float | None = Field(
        default=None, ge=0, le=5, description="Target SPBE index (target indeks SPBE), 0-5"
    )
    to_be: int | None = Field(
        default=None, ge=2000, le=2100,
        description="The year whose target architecture (arsitektur target, to-be) this model "
        "describes, e.g. the Peta Rencana applied; left out for the architecture as it is "
        "(arsitektur saat ini): a report of it says it is a target, not the current state",
    )
    severity: dict[str, str] = Field(
        default_factory=dict,
        description="Rule severity overrides: code -> error | warning | info | off",
    )
    tags: Tags
    properties: Properties


class Unit(Element):
    """Perangkat daerah / unit kerja (OPD)."""

    kind: UnitKind = Field(description="Jenis perangkat daerah")
    parent: Identifier | None = Field(default=None, description="Induk (parent unit id)")
    networks: Refs = Field(
        default_factory=list,
        description="Networks the unit is connected to, e.g. JIP (jaringan yang terhubung)",
    )


class BusinessProcess(Element):
    """Proses bisnis."""

    ref: ref_code("RAB", "Referensi Arsitektur Proses Bisnis code, e.g. RAB.01.02.03") = None
    owner: Identifier = Field(description="Owning unit (unit pemilik proses)")
    urusan: str | None = Field(default=None, description="Urusan pemerintahan (affair)")
    services: Refs = Field(
        default_factory=list, description="Services that support the process (layanan pendukung)"
    )


class Service(Element):
    """Layanan SPBE: public service or government administration service."""

    kind: ServiceKind = Field(description="Layanan publik or layanan administrasi pemerintahan")
    ref: ref_code("RAL", "Referensi Arsitektur Layanan code, e.g. RAL.01.05") = None
    owner: Identifier = Field(description="Unit that provides the service (unit penyelenggara)")
    applications: Refs = Field(
        default_factory=list, description="Applications realizing the service (aplikasi)"
    )
    level: ServiceLevel | None = Field(
        default=None, description="Current capability level (tingkat kematangan layanan)"
    )
    indicator: IndicatorId | None = Field(
        default=None,
        description="SPBE evaluation indicator the service counts for (indikator): one of "
        "the framework's service indicators that fits its kind, e.g. 42 (layanan pengaduan) "
        "for a public service, 37 (kearsipan dinamis) for an administration service",
    )


class DataSet(Element):
    """Data dan informasi."""

    ref: ref_code("RAD", "Referensi Arsitektur Data code, e.g. RAD.01.02") = None
    steward: Identifier | None = Field(
        default=None, description="Steward unit (produsen data / walidata)"
    )
    classification: Classification = Field(
        default=Classification.terbatas, description="Klasifikasi: terbuka, terbatas, rahasia"
    )
    producer: Identifier | None = Field(
        default=None, description="Application that produces the data (aplikasi sumber)"
    )
    published: bool = Field(
        default=False, description="Published on the Satu Data portal (dipublikasikan)"
    )


class Application(Element):
    """Aplikasi SPBE."""

    kind: ApplicationKind = Field(description="Aplikasi umum or aplikasi khusus")
    platform: Identifier | None = Field(
        default=None,
        description="National platform this application is an instance of (aplikasi umum id)",
    )
    owner: Identifier = Field(description="Owning unit (unit pemilik aplikasi)")
    status: Status = Field(default=Status.active, description="Status aplikasi")
    hosting: Identifier | None = Field(
        default=None, description="Data centre hosting it (infrastruktur penempatan)"
    )
    reads: Refs = Field(default_factory=list, description="Data read (data yang digunakan)")
    writes: Refs = Field(default_factory=list, description="Data written (data yang dihasilkan)")
    ref: ref_code("RAA", "Referensi Arsitektur Aplikasi code, e.g. RAA.02.01") = None
    url: str | None = Field(default=None, description="Address (alamat aplikasi)")
    integrations_known: bool = Field(
        default=True,
        description="false where the source does not say which applications it exchanges "
        "data with (an inventory's empty or unresolved 'Terintegrasi dengan'): it is then "
        "neither isolated nor a data flow without integration, but unknown",
    )


class Infrastructure(Element):
    """Infrastruktur SPBE: a data centre or a network."""

    kind: InfrastructureKind = Field(description="Jenis infrastruktur")
    location: str | None = Field(default=None, description="Lokasi")
    provider: str | None = Field(default=None, description="Penyedia (operator)")
    networks: Refs = Field(
        default_factory=list, description="Networks a data centre is connected to (jaringan)"
    )
    platform: Identifier | None = Field(
        default=None,
        description="National platform this is a local part of (tenant), e.g. pdn for a PDN "
        "tenant data centre: it stops when that platform stops; an element of kind jip or pdn "
        "without one is part of jip or pdn",
    )


class SecurityControl(Element):
    """Keamanan SPBE: a security control and the elements it covers."""

    kind: str = Field(
        min_length=1,
        description="Control kind (jenis kontrol), e.g. csirt, isms, penetration_test, backup",
    )
    covers: Refs = Field(default_factory=list, description="Elements covered (cakupan)")
    standard: str | None = Field(default=None, description="Standard, e.g. SNI ISO/IEC 27001")
    year: int | None = Field(default=None, ge=1990, le=2100, description="Year (tahun)")
    status: Status = Field(default=Status.active, description="Status")

    @property
    def kind_words(self) -> tuple[str, ...]:
        """The words of `kind`, case, spacing and punctuation aside: 'Audit Trail' and
        'audit_trail' are ('audit', 'trail'), which the analyses match by whole words."""
        return tuple(re.findall(r"[a-z0-9]+", self.kind.lower()))


class Integration(Element):
    """Integrasi: one application sending data to another, locally or to a national platform."""

    name: Name | None = Field(
        default=None, description="What the integration is called (nama integrasi), if anything"
    )
    source: Identifier = Field(description="Source application (aplikasi sumber)")
    target: Identifier = Field(
        description="Target application or national platform (aplikasi tujuan)"
    )
    via: IntegrationVia = Field(description="Mechanism: splp, api_direct, ... (mekanisme); "
                                "unknown where the source says they exchange data but not "
                                "how: a link, neither SPLP nor a bypass, counted as "
                                "incomplete data until it is recorded")
    direction: IntegrationDirection = Field(
        default=IntegrationDirection.source_to_target,
        description="Which way data moves (arah): source_to_target, or unknown where the source "
                    "says they exchange data but not which way (data may move either way)")
    data: Refs = Field(default_factory=list, description="Data exchanged (data yang dipertukarkan)")
    network: Identifier | None = Field(default=None, description="Network used (jaringan)")
    status: Status = Field(default=Status.active, description="Status integrasi")


FieldValue = str | int | float | bool | list[str] | None
"""A value a roadmap change may give a field."""


class ElementChange(SpbeModel):
    """One change a roadmap item makes to an existing element: fields set to new values."""

    element: Identifier = Field(description="Id of the element changed (elemen yang diubah)")
    set: dict[str, FieldValue] = Field(
        min_length=1, description="Field -> its new value, e.g. {via: splp} (nilai baru)"
    )


class RoadmapItem(Element):
    """Peta Rencana SPBE: a planned initiative and the elements it changes.

    `adds`, `changes` and `retires` can be applied to the model (`spbe-arch roadmap`): in the
    item's year the added elements (in the model today as planned or in development) become
    active, the changes are made and the retired elements are retired.
    """

    year: int = Field(ge=2000, le=2100, description="Target year (tahun target)")
    unit: Identifier | None = Field(
        default=None, description="Responsible unit (unit penanggung jawab)"
    )
    budget: float | None = Field(
        default=None, ge=0, description="Estimated budget in rupiah (perkiraan anggaran, Rp)"
    )
    elements: Refs = Field(
        default_factory=list, description="Other elements the item concerns (elemen terkait)"
    )
    adds: Refs = Field(
        default_factory=list,
        description="Elements it brings into service: planned or in development today, active "
        "from its year (elemen yang ditambahkan)",
    )
    changes: list[ElementChange] = Field(
        default_factory=list, description="Changes to existing elements (perubahan)"
    )
    retires: Refs = Field(
        default_factory=list, description="Elements it retires (elemen yang dihentikan)"
    )
    depends_on: Refs = Field(
        default_factory=list, description="Roadmap items it needs done first (prasyarat)"
    )
    status: Status = Field(
        default=Status.planned,
        description="planned, development (under way), active (done: its changes are in the "
        "model already), retired (cancelled: not applied)",
    )

    @property
    def touched(self) -> tuple[str, ...]:
        """Every element the item names: concerned, added, changed or retired, sorted."""
        changed = (change.element for change in self.changes)
        return tuple(sorted({*self.elements, *self.adds, *changed, *self.retires}))


class Waiver(SpbeModel):
    """Pengecualian: a finding accepted for one element, with a reason, until a date."""

    code: str = Field(
        pattern=r"^SPBE-[A-Z]\d{3}$",
        description="Finding code (kode temuan), as listed in docs/rules.md",
    )
    element: Identifier = Field(description="Id of the element the finding is about")
    about: str | None = Field(
        default=None,
        description="For a code that finds several problems of one element, the one accepted, "
        "as the finding's `about` gives it (an unintegrated data flow: the data set's id); left "
        "out, the waiver accepts them all, those found later too",
    )
    reason: str = Field(min_length=1, description="Why it is accepted (alasan)")
    until: date = Field(description="Last day the waiver holds, YYYY-MM-DD (berlaku sampai)")


class ArchimateElement(Element):
    """An element read from an ArchiMate file that has no SPBE meaning (e.g. a Capability).

    Kept so that an import loses nothing and an export gives it back; no analysis reads it.
    """

    type: ArchimateElementType = Field(description="ArchiMate element type, e.g. Capability")


class ArchimateRelationship(Element):
    """A relationship read from an ArchiMate file that no SPBE field expresses.

    Kept, like ArchimateElement, for a lossless exchange; no analysis reads it. ArchiMate's
    relationship attributes (accessType, modifier, isDirected) are kept in `properties`.
    """

    name: Name | None = Field(default=None, description="The relationship's name in the file")
    type: ArchimateRelationshipType = Field(description="ArchiMate relationship type, e.g. Serving")
    source: Identifier = Field(description="Source element or relationship id (sumber)")
    target: Identifier = Field(description="Target element or relationship id (tujuan)")


_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")
"""A year in a date or a title: four digits standing alone."""


def _year_of_date(value: object) -> object:
    """The year of a date written as text ('2025-03-01', '01/03/2025', 'Desember 2025', as
    forms and spreadsheets give them) when it names one year; other text is left for the type
    check to refuse ('2024/2025': which?)."""
    if isinstance(value, str) and len(years := set(_YEAR.findall(value))) == 1:
        return int(years.pop())
    return value


def year_in_title(title: str) -> int | None:
    """The year a document's title dates it by: its last 'Tahun YYYY' ('Perbup Nomor 5 Tahun
    2019 sebagaimana diubah dengan Perbup Nomor 2 Tahun 2024': the amendment's), else the year
    ending its number ('Perbup 12/2022', 'Nomor 188.45/1234/KPTS/2024': not the serial 1234).

    >>> [year_in_title(t) for t in ("Peraturan Bupati Nomor 3 Tahun 2026 tentang SPBE",
    ...     "Perbup 12/2022", "Keputusan Bupati Nomor 188.45/1234/KPTS/2024 tentang Tim",
    ...     "Perbup Nomor 5 Tahun 2019 sebagaimana diubah dengan Nomor 2 Tahun 2024",
    ...     "RPJMD 2021-2026")]
    [2026, 2022, 2024, 2024, None]
    """
    years = (re.findall(r"(?i)\btahun (19\d\d|20\d\d)\b", title)
             or re.findall(r"/(19\d\d|20\d\d)(?![\w/.-])", title))
    return int(years[-1]) if years else None


class Evidence(SpbeModel):
    """Bukti dukung: a document supporting a self-assessed level."""

    title: str = Field(min_length=1, description="Document title (judul dokumen)")
    link: str | None = Field(default=None, description="Link or file path (tautan)")
    year: Annotated[int | None, BeforeValidator(_year_of_date)] = Field(
        default=None, ge=1990, le=2100,
        description="Year (tahun); a date written as text gives its year")

    @property
    def dated(self) -> int | None:
        """The document's year: `year`, else the one its title gives ('Tahun 2026')."""
        return self.year if self.year is not None else year_in_title(self.title)

    @property
    def names_a_document(self) -> bool:
        """False for a title that names no document (`words.names_a_document`: a placeholder,
        a draft, generic words, a kind of document with neither number nor subject, the
        self-assessment itself) or that is an address only (`title_is_address`)."""
        return names_a_document(self.title) and not self.title_is_address

    @property
    def title_is_address(self) -> bool:
        """True for a title that is a web address only ('https://...', 'www.…', 'jdih.go.id/…'):
        where the document is, not which."""
        return re.fullmatch(r"(?i)(https?://|www\.)\S+|[\w-]+(\.[\w-]+)+/\S*",
                            self.title.strip()) is not None


class Evaluation(Evidence):
    """Hasil evaluasi: the evaluator's published result of one year's SPBE evaluation, the
    document the `verified:` levels of that year's assessment entries come from."""

    year: Annotated[int, BeforeValidator(_year_of_date)] = Field(  # type: ignore[assignment]
        ge=2000, le=2100, description="Evaluation year (tahun evaluasi)")
    title: str = Field(
        min_length=1,
        description="Title of the evaluator's result (judul dokumen hasil evaluasi), e.g. "
        "'Laporan Hasil Evaluasi SPBE Tahun 2023 Pemerintah Kabupaten ...'",
    )


class AssessmentEntry(SpbeModel):
    """Penilaian: one indicator in one evaluation year, as the evaluation records it.

    `level` is the instansi's own (penilaian mandiri), `verified` the evaluator's level after
    verification (nilai akhir), which is what the published index counts once the year's
    result is named under `evaluations:`.
    """

    indicator: IndicatorId
    year: int = Field(ge=2000, le=2100, description="Evaluation year (tahun evaluasi)")
    level: int = Field(ge=1, le=9, description="Self-assessed level (tingkat penilaian mandiri)")
    verified: int | None = Field(
        default=None, ge=1, le=9,
        description="Level after the evaluator's verification (tingkat hasil verifikasi); "
        "counts as verified once `evaluations:` names the evaluator's result of the year",
    )
    framework: Identifier | None = Field(
        default=None,
        description="Id of the framework the entry was made for (default: the instansi's)",
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Bukti dukung")
    note: str | None = Field(default=None, description="Catatan")
