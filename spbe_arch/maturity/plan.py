"""The improvement plan: one-level steps ranked by index gain, each with what would earn it.

A step raises one indicator by one level and gains weight / Σ weight of the index. Steps are
ranked by gain, then by effort (low first), then by the level they start from and the
indicator number. Below the target, steps are taken in that order until the target is reached
(an indicator may appear again for its next level); at or without a target, the plan lists
the next step of every indicator not yet at the top level. The plan's reach is the index after
all its steps: the current index plus the sum of the steps' gains.
"""

import heapq
from math import fsum

from ..model.framework import Effort, Framework, Indicator
from .index import EDGE_TOLERANCE, step_gain
from .result import IndicatorRating, PlanStep

__all__ = ["make_plan", "plan_reach"]

_EFFORT_RANK = {Effort.low: 0, Effort.medium: 1, Effort.high: 2}


def make_plan(
    framework: Framework,
    ratings: list[IndicatorRating],
    *,
    index: float,
    target: float | None,
) -> list[PlanStep]:
    """The ranked steps; see the module docstring for the order and where it stops.

    Examples
    --------
    >>> from spbe_arch.maturity.framework import load_framework
    >>> from spbe_arch.maturity.rating import rate
    >>> from spbe_arch.model import Architecture
    >>> framework = load_framework()
    >>> ratings, _ = rate(Architecture(root="."), framework, {})
    >>> steps = make_plan(framework, ratings, index=1.0, target=1.1)
    >>> [(s.indicator, s.from_level, s.to_level, round(s.index_gain, 4)) for s in steps]
    [(43, 1, 2, 0.03), (43, 2, 3, 0.03), (43, 3, 4, 0.03), (42, 1, 2, 0.03)]
    """
    indicators = {i.id: i for i in framework.indicators}
    top = framework.max_level
    heap: list[tuple] = []

    def push(rating: IndicatorRating, level: int) -> None:
        if level < top:
            step = _step(framework, indicators[rating.id], rating, level)
            rank = (-step.index_gain, _EFFORT_RANK[Effort(step.effort)], level, rating.id)
            heapq.heappush(heap, (rank, rating.id, step, rating))

    for rating in ratings:
        push(rating, rating.level)
    steps: list[PlanStep] = []
    climbing = target is not None and index < target - EDGE_TOLERANCE
    reach = index
    while heap:
        if climbing and reach >= target - EDGE_TOLERANCE:  # type: ignore[operator]
            break
        _, _, step, rating = heapq.heappop(heap)
        steps.append(step)
        reach = plan_reach(index, steps)
        if climbing:
            push(rating, step.to_level)
    return steps


def plan_reach(index: float, steps: list[PlanStep]) -> float:
    """The index after every step of the plan."""
    return index + fsum(step.index_gain for step in steps)


def _step(framework: Framework, indicator: Indicator, rating: IndicatorRating,
          level: int) -> PlanStep:
    to = level + 1
    names = framework.level_names(indicator.domain)
    derivation = rating.derivation
    actions: list[str] = []
    model_shows = derivation is not None and derivation.level >= to
    if derivation is not None and derivation.level < to <= derivation.ceiling:
        wanted = list(derivation.actions.get(to, ()))
        earlier = set(derivation.actions.get(to - 1, ())) if to - 1 > derivation.level else set()
        actions.extend([a for a in wanted if a not in earlier] or wanted)
    if derivation is None or to > derivation.ceiling:
        actions.append(
            f"document level {to} ({names[to]}) with bukti dukung and record it in the "
            f"self-assessment (assessment: indicator {indicator.id}, level {to})"
        )
    elif rating.assessed_level is not None and rating.assessed_level < to:
        actions.append(
            f"raise the self-assessment of indicator {indicator.id} to level {to} with "
            "bukti dukung"
        )
    if model_shows and rating.assessed_level is not None and rating.assessed_level < to:
        effort = Effort.low
    elif to == framework.max_level:
        effort = Effort.high
    else:
        effort = indicator.effort
    return PlanStep(
        indicator=indicator.id,
        name=indicator.name,
        from_level=level,
        to_level=to,
        to_level_name=names[to],
        index_gain=step_gain(framework, indicator),
        effort=effort.value,
        actions=tuple(actions),
    )
