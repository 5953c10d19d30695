"""The typed result of a portfolio: one row per instansi, totals, and what is seen across them.

Formatting lives in `spbe_arch.report.portfolio`.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

from ..audit import Known, Share
from ..maturity import Score, Source, few_rated
from ..model import Finding
from ..model.i18n import round_half_up

__all__ = [
    "BrokenModel",
    "CrossIntegration",
    "DomainDifference",
    "DuplicateFunction",
    "FunctionMatch",
    "InstansiRow",
    "PlatformAdoption",
    "PortfolioResult",
    "PublishedComparison",
    "SharedDependency",
    "Totals",
]


@dataclass(frozen=True)
class InstansiRow:
    """One instansi of the portfolio: its size, estimated index and integration figures.

    `hosting_outside` counts the active local applications hosted in a unit's server room, at a
    cloud provider or a vendor, of those whose hosting the model states; `completeness` sums
    the known facts of `spbe_arch.audit.completeness` (unknown is not absent).
    """

    id: str
    name: str
    level: str
    region: str | None
    path: str
    elements: int
    year: int | None
    """The evaluation year rated (None: the model has no assessment entry)."""
    index: float
    predikat: str
    domains: tuple[Score, ...]
    domain_sources: dict[int, dict[str, int]]
    """Domain id -> where its indicators' levels come from (source -> indicators)."""
    splp: Share
    jip: Share
    services_unintegrated: Share
    hosting_outside: Share
    completeness: Known
    facts: dict[str, Known]
    self_assessed: float | None = None
    """The index the instansi's own claims give (None: it claims nothing)."""
    claims_cut: int = 0
    """The claimed indicators not verified that count lower than claimed (no bukti dukung
    named, or the model shows less): what an evaluator takes back to the instansi."""
    errors: tuple[Finding, ...] = ()
    """The model's errors (a reference to nothing, say): its index is estimated on what is
    valid, as `maturity` does, marked provisional, not ranked, and out of the totals' mean."""
    rank: int = 0
    other_year: bool = False
    """Rated for another year than the one the portfolio was asked for (`--year`; its
    assessment entries do not cover that year): not ranked, and out of the totals' mean."""

    @property
    def sources(self) -> dict[str, int]:
        """Where the levels of the index's indicators come from, over every domain (source ->
        indicators, in `Source` order): what the estimate rests on; `none` is unrated, counted
        at the lowest level."""
        total: Counter[str] = Counter()
        for counts in self.domain_sources.values():
            total.update(counts)
        return {str(source): total[source] for source in Source if total[source]}

    @property
    def rated(self) -> Known:
        """The indicators with a level of their own (claimed, verified or shown by the model)
        of all the index counts."""
        counts = self.sources
        of = sum(counts.values())
        return Known(of - counts.get(str(Source.none), 0), of)

    @property
    def provisional(self) -> bool:
        """True when fewer than half of the indicators have a level of their own
        (`few_rated`): it gets no rank and no predikat, and stays out of the totals."""
        return few_rated(self.rated.known, self.rated.of)

    @property
    def shown_provisional(self) -> bool:
        """True when its index is shown provisional, with no predikat: it rests on too few
        indicators (`provisional`), or is estimated on what is valid of a model with errors."""
        return self.provisional or bool(self.errors)

    @property
    def ranked(self) -> bool:
        """True when the row is compared with the others: its index is not provisional, of
        the year asked, and of a model without errors."""
        return not self.provisional and not self.other_year and not self.errors


@dataclass(frozen=True)
class BrokenModel:
    """A model folder that could not be assessed: its errors, or why it could not be read."""

    path: str
    name: str | None
    findings: tuple[Finding, ...] = ()
    reason: str | None = None
    region: str | None = None
    """Its instansi's region, where the manifest could be read: its region's totals say it is
    left out."""


@dataclass(frozen=True)
class Totals:
    """Totals over a group of instansi (all of them, or one region)."""

    label: str
    instansi: int
    elements: int
    mean_index: float | None
    predikat: dict[str, int]
    splp: Share
    jip: Share
    services_unintegrated: Share
    hosting_outside: Share
    completeness: Known
    left_out: int = 0
    """Models of the group that could not be assessed: its figures leave them out."""
    provisional: int = 0
    """Instansi of the group whose index rests on fewer than half of the indicators: the mean
    index and the predikat counts leave them out (`InstansiRow.provisional`)."""
    other_year: int = 0
    """Instansi of the group rated for another year than the one asked: left out the same way
    (`InstansiRow.other_year`)."""
    with_errors: int = 0
    """Instansi of the group whose model has errors: left out the same way
    (`InstansiRow.errors`)."""

    @property
    def ranked(self) -> int:
        """The instansi the mean index and the predikat counts rest on."""
        return self.instansi - self.provisional - self.other_year - self.with_errors


