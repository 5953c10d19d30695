"""SPBE maturity: claims against evidence, index per year and column, gap, ranked plan.

`assess(graph)` rates every indicator of the instansi's framework (`models/frameworks/`, or a
framework file kept with the model) for one evaluation year: what the architecture model shows
(`evidence`, `services`), the claims and the evaluator's verified levels of the model's
`assessment:` entries and services' `level:` (`rating`); it computes the index of each column,
domain and aspect scores and predikat (`index`), the trajectory over the assessed years, the gap
to the target and the plan that closes it (`plan`).
"""

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..graph import ArchGraph
from ..io import SpbeError
from ..model import Finding
from ..model.framework import Framework
from ..model.i18n import gettext as _
from ..model.rules import codes_of
from ..model.rules import maturity as codes
from ..validate import finalize
from .check import ASSESSMENT_CODES, check_assessment, shadowing
from .evidence import Derivation, derive
from .framework import DEFAULT_FRAMEWORK, framework_ids, load_framework
from .index import aspect_scores, column_indices, domain_scores, index, predikat
from .plan import make_plan, plan_reach
from .rating import assessments, rate
from .result import (
    COLUMNS,
    IndicatorRating,
    Indices,
    MaturityResult,
    PlanStep,
    Score,
    Source,
    YearIndex,
    few_rated,
)

__all__ = [
    "ASSESSMENT_CODES",
    "COLUMNS",
    "DEFAULT_FRAMEWORK",
    "Derivation",
    "IndicatorRating",
    "Indices",
    "MaturityResult",
    "PlanStep",
    "Score",
    "Source",
    "YearIndex",
    "assess",
    "check_assessment",
    "few_rated",
    "framework_ids",
    "load_framework",
]


