"""The portfolio's formats: text, JSON, Markdown and one self-contained HTML page."""

import base64
import hashlib
from importlib.resources import files
from typing import Any

from ..audit import Known, Share
from ..model.rules import listed
from ..portfolio import PortfolioResult
from .audit import share_text
from .findings import finding_dict, findings_text

__all__ = ["portfolio_dict", "portfolio_html", "portfolio_markdown", "portfolio_text"]

COLUMNS = ("rank", "instansi", "level", "elements", "year", "index", "predikat", "SPLP", "JIP",
           "unintegrated services", "hosting outside PDN/PDD", "data known")
"""The ranking's columns, in every format."""


def _known(known: Known) -> str:
    if not known.of:
        return "none of 0"
    return f"{known.known} of {known.of} ({round(100 * known.known / known.of)}%)"


def _cells(row) -> list[str]:
    return [str(row.rank), row.name, row.level, str(row.elements),
            "-" if row.year is None else str(row.year), f"{row.index:.2f}",
            row.predikat, share_text(row.splp), share_text(row.jip),
            share_text(row.services_unintegrated), share_text(row.hosting_outside),
            _known(row.completeness)]


def _predikat(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def _totals_line(totals) -> str:
    mean = "-" if totals.mean_index is None else f"{totals.mean_index:.2f}"
    return (f"{totals.label}: {totals.instansi} instansi, {totals.elements} elements, "
            f"mean index {mean}; predikat: {_predikat(totals.predikat)}")


def _totals_figures(totals) -> list[str]:
    return [f"SPLP {share_text(totals.splp)}", f"JIP {share_text(totals.jip)}",
            f"unintegrated services {share_text(totals.services_unintegrated)}",
            f"hosting outside PDN/PDD {share_text(totals.hosting_outside)}",
            f"data known {_known(totals.completeness)}"]


def _sign(value: float) -> str:
    return f"{value:+.2f}"


def _sources(sources: dict[str, int]) -> str:
    """'6 model, 4 unrated': where a domain's levels come from (`none`: the lowest level)."""
    return ", ".join(f"{n} {'unrated' if source == 'none' else source}"
                     for source, n in sources.items())


def _sections(result: PortfolioResult) -> list[tuple[str, list[str]]]:
    """The cross-instansi, published and broken sections as (title, lines), for text and
    Markdown alike."""
    name = result.name
    out: list[tuple[str, list[str]]] = []
    out.append((
        f"functions built by several instansi ({len(result.duplicates)}): candidates for an "
        "aplikasi umum or a shared service",
        [f"{d.name}: {len(d.instansi)} instansi ({listed(list(d.instansi), 8)}); "
         f"{len(d.applications)} applications; matched by {', '.join(d.matched_by)}"
         for d in result.duplicates],
    ))
    total = len(result.rows)
    out.append((
        f"national aplikasi umum some instansi use and others do not ({len(result.adoption)})",
        [f"{a.platform} ({a.name}): {len(a.adopted)} of {total}; not used by "
         f"{listed(list(a.not_adopted), 8)}" for a in result.adoption],
    ))
    out.append((
        f"integrations between instansi: {share_text(result.cross_integrations)} via SPLP; "
        f"bypassing SPLP ({len(result.bypassing_splp)})",
        [f"{name(c.instansi)}: {c.integration} {c.source} -> {c.target}"
         f"{f' ({name(c.target_instansi)})' if c.target_instansi else ''} via {c.via}"
         for c in result.bypassing_splp],
    ))
    out.append((
        f"data centres and vendors several instansi depend on "
        f"({len(result.shared_dependencies)})",
        [f"{d.kind} {d.name} ({d.id}): {len(d.instansi)} instansi, {d.applications} "
         f"applications ({listed(list(d.instansi), 8)})" for d in result.shared_dependencies],
    ))
    if result.published_file is not None:
        lines = []
        for c in result.published:
            lines.append(f"{name(c.instansi)} ({c.published_name}, {c.year}): published "
                         f"{c.published_index:.2f} {c.published_predikat or ''}".rstrip()
                         + f", estimate {c.estimate:.2f}, difference {_sign(c.difference)}")
            lines += [f"  {d.id} {d.name}: published {d.published:.2f}, estimate "
                      f"{d.estimate:.2f}, difference {_sign(d.difference)}; estimate from "
                      f"{_sources(d.sources)}" for d in c.domains]
        if result.unpublished:
            lines.append("no published result: "
                         + ", ".join(name(i) for i in result.unpublished))
        year = f", {result.year}" if result.year is not None else ""
        out.append((f"published results ({result.published_file}{year})", lines))
    if result.broken:
        lines = []
        for model in result.broken:
            what = f" ({model.name})" if model.name else ""
            if model.reason:
                lines.append(f"{model.path}{what}: {model.reason}")
            else:
                errors = len(model.findings)
                lines.append(f"{model.path}{what}: {errors} error{'s' * (errors != 1)}")
                lines += ["  " + line for line in
                          findings_text(model.findings, prefix=f"{model.path.rstrip('/')}/")]
        out.append((f"could not be assessed ({len(result.broken)})", lines))
    return out


def portfolio_text(result: PortfolioResult, console) -> None:
    """The portfolio on a rich console: the ranking, totals, then each section."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"portfolio: {len(result.rows)} instansi ranked by estimated index",
                  title_justify="left")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column in ("rank", "elements", "year", "index")
                         else "left", overflow="fold")
    for row in result.rows:
        table.add_row(*map(escape, _cells(row)))
    console.print(table)
    for totals in [result.totals, *result.regions]:
        console.print(escape(_totals_line(totals)))
        console.print(escape("  " + "; ".join(_totals_figures(totals))))
    for title, lines in _sections(result):
        console.print()
        console.print(escape(title))
        for line in lines:
            console.print(escape(f"  {line}"), soft_wrap=True)


def portfolio_markdown(result: PortfolioResult, *, title: str) -> str:
    """The portfolio as Markdown (for a pull request or a wiki page)."""
    cell = lambda text: str(text).replace("|", "\\|")  # noqa: E731
    lines = [f"# {title}", "", "| " + " | ".join(COLUMNS) + " |",
             "|" + "|".join("---:" if c in ("rank", "elements", "year", "index") else "---"
                            for c in COLUMNS) + "|"]
    lines += ["| " + " | ".join(map(cell, _cells(row))) + " |" for row in result.rows]
    lines.append("")
    for totals in [result.totals, *result.regions]:
        lines += [f"- **{_totals_line(totals)}**; " + "; ".join(_totals_figures(totals))]
    for heading, items in _sections(result):
        lines += ["", f"## {heading}", ""]
        lines += [f"{'  ' if item.startswith('  ') else ''}- {cell(item.strip())}"
                  for item in items] or ["- none"]
    return "\n".join(lines) + "\n"


def _share(share: Share) -> dict[str, Any]:
    return share.as_dict()


def portfolio_dict(result: PortfolioResult) -> dict[str, Any]:
    """The stable JSON object of `spbe-arch portfolio --format json`."""
    def totals(t) -> dict[str, Any]:
        return {"label": t.label, "instansi": t.instansi, "elements": t.elements,
                "mean_index": t.mean_index, "predikat": t.predikat, "splp": _share(t.splp),
                "jip": _share(t.jip), "services_unintegrated": _share(t.services_unintegrated),
                "hosting_outside": _share(t.hosting_outside),
                "completeness": t.completeness.as_dict()}

    return {
        "instansi": [
            {"rank": r.rank, "id": r.id, "name": r.name, "level": r.level, "region": r.region,
             "path": r.path, "elements": r.elements, "year": r.year, "index": r.index,
             "predikat": r.predikat,
             "domains": {str(d.id): round(d.score, 2) for d in r.domains},
             "splp": _share(r.splp), "jip": _share(r.jip),
             "services_unintegrated": _share(r.services_unintegrated),
             "hosting_outside": _share(r.hosting_outside),
             "completeness": {"all": r.completeness.as_dict(),
                              **{k: v.as_dict() for k, v in r.facts.items()}}}
            for r in result.rows
        ],
        "totals": totals(result.totals),
        "regions": [totals(t) for t in result.regions],
        "duplicate_functions": [
            {"name": d.name, "matched_by": list(d.matched_by), "instansi": list(d.instansi),
             "applications": [{"instansi": i, "application": a} for i, a in d.applications]}
            for d in result.duplicates
        ],
        "platform_adoption": [
            {"platform": a.platform, "name": a.name, "adopted": list(a.adopted),
             "not_adopted": list(a.not_adopted)} for a in result.adoption
        ],
        "integrations_between_instansi": _share(result.cross_integrations),
        "bypassing_splp": [
            {"instansi": c.instansi, "integration": c.integration, "source": c.source,
             "target": c.target, "target_instansi": c.target_instansi, "via": c.via}
            for c in result.bypassing_splp
        ],
        "shared_dependencies": [
            {"kind": d.kind, "id": d.id, "name": d.name, "instansi": list(d.instansi),
             "applications": d.applications} for d in result.shared_dependencies
        ],
        "published": None if result.published_file is None else {
            "file": result.published_file, "year": result.year,
            "compared": [
                {"instansi": c.instansi, "published_name": c.published_name, "year": c.year,
                 "published": c.published_index, "predikat": c.published_predikat,
                 "estimate": c.estimate, "difference": c.difference,
                 "domains": [{"id": d.id, "name": d.name, "published": d.published,
                              "estimate": d.estimate, "difference": d.difference,
                              "sources": d.sources} for d in c.domains]}
                for c in result.published
            ],
            "unpublished": result.unpublished,
        },
        "broken": [
            {"path": b.path, "name": b.name, "reason": b.reason,
             "findings": [finding_dict(f) for f in b.findings]} for b in result.broken
        ],
    }


def portfolio_html(result: PortfolioResult, *, title: str, version: str) -> str:
    """The portfolio as one self-contained page: inline CSS and script (allowed by its hash),
    search and sorting on every table, no request."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("spbe_arch.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",)),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["names"] = lambda ids: [result.name(i) for i in ids]
    script = files("spbe_arch.report").joinpath("templates/portfolio.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return env.get_template("portfolio.html").render(
        r=result, title=title, version=version, script=script, script_hash=f"sha256-{digest}",
        columns=COLUMNS, cells=_cells, share=share_text, known=_known, listed=listed,
        sign=_sign, sources=_sources, findings_text=findings_text,
    )
