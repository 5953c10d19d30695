"""Maturity renderers: JSON object, rich text tables and Markdown. Rounding happens only here."""

from typing import Any

from ..maturity import IndicatorRating, MaturityResult, PlanStep
from .findings import finding_dict, findings_text

__all__ = ["maturity_dict", "maturity_markdown", "render_maturity_text"]


def _evidence(rating: IndicatorRating) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if rating.derivation is not None:
        d = rating.derivation
        out.append({"kind": "model", "rule": d.rule, "level": d.level, "ceiling": d.ceiling,
                    "reason": d.reason, "elements": list(d.elements)})
    if rating.assessment is not None:
        a = rating.assessment
        out.append({
            "kind": "assessment", "level": a.level, "note": a.note,
            "documents": [{"title": e.title, "link": e.link, "year": e.year}
                          for e in a.evidence],
        })
    return out


def _step_dict(step: PlanStep) -> dict[str, Any]:
    return {
        "indicator": step.indicator, "name": step.name, "from_level": step.from_level,
        "to_level": step.to_level, "to_level_name": step.to_level_name,
        "index_gain": step.index_gain, "effort": step.effort, "actions": list(step.actions),
    }


def maturity_dict(result: MaturityResult) -> dict[str, Any]:
    """The stable JSON object of `spbe-arch maturity --format json` (numbers unrounded)."""
    return {
        "framework": result.framework_id,
        "framework_name": result.framework_name,
        "instansi": result.instansi,
        "index": result.index,
        "predikat": result.predikat,
        "target": result.target,
        "gap": result.gap,
        "domains": [{"id": d.id, "name": d.name, "weight": d.weight, "score": d.score}
                    for d in result.domains],
        "aspects": [{"id": a.id, "name": a.name, "domain": a.domain, "weight": a.weight,
                     "score": a.score} for a in result.aspects],
        "indicators": [
            {"id": r.id, "name": r.name, "english": r.english, "domain": r.domain,
             "aspect": r.aspect, "weight": r.weight, "level": r.level,
             "level_name": r.level_name, "source": r.source, "model_level": r.model_level,
             "assessed_level": r.assessed_level, "note": r.note, "evidence": _evidence(r)}
            for r in result.indicators
        ],
        "unrated": result.unrated,
        "plan": [_step_dict(step) for step in result.plan],
        "plan_reach": result.plan_reach,
        "plan_predikat": result.plan_predikat,
        "findings": [finding_dict(f) for f in result.findings],
    }


def _summary(result: MaturityResult) -> str:
    line = f"indeks SPBE {result.index:.2f} ({result.predikat})"
    if result.target is not None:
        line += f", target {result.target:.2f}, gap {result.gap:.2f}"
    return line


def _levels(rating: IndicatorRating) -> str:
    parts = []
    if rating.model_level is not None:
        parts.append(f"model {rating.model_level}")
    if rating.assessed_level is not None:
        parts.append(f"self {rating.assessed_level}")
    return ", ".join(parts) or "unrated"


def _why(rating: IndicatorRating) -> str:
    parts = []
    if rating.derivation is not None:
        parts.append(rating.derivation.reason)
    if rating.assessment is not None and rating.assessment.evidence:
        parts.append("; ".join(e.title for e in rating.assessment.evidence))
    if rating.note:
        parts.append(rating.note)
    return " | ".join(parts)


def _plan_title(result: MaturityResult) -> str:
    gain = result.plan_reach - result.index
    return (f"plan: {len(result.plan)} steps, +{gain:.3f} -> {result.plan_reach:.2f} "
            f"({result.plan_predikat})")


def render_maturity_text(result: MaturityResult, console, *, prefix: str = "") -> None:
    """Print the result on a rich console: one table per domain, then the plan and findings."""
    from rich.table import Table

    title = result.instansi or "model"
    console.print(f"[bold]{title}[/bold]: {_summary(result)}  [dim]{result.framework_name}[/dim]",
                  highlight=False)
    for domain in result.domains:
        table = Table(title=f"{domain.id}. {domain.name} (bobot {domain.weight:g}) — "
                      f"{domain.score:.2f}", title_justify="left", expand=False)
        for column in ("no", "indikator", "bobot", "level", "source", "evidence"):
            table.add_column(column, overflow="fold")
        for rating in result.indicators:
            if rating.domain != domain.id:
                continue
            table.add_row(str(rating.id), rating.name, f"{rating.weight:g}",
                          f"{rating.level} {rating.level_name}",
                          f"{rating.source} ({_levels(rating)})", _why(rating))
        console.print(table)
        aspects = [f"{a.id} {a.name} {a.score:.2f}" for a in result.aspects
                   if a.domain == domain.id]
        console.print("aspek: " + "; ".join(aspects), highlight=False)
    if result.unrated:
        console.print("not rated (lowest level assumed): "
                      + ", ".join(str(i) for i in result.unrated), highlight=False)
    plan = Table(title=_plan_title(result), title_justify="left")
    for column in ("#", "indikator", "step", "gain", "effort", "actions"):
        plan.add_column(column, overflow="fold")
    for number, step in enumerate(result.plan, 1):
        plan.add_row(str(number), f"{step.indicator} {step.name}",
                     f"{step.from_level} -> {step.to_level} {step.to_level_name}",
                     f"+{step.index_gain:.4f}", step.effort, "\n".join(step.actions))
    console.print(plan)
    for line in findings_text(result.findings, prefix=prefix):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", "<br>")


def maturity_markdown(result: MaturityResult) -> str:
    """A Markdown page: summary, one table per domain, the plan, the findings."""
    title = result.instansi or "model"
    lines = [f"# SPBE maturity: {title}", "", f"**{_summary(result)}** — {result.framework_name}",
             "", "| domain | bobot | score |", "|---|---|---|"]
    lines += [f"| {d.id}. {_cell(d.name)} | {d.weight:g} | {d.score:.2f} |"
              for d in result.domains]
    for domain in result.domains:
        lines += ["", f"## {domain.id}. {domain.name}", "",
                  "| no | indikator | bobot | level | source | evidence |",
                  "|---|---|---|---|---|---|"]
        lines += [
            f"| {r.id} | {_cell(r.name)} | {r.weight:g} | {r.level} {r.level_name} | "
            f"{r.source} ({_levels(r)}) | {_cell(_why(r))} |"
            for r in result.indicators if r.domain == domain.id
        ]
    if result.unrated:
        lines += ["", "Not rated (lowest level assumed): "
                  + ", ".join(str(i) for i in result.unrated)]
    lines += ["", f"## {_plan_title(result)}", "",
              "| # | indikator | step | gain | effort | actions |", "|---|---|---|---|---|---|"]
    lines += [
        f"| {n} | {s.indicator} {_cell(s.name)} | {s.from_level} → {s.to_level} "
        f"{s.to_level_name} | +{s.index_gain:.4f} | {s.effort} | "
        f"{_cell(chr(10).join(s.actions))} |"
        for n, s in enumerate(result.plan, 1)
    ]
    if result.findings:
        lines += ["", "## Findings", ""]
        lines += [f"- `{_cell(line)}`" for line in findings_text(result.findings)]
    return "\n".join(lines) + "\n"
