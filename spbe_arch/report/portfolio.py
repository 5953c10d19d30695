"""The portfolio's formats: text, JSON, Markdown and one self-contained HTML page."""

import base64
import hashlib
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ..audit import Known, Share
from ..model.i18n import N_, decimal, language, plural, round_half_up
from ..model.i18n import gettext as _
from ..model.rules import listed
from ..portfolio import FunctionMatch, PortfolioResult
from .audit import share_text
from .findings import cell, finding_dict, findings_text
from .labels import VIA, word

if TYPE_CHECKING:
    from ..model import Finding

__all__ = ["ERRORS_SHOWN", "portfolio_dict", "portfolio_html", "portfolio_markdown",
           "portfolio_text", "portfolio_xlsx"]

COLUMNS = ("rank", "instansi", "level", "elements", "year", "index", "predikat", "index from",
           "SPLP", "JIP", "unintegrated services", "hosting outside PDN/PDD", "data known")
"""The ranking's columns, in every format."""

_TITLES = {
    "rank": N_("rank"), "level": N_("level"), "elements": N_("elements"), "year": N_("year"),
    "index": N_("index"), "index from": N_("index from"),
    "unintegrated services": N_("unintegrated services"),
    "hosting outside PDN/PDD": N_("hosting outside PDN/PDD"), "data known": N_("data known"),
}
"""Column -> its title in the text and Markdown (a catalog message)."""
_NUMBERS = ("rank", "elements", "year", "index")
_MATCHED = {"ref": N_("RAA code '{value}'"), "name": N_("name '{value}'"),
            "acronym": N_("acronym '{value}'"), "long name": N_("long name '{value}'"),
            "description": N_("description")}
"""What joined a duplicate function's applications (a catalog message; JSON keeps English)."""
_SPELLED = N_("acronym '{value}' of '{of}'")
"""An acronym joining names of which one spells it out."""
_DEPENDENCY = {"data centre": N_("data centre"), "vendor": N_("vendor")}
_SOURCES = {"verified": N_("verified"), "claim": N_("claim"), "model": N_("model"),
            "none": N_("unrated")}
"""Where a domain's levels come from (`none`: unrated, at the lowest level)."""


_EMPTY = {"splp": N_("no integrations recorded"), "jip": N_("no units recorded"),
          "services_unintegrated": N_("no services recorded"),
          "hosting_outside": N_("no applications recorded")}
"""What a share column says of a model that records nothing it counts: what is missing, not
'none', which reads as none unintegrated (trial: an empty model looked the best)."""


def column_share(share: Share, column: str) -> str:
    """A share column's cell (`share_text`), saying what the model does not record."""
    return share_text(share, _EMPTY[column])


def _title(column: str) -> str:
    return _(_TITLES.get(column, column))


def _known(known: Known) -> str:
    if not known.of:
        return _("none recorded")
    return _("{part} of {total} ({percent})").format(
        part=known.known, total=known.of, percent=f"{round(100 * known.known / known.of)}%")


def _cells(row, marked: bool = True) -> list[str]:
    """The row's cells as text; a provisional index `marked` so beside its number (the page
    says it on a line of its own)."""
    return [str(row.rank or "-"), row.name, row.level, str(row.elements),
            "-" if row.year is None else str(row.year),
            decimal(row.index) + (" " + _("(provisional)")
                                  if marked and row.shown_provisional else ""),
            "-" if row.shown_provisional else row.predikat, _index_from(row),
            *(column_share(getattr(row, column), column) for column in _EMPTY),
            _known(row.completeness)]


ERRORS_SHOWN = 5
"""The errors a model that could not be assessed shows in the text (all are in the JSON)."""