class FunctionMatch(NamedTuple):
    """A key that joined the applications of a duplicate function: `ref` (an RAA code),
    `name`, `acronym` (one name's acronym, another's name or acronym) or `long name` with the
    value shared, or `description` (the value, long, left out)."""

    key: Literal["ref", "name", "acronym", "long name", "description"]
    value: str | None = None
    of: str | None = None
    """The long name of an acronym, where one of the names spells it out."""


@dataclass(frozen=True)
class DuplicateFunction:
    """One local application function built by several instansi: a candidate for an aplikasi
    umum or a shared service. `matched_by` says which keys joined them."""

    name: str
    matched_by: tuple[FunctionMatch, ...]
    instansi: tuple[str, ...]
    applications: tuple[tuple[str, str], ...]
    """(instansi id, application id), sorted."""


@dataclass(frozen=True)
class PlatformAdoption:
    """A national aplikasi umum that the models of some instansi of the portfolio record in use
    (an instance or an integration) and those of the others do not: not recorded, which is not
    "not used" (an inventory lists the instansi's own applications only)."""

    platform: str
    name: str
    adopted: tuple[str, ...]
    not_recorded: tuple[str, ...]


@dataclass(frozen=True)
class CrossIntegration:
    """An active integration from one instansi's application to another instansi's system
    by a mechanism other than SPLP."""

    instansi: str
    integration: str
    source: str
    target: str
    target_instansi: str | None
    """The instansi of the portfolio the target belongs to, or the platform's operator."""
    via: str


@dataclass(frozen=True)
class SharedDependency:
    """A data centre or vendor that applications of several instansi are hosted on."""

    kind: str
    """`data centre` or `vendor`."""
    id: str
    name: str
    instansi: tuple[str, ...]
    applications: int


@dataclass(frozen=True)
class DomainDifference:
    """One domain: the published score beside the estimate, and the sources of the estimate.

    Scores are published with two decimals, so the estimate is compared rounded to two as
    well (half up): the difference is that of the numbers shown (an estimate of 1.3449 is
    1.34, and 1.34 - 1.20 = +0.14). Four decimals would only show noise the evaluator does not
    publish.
    """

    id: int
    name: str
    published: float
    estimate: float
    sources: dict[str, int]

    @property
    def difference(self) -> float:
        return round_half_up(self.estimate - self.published)


@dataclass(frozen=True)
class PublishedComparison:
    """An instansi's published result of one year beside the portfolio's estimate (rounded to
    two decimals, as the published index, like `DomainDifference`)."""

    instansi: str
    published_name: str
    year: int
    published_index: float
    published_predikat: str | None
    estimate: float
    domains: tuple[DomainDifference, ...]
    provisional: bool = False
    """The estimate rests on fewer than half of the indicators (`InstansiRow.provisional`): its
    difference says more about what the model leaves out than about the instansi."""

    @property
    def difference(self) -> float:
        return round_half_up(self.estimate - self.published_index)


@dataclass
class PortfolioResult:
    """Every instansi ranked, the totals, the cross-instansi sections and the broken models."""

    rows: list[InstansiRow]
    broken: list[BrokenModel]
    totals: Totals
    regions: list[Totals]
    duplicates: list[DuplicateFunction]
    adoption: list[PlatformAdoption]
    cross_integrations: Share
    """Active integrations between instansi of the portfolio (or with a platform another
    instansi runs), and how many go through SPLP."""
    bypassing_splp: list[CrossIntegration]
    shared_dependencies: list[SharedDependency]
    published: list[PublishedComparison] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    """Instansi ids with no published row, when a published file was given."""
    published_file: str | None = None
    published_skipped: list[str] = field(default_factory=list)
    """Why each row of the published file left out was (file:line: the cell and the fix)."""
    year: int | None = None

    @cached_property
    def namesakes(self) -> list[list[InstansiRow]]:
        """Rows of one name under different ids ('Kabupaten Sumber Rejo' as
        `kabupaten-sumber-rejo` from an import and `kab-sumber-rejo` typed by hand): one
        instansi compared with itself, maybe; said, not judged."""
        from .instansi import instansi_key

        by_name: dict[str, list[InstansiRow]] = {}
        for row in self.rows:
            by_name.setdefault(instansi_key(row.name), []).append(row)
        return [rows for rows in by_name.values() if len(rows) > 1]

    @property
    def findings(self) -> list[Finding]:
        """The errors of the models: those that could not be assessed, and those estimated on
        what is valid."""
        return [*(f for row in self.rows for f in row.errors),
                *(f for model in self.broken for f in model.findings)]

    @cached_property
    def _names(self) -> dict[str, str]:
        return {row.id: row.name for row in self.rows}

    def name(self, instansi_id: str) -> str:
        """An instansi's name by id (the id itself when unknown)."""
        return self._names.get(instansi_id, instansi_id)
