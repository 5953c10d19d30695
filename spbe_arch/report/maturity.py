"""Maturity renderers: JSON object, rich text tables and Markdown. Rounding happens only here."""

from math import fsum
from typing import Any

from ..maturity import COLUMNS, IndicatorRating, Indices, MaturityResult, PlanStep
from ..maturity.plan import paperwork_runs
from ..model import Severity
from ..model.i18n import LANGS, N_, decimal, language, plural
from ..model.i18n import gettext as _
from .findings import finding_dict, findings_text
from .labels import EFFORT, shown_predikat

__all__ = ["maturity_dict", "maturity_markdown", "render_maturity_text", "why_with_evidence"]

DECIMALS = 4
"""Numbers in JSON are rounded to this many decimals (the index is a multiple of 0.0005)."""

_LABELS = {"self": N_("self-assessed"), "verified": N_("verified"), "model": N_("model"),
           "counted": N_("counted")}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def _evidence(rating: IndicatorRating) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if rating.derivation is not None:
        d = rating.derivation
        out.append({"kind": "model", "rule": d.rule, "level": d.level, "ceiling": d.ceiling,
                    "reason": d.reason, "elements": list(d.elements)})
    if rating.assessment is not None:
        a = rating.assessment
        out.append({
            "kind": "assessment", "year": a.year, "level": a.level, "verified": a.verified,
            "verified_counts": a.verified is not None and rating.verified_level is not None,
            "note": a.note,
            "documents": [{"title": e.title, "link": e.link, "year": e.dated,
                           "names_a_document": e.names_a_document} for e in a.evidence],
        })
    return out


def _step_dict(step: PlanStep) -> dict[str, Any]:
    return {
        "indicator": step.indicator, "name": step.name, "from_level": step.from_level,
        "to_level": step.to_level, "to_level_name": step.to_level_name,
        "index_gain": _round(step.index_gain), "effort": step.effort,
        "gain_per_effort": _round(step.gain_per_effort), "caps": step.caps,
        "paperwork": step.paperwork, "actions": list(step.actions),
    }


def _indices(indices: Indices) -> dict[str, float | None]:
    return {column: _round(getattr(indices, column)) for column in COLUMNS}


def _rest_on(indices: Indices) -> dict[str, Any]:
    """How many indicators each column's index rests on (the others count at `lowest`)."""
    return {"rated": {column: indices.rated.get(column, indices.of) for column in COLUMNS},
            "of": indices.of, "others_at": indices.lowest}


def maturity_dict(result: MaturityResult) -> dict[str, Any]:
    """The stable JSON object of `spbe-arch maturity --format json` (numbers to 4 decimals)."""
    return {
        "framework": result.framework_id,
        "framework_name": result.framework_name,
        "instansi": result.instansi,
        "year": result.year,
        "to_be": result.to_be,
        "index": _round(result.index),
        "predikat": result.predikat,
        "provisional": result.few_rated,
        "indices": _indices(result.indices),
        "indices_rest_on": _rest_on(result.indices),
        "target": result.target,
        "gap": _round(result.gap),
        "trajectory": [{"year": t.year, **_indices(t.indices), "predikat": t.predikat,
                        "rest_on": _rest_on(t.indices)["rated"]}
                       for t in result.trajectory],
        "domains": [{"id": d.id, "name": d.name, "weight": d.weight, "score": _round(d.score)}
                    for d in result.domains],
        "aspects": [{"id": a.id, "name": a.name, "domain": a.domain, "weight": a.weight,
                     "score": _round(a.score)} for a in result.aspects],
        "indicators": [
            {"id": r.id, "name": r.name, "english": r.english, "domain": r.domain,
             "aspect": r.aspect, "weight": r.weight, "self": r.self_level,
             "claim_by": r.claim_by, "verified": r.verified_level, "model": r.model_level,
             "counted": r.level, "level_name": r.level_name, "source": r.source,
             "why": r.why, "evidence": _evidence(r)}
            for r in result.indicators
        ],
        "unrated": result.unrated,
        "levels_for_no_indicator": result.levels_for_no_indicator,
        "plan": [_step_dict(step) for step in result.plan],
        "plan_reach": _round(result.plan_reach),
        "plan_predikat": result.plan_predikat,
        "findings": [finding_dict(f) for f in result.findings],
    }


def _no_indicator(result: MaturityResult) -> str:
    services = result.levels_for_no_indicator
    return _("{services} state a level for no indicator, so it counts for none: {ids} (name "
             "the indicator each is rated under with `indicator:`)").format(
        services=plural(len(services), N_("{count} service"), N_("{count} services")),
        ids=", ".join(services[:10]) + (", ..." if len(services) > 10 else ""))


