"""The typed results of a maturity assessment; formatting lives in `spbe_arch.report.maturity`."""

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import AssessmentEntry, Finding
from .evidence import Derivation

__all__ = ["IndicatorRating", "MaturityResult", "PlanStep", "Score", "Source"]


class Source(StrEnum):
    """Where an indicator's level comes from."""

    model = "model"
    assessment = "assessment"
    both = "model+assessment"
    none = "none"


@dataclass(frozen=True)
class IndicatorRating:
    """One indicator: the level that counts, where it comes from, and both sources' levels."""

    id: int
    name: str
    english: str | None
    domain: int
    aspect: int
    weight: float
    level: int
    level_name: str
    source: str
    model_level: int | None = None
    assessed_level: int | None = None
    derivation: Derivation | None = None
    assessment: AssessmentEntry | None = None
    note: str | None = None


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
    """Raise one indicator by one level: the index gain and what would earn it."""

    indicator: int
    name: str
    from_level: int
    to_level: int
    to_level_name: str
    index_gain: float
    effort: str
    actions: tuple[str, ...]


@dataclass
class MaturityResult:
    """Index, predikat, scores, per-indicator ratings, gap to the target and the plan."""

    framework_id: str
    framework_name: str
    instansi: str | None
    index: float
    predikat: str
    target: float | None
    gap: float | None
    domains: list[Score]
    aspects: list[Score]
    indicators: list[IndicatorRating]
    plan: list[PlanStep]
    plan_reach: float
    plan_predikat: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def unrated(self) -> list[int]:
        """Indicators with neither model evidence nor a self-assessment (floor level)."""
        return [r.id for r in self.indicators if r.source == Source.none]
