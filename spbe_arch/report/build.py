"""The architecture report: one self-contained HTML file and its Markdown twin.

`gather` collects everything the report shows into a typed `ReportContext` (validation,
integration audit, maturity estimate, diagrams, inventories); the jinja2 templates in
`templates/` only format it. A section whose analysis is not installed (or cannot run, e.g. an
unknown framework) is marked unavailable with the reason, never dropped silently.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..io import SpbeError
from ..model import Finding, Severity
from ..model.types import DATA_CENTRE_KINDS, Status
from .chart import bar_chart

if TYPE_CHECKING:
    from ..graph import ArchGraph
    from ..model import Architecture
    from ..validate import ValidationResult

__all__ = [
    "LANGS",
    "ReportContext",
    "gather",
    "render_html",
    "render_markdown",
    "write_report",
]

LANGS = ("id", "en")

_TEXT: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "report": ("Laporan Arsitektur SPBE", "SPBE architecture report"),
    "contents": ("Daftar isi", "Contents"),
    "summary": ("Ringkasan", "Summary"),
    "validation": ("Validasi model", "Model validation"),
    "audit": ("Audit integrasi", "Integration audit"),
    "maturity": ("Tingkat kematangan SPBE", "SPBE maturity"),
    "plan": ("Rencana peningkatan", "Improvement plan"),
    "diagrams": ("Diagram arsitektur", "Architecture diagrams"),
    "inventory": ("Inventaris elemen", "Element inventory"),
    "apps_per_unit": ("Aplikasi per unit kerja", "Applications per unit"),
    "hosting": ("Penempatan aplikasi", "Hosting"),
    "integrations": ("Integrasi", "Integrations"),
    "index": ("Indeks SPBE (estimasi)", "SPBE index (estimate)"),
    "target": ("Target", "Target"),
    "gap": ("Kesenjangan", "Gap"),
    "splp_share": ("Integrasi melalui SPLP", "Integrations through SPLP"),
    "findings": ("Temuan audit", "Audit findings"),
    "errors": ("galat", "errors"),
    "warnings": ("peringatan", "warnings"),
    "infos": ("info", "info"),
    "unavailable": ("Bagian ini tidak tersedia", "This section is not available"),
    "no_findings": ("Tidak ada temuan.", "No findings."),
    "model_ok": ("Model valid: tidak ada galat.", "The model is valid: no errors."),
    "model_errors": (
        "Model memiliki galat; laporan hanya memuat elemen yang valid.",
        "The model has errors; the report covers the valid elements only.",
    ),
    "counts": ("Jumlah elemen", "Element counts"),
    "metrics": ("Indikator cakupan", "Coverage metrics"),
    "metric": ("Ukuran", "Metric"),
    "value": ("Nilai", "Value"),
    "domain": ("Domain", "Domain"),
    "weight": ("Bobot", "Weight"),
    "score": ("Nilai", "Score"),
    "self": ("Mandiri", "Self-assessed"),
    "verified": ("Terverifikasi", "Verified"),
    "model_level": ("Model", "Model"),
    "counted": ("Dihitung", "Counted"),
    "why": ("Alasan", "Why"),
    "year": ("Tahun", "Year"),
    "columns": ("Indeks per kolom", "Index by column"),
    "trajectory": ("Lintasan indeks per tahun", "Index trajectory by year"),
    "indicator": ("Indikator", "Indicator"),
    "level": ("Tingkat", "Level"),
    "source": ("Sumber", "Source"),
    "step": ("Langkah", "Step"),
    "gain": ("Kenaikan indeks", "Index gain"),
    "effort": ("Upaya", "Effort"),
    "actions": ("Tindakan", "Actions"),
    "plan_reach": ("Indeks setelah rencana", "Index after the plan"),
    "no_plan": ("Target sudah tercapai; tidak ada langkah.", "Target reached; no steps."),
    "severity": ("Tingkat", "Severity"),
    "where": ("Lokasi", "Where"),
    "element": ("Elemen", "Element"),
    "message": ("Pesan", "Message"),
    "unit": ("Unit kerja", "Unit"),
    "application": ("Aplikasi", "Application"),
    "kind": ("Jenis", "Kind"),
    "status": ("Status", "Status"),
    "platform": ("Platform nasional", "National platform"),
    "datacentre": ("Pusat data", "Data centre"),
    "networks": ("Jaringan", "Networks"),
    "apps_hosted": ("Aplikasi", "Applications"),
    "no_hosting": ("Aplikasi aktif tanpa penempatan", "Active applications without hosting"),
    "no_apps": ("Unit tanpa aplikasi", "Units without applications"),
    "from": ("Dari", "From"),
    "to": ("Ke", "To"),
    "via": ("Mekanisme", "Mechanism"),
    "network": ("Jaringan", "Network"),
    "data": ("Data", "Data"),
    "generated": ("Dibuat", "Generated"),
    "framework": ("Kerangka evaluasi", "Framework"),
    "command": ("Perintah", "Command"),
    "rule": ("Aturan", "Rule"),
    "chart": ("Nilai per domain", "Score per domain"),
    "indicators": ("Penilaian per indikator", "Rating per indicator"),
    "unrated": (
        "Indikator tanpa bukti dan tanpa penilaian mandiri dihitung pada tingkat terendah",
        "Indicators with neither evidence nor self-assessment count at the lowest level",
    ),
    "estimate_note": (
        "Estimasi dari model dan penilaian mandiri; bukan hasil evaluasi resmi KemenPANRB.",
        "An estimate from the model and the self-assessment, not the official evaluation.",
    ),
    "see_html": ("lihat index.html", "see index.html"),
}

_COLLECTIONS = {
    "units": ("Unit kerja", "Units"),
    "business_processes": ("Proses bisnis", "Business processes"),
    "services": ("Layanan", "Services"),
    "data": ("Data", "Data sets"),
    "applications": ("Aplikasi", "Applications"),
    "infrastructure": ("Infrastruktur", "Infrastructure"),
    "security": ("Keamanan", "Security controls"),
    "integrations": ("Integrasi", "Integrations"),
    "roadmap": ("Peta rencana", "Roadmap items"),
}

_METRICS = {
    "integrations_via_splp": ("Integrasi melalui SPLP", "Integrations through SPLP"),
    "cross_unit_integrations_via_splp": (
        "Integrasi lintas unit/instansi melalui SPLP",
        "Cross-unit and national integrations through SPLP",
    ),
    "units_on_jip": ("Unit terhubung JIP", "Units connected to JIP"),
    "services_fully_integrated": ("Layanan terintegrasi penuh", "Services fully integrated"),
}

_STATUS = {
    "active": ("aktif", "active"),
    "planned": ("direncanakan", "planned"),
    "development": ("pengembangan", "in development"),
    "retired": ("dihentikan", "retired"),
}
_LAYERED_LIMIT = 60
"""The report draws the whole layered view up to this many elements, else one unit's."""