def _number(value: float | None) -> str:
    return "-" if value is None else decimal(value)


def _summary(result: MaturityResult) -> str:
    standing = shown_predikat(result.predikat, result.few_rated)
    line = f"indeks SPBE {decimal(result.index)} ({standing})"
    if result.to_be is not None:  # the target's model, with the claims of the year assessed
        line += _(" for the target {year}").format(year=result.to_be) + (
            _(" (claims of {year})").format(year=result.year) if result.year else "")
    elif result.year is not None:
        line += _(" for {year}").format(year=result.year)
    if result.target is not None and result.few_rated:  # how far: not known
        line += _(", target {target}").format(target=decimal(result.target))
    elif result.target is not None:
        line += _(", target {target}, gap {gap}").format(target=decimal(result.target),
                                                         gap=decimal(result.gap))
    if result.unrated:
        line += _("; resting on {rated} of {total} indicators").format(
            rated=result.rated, total=len(result.indicators))
    return line


def _columns(indices: Indices) -> str:
    """`self-assessed 3.67 (19 of 47 indicators), verified 2.64, ...`: a column some
    indicators have no level in says how many it rests on."""
    return ", ".join(
        f"{_(_LABELS[c])} " + (_("{index} ({count} of {total} indicators)").format(
            index=_number(getattr(indices, c)), count=indices.rated[c], total=indices.of)
            if indices.partial(c) else _number(getattr(indices, c)))
        for c in COLUMNS)


def _by_column(indices: Indices, *, markdown: bool = False) -> str:
    """The line of the index by column, saying what a missing level counts as where one is."""
    line = (_("Index by column: {columns}.") if markdown
            else _("index by column: {columns}")).format(columns=_columns(indices))
    if not any(indices.partial(c) for c in COLUMNS):
        return line
    if markdown:
        return line + " " + _("An indicator without a level in a column counts at level "
                              "{lowest} there.").format(lowest=indices.lowest)
    return line + "; " + _("an indicator without a level in a column counts at level {lowest} "
                           "there").format(lowest=indices.lowest)


def _level(value: int | None) -> str:
    return "-" if value is None else str(value)


def why_with_evidence(rating: IndicatorRating) -> str:
    """Why the level counts, then the bukti dukung the entry names and its note: a reader
    (an evaluator) sees which document supports which level."""
    parts = [rating.why] if rating.why else []
    if rating.assessment is not None and rating.assessment.evidence:
        parts.append("bukti: " + "; ".join(e.title for e in rating.assessment.evidence))
    if rating.assessment is not None and rating.assessment.note:
        parts.append(rating.assessment.note)
    return " | ".join(parts)


def _plan_title(result: MaturityResult) -> str:
    gain = result.plan_reach - result.index
    return _("plan: {steps} steps, +{gain} -> {reach} ({predikat})").format(
        steps=len(result.plan), gain=decimal(gain, 3), reach=decimal(result.plan_reach),
        predikat=result.plan_predikat)


def _plan_rows(result: MaturityResult, *, arrow: str = "->") -> list[tuple[str, ...]]:
    """The plan's rows: one a step, but one for the paperwork steps that follow one another
    on one indicator ('#5-7', '1 -> 4'), its gain their sum, its actions the last's."""
    lang = LANGS.index(language())
    rows, number = [], 1
    for run in paperwork_runs(result.plan):
        first, last = run[0], run[-1]
        numbers = str(number) if len(run) == 1 else f"{number}-{number + len(run) - 1}"
        rows.append((numbers, f"{first.indicator} {first.name}",
                     f"{first.from_level} {arrow} {last.to_level} {last.to_level_name}",
                     f"+{decimal(fsum(step.index_gain for step in run), 4)}",
                     EFFORT[str(last.effort)][lang], "\n".join(last.actions)))
        number += len(run)
    return rows


def _trajectory_rows(result: MaturityResult) -> list[list[str]]:
    return [[str(t.year), *(_number(getattr(t.indices, c)) for c in COLUMNS), t.predikat]
            for t in result.trajectory]


