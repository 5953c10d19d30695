"""Evaluation frameworks as data: domains, aspects, indicators, weights, level names, predikat.

The types of the framework catalog files `models/frameworks/*.yaml` (the PermenPANRB 59/2020
catalog ships; a successor framework is a new file). They live here, beside the national
platform catalog type, so that `schemas/framework.schema.json` is generated from the model
layer like every other schema; the loader and the arithmetic are in `spbe_arch.maturity`.
"""

from enum import StrEnum
from functools import cached_property
from math import fsum
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

from .types import Identifier, ServiceKind, SpbeModel

__all__ = ["INDICATOR_ID_PATTERN", "Aspect", "Band", "Domain", "Effort", "EvidenceRule",
           "Framework", "Indicator", "IndicatorId", "LevelName"]

INDICATOR_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
"""Indicator ids as evaluation catalogs print them: `18`, `35-2`, `3.1`."""


def _indicator_text(value: object) -> object:
    """A plain number (`18`) is the id `'18'`; booleans are not numbers here."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


IndicatorId = Annotated[
    str,
    BeforeValidator(_indicator_text),
    Field(pattern=INDICATOR_ID_PATTERN, max_length=32),
    WithJsonSchema({
        "anyOf": [{"type": "integer", "minimum": 0},
                  {"type": "string", "pattern": INDICATOR_ID_PATTERN, "maxLength": 32}],
        "description": "Indicator id (nomor indikator): a number such as 18, or a string "
                       "such as '35-2'",
    }),
]
"""An indicator id: always a string once read; plain numbers are accepted and kept as text."""

Number = Annotated[int, Field(ge=1, description="Number (nomor), unique within its list")]
Name = Annotated[str, Field(min_length=1, description="Official name (nama resmi)")]
English = Annotated[str | None, Field(default=None, description="English gloss")]
Weight = Annotated[float, Field(gt=0, description="Weight in the index (bobot)")]


class EvidenceRule(StrEnum):
    """Rules that derive an indicator's level from the architecture model (spbe_arch.maturity)."""

    architecture = "architecture"
    roadmap = "roadmap"
    business_process = "business_process"
    application = "application"
    data_centre = "data_centre"
    network = "network"
    splp_integration = "splp_integration"
    collaboration = "collaboration"
    security_management = "security_management"
    security_audit = "security_audit"
    data_management = "data_management"
    asset_management = "asset_management"
    service_level = "service_level"
    open_data = "open_data"


class Effort(StrEnum):
    """Effort of raising an indicator by one level (perkiraan upaya), on a scale of points.

    `low` = 1 point (a document or a decision: weeks), `medium` = 2 (a project within the
    budget year), `high` = 4 (work across several units or instansi: a year or more). The
    plan ranks its steps by index gain per point.
    """

    low = "low"
    medium = "medium"
    high = "high"

    @property
    def points(self) -> int:
        """The effort on the plan's scale: 1, 2 or 4."""
        return {"low": 1, "medium": 2, "high": 4}[self.value]


class LevelName(SpbeModel):
    """The name of one capability level (tingkat kematangan)."""

    level: Annotated[int, Field(ge=1, le=9, description="Level number, 1 = lowest")]
    name: Name
    english: English = None


class Band(SpbeModel):
    """A predikat band: an index at or above `min` (and below the next band) earns `name`."""

    name: Name
    english: English = None
    min: Annotated[float, Field(ge=0, description="Lowest index of the band, inclusive")]


class Domain(SpbeModel):
    """Domain (domain penilaian) with its total weight and, optionally, its own level names."""

    id: Number
    name: Name
    english: English = None
    weight: float | None = Field(
        default=None, gt=0,
        description="Weight in the index (bobot): the sum of its indicators' weights, which it "
        "is taken to be when left out",
    )
    levels: list[LevelName] | None = Field(
        default=None, description="Level names of this domain, when they differ from the default"
    )


class Aspect(SpbeModel):
    """Aspect (aspek): a group of indicators within one domain."""

    id: Number
    domain: Number
    name: Name
    english: English = None
    services: ServiceKind | None = Field(
        default=None,
        description="The kind of service its indicators rate (public or administration), when "
        "they rate services: a service of the other kind does not count for them",
    )


class Indicator(SpbeModel):
    """Indicator (indikator): rated at one level, weighted in the index."""

    id: IndicatorId
    domain: Number
    aspect: Number
    name: Name
    english: English = None
    weight: Weight
    evidence: EvidenceRule | None = Field(
        default=None,
        description="Rule deriving the level from the model; none = self-assessment only",
    )
    effort: Effort = Field(
        default=Effort.medium,
        description="Effort of one level step: low (a document or a decision, weeks), medium "
        "(a project within the year), high (several units or instansi, a year or more)",
    )


class Framework(SpbeModel):
    """An SPBE evaluation framework (kerangka evaluasi SPBE)."""

    id: Identifier
    name: Name
    english: English = None
    source: str | None = Field(default=None, description="Legal source (dasar hukum)")
    levels: list[LevelName] = Field(min_length=1, description="Level names, lowest first")
    predikat: list[Band] = Field(min_length=1, description="Predikat bands, highest first")
    domains: list[Domain] = Field(min_length=1, description="Domains (domain)")
    aspects: list[Aspect] = Field(min_length=1, description="Aspects (aspek)")
    indicators: list[Indicator] = Field(min_length=1, description="Indicators (indikator)")

    @property
    def max_level(self) -> int:
        """The highest level an indicator can be rated at."""
        return max(entry.level for entry in self.levels)

    @property
    def total_weight(self) -> float:
        """Sum of the indicator weights: the divisor of the index."""
        return fsum(indicator.weight for indicator in self.indicators)

    def service_kind(self, indicator_id: str) -> ServiceKind | None:
        """The kind of service an indicator rates (its aspect's `services`), or None: any kind,
        or an indicator that rates no service."""
        return self._service_kinds.get(indicator_id)

    @cached_property
    def _service_kinds(self) -> dict[str, ServiceKind]:
        """Indicator id -> the kind of service it rates, for the indicators that say one (asked
        once per service of a model: 17,000 times in a national one)."""
        kinds = {a.id: a.services for a in self.aspects if a.services is not None}
        return {i.id: kinds[i.aspect] for i in self.indicators if i.aspect in kinds}

    def level_names(self, domain: int) -> dict[int, str]:
        """Level number -> name in a domain (its own names, else the framework's)."""
        names = next((d.levels for d in self.domains if d.id == domain and d.levels), None)
        return {entry.level: entry.name for entry in names or self.levels}