_DRAWN_LIMIT = 500
"""The report draws a diagram of up to this many applications (the integration map and the
landscape show all of the model's; the impact view those of one data centre). For more, it
gives the command to draw it on its own: no page shows thousands of boxes, and laying them
out takes minutes (a national PDN hosting 7,800 applications took graphviz over 8 minutes and
7 GB)."""


@dataclass(frozen=True)
class FindingRow:
    severity: str
    code: str
    where: str
    element: str
    message: str
    hint: str


@dataclass(frozen=True)
class RuleGroup:
    """The findings of one rule."""

    code: str
    name: str
    summary: str
    severity: str
    rows: list[FindingRow]


@dataclass(frozen=True)
class MetricRow:
    label: str
    sub: str
    part: int
    total: int
    percent: str


@dataclass
class AuditSection:
    available: bool
    reason: str = ""
    metrics: list[MetricRow] = field(default_factory=list)
    groups: list[RuleGroup] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    splp: MetricRow | None = None


@dataclass(frozen=True)
class DomainRow:
    name: str
    weight: float
    score: float


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    name: str
    domain: str
    level: int
    level_name: str
    source: str
    self_level: str
    verified: str
    model: str
    why: str


@dataclass(frozen=True)
class ColumnIndex:
    label: str
    value: float | None