def render_maturity_text(result: MaturityResult, console, *, prefix: str = "") -> None:
    """Print the result on a rich console: columns, one table per domain, trajectory, plan."""
    from rich.table import Table

    title = result.instansi or "model"
    console.print(f"[bold]{title}[/bold]: {_summary(result)} — [dim]{result.framework_name}[/dim]",
                  highlight=False)
    console.print(_by_column(result.indices), highlight=False)
    errors = sum(1 for f in result.findings if f.severity is Severity.error and not f.waived)
    if errors:  # the parts of the model that could not be read count for nothing
        console.print(_("provisional: {errors} in the model (listed below); fix them before "
                        "quoting this index").format(
            errors=plural(errors, N_("{count} error"), N_("{count} errors"))), highlight=False)
    for domain in result.domains:
        table = Table(title=f"{domain.id}. {domain.name} (bobot {decimal(domain.weight, None)}) — "
                      f"{decimal(domain.score)}", title_justify="left", expand=False)
        for column in ("no", "indikator", "bobot", _("self"), _("verified"), _("model"),
                       _("counted"), _("why")):
            table.add_column(column, overflow="fold")
        for rating in result.indicators:
            if rating.domain != domain.id:
                continue
            table.add_row(rating.id, rating.name, decimal(rating.weight, None),
                          _level(rating.self_level), _level(rating.verified_level),
                          _level(rating.model_level), f"{rating.level} {rating.level_name}",
                          why_with_evidence(rating))
        console.print(table)
        aspects = [f"{a.id} {a.name} {decimal(a.score)}" for a in result.aspects
                   if a.domain == domain.id]
        console.print("aspek: " + "; ".join(aspects), highlight=False)
    if result.unrated:
        console.print(_("not rated (lowest level assumed): {indicators}").format(
            indicators=", ".join(result.unrated)), highlight=False)
    if result.levels_for_no_indicator:
        console.print(_no_indicator(result), highlight=False)
    if len(result.trajectory) > 1:
        trajectory = Table(title=_("trajectory"), title_justify="left")
        for column in (_("year"), *(_(_LABELS[c]) for c in COLUMNS), "predikat"):
            trajectory.add_column(column)
        for row in _trajectory_rows(result):
            trajectory.add_row(*row)
        console.print(trajectory)
    plan = Table(title=_plan_title(result), title_justify="left")
    for column in ("#", "indikator", _("step"), _("gain"), _("effort"), _("actions")):
        plan.add_column(column, overflow="fold")
    for row in _plan_rows(result):
        plan.add_row(*row)
    console.print(plan)
    for line in findings_text(result.findings, prefix=prefix):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", "<br>")


def _header(*columns: str) -> str:
    """A Markdown table's header row and rule."""
    return "| " + " | ".join(columns) + " |\n" + "|---" * len(columns) + "|"


def maturity_markdown(result: MaturityResult) -> str:
    """A Markdown page: summary, columns, one table per domain, trajectory, plan, findings."""
    title = result.instansi or "model"
    lines = [_("# SPBE maturity: {title}").format(title=title), "",
             f"**{_summary(result)}** — {result.framework_name}", "",
             _by_column(result.indices, markdown=True), "",
             _header(_("domain"), "bobot", _("score"))]
    lines += [f"| {d.id}. {_cell(d.name)} | {decimal(d.weight, None)} | {decimal(d.score)} |"
              for d in result.domains]
    for domain in result.domains:
        lines += ["", f"## {domain.id}. {domain.name}", "",
                  _header("no", "indikator", "bobot", _("self"), _("verified"), _("model"),
                          _("counted"), _("why"))]
        lines += [
            f"| {r.id} | {_cell(r.name)} | {decimal(r.weight, None)} | {_level(r.self_level)} | "
            f"{_level(r.verified_level)} | {_level(r.model_level)} | {r.level} {r.level_name} | "
            f"{_cell(why_with_evidence(r))} |"
            for r in result.indicators if r.domain == domain.id
        ]
    if result.unrated:
        lines += ["", _("Not rated (lowest level assumed): {indicators}").format(
            indicators=", ".join(result.unrated))]
    if result.levels_for_no_indicator:
        lines += ["", _no_indicator(result)]
    if len(result.trajectory) > 1:
        lines += ["", "## " + _("Trajectory"), "",
                  _header(_("year"), *(_(_LABELS[c]) for c in COLUMNS), "predikat")]
        lines += ["| " + " | ".join(row) + " |" for row in _trajectory_rows(result)]
    lines += ["", f"## {_plan_title(result)}", "",
              _header("#", "indikator", _("step"), _("gain"), _("effort"), _("actions"))]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |"
              for row in _plan_rows(result, arrow="→")]
    if result.findings:
        lines += ["", "## " + _("Findings"), ""]
        lines += [f"- `{_cell(line)}`" for line in findings_text(result.findings)]
    return "\n".join(lines) + "\n"