def _predikat(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def _totals_line(totals) -> str:
    mean = "-" if totals.mean_index is None else decimal(totals.mean_index)
    line = _("{label}: {instansi} instansi, {elements} elements, mean index {mean}; predikat: "
             "{predikat}").format(label=totals.label, instansi=totals.instansi,
                                  elements=totals.elements, mean=mean,
                                  predikat=_predikat(totals.predikat))
    return line + (_left_out(totals) and f"; {_left_out(totals)}")


def _left_out(totals) -> str:
    """'1 model not assessed, left out', or '' when the group left none out; the same of the
    instansi whose index is provisional, or of another year than asked."""
    said = []
    if totals.left_out:
        said.append(plural(totals.left_out, N_("{count} model not assessed, left out"),
                           N_("{count} models not assessed, left out")))
    if totals.provisional:
        said.append(plural(totals.provisional, N_(
            "{count} instansi whose index is provisional left out of the mean and the predikat"),
            N_("{count} instansi whose index is provisional left out of the mean and the "
               "predikat")))
    if totals.with_errors:
        said.append(plural(totals.with_errors, N_(
            "{count} instansi whose model has errors left out of the mean and the predikat"),
            N_("{count} instansi whose model has errors left out of the mean and the predikat")))
    if totals.other_year:
        said.append(plural(totals.other_year, N_(
            "{count} instansi rated for another year left out of the mean and the predikat"),
            N_("{count} instansi rated for another year left out of the mean and the "
               "predikat")))
    return "; ".join(said)


def _legend(result: PortfolioResult) -> list[str]:
    """How to read the ranking: what an indicator without a level counts, and which indexes
    are provisional (resting on fewer than half of the indicators)."""
    lines = [_("an indicator with no level of its own (unrated: no claim, no verified level, "
               "and the model does not show it) counts at level 1, as in the evaluation; the "
               "'index from' column says how many")]
    if any(row.claims_cut for row in result.rows):
        lines.append(_("'self-assessed' is the index the instansi's own claims give; a claim "
                       "cut counts lower than claimed, as it names no bukti dukung or the model "
                       "shows less (spbe-arch maturity MODEL says which and why)"))
    provisional = [row for row in result.rows if row.provisional]
    if provisional:
        lines.append(_(
            "provisional, not ranked and given no predikat (fewer than half of the indicators "
            "have a level of their own): {instansi}").format(instansi=", ".join(
                _("{name} ({rated} of {of})").format(name=row.name, rated=row.rated.known,
                                                     of=row.rated.of) for row in provisional)))
    for rows in result.namesakes:
        lines.append(_("one name under {count} ids, compared as {count} instansi: {instansi}; "
                       "if they are one, give one of the folders").format(
            count=len(rows), instansi=", ".join(f"{row.name} ({row.id}, {row.path})"
                                                for row in rows)))
    flawed = [row for row in result.rows if row.errors and not row.provisional]
    if flawed:
        lines.append(_("errors in the model, estimated on what is valid (as spbe-arch maturity "
                       "does), provisional and not ranked: {instansi}").format(
            instansi=", ".join(row.name for row in flawed)))
    other = [row for row in result.rows if row.other_year and not row.provisional]
    if other:
        lines.append(_(
            "rated for another year than {year} (their assessment entries do not cover it: "
            "their latest year assessed), not ranked and left out of the mean: {instansi}"
        ).format(year=result.year, instansi=", ".join(
            f"{row.name} ({row.year})" if row.year else
            _("{name} (no assessment)").format(name=row.name) for row in other)))
    return lines


def _totals_figures(totals) -> list[str]:
    return [f"SPLP {column_share(totals.splp, 'splp')}",
            f"JIP {column_share(totals.jip, 'jip')}",
            _("unintegrated services {share}").format(
                share=column_share(totals.services_unintegrated, "services_unintegrated")),
            _("hosting outside PDN/PDD {share}").format(
                share=column_share(totals.hosting_outside, "hosting_outside")),
            _("data known {share}").format(share=_known(totals.completeness))]


def _sign(value: float) -> str:
    return ("+" if value >= 0 else "-") + decimal(abs(value))


def _index_from(row) -> str:
    """'self-assessed 4,97, 41 claims cut; 6 model, 41 unrated': what the instansi claims
    beside what its index rests on."""
    sources = _sources(row.sources)
    if row.self_assessed is None:
        return sources
    claimed = _("self-assessed {index}").format(index=decimal(row.self_assessed))
    if row.claims_cut:
        claimed += ", " + plural(row.claims_cut, N_("{count} claim cut"),
                                 N_("{count} claims cut"))
    return f"{claimed}; {sources}"


def _sources(sources: dict[str, int]) -> str:
    """'6 model, 4 unrated': where the levels of a domain's (or an index's) indicators come
    from."""
    return ", ".join(f"{n} {_(_SOURCES.get(source, source))}" for source, n in sources.items())


def _match(match: FunctionMatch, translate=_) -> str:
    template = _SPELLED if match.of else _MATCHED[match.key]
    return translate(template).format(value=match.value, of=match.of)


def _matched(matches: tuple[FunctionMatch, ...]) -> str:
    """"RAA code 'RAA.03.02', name 'SIMPUS'": what joined a duplicate function."""
    return ", ".join(_match(m) for m in matches)


def _dependency(kind: str) -> str:
    return _(_DEPENDENCY.get(kind, kind))


def _sections(result: PortfolioResult) -> list[tuple[str, list[str]]]:
    """The cross-instansi, published and broken sections as (title, lines), for text and
    Markdown alike."""
    name = result.name
    out: list[tuple[str, list[str]]] = []
    out.append((
        _("functions built by several instansi ({count}): candidates for an aplikasi umum or a "
          "shared service").format(count=len(result.duplicates)),
        [_("{function}: {count} instansi ({instansi}); {applications} applications; matched by "
           "{matched}").format(function=d.name, count=len(d.instansi),
                               instansi=listed(list(d.instansi), 8),
                               applications=len(d.applications), matched=_matched(d.matched_by))
         for d in result.duplicates],
    ))
    out.append((
        _("national aplikasi umum used by some instansi and not recorded in the models of the "
          "others ({count})").format(count=len(result.adoption)),
        [_("{platform} ({name}): {used} of {total}; not recorded in the model of {others}").format(
            platform=a.platform, name=a.name, used=len(a.adopted),
            total=len(a.adopted) + len(a.not_recorded),  # of the instansi it is for
            others=listed(list(a.not_recorded), 8)) for a in result.adoption],
    ))
    out.append((
        _("integrations with systems other instansi run (declared under `platforms:`; "
          "national platforms aside): {share} via SPLP; bypassing SPLP ({count})").format(
            share=share_text(result.cross_integrations), count=len(result.bypassing_splp)),
        [f"{name(c.instansi)}: {c.integration} {c.source} -> {c.target}"
         f"{f' ({name(c.target_instansi)})' if c.target_instansi else ''} "
         f"via {word(VIA, c.via, language())}"
         for c in result.bypassing_splp],
    ))
    out.append((
        _("data centres and vendors several instansi depend on ({count})").format(
            count=len(result.shared_dependencies)),
        [_("{kind} {name} ({id}): {count} instansi, {applications} applications "
           "({instansi})").format(kind=_dependency(d.kind), name=d.name, id=d.id,
                                  count=len(d.instansi), applications=d.applications,
                                  instansi=listed(list(d.instansi), 8))
         for d in result.shared_dependencies],
    ))
    if result.published_file is not None:
        lines = []
        for c in result.published:
            lines.append(_(
                "{instansi} ({published_name}, {year}): published {published}, estimate "
                "{estimate}, difference {difference}"
            ).format(instansi=name(c.instansi), published_name=c.published_name, year=c.year,
                     published=f"{decimal(c.published_index)} "
                               f"{c.published_predikat or ''}".rstrip(),
                     estimate=decimal(c.estimate) + (
                         " " + _("(provisional)") if c.provisional else ""),
                     difference=_sign(c.difference)))
            lines += ["  " + _(
                "{id} {name}: published {published}, estimate {estimate}, difference "
                "{difference}; estimate from {sources}"
            ).format(id=d.id, name=d.name, published=decimal(d.published),
                     estimate=decimal(d.estimate), difference=_sign(d.difference),
                     sources=_sources(d.sources)) for d in c.domains]
        if result.unpublished:
            lines.append(_("no published result: {instansi}").format(
                instansi=", ".join(name(i) for i in result.unpublished)))
        lines += result.published_skipped
        year = f", {result.year}" if result.year is not None else ""
        out.append((_("published results ({file}{year})").format(
            file=result.published_file, year=year), lines))
    flawed = [row for row in result.rows if row.errors]
    if flawed:
        lines = []
        for row in flawed:
            lines += _errors(row.path, row.name, row.errors)
        out.append((_("estimated on what is valid, not ranked: errors in the model "
                      "({count})").format(count=len(flawed)), lines))
    if result.broken:
        lines = []
        for model in result.broken:
            if model.reason:
                what = f" ({model.name})" if model.name else ""
                lines.append(f"{model.path}{what}: {model.reason}")
            else:
                lines += _errors(model.path, model.name, model.findings)
        out.append((_("could not be assessed ({count})").format(count=len(result.broken)),
                    lines))
    return out


def _errors(path: str, name: str | None, findings: "tuple[Finding, ...]") -> list[str]:
    """A model's errors: how many, the first `ERRORS_SHOWN`, and the command for the rest
    (an evaluator reads which models, not every typo)."""
    what = f" ({name})" if name else ""
    lines = [f"{path}{what}: " + plural(len(findings), N_("{count} error"),
                                         N_("{count} errors"))]
    lines += ["  " + line for line in findings_text(findings[:ERRORS_SHOWN],
                                                    prefix=f"{path.rstrip('/')}/")]
    if len(findings) > ERRORS_SHOWN:
        lines.append("  " + _("and {count} more: spbe-arch validate {path}").format(
            count=len(findings) - ERRORS_SHOWN, path=path))
    return lines


def portfolio_text(result: PortfolioResult, console) -> None:
    """The portfolio on a rich console: the ranking, totals, then each section."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=_headline(result), title_justify="left")
    for column in COLUMNS:
        table.add_column(_title(column), justify="right" if column in _NUMBERS else "left",
                         overflow="fold")
    for row in result.rows:
        table.add_row(*map(escape, _cells(row)))
    console.print(table)
    for line in _legend(result):
        console.print(escape(line), soft_wrap=True)
    for totals in [result.totals, *result.regions]:
        console.print(escape(_totals_line(totals)))
        console.print(escape("  " + "; ".join(_totals_figures(totals))))
    for title, lines in _sections(result):
        console.print()
        console.print(escape(title))
        for line in lines:
            console.print(escape(f"  {line}"), soft_wrap=True)


def _headline(result: PortfolioResult) -> str:
    """'portfolio: 7 instansi, 2 ranked by estimated index': the others are provisional or of
    another year, listed below the table."""
    return _("portfolio: {count} instansi, {ranked} ranked by estimated index").format(
        count=len(result.rows), ranked=sum(row.ranked for row in result.rows))


def portfolio_markdown(result: PortfolioResult, *, title: str) -> str:
    """The portfolio as Markdown (for a pull request or a wiki page)."""
    lines = [f"# {title}", "", "| " + " | ".join(map(_title, COLUMNS)) + " |",
             "|" + "|".join("---:" if c in _NUMBERS else "---" for c in COLUMNS) + "|"]
    lines += ["| " + " | ".join(map(cell, _cells(row))) + " |" for row in result.rows]
    lines += ["", *(f"_{cell(line)}_" for line in _legend(result)), ""]
    for totals in [result.totals, *result.regions]:
        lines += [f"- **{_totals_line(totals)}**; " + "; ".join(_totals_figures(totals))]
    for heading, items in _sections(result):
        lines += ["", f"## {heading}", ""]
        lines += [f"{'  ' if item.startswith('  ') else ''}- {cell(item.strip())}"
                  for item in items] or ["- " + _("none")]
    return "\n".join(lines) + "\n"


def portfolio_xlsx(result: PortfolioResult) -> bytes:
    """The ranking as an Excel workbook, numbers as numbers (no decimal comma or point for
    a locale to misread), the notes under it: where a province works on, in its own sheets."""
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    shares = {"splp": "SPLP", "jip": "JIP", "services_unintegrated": _title(
        "unintegrated services"), "hosting_outside": _title("hosting outside PDN/PDD")}
    header = [_title("rank"), "id", "instansi", _title("level"), _("region"), _title("elements"),
              _title("year"), _title("index"), "predikat", _("provisional"),
              _("self-assessed"), _("claims cut"), _("indicators with a level"), _("errors")]
    for title in shares.values():
        header += [title, f"{title}: " + _("of"), f"{title}: " + _("not known")]
    header += [_title("data known"), f"{_title('data known')}: " + _("of")]
    book = Workbook()
    sheet = book.active
    sheet.title = _("ranking")[:31]
    sheet.append(header)
    for row in result.rows:
        values: list[Any] = [
            row.rank or None, row.id, row.name, row.level, row.region, row.elements, row.year,
            round_half_up(row.index, 3), None if row.shown_provisional else row.predikat,
            row.shown_provisional,
            None if row.self_assessed is None else round_half_up(row.self_assessed, 3),
            row.claims_cut,
            row.rated.known, len(row.errors)]
        for key in shares:
            share = getattr(row, key)
            values += [share.part, share.total, share.unknown]
        sheet.append([*values, row.completeness.known, row.completeness.of])
    sheet.freeze_panes = "D2"
    for index, column in enumerate(sheet.iter_cols(max_row=len(result.rows) + 1), start=1):
        wide = max(len(str(cell.value)) for cell in column if cell.value is not None)
        sheet.column_dimensions[get_column_letter(index)].width = max(8, min(45, wide + 2))
    sheet.append([])
    for line in _legend(result):
        sheet.append([line])
    left = [(row.path, row.name, "; ".join(f.message for f in row.errors))
            for row in result.rows if row.errors]
    left += [(model.path, model.name, model.reason or "; ".join(
        f.message for f in model.findings)) for model in result.broken]
    if left:  # what the ranking leaves out or ranks not, as the text lists them
        other = book.create_sheet(_("not ranked")[:31])
        other.append([_("folder"), "instansi", _("why")])
        for row in left:
            other.append(list(row))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _share(share: Share) -> dict[str, Any]:
    return share.as_dict()


def portfolio_dict(result: PortfolioResult) -> dict[str, Any]:
    """The stable JSON object of `spbe-arch portfolio --format json`."""
    def totals(t) -> dict[str, Any]:
        return {"label": t.label, "instansi": t.instansi, "elements": t.elements,
                "mean_index": t.mean_index, "predikat": t.predikat, "splp": _share(t.splp),
                "jip": _share(t.jip), "services_unintegrated": _share(t.services_unintegrated),
                "hosting_outside": _share(t.hosting_outside),
                "completeness": t.completeness.as_dict(), "left_out": t.left_out,
                "provisional": t.provisional, "other_year": t.other_year,
                "with_errors": t.with_errors}

    return {
        "instansi": [
            {"rank": r.rank or None, "id": r.id, "name": r.name, "level": r.level,
             "region": r.region,
             "path": r.path, "elements": r.elements, "year": r.year, "index": r.index,
             "predikat": None if r.shown_provisional else r.predikat,
             "provisional": r.shown_provisional, "other_year": r.other_year,
             "errors": [finding_dict(f) for f in r.errors],
             "rated": r.rated.as_dict(),
             "self_assessed": r.self_assessed, "claims_cut": r.claims_cut,
             "domains": {str(d.id): round_half_up(d.score) for d in r.domains},
             "sources": r.sources,
             "splp": _share(r.splp), "jip": _share(r.jip),
             "services_unintegrated": _share(r.services_unintegrated),
             "hosting_outside": _share(r.hosting_outside),
             "completeness": {"all": r.completeness.as_dict(),
                              **{k: v.as_dict() for k, v in r.facts.items()}}}
            for r in result.rows
        ],
        "namesakes": [[row.id for row in rows] for rows in result.namesakes],
        "totals": totals(result.totals),
        "regions": [totals(t) for t in result.regions],
        "duplicate_functions": [
            {"name": d.name,
             "matched_by": [_match(m, str) for m in d.matched_by],
             "instansi": list(d.instansi),
             "applications": [{"instansi": i, "application": a} for i, a in d.applications]}
            for d in result.duplicates
        ],
        "platform_adoption": [
            {"platform": a.platform, "name": a.name, "adopted": list(a.adopted),
             "not_recorded": list(a.not_recorded)} for a in result.adoption
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
                 "provisional": c.provisional,
                 "domains": [{"id": d.id, "name": d.name, "published": d.published,
                              "estimate": d.estimate, "difference": d.difference,
                              "sources": d.sources} for d in c.domains]}
                for c in result.published
            ],
            "unpublished": result.unpublished,
            "skipped": result.published_skipped,
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
    env.filters["num"] = decimal
    env.filters["via"] = lambda via: word(VIA, via, language())
    # a share's sort key: its value; unknown (no total) is '', which the page sorts last
    env.filters["order"] = lambda share: "" if share.value is None else share.value
    script = files("spbe_arch.report").joinpath("templates/portfolio.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return env.get_template("portfolio.html").render(
        r=result, title=title, version=version, script=script, script_hash=f"sha256-{digest}",
        columns=COLUMNS, cells=_cells, share=column_share, known=_known, listed=listed,
        left_out=_left_out,
        sign=_sign, sources=_sources, matched=_matched, dependency=_dependency,
        findings_text=findings_text, title_of=_title, legend=_legend(result), _=_,
        lang=language(),
    )