@dataclass(frozen=True)
class YearRow:
    year: int
    indices: list[ColumnIndex]
    predikat: str


@dataclass(frozen=True)
class PlanRow:
    step: int
    indicator: str
    name: str
    from_level: int
    to_level: int
    to_level_name: str
    gain: float
    effort: str
    actions: tuple[str, ...]


@dataclass
class MaturitySection:
    available: bool
    reason: str = ""
    framework: str = ""
    year: int | None = None
    columns: list[ColumnIndex] = field(default_factory=list)
    trajectory: list[YearRow] = field(default_factory=list)
    trajectory_svg: str = ""
    index: float = 0.0
    predikat: str = ""
    target: float | None = None
    gap: float | None = None
    domains: list[DomainRow] = field(default_factory=list)
    chart_svg: str = ""
    indicators: list[IndicatorRow] = field(default_factory=list)
    plan: list[PlanRow] = field(default_factory=list)
    plan_reach: float = 0.0
    plan_predikat: str = ""
    unrated: int = 0


@dataclass(frozen=True)
class Diagram:
    key: str
    title: str
    sub: str
    caption: str
    command: str
    svg: str | None
    reason: str = ""


@dataclass(frozen=True)
class AppRow:
    id: str
    name: str
    kind: str
    platform: str
    status: str
    hosting: str


@dataclass(frozen=True)
class UnitApps:
    unit: str
    apps: list[AppRow]


@dataclass(frozen=True)
class HostingRow:
    id: str
    name: str
    kind: str
    provider: str
    networks: str
    apps: list[str]


@dataclass(frozen=True)
class IntegrationRow:
    id: str
    source: str
    target: str
    via: str
    network: str
    network_kind: str
    data: str
    status: str


@dataclass
class ReportContext:
    """Everything the report shows; the templates only format it."""

    lang: str
    t: dict[str, str]
    sub: dict[str, str]
    title: str
    instansi: str
    level: str
    region: str
    generated: str
    version: str
    model: str
    counts: list[tuple[str, int]]
    errors: int
    warnings: int
    validation: list[FindingRow]
    audit: AuditSection
    maturity: MaturitySection
    diagrams: list[Diagram]
    engine: str
    units: list[UnitApps]
    units_without_apps: list[str]
    hosting: list[HostingRow]
    unhosted: list[str]
    integrations: list[IntegrationRow]

    @property
    def ok(self) -> bool:
        return self.errors == 0


def _row(item: Finding, arch: "Architecture") -> FindingRow:
    loc = item.location
    where = f"{loc.file}:{loc.line}" if loc and loc.line else (loc.file if loc else "")
    element = ""
    if item.element:
        name = arch.name_of(item.element)
        element = item.element if name == item.element else f"{name} ({item.element})"
    return FindingRow(
        item.severity.value, item.code, where, element, item.message, item.hint or ""
    )


_UNAVAILABLE = (ImportError, AttributeError, TypeError, SpbeError)
"""What makes an analysis section unavailable rather than the report fail: the module is not
installed, its interface differs from the one this report reads, or it cannot run (e.g. an
unknown framework). The reason is printed in the section and by the CLI."""


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, SpbeError | ImportError) else f"{type(exc).__name__}: {exc}"


def _share(key: str, share: Any, lang: str) -> MetricRow:
    label_id, label_en = _METRICS[key]
    label, sub = (label_id, label_en) if lang == "id" else (label_en, label_id)
    percent = f"{100 * share.part / share.total:.0f}%" if share.total else "-"
    return MetricRow(label, sub, share.part, share.total, percent)


def _audit(graph: "ArchGraph", lang: str) -> AuditSection:
    try:
        return _audit_section(graph, lang)
    except _UNAVAILABLE as exc:
        return AuditSection(False, reason=_reason(exc))


