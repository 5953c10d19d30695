"""SPBE maturity: index estimate from model evidence and self-assessment, gap, ranked plan.

`assess(graph)` rates every indicator of the instansi's framework (`models/frameworks/`), from
what the architecture model shows (`evidence`) and the model's `assessment:` entries
(`rating`), computes the index, domain and aspect scores and predikat (`index`), the gap to
the target and the plan that closes it (`plan`).
"""

from collections.abc import Iterable
from pathlib import Path

from ..graph import ArchGraph
from ..model import Finding
from ..model.framework import Framework
from ..model.rules import codes_of
from ..validate import finalize
from .evidence import Derivation, derive
from .framework import DEFAULT_FRAMEWORK, framework_ids, load_framework
from .index import aspect_scores, domain_scores, index, predikat
from .plan import make_plan, plan_reach
from .rating import rate
from .result import IndicatorRating, MaturityResult, PlanStep, Score, Source

__all__ = [
    "DEFAULT_FRAMEWORK",
    "Derivation",
    "IndicatorRating",
    "MaturityResult",
    "PlanStep",
    "Score",
    "Source",
    "assess",
    "framework_ids",
    "load_framework",
]


def assess(
    graph: ArchGraph,
    framework: Framework | str | Path | None = None,
    target: float | None = None,
    *,
    validation: Iterable[Finding] = (),
) -> MaturityResult:
    """Estimate the SPBE index of a loaded model and plan how to reach the target.

    Parameters
    ----------
    graph
        The model's graph (`build_graph(load_model(path).architecture)`).
    framework
        A framework, a shipped framework id or a framework file path; default the
        instansi's `framework` (PermenPANRB 59/2020 when it names none).
    target
        Target index; default the instansi's `target`. Without one the plan lists the next
        step of every indicator.
    validation
        Findings already reported by validation (`load_model`); merged into the result's
        findings unchanged, so one list holds every problem.

    Returns
    -------
    MaturityResult
        Index, predikat, scores, ratings with their evidence, gap, plan and the findings about
        the self-assessment (located, severities overridden as configured in spbe.yaml).

    Raises
    ------
    SpbeError
        The framework cannot be found or is invalid.

    Examples
    --------
    >>> from spbe_arch.graph import build_graph
    >>> from spbe_arch.model import Architecture
    >>> result = assess(build_graph(Architecture(root=".")), target=1.05)
    >>> result.index, result.predikat, round(result.gap, 4), len(result.plan)
    (1.0, 'Kurang', 0.05, 2)
    """
    arch = graph.arch
    if not isinstance(framework, Framework):
        default = arch.instansi.framework if arch.instansi else None
        framework = load_framework(framework or default)
    if target is None and arch.instansi is not None:
        target = arch.instansi.target
    ratings, findings = rate(arch, framework, derive(graph, framework))
    levels = {r.id: r.level for r in ratings}
    value = index(framework, levels)
    plan = make_plan(framework, ratings, index=value, target=target)
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
        index=value,
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
        findings=finalize(findings, arch, finished=validation, checked=codes_of("M")),
    )
