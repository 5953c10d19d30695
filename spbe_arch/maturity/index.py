"""Index arithmetic: Σ(weight × level) / Σ weight, per domain and aspect, and the predikat.

Nothing here rounds: values are rounded only for display (report layer).
"""

from collections.abc import Mapping
from math import fsum

from ..model.framework import Framework, Indicator
from .result import COLUMNS, IndicatorRating, Indices, Source

__all__ = ["EDGE_TOLERANCE", "aspect_scores", "column_indices", "domain_scores", "index",
           "predikat", "step_gain"]

EDGE_TOLERANCE = 1e-6
"""Distance below which an index counts as on a band edge: absorbs float noise (3.4999999...).

With integer levels and the PermenPANRB weights every index is a multiple of 0.0005, so a
real index is never this close to an edge without being on it. The published results band the
unrounded index (Kab. Pacitan 2024: shown 3.50, exact 3.4986, predikat Baik), so no rounding
to two decimals happens before banding.
"""


def _weighted(indicators: list[Indicator], levels: Mapping[str, float]) -> float:
    total = fsum(i.weight for i in indicators)
    if total == 0:
        return 0.0
    return fsum(i.weight * levels.get(i.id, 0) for i in indicators) / total


def index(framework: Framework, levels: Mapping[str, float]) -> float:
    """The index: Σ(weightᵢ × levelᵢ) / Σ weightᵢ; a missing indicator counts as level 0.

    Examples
    --------
    >>> from spbe_arch.maturity.framework import load_framework
    >>> framework = load_framework()
    >>> index(framework, {i.id: 3 for i in framework.indicators})
    3.0
    """
    return _weighted(framework.indicators, levels)


def domain_scores(framework: Framework, levels: Mapping[str, float]) -> dict[int, float]:
    """Domain id -> weight-averaged level of its indicators (D1..D4 of the published results)."""
    return {
        domain.id: _weighted([i for i in framework.indicators if i.domain == domain.id], levels)
        for domain in framework.domains
    }


def aspect_scores(framework: Framework, levels: Mapping[str, float]) -> dict[int, float]:
    """Aspect id -> weight-averaged level of its indicators."""
    return {
        aspect.id: _weighted([i for i in framework.indicators if i.aspect == aspect.id], levels)
        for aspect in framework.aspects
    }


def predikat(framework: Framework, value: float) -> str:
    """The predikat band of an index: the first band whose `min` the index reaches.

    Examples
    --------
    >>> from spbe_arch.maturity.framework import load_framework
    >>> framework = load_framework()
    >>> [predikat(framework, v) for v in (4.2, 3.4999999, 3.4986, 2.6, 1.79)]
    ['Memuaskan', 'Sangat Baik', 'Baik', 'Baik', 'Kurang']
    """
    for band in framework.predikat:
        if value >= band.min - EDGE_TOLERANCE:
            return band.name
    return framework.predikat[-1].name


def step_gain(framework: Framework, indicator: Indicator) -> float:
    """Index gain of raising one indicator by one level: its weight / Σ weight."""
    return indicator.weight / framework.total_weight


def column_indices(framework: Framework, ratings: list[IndicatorRating]) -> Indices:
    """The index each column of the ratings gives (self, verified, model, counted).

    An indicator without a level in a column counts at the framework's lowest level there,
    as the regulation rates an indicator without bukti dukung; a column with no level at all
    has no index (None). Each column says how many indicators it rests on (`_rests_on`).
    """
    lowest = min(entry.level for entry in framework.levels)
    values: dict[str, float | None] = {}
    rated: dict[str, int] = {}
    for column in COLUMNS:
        levels = {r.id: r.column(column) for r in ratings}
        values[column] = None if all(v is None for v in levels.values()) else index(
            framework, {k: lowest if v is None else v for k, v in levels.items()})
        rated[column] = sum(_rests_on(r, column) for r in ratings)
    return Indices(**values, rated=rated, of=len(ratings), lowest=lowest)  # type: ignore[arg-type]


def _rests_on(rating: IndicatorRating, column: str) -> bool:
    """True when the rating's level in `column` rests on something: a level is there, and in
    the model column the model states enough of what its rule reads (not *insufficient*), in
    the counted column the indicator is rated (its source is not `none`)."""
    if column == "counted":
        return rating.source != Source.none
    if column == "model" and rating.derivation is not None and rating.derivation.insufficient:
        return False
    return rating.column(column) is not None