def _audit_section(graph: "ArchGraph", lang: str) -> AuditSection:
    from ..audit import audit
    from ..model.rules import RULES

    arch = graph.arch
    result = audit(graph)
    rows = [_share(key, getattr(result.metrics, key), lang) for key in _METRICS]
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for item in result.findings:
        by_code[item.code].append(item)
    groups = []
    for code, items in by_code.items():
        rule = RULES.get(code)
        worst = max(items, key=lambda f: f.severity.rank).severity
        groups.append(
            RuleGroup(
                code,
                rule.name if rule else code,
                rule.summary if rule else "",
                worst.value,
                [_row(item, arch) for item in items],
            )
        )
    groups.sort(key=lambda g: (-Severity(g.severity).rank, g.code))
    counts = Counter(f.severity.value for f in result.findings)
    return AuditSection(
        True,
        metrics=rows,
        groups=groups,
        counts={s.value: counts.get(s.value, 0) for s in Severity},
        splp=rows[0],
    )


def _maturity(graph: "ArchGraph", lang: str, framework: str | None) -> MaturitySection:
    """The maturity section; a framework that cannot be loaded stops the report (SpbeError)."""
    try:
        return _maturity_section(graph, lang, framework)
    except (ImportError, AttributeError, TypeError) as exc:
        return MaturitySection(False, reason=_reason(exc))


def _maturity_section(graph: "ArchGraph", lang: str, ref: str | None) -> MaturitySection:
    from ..maturity import assess

    result = assess(graph, ref)
    framework = result.framework
    domain_names = {d.id: d.name if lang == "id" or not d.english else d.english
                    for d in framework.domains}
    domains = [DomainRow(domain_names[d.id], d.weight, d.score) for d in result.domains]
    index_label = "Indeks SPBE" if lang == "id" else "SPBE index"
    chart = bar_chart(
        [*((d.name, d.score) for d in domains), (index_label, result.index)],
        maximum=float(framework.max_level),
        target=result.target,
        title=_TEXT["chart"][0 if lang == "id" else 1],
        highlight_last=True,
    )
    indicators = [
        IndicatorRow(
            r.id,
            r.name if lang == "id" or not r.english else r.english,
            domain_names.get(r.domain, str(r.domain)),
            r.level,
            r.level_name,
            str(r.source),
            _level(r.self_level),
            _level(r.verified_level),
            _level(r.model_level),
            r.why,
        )
        for r in result.indicators
    ]
    first = 0 if lang == "id" else 1
    labels = {"self": _TEXT["self"][first], "verified": _TEXT["verified"][first],
              "model": _TEXT["model_level"][first], "counted": _TEXT["counted"][first]}

    def columns(indices) -> list[ColumnIndex]:
        return [ColumnIndex(labels[c], getattr(indices, c)) for c in labels]

    trajectory = [YearRow(t.year, columns(t.indices), t.predikat) for t in result.trajectory]
    trajectory_svg = ""
    if len(trajectory) > 1:
        trajectory_svg = bar_chart(
            [(f"{t.year} {labels[c]}", getattr(t.indices, c)) for t in result.trajectory
             for c in ("self", "counted") if getattr(t.indices, c) is not None],
            maximum=float(framework.max_level),
            target=result.target,
            title=_TEXT["trajectory"][first],
        )
    plan = [
        PlanRow(
            number,
            step.indicator,
            step.name,
            step.from_level,
            step.to_level,
            step.to_level_name,
            step.index_gain,
            str(step.effort),
            step.actions,
        )
        for number, step in enumerate(result.plan, start=1)
    ]
    return MaturitySection(
        True,
        framework=result.framework_name,
        year=result.year,
        columns=columns(result.indices),
        trajectory=trajectory,
        trajectory_svg=trajectory_svg,
        index=result.index,
        predikat=result.predikat,
        target=result.target,
        gap=result.gap,
        domains=domains,
        chart_svg=chart,
        indicators=indicators,
        plan=plan,
        plan_reach=result.plan_reach,
        plan_predikat=result.plan_predikat,
        unrated=len(result.unrated),
    )


