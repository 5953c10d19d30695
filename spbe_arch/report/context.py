"""The report's context: everything the report shows, gathered once, typed.

`gather` builds each section (`sections`, `figures`, `roadmap`) and assembles a `ReportContext`; the
jinja2 templates only format it (`pages`). A section whose analysis refuses the model with
`SpbeError` (e.g. an unknown framework) is marked unavailable with the reason, never dropped
silently; any other exception fails the report with `SectionFailed`, naming the section.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .. import __version__
from ..io import SpbeError
from ..io.aside import aside
from ..model import Severity
from ..model.i18n import gettext as _
from .figures import Diagram
from .figures import diagrams as figures
from .labels import COLLECTIONS, SEVERITY, TEXT
from .roadmap import RoadmapSection, planned_steps, roadmap_section
from .sections import (
    AuditSection,
    MaturitySection,
    RuleGroup,
    audit_section,
    inventory,
    maturity_section,
    rule_groups,
)
from .summary import Summary, executive_summary

if TYPE_CHECKING:
    from ..graph import ArchGraph
    from ..validate import ValidationResult

__all__ = ["LANGS", "ReportContext", "SectionFailed", "gather"]

LANGS = ("id", "en")

T = TypeVar("T")


class SectionFailed(SpbeError):
    """A report section broke on something other than the model: a bug, reported as such."""


@dataclass
class ReportContext:
    """Everything the report shows; the templates only format it."""

    lang: str
    t: dict[str, str]
    sub: dict[str, str]
    sev: dict[str, str]
    title: str
    instansi: str
    level: str
    to_be: str
    """For a model of a target architecture (`Instansi.to_be`), the notice saying so; else ''."""
    region: str
    generated: str
    """The date the report was made, written out in its language ('2 Desember 2026')."""
    version: str
    model: str
    counts: list[tuple[str, str]]
    errors: int
    warnings: int
    validation: list[RuleGroup]
    summary: Summary
    audit: AuditSection
    maturity: MaturitySection
    roadmap: RoadmapSection
    diagrams: list[Diagram]
    engine: str
    explorer: str
    """The model's elements, their links and impacts as JSON, for the explorer's script."""
    inventory_html: str
    """The inventory's tables (`sections.inventory`: applications per unit, hosting,
    integrations) as the page shows them."""
    inventory_markdown: str
    """The same tables as the Markdown twin shows them."""

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def provisional(self) -> bool:
        """The model has errors: its index is not a headline, only a provisional figure."""
        return self.errors > 0


def gather(
    result: "ValidationResult",
    *,
    lang: str = "id",
    model: str = "MODEL",
    diagrams: bool = True,
    generated: str | None = None,
    framework: str | None = None,
    graph: "ArchGraph | None" = None,
) -> ReportContext:
    """Collect what the report shows from a loaded model.

    Parameters
    ----------
    result : ValidationResult
        From `spbe_arch.validate.load_model`; its findings form the validation section.
    lang : {"id", "en"}
        Language of the report: titles, labels, messages and the executive summary.
    model : str
        How the model folder is named in the commands the report quotes.
    diagrams : bool
        Render the diagrams (needs `dot` or `graphviz-pure`).
    generated : str, optional
        The date printed in the report (default today, ISO format).
    framework : str, optional
        Framework id or file of the maturity section (default: the instansi's). A framework
        asked for that cannot be loaded stops the report (`SpbeError`), where the instansi's
        own only makes the section unavailable.
    graph : ArchGraph, optional
        The model's graph, when the caller has it (`spbe_arch.graph.load_graph`); built here
        otherwise.

    Raises
    ------
    SectionFailed
        A section broke for another reason than its analysis refusing the model (a bug).
    SpbeError
        Unknown `lang`, or a `framework` that cannot be loaded.
    """
    if lang not in LANGS:
        raise SpbeError(_("unknown language '{lang}'; use one of: {langs}").format(
            lang=lang, langs=", ".join(LANGS)))
    from ..model.i18n import use_language

    with use_language(lang):
        return _gather(result, lang, model, diagrams, generated, framework, graph)


def _gather(
    result: "ValidationResult", lang: str, model: str, diagrams: bool, generated: str | None,
    framework: str | None, graph: "ArchGraph | None",
) -> ReportContext:
    arch = result.architecture
    first, second = (0, 1) if lang == "id" else (1, 0)
    t = {key: pair[first] for key, pair in TEXT.items()}
    sub = {key: pair[second] for key, pair in TEXT.items()}
    instansi = arch.instansi
    counts = [(COLLECTIONS[k][first], str(n) if n else t["not_recorded"])  # unknown, not none
              for k, n in arch.counts().items() if k in COLLECTIONS]
    from ..graph import build_graph

    if graph is None:
        graph = _section("graph", lambda: build_graph(arch))
    # the diagrams, the explorer's data and the inventory's tables read only the graph: a
    # second process makes them while this one audits and assesses (in two processes, each
    # copies the model's pages it touches: more work in all on a machine that has no idle core)
    graph.prepare()
    making = aside(_made_aside, graph, lang, model, diagrams, t, size=len(graph))
    audit = _section(
        "audit",
        lambda: audit_section(graph, lang, result.findings),
        lambda why: AuditSection(False, why),
    )
    maturity = _section(
        "maturity",
        lambda: maturity_section(graph, lang, framework),
        None if framework else lambda why: MaturitySection(False, why),
    )
    roadmap = _section(
        "roadmap",
        lambda: roadmap_section(result, framework=framework),
        None if framework else lambda why: RoadmapSection(False, why),
    )
    if maturity.available:
        maturity.plan = planned_steps(maturity.plan, roadmap)
    validation = rule_groups(result.findings, arch)
    errors = result.count(Severity.error)
    made = making.result()

    return ReportContext(
        lang=lang,
        t=t,
        sub=sub,
        sev={key: pair[first] for key, pair in SEVERITY.items()},
        title=t["report_to_be"].format(year=instansi.to_be)
        if instansi and instansi.to_be else t["report"],
        to_be=t["to_be_notice"].format(year=instansi.to_be)
        if instansi and instansi.to_be else "",
        instansi=instansi.name if instansi else arch.root,
        level=str(instansi.level) if instansi else "",
        region=(instansi.region or "") if instansi else "",
        generated=_long_date(generated or date.today().isoformat(), lang),
        version=__version__,
        model=model,
        counts=counts,
        errors=errors,
        warnings=result.count(Severity.warning),
        validation=validation,
        summary=_section(
            "summary", lambda: executive_summary(
                graph, errors, validation, audit, maturity, roadmap
            )
        ),
        audit=audit,
        maturity=maturity,
        roadmap=roadmap,
        diagrams=made.diagrams,
        engine=made.engine,
        explorer=made.explorer,
        inventory_html=made.inventory_html,
        inventory_markdown=made.inventory_markdown,
    )


class _Made(NamedTuple):
    """What `_gather` asks for aside: drawings, the explorer's data and the inventory's tables,
    rendered (text comes back, not the model nor the inventory's 40,000 rows)."""

    diagrams: list[Diagram]
    engine: str
    explorer: str
    inventory_html: str
    inventory_markdown: str


def _made_aside(graph: "ArchGraph", lang: str, model: str, diagrams: bool, t: dict[str, str]
                ) -> _Made:
    """The diagrams (their layouts run as processes of their own), the explorer's data, and
    the inventory's rows (`inventory`) rendered for the page and for the Markdown twin."""
    from ..model.i18n import use_language
    from .explorer import explorer_data
    from .pages import render_inventory

    with use_language(lang):
        drawn, engine = (
            _section("diagrams", lambda: figures(graph, model, lang)) if diagrams else ([], "")
        )
        explorer = _section("explorer", lambda: explorer_data(graph, lang))
        rows = _section("inventory", lambda: inventory(graph.arch, lang))
        html, markdown = (
            _section("inventory", lambda markdown=markdown: render_inventory(
                t, rows, len(graph.links), markdown=markdown))
            for markdown in (False, True)
        )
        return _Made(drawn, engine, explorer, html, markdown)


def _section(
    name: str, build: Callable[[], T], unavailable: Callable[[str], T] | None = None
) -> T:
    """Build one section. An analysis that cannot run on this model (`SpbeError`) makes the
    section `unavailable` with the reason, where the section has that form; anything else is a
    bug and fails the whole report, naming the section."""
    try:
        return build()
    except SpbeError as exc:
        if unavailable is None:
            raise
        return unavailable(str(exc))
    except Exception as exc:
        raise SectionFailed(_("report section '{name}' failed: {error}").format(
            name=name, error=f"{type(exc).__name__}: {exc}")) from exc


def _long_date(iso: str, lang: str) -> str:
    """An ISO date as the report's readers write it: '2 Desember 2026', 'December 2, 2026'.

    >>> _long_date("2026-12-02", "id"), _long_date("2026-12-02", "en")
    ('2 Desember 2026', 'December 2, 2026')
    """
    from babel.dates import format_date

    return format_date(date.fromisoformat(iso), format="long", locale=lang)
