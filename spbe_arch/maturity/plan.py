"""The improvement plan: one-level steps ranked by index gain per effort, each with what earns it.

A step raises one indicator by one level and gains weight / Σ weight of the index. Its effort
is the framework's hint for the indicator, on the scale of `Effort` (low 1, medium 2, high 4
points), except that a step the model already shows needs only its bukti dukung (low) and a
step to the top level is high. Steps are ranked: first those that remove a gap in the model
holding a claim down (the claim is above what counts because the structure shows less: an
audit finding such as an integration bypassing SPLP, usually), then by gain per effort point,
then by the level they start from, then in framework order.

Below the target, steps are taken in that order until the target is reached (an indicator may
come again for its next level); at or without a target, the plan lists the next step of every
indicator not at the top level. `max_steps` cuts the plan. Every step names the model change
or the bukti dukung that earns it, never only a claim to edit. The plan's reach is the index
after all its steps: the current index plus the sum of the steps' gains.
"""

import heapq
from collections.abc import Sequence
from math import fsum
from typing import Protocol, TypeVar

from ..model.framework import Effort, Framework, Indicator
from ..model.i18n import gettext as _
from .evidence import RAISE_CLAIMED_SERVICE, RAISE_SERVICE
from .index import EDGE_TOLERANCE, step_gain
from .rating import SERVICE_RULES, claimant
from .result import IndicatorRating, PlanStep, Source
from .services import STRUCTURE_TOP

__all__ = ["make_plan", "paperwork_runs", "plan_reach"]


class _Step(Protocol):
    indicator: str
    paperwork: bool


T = TypeVar("T", bound=_Step)


def make_plan(
    framework: Framework,
    ratings: list[IndicatorRating],
    *,
    index: float,
    target: float | None,
    max_steps: int | None = None,
) -> list[PlanStep]:
    """The ranked steps; see the module docstring for the order and where it stops.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.maturity import assess
    >>> from spbe_arch.model import Architecture
    >>> result = assess(build_graph(Architecture(root=".")), target=1.1)
    >>> [(s.indicator, s.to_level, s.effort) for s in result.plan]
    [('19', 2, 'low'), ('19', 3, 'low'), ('19', 4, 'low'), ('24', 2, 'low'), ('43', 2, 'medium')]
    """
    indicators = {i.id: i for i in framework.indicators}
    order = {i.id: n for n, i in enumerate(framework.indicators)}
    top = framework.max_level
    heap: list[tuple] = []

    def push(rating: IndicatorRating, level: int) -> None:
        if level < top:
            step = _step(framework, indicators[rating.id], rating, level)
            rank = (not step.caps, -step.gain_per_effort, level, order[rating.id])
            heapq.heappush(heap, (rank, step, rating))

    for rating in ratings:
        push(rating, rating.level)
    steps: list[PlanStep] = []
    climbing = target is not None and index < target - EDGE_TOLERANCE
    reach = index
    while heap and (max_steps is None or len(steps) < max_steps):
        if climbing and reach >= target - EDGE_TOLERANCE:  # type: ignore[operator]
            break
        _, step, rating = heapq.heappop(heap)
        steps.append(step)
        reach = plan_reach(index, steps)
        if climbing:
            push(rating, step.to_level)
    return steps


def plan_reach(index: float, steps: list[PlanStep]) -> float:
    """The index after every step of the plan."""
    return index + fsum(step.index_gain for step in steps)


def paperwork_runs(steps: Sequence[T]) -> list[list[T]]:
    """The plan's steps, one run each, but paperwork steps that follow one another on one
    indicator (document level 2, then 3, then 4) in one run: one row for a reader, its last
    document standing for the others, not three.

    Works on any steps with `indicator` and `paperwork` (the plan's, the report's rows).
    """
    runs: list[list[T]] = []
    for step in steps:
        last = runs[-1][-1] if runs else None
        if last is not None and step.paperwork and last.paperwork and (
                last.indicator == step.indicator):
            runs[-1].append(step)
        else:
            runs.append([step])
    return runs