def _level(value: int | None) -> str:
    return "-" if value is None else str(value)


_SVG_START = re.compile(r"<svg\b")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ID = re.compile(r'\b(id|xlink:href|href)="(#?)([^"]*)"')
_SIZE = re.compile(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


def inline_svg(svg: str, prefix: str, *, label: str) -> str:
    """Graphviz SVG made fit to inline in HTML: no prolog or comments, ids prefixed (several
    diagrams share one page), scaled by CSS to the page width, labelled for screen readers."""
    start = _SVG_START.search(svg)
    body = _COMMENT.sub("", svg[start.start() :] if start else svg)

    def prefixed(match: re.Match) -> str:
        attr, hash_, value = match.groups()
        if attr != "id" and not hash_:
            return match.group(0)
        return f'{attr}="{hash_}{prefix}-{value}"'

    body = _ID.sub(prefixed, body)
    size = _SIZE.search(body)
    if size:
        width, height = (round(float(v) * 4 / 3) for v in size.groups())
        body = _SIZE.sub(
            f'<svg class="diagram" width="{width}" height="{height}" role="img" '
            f'aria-label="{_attr(label)}"',
            body,
            count=1,
        )
    return body.strip()


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _diagrams(graph: "ArchGraph", model: str, lang: str) -> tuple[list[Diagram], str]:
    from ..diagrams import diagram as build_diagram
    from ..diagrams import find_engine, render

    arch = graph.arch
    engine = find_engine()
    plan: list[tuple[str, str, str, str, dict[str, str]]] = [
        (
            "integration",
            "Peta integrasi",
            "Integration map",
            "SPLP sebagai penghubung; garis merah putus-putus: data dipakai tanpa integrasi. "
            "SPLP as the hub; dashed red: data used with no integration.",
            {},
        ),
        (
            "landscape",
            "Lanskap aplikasi",
            "Application landscape",
            "Aplikasi per unit kerja dan platform nasional yang dipakai. "
            "Applications per unit and the national platforms in use.",
            {},
        ),
    ]
    layered_size = sum(
        len(graph.nodes(kind))
        for kind in ("business_processes", "services", "applications", "data")
    )
    if layered_size <= _LAYERED_LIMIT:
        plan.append(
            (
                "layered",
                "Arsitektur berlapis",
                "Layered view",
                "Proses bisnis, layanan, aplikasi, data, infrastruktur. "
                "Business process, service, application, data, infrastructure.",
                {},
            )
        )
    else:
        owners = Counter(app.owner for app in arch.applications.values() if app.owner in arch.units)
        if owners:
            unit = min(owners, key=lambda u: (-owners[u], u))
            plan.append(
                (
                    "layered",
                    f"Arsitektur berlapis: {arch.name_of(unit)}",
                    f"Layered view of one unit ({layered_size} elements in the whole model)",
                    "Unit dengan aplikasi terbanyak; gunakan --unit atau --service untuk unit "
                    "lain. The unit with the most applications; use --unit or --service for "
                    "others.",
                    {"unit": unit},
                )
            )
    hosts = Counter(
        app.hosting
        for app in arch.applications.values()
        if app.hosting and app.status is Status.active
    )
    if hosts:
        host = min(hosts, key=lambda h: (-hosts[h], h))
        name = graph.name(host)
        plan.append(
            (
                "impact",
                f"Analisis dampak: {name} gagal",
                f"Impact of a failure of {name}",
                f"Pusat data yang menampung aplikasi aktif terbanyak ({hosts[host]}). "
                f"The data centre hosting the most active applications ({hosts[host]}).",
                {"element": host},
            )
        )
    diagrams = []
    shown = {  # how many applications each view would show, and of what
        "integration": (len(arch.applications), "the model has"),
        "landscape": (len(arch.applications), "the model has"),
        "impact": (max(hosts.values(), default=0), "the data centre hosts"),
    }
    for key, title, sub, caption, options in plan:
        if lang == "en":
            title, sub = sub, title
        flags = "".join(f" --{k} {v}" for k, v in options.items())
        command = f"spbe-arch diagram {model} --view {key}{flags} -o {key}.svg"
        applications, holder = shown.get(key, (0, ""))
        if applications > _DRAWN_LIMIT:
            reason = (
                f"not drawn in the report: {holder} {applications} applications, more than "
                f"one page shows ({_DRAWN_LIMIT}); draw it on its own with the command below"
            )
            diagrams.append(Diagram(key, title, sub, caption, command, None, reason))
            continue
        try:
            source = build_diagram(graph, key, **options).source
            if engine is None:
                raise SpbeError("no Graphviz engine: install graphviz or graphviz-pure")
            svg = render(source, "svg", engine=engine).decode("utf-8")
        except (ImportError, SpbeError) as exc:
            diagrams.append(Diagram(key, title, sub, caption, command, None, str(exc)))
            continue
        diagrams.append(
            Diagram(key, title, sub, caption, command, inline_svg(svg, f"d-{key}", label=title))
        )
    return diagrams, engine.name if engine else ""


def _inventory(arch: "Architecture", lang: str) -> dict[str, Any]:
    from ..io import national_platforms

    platforms = national_platforms()

    def status(value: Status) -> str:
        return _STATUS[str(value)][0 if lang == "id" else 1]

    def network_kind(network: str | None) -> str:
        """JIP, internet, intranet or VPN: the kind of network, short, for tables."""
        element = arch.infrastructure.get(network or "")
        if element is not None:
            kind = str(element.kind)
            return {"jip": "JIP", "vpn": "VPN"}.get(kind, kind)
        return "JIP" if network in platforms else (network or "")

    def name(element_id: str | None) -> str:
        """The element's name, a national platform's name, else the id as written."""
        if not element_id:
            return ""
        if element_id not in arch.sources and element_id in platforms:
            return platforms[element_id].name
        return arch.name_of(element_id)

    by_unit: dict[str, list[AppRow]] = defaultdict(list)
    for app in arch.applications.values():
        by_unit[app.owner].append(
            AppRow(
                app.id,
                app.name,
                str(app.kind),
                name(app.platform),
                status(app.status),
                name(app.hosting),
            )
        )
    units = [
        UnitApps(
            f"{name(unit)}" if unit in arch.units else unit,
            sorted(rows, key=lambda r: (r.name.casefold(), r.id)),
        )
        for unit, rows in by_unit.items()
    ]
    units.sort(key=lambda u: u.unit.casefold())
    without = sorted((u.name for u in arch.units.values() if u.id not in by_unit), key=str.casefold)

    hosted: dict[str, list[str]] = defaultdict(list)
    unhosted = []
    for app in arch.applications.values():
        if app.hosting:
            hosted[app.hosting].append(app.name)
        elif app.status is Status.active and not app.platform:
            unhosted.append(app.name)
    hosting = []
    for infra in arch.infrastructure.values():
        if infra.kind in DATA_CENTRE_KINDS:
            hosting.append(
                HostingRow(
                    infra.id,
                    infra.name,
                    str(infra.kind),
                    infra.provider or "",
                    ", ".join(name(n) for n in infra.networks),
                    sorted(hosted.get(infra.id, []), key=str.casefold),
                )
            )
    for host in sorted(set(hosted) - set(arch.infrastructure)):
        hosting.append(
            HostingRow(host, name(host), "national", "", "", sorted(hosted[host], key=str.casefold))
        )
    hosting.sort(key=lambda h: (-len(h.apps), h.name.casefold()))

    integrations = sorted(
        (
            IntegrationRow(
                item.id,
                name(item.source),
                name(item.target),
                str(item.via),
                name(item.network) if item.network else "",
                network_kind(item.network),
                ", ".join(name(d) for d in item.data),
                status(item.status),
            )
            for item in arch.integrations.values()
        ),
        key=lambda r: (r.source.casefold(), r.target.casefold(), r.id),
    )
    return {
        "units": units,
        "units_without_apps": without,
        "hosting": hosting,
        "unhosted": sorted(unhosted, key=str.casefold),
        "integrations": integrations,
    }


def gather(
    result: "ValidationResult",
    *,
    lang: str = "id",
    model: str = "MODEL",
    diagrams: bool = True,
    generated: str | None = None,
    framework: str | None = None,
) -> ReportContext:
    """Collect what the report shows from a loaded model.

    Parameters
    ----------
    result : ValidationResult
        From `spbe_arch.validate.load_model`; its findings form the validation section.
    lang : {"id", "en"}
        Language of titles and labels; the other language is shown as subtitles.
    model : str
        How the model folder is named in the commands the report quotes.
    diagrams : bool
        Render the diagrams (needs `dot` or `graphviz-pure`).
    generated : str, optional
        The date printed in the report (default today, ISO format).
    framework : str, optional
        Framework id or file of the maturity section (default: the instansi's).

    Raises
    ------
    SpbeError
        Unknown `lang`, or a framework that cannot be loaded (never a report that silently
        leaves the maturity section out).
    """
    if lang not in LANGS:
        raise SpbeError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    arch = result.architecture
    first, second = (0, 1) if lang == "id" else (1, 0)
    t = {key: pair[first] for key, pair in _TEXT.items()}
    sub = {key: pair[second] for key, pair in _TEXT.items()}
    instansi = arch.instansi
    counts = [(_COLLECTIONS[k][first], n) for k, n in arch.counts().items() if k in _COLLECTIONS]
    from ..graph import build_graph

    graph = build_graph(arch)
    if diagrams:
        drawn, engine = _diagrams(graph, model, lang)
    else:
        drawn, engine = [], ""
    return ReportContext(
        lang=lang,
        t=t,
        sub=sub,
        title=t["report"],
        instansi=instansi.name if instansi else arch.root,
        level=str(instansi.level) if instansi else "",
        region=(instansi.region or "") if instansi else "",
        generated=generated or date.today().isoformat(),
        version=__version__,
        model=model,
        counts=counts,
        errors=result.count(Severity.error),
        warnings=result.count(Severity.warning),
        validation=[_row(item, arch) for item in result.findings],
        audit=_audit(graph, lang),
        maturity=_maturity(graph, lang, framework),
        diagrams=drawn,
        engine=engine,
        **_inventory(arch, lang),
    )


_TICKS = re.compile(r"`([^`]+)`")


def _ticks(text: str) -> Any:
    """HTML-escape `text` and show `quoted` parts as code (rule texts use Markdown ticks)."""
    from markupsafe import Markup, escape

    return Markup(_TICKS.sub(r"<code>\1</code>", str(escape(text))))


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("spbe_arch.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    env.filters["ticks"] = _ticks
    env.filters["num"] = lambda value, digits=2: f"{value:.{digits}f}"
    return env


def render_html(context: ReportContext) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no script, no fetch)."""
    return _environment().get_template("index.html").render(c=context)


def render_markdown(context: ReportContext) -> str:
    """The report as Markdown (tables; diagrams are referred to by their commands)."""
    return _environment().get_template("report.md").render(c=context)


def write_report(
    result: "ValidationResult",
    folder: Path,
    *,
    lang: str = "id",
    model: str = "MODEL",
    force: bool = False,
    generated: str | None = None,
    framework: str | None = None,
) -> tuple[ReportContext, list[Path]]:
    """Write `index.html` and `report.md` into `folder`; return the context and the paths.

    Raises
    ------
    SpbeError
        A file exists and `force` is not set, a file cannot be written, `lang` is unknown, or
        the framework cannot be loaded.
    """
    from ..io.write import write_atomic

    targets = [folder / "index.html", folder / "report.md"]
    if not force:
        for path in targets:
            if path.exists():
                raise SpbeError(f"{path}: already exists; use --force to overwrite it")
    context = gather(result, lang=lang, model=model, generated=generated, framework=framework)
    write_atomic(targets[0], render_html(context), force=force)
    write_atomic(targets[1], render_markdown(context), force=force)
    return context, targets
