"""The typed results of a maturity assessment; formatting lives in `spbe_arch.report.maturity`."""

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import AssessmentEntry, Finding
from ..model.framework import Framework
from .evidence import Derivation

__all__ = [
    "COLUMNS",
    "IndicatorRating",
    "Indices",
    "MaturityResult",
    "PlanStep",
    "Score",
    "Source",
    "YearIndex",
    "few_rated",
]

COLUMNS = ("self", "verified", "model", "counted")
"""The four levels of every indicator, and the index each column gives."""


def few_rated(rated: int, of: int) -> bool:
    """True when fewer than half of the `of` indicators are rated: the others count at the
    lowest level, so the index says more about what the model leaves out than about the
    instansi; it is provisional, shown without a predikat (maturity, report, portfolio)."""
    return rated * 2 < of


class Source(StrEnum):
    """Where the counted level of an indicator comes from."""

    verified = "verified"
    """The evaluator's verified level (as in the published index)."""
    claim = "claim"
    """The self-assessed level (or a service's `level:`), which the model or the bukti dukung
    the entry names supports."""
    model = "model"
    """What the model shows: there is no claim, or the claim is above it."""
    none = "none"
    """Neither a supported claim nor model evidence (no claim, a claim naming no bukti dukung
    that the model shows nothing of, or too little of the facts its rule reads: the reason
    says which): the framework's lowest level."""


@dataclass(frozen=True)
class IndicatorRating:
    """One indicator in one year: the claim, the verified level, what the model shows, what counts.

    `self_level` is the claim: the assessment entry's `level`, else the best `level:` of the
    services naming the indicator (`claim_by` says which). `model_level` is what the structure
    shows, after its caps; `model_cap` the highest level the structure could show for it (None
    without an evidence rule). `level` is the counted level; `why` says how it was reached.
    `model_gaps` are the model changes that would let the structure show the next level of a
    service whose claim it caps; `service_shows` is the level the structure of the claiming
    service shows.
    """

    id: str
    name: str
    english: str | None
    domain: int
    aspect: int
    weight: float
    level: int
    level_name: str
    source: str
    why: str
    self_level: int | None = None
    verified_level: int | None = None
    model_level: int | None = None
    model_cap: int | None = None
    claim_by: str | None = None
    model_gaps: tuple[str, ...] = ()
    service_shows: int | None = None
    derivation: Derivation | None = None
    assessment: AssessmentEntry | None = None

    def column(self, name: str) -> int | None:
        """The level of one column of `COLUMNS` (None where the column has no level)."""
        return {"self": self.self_level, "verified": self.verified_level,
                "model": self.model_level, "counted": self.level}[name]


@dataclass(frozen=True)
class Indices:
    """The index each column gives: an indicator without a level counts at the lowest level.

    A column without any level (no verified level recorded for the year, say) has no index.
    `rated` says how many of the `of` indicators have a level in each column, so how much of
    it rests on something (in the counted column: a supported claim, model evidence or the
    evaluator's level); `lowest` is the level the others count at.
    """

    self: float | None
    verified: float | None
    model: float | None
    counted: float
    rated: dict[str, int] = field(default_factory=dict)
    of: int = 0
    lowest: int = 1

    @property
    def official(self) -> bool:
        """True when every indicator has the evaluator's verified level: the official result,
        not an estimate."""
        return 0 < self.of == self.rated.get("verified", 0)

    def partial(self, column: str) -> bool:
        """True when some indicators have no level in `column` (they count at `lowest`)."""
        return getattr(self, column) is not None and self.rated.get(column, self.of) < self.of


@dataclass(frozen=True)
class YearIndex:
    """One assessed year of the trajectory: the index of each column and the predikat."""

    year: int
    indices: Indices
    predikat: str


@dataclass(frozen=True)
class Score:
    """A domain or aspect: its weight (Σ of its indicators') and weight-averaged level."""

    id: int
    name: str
    weight: float
    score: float
    domain: int | None = None


@dataclass(frozen=True)
class PlanStep:
    """Raise one indicator by one level: the index gain, its effort and what would earn it.

    `caps` is True when the step removes a model gap that holds a claim down (an audit
    finding, say): such steps come first.
    """

    indicator: str
    name: str
    from_level: int
    to_level: int
    to_level_name: str
    index_gain: float
    effort: str
    gain_per_effort: float
    actions: tuple[str, ...]
    caps: bool = False
    paperwork: bool = False
    """The step changes nothing in the model: it asks for bukti dukung and an assessment
    entry (or a service's `level:`) only."""


@dataclass
class MaturityResult:
    """Index, predikat, scores, per-indicator ratings, gap to the target, plan and trajectory.

    Everything but `trajectory` is about `year` (None when the model has no assessment); in a
    model of a target architecture (`to_be`), about the claims of `year` on the model of the
    target year.
    """

    framework_id: str
    framework_name: str
    instansi: str | None
    year: int | None
    index: float
    indices: Indices
    predikat: str
    target: float | None
    gap: float | None
    domains: list[Score]
    aspects: list[Score]
    indicators: list[IndicatorRating]
    plan: list[PlanStep]
    plan_reach: float
    plan_predikat: str
    trajectory: list[YearIndex] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    levels_for_no_indicator: list[str] = field(default_factory=list)
    """Services that state a `level` and name no `indicator`: their level counts for none."""
    to_be: int | None = None
    """The target year of a model of a target architecture (`Instansi.to_be`): the index is
    of that year, and the trajectory's assessed years do not read its model."""
    framework: Framework | None = field(default=None, repr=False)
    """The framework rated (level names, domains), for renderers."""

    @property
    def unrated(self) -> list[str]:
        """Indicators with neither model evidence nor a claim (lowest level)."""
        return [r.id for r in self.indicators if r.source == Source.none]

    @property
    def rated(self) -> int:
        """How many indicators the index rests on: rated from the model, a claim or the
        evaluator (the others count at the lowest level)."""
        return len(self.indicators) - len(self.unrated)

    @property
    def few_rated(self) -> bool:
        """True when fewer than half of the indicators are rated (`few_rated`)."""
        return few_rated(self.rated, len(self.indicators))