def assess(
    graph: ArchGraph,
    framework: Framework | str | Path | None = None,
    target: float | None = None,
    *,
    year: int | None = None,
    max_steps: int | None = None,
    validation: Iterable[Finding] = (),
) -> MaturityResult:
    """Estimate the SPBE index of a loaded model for one year and plan how to reach the target.

    Parameters
    ----------
    graph
        The model's graph (`build_graph(load_model(path).architecture)`).
    framework
        A framework, a framework id (the model's `frameworks/ID.yaml`, else the shipped
        catalog) or a framework file path; default the instansi's `framework` (PermenPANRB
        59/2020 when it names none), whose relative path resolves from the model folder.
    target
        Target index; default the instansi's `target`. Without one the plan lists the next
        step of every indicator.
    year
        Evaluation year to rate; default the latest year of the assessment entries.
    max_steps
        Cut the plan after this many steps.
    validation
        Findings already reported by validation (`load_model`); merged into the result's
        findings unchanged, so one list holds every problem.

    Returns
    -------
    MaturityResult
        Index of each column, predikat, scores, ratings with their evidence, trajectory, gap,
        plan and the findings about the assessment (located, severities overridden as
        configured in spbe.yaml).

    Raises
    ------
    SpbeError
        The framework cannot be found or is invalid, or `year` is to come or has no
        assessment entry.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.model import Architecture
    >>> result = assess(build_graph(Architecture(root=".")), target=1.05)
    >>> result.index, result.predikat, round(result.gap, 4), len(result.plan), result.year
    (1.0, 'Kurang', 0.05, 2, None)
    """
    from .services import service_structures

    arch = graph.arch
    root = Path(arch.root)
    home_ref = arch.instansi.framework if arch.instansi else DEFAULT_FRAMEWORK
    if framework is None:
        framework = load_framework(home_ref, root=root)
        home = framework.id
    else:
        if not isinstance(framework, Framework):
            framework = load_framework(_from_cwd(framework), root=root)
        named = arch.instansi is not None and "framework" in arch.instansi.model_fields_set
        home = _framework_id(home_ref, root) if named else None
    if target is None and arch.instansi is not None:
        target = arch.instansi.target
    derivations = derive(graph, framework)
    structures = service_structures(graph)
    by_year, findings = assessments(arch, framework, home)
    validation = list(validation)
    if not any(f.code == codes.FRAMEWORK_SHADOWED.code for f in validation):  # else said
        findings.extend(shadowing(arch, framework))
    if year is not None and year > date.today().year:  # no evaluation has rated it yet
        raise SpbeError(_("{year} is a year still to come (this year is {today}): no "
                          "evaluation has rated it; the index of coming years is the Peta "
                          "Rencana's (`spbe-arch roadmap`)").format(year=year,
                                                                   today=date.today().year))
    if year is not None and year not in by_year:
        assessed = ", ".join(map(str, by_year)) or _("none")
        raise SpbeError(_("no assessment entry for {year} in framework '{framework}' (years "
                          "assessed: {assessed})").format(year=year, framework=framework.id,
                                                           assessed=assessed))
    chosen = year if year is not None else _default_year(by_year)
    to_be = arch.instansi.to_be if arch.instansi else None
    trajectory = []
    ratings: list[IndicatorRating] = []
    for each in by_year or [None]:
        rated, found = rate(arch, framework, derivations, by_year.get(each, {}), structures)
        if each is not None and (each <= date.today().year or each == chosen):
            past = rated if to_be is None else rate(  # a target's model is of no past year:
                arch, framework, {}, by_year.get(each, {}), {})[0]  # only its results are
            indices = column_indices(framework, past)  # a year to come is no past: a typo
            if to_be is None or indices.official:
                trajectory.append(YearIndex(each, indices, predikat(framework, indices.counted)))
        if each == chosen:
            ratings = rated
            findings.extend(found)
    if to_be is not None and ratings:  # the target year: the claims on the target's model
        indices = column_indices(framework, ratings)
        trajectory.append(YearIndex(to_be, indices, predikat(framework, indices.counted)))
    levels = {r.id: r.level for r in ratings}
    value = index(framework, levels)
    plan = make_plan(framework, ratings, index=value, target=target, max_steps=max_steps)
    reach = plan_reach(value, plan)
    domains = domain_scores(framework, levels)
    aspects = aspect_scores(framework, levels)
    aspect_weights = {
        a.id: sum(i.weight for i in framework.indicators if i.aspect == a.id)
        for a in framework.aspects
    }
    return MaturityResult(
        framework_id=framework.id,
        framework_name=framework.name,
        instansi=arch.instansi.name if arch.instansi else None,
        year=chosen,
        index=value,
        indices=column_indices(framework, ratings),
        predikat=predikat(framework, value),
        target=target,
        gap=None if target is None else max(0.0, target - value),
        domains=[Score(d.id, d.name, d.weight, domains[d.id]) for d in framework.domains],
        aspects=[Score(a.id, a.name, aspect_weights[a.id], aspects[a.id], a.domain)
                 for a in framework.aspects],
        indicators=ratings,
        plan=plan,
        plan_reach=reach,
        plan_predikat=predikat(framework, reach),
        trajectory=trajectory,
        findings=finalize(findings, arch, finished=validation, checked=codes_of("M")),
        framework=framework,
        to_be=to_be,
        levels_for_no_indicator=sorted(
            s for s, service in arch.services.items()
            if service.level is not None and service.indicator is None
        ),
    )


def _from_cwd(ref: str | Path) -> str | Path:
    """A framework path given by the user names a file from the current directory."""
    path = Path(ref)
    return path.resolve() if path.is_file() else ref


def _framework_id(ref: str, root: Path) -> str:
    """The id of the instansi's framework, which its assessment entries were made for."""
    path = Path(ref)
    if "/" in ref or "\\" in ref or path.suffix in (".yaml", ".yml", ".json"):
        return load_framework(ref, root=root).id
    return ref


def _default_year(by_year: dict) -> int | None:
    """The latest year assessed up to this one (a year still to come is a typo: rule
    assessment-year-in-the-future), else the latest assessed."""
    past = [y for y in by_year if y <= date.today().year]
    return max(past or by_year, default=None)