def _step(framework: Framework, indicator: Indicator, rating: IndicatorRating,
          level: int) -> PlanStep:
    to = level + 1
    names = framework.level_names(indicator.domain)
    derivation = rating.derivation
    actions: list[str] = []
    rung_missing = derivation is not None and derivation.level < to <= _rule_limit(
        indicator, derivation.ceiling)
    raising = tuple(_(text).split("{", 1)[0] for text in (RAISE_SERVICE, RAISE_CLAIMED_SERVICE))
    if rung_missing:
        wanted = list(derivation.actions.get(to, ()))  # type: ignore[union-attr]
        earlier = (set(derivation.actions.get(to - 1, ()))  # type: ignore[union-attr]
                   if to - 1 > derivation.level else set())  # type: ignore[union-attr]
        new = [a for a in wanted if a not in earlier]
        # nothing but the claim beyond the step before: its model changes earn this one too
        actions.extend(new if any(not a.startswith(raising) for a in new) else wanted)
    if rating.claim_by != "assessment" and (rating.self_level or 0) >= to:
        # a service already claims the level: what earns it is the model change, not a claim
        model_changes = [*(rating.model_gaps if level == rating.level else ()),
                         *(a for a in actions if not a.startswith(raising))]
        actions = list(dict.fromkeys(model_changes)) or actions
    shown = rating.model_level is not None and rating.model_cap is not None
    if shown and to <= rating.model_cap:  # type: ignore[operator]
        if rating.self_level is not None and rating.self_level < to and (
                rating.claim_by == "assessment" or rating.source is Source.verified):
            actions.append(_("assess indicator {indicator} at level {level} ({name}) with its "
                             "bukti dukung").format(indicator=indicator.id, level=to,
                                                    name=names[to]))
    else:
        actions.append(_document(indicator, to, names[to], rating))
    if not actions:  # the model shows the level, the claim says it, the evaluator did not
        actions.append(_document(indicator, to, names[to], rating))
    only_documents = not rung_missing and (rating.model_level or 0) >= to
    if (rating.claim_by not in (None, "assessment") and rating.service_shows is not None
            and (rating.self_level or 0) < to <= rating.service_shows):
        # a service has no `evidence:`: its documents go in an assessment entry
        actions = [_("the model's structure meets {level} for {claimant}, which records a "
                     "lower level: set `level: {level}` on it; its bukti dukung go in an "
                     "assessment entry for indicator {indicator}, under `evidence:`").format(
                         level=names[to].lower(), indicator=indicator.id,
                         claimant=claimant(rating.claim_by))]
        only_documents = True
    paperwork = only_documents or actions == [_document(indicator, to, names[to], rating)]
    if only_documents:
        effort = Effort.low
    elif to == framework.max_level:
        effort = Effort.high
    else:
        effort = indicator.effort
    caps = (rating.source is Source.model and rating.self_level is not None
            and to <= rating.self_level and rung_missing)
    gain = step_gain(framework, indicator)
    return PlanStep(
        indicator=indicator.id,
        name=indicator.name,
        from_level=level,
        to_level=to,
        to_level_name=names[to],
        index_gain=gain,
        effort=effort.value,
        gain_per_effort=gain / effort.points,
        actions=tuple(actions),
        caps=caps,
        paperwork=paperwork,
    )


def _document(indicator: Indicator, level: int, name: str, rating: IndicatorRating) -> str:
    """The step that documents `level`: name the bukti dukung of the entry that already
    claims it (a claim naming none counts only as far as the model shows), else record it."""
    entry, claim = rating.assessment, rating.self_level  # the level it claims, as counted
    if (entry is not None and claim is not None and rating.verified_level is None
            and claim >= level):
        if any(e.names_a_document for e in entry.evidence):  # too old, or later than the year
            return _(
                "name under indicator {indicator}'s assessment entry ({year}, level {claim}) a "
                "document that shows that level: those it names support less (see why)"
            ).format(indicator=indicator.id, year=entry.year, claim=claim)
        return _(
            "name the bukti dukung of indicator {indicator}'s assessment entry ({year}, level "
            "{claim}) under its `evidence:` (title, link, year): a claim naming none counts only "
            "as far as the model shows"
        ).format(indicator=indicator.id, year=entry.year, claim=claim)
    return _(
        "document level {level} ({name}) with bukti dukung and record it: an assessment "
        "entry for indicator {indicator} at level {level} naming them under `evidence:` "
        "(or the evaluator's verified level)"
    ).format(level=level, name=name, indicator=indicator.id)


def _rule_limit(indicator: Indicator, ceiling: int) -> int:
    """The highest level a rule's model changes can earn: a service's structure stops at
    kolaborasi, so its rule's optimum step would only edit a claim."""
    return min(ceiling, STRUCTURE_TOP) if indicator.evidence in SERVICE_RULES else ceiling
