"""The diagrams the report draws: which views, of what, and how each is captioned.

A diagram that cannot be drawn (no engine, too many boxes for one page) keeps its place with
the reason and the command that draws it on its own.
"""

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..io import SpbeError
from ..model.i18n import gettext as _
from ..model.i18n import language, use_language
from ..model.types import Status
from .svg import inline_svg
from .tiles import print_tiles

if TYPE_CHECKING:
    from ..diagrams import Engine
    from ..graph import ArchGraph

__all__ = [
    "DRAWN_LIMIT", "INTEGRATION_SPLIT", "LAYERED_LIMIT", "OVERVIEW_UNITS", "UNIT_MAPS",
    "Diagram", "diagrams",
]

LAYERED_LIMIT = 60
"""The report draws the whole layered view up to this many elements, else one unit's."""

DRAWN_LIMIT = 500
"""The report draws a diagram of up to this many applications (the integration map and the
landscape show all of the model's; the impact view those of one data centre). For more, it
gives the command to draw it on its own: no page shows thousands of boxes, and laying them
out takes minutes (a national PDN hosting 7,800 applications took graphviz over 8 minutes and
7 GB)."""


INTEGRATION_SPLIT = 30
"""Up to this many applications the report draws the whole integration map; above, an
overview between units and one map per unit (folded in the page)."""

OVERVIEW_UNITS = 80
"""The report draws the overview between units for up to this many units; above, it gives
the command (an overview of 870 units is no overview, and takes graphviz a minute)."""

UNIT_MAPS = 40
"""At most this many units get their own integration map in the report (those with the most
integrations); the others are listed with the command that draws theirs."""

@dataclass(frozen=True)
class Diagram:
    key: str
    title: str
    sub: str
    caption: str
    command: str
    svg: str | None
    reason: str = ""
    folded: bool = False
    """Shown folded under its overview (one unit's map)."""
    printable: bool = True
    """Prints with its text at 7 pt or more (on one page, or on `tiles`)."""
    tiles: tuple[str, ...] = ()
    """For print only, when the diagram needs several pages: SVGs each showing one part of it
    (by reference to the drawing, which is not repeated)."""


def _integration_plan(graph: "ArchGraph", side: int) -> list[tuple]:
    """The integration map, or for a large model the overview and one map per unit."""
    from .explorer import unit_names

    apps = graph.nodes("applications")
    if len(apps) <= INTEGRATION_SPLIT:
        return [(
            "integration", ("Peta integrasi", "Integration map")[side],
            (
                "Setiap integrasi dari sumber ke tujuan; hijau: melalui SPLP, jingga: langsung, "
                "abu-abu: manual atau login bersama, merah putus-putus: data dipakai tanpa "
                "integrasi.",
                "Each integration from source to target; green: through SPLP, amber: direct, "
                "grey: manual or shared login, dashed red: data used with no integration.",
            )[side],
            {}, False,
        )]
    plan = [(
        "overview", ("Peta integrasi antarunit", "Integrations between units")[side],
        (
            "Jumlah integrasi antara unit kerja dan dengan platform nasional, menurut jalurnya; "
            "peta tiap unit kerja ada di bawah.",
            "The number of integrations between units and with national platforms, by route; "
            "each unit's map follows.",
        )[side],
        {}, False,
    )]
    busy: Counter = Counter()
    for edge in graph.integrations.values():
        for end in (edge.source, edge.target):
            owner = graph.owner(end) if graph.kind(end) == "applications" else None
            if owner:
                busy[owner] += 1
    for flow in graph.flow_gaps:
        owner = graph.owner(flow.consumer)
        if owner:
            busy[owner] += 1
    chosen = sorted(busy, key=lambda u: (-busy[u], u))[:UNIT_MAPS]
    named = unit_names(graph)  # the id beside a name other units share (21 Dinkes)
    for unit in sorted(chosen, key=lambda u: (graph.name(u).casefold(), u)):
        plan.append((
            f"integration-{unit}", named[unit],
            ("Integrasi aplikasi unit kerja ini.", "The integrations of this unit.")[side],
            {"unit": unit}, True,
        ))
    return plan


def diagrams(graph: "ArchGraph", model: str, lang: str) -> tuple[list[Diagram], str]:
    from ..diagrams import diagram as build_diagram
    from ..diagrams import find_engine
    from .explorer import unit_names

    arch = graph.arch
    engine = find_engine()
    side = 0 if lang == "id" else 1
    plan: list[tuple] = _integration_plan(graph, side)
    plan.append((
        "landscape", ("Lanskap aplikasi", "Application landscape")[side],
        (
            "Aplikasi per unit kerja dan platform nasional yang dipakai.",
            "Applications per unit and the national platforms in use.",
        )[side],
        {}, False,
    ))
    layered_size = sum(
        len(graph.nodes(kind))
        for kind in ("business_processes", "services", "applications", "data")
    )
    if layered_size <= LAYERED_LIMIT:
        plan.append((
            "layered", ("Arsitektur berlapis", "Layered view")[side],
            (
                "Proses bisnis, layanan, aplikasi, data, infrastruktur.",
                "Business process, service, application, data, infrastructure.",
            )[side],
            {}, False,
        ))
    else:
        owners = Counter(app.owner for app in arch.applications.values() if app.owner in arch.units)
        if owners:
            unit = min(owners, key=lambda u: (-owners[u], u))
            named = unit_names(graph)[unit]
            plan.append((
                "layered",
                (f"Arsitektur berlapis: {named}", f"Layered view: {named}")[side],
                (
                    f"Unit kerja dengan aplikasi terbanyak ({layered_size} elemen dalam seluruh "
                    "model); gunakan --unit atau --service untuk yang lain.",
                    f"The unit with the most applications ({layered_size} elements in the whole "
                    "model); use --unit or --service for others.",
                )[side],
                {"unit": unit}, False,
            ))
    hosts = Counter(
        app.hosting
        for app in arch.applications.values()
        if app.hosting and app.status is Status.active
    )
    if hosts:
        host = min(hosts, key=lambda h: (-hosts[h], h))
        name = graph.name(host)
        plan.append((
            "impact", (f"Analisis dampak: {name} gagal", f"Impact of a failure of {name}")[side],
            (
                f"Pusat data yang menampung aplikasi aktif terbanyak ({hosts[host]}).",
                f"The data centre hosting the most active applications ({hosts[host]}).",
            )[side],
            {"element": host}, False,
        ))
    diagrams: list[Diagram] = []
    pending: list[tuple[int, str]] = []  # (index in diagrams, DOT source) to lay out
    in_model = _(
        "not drawn in the report: the model has {count} applications, more than one page "
        "shows ({limit}); draw it on its own with the command below"
    )
    shown = {  # how many applications each view would show, and why it is not drawn
        "integration": (len(arch.applications), in_model),
        "overview": (0, ""),  # limited by units, below
        "landscape": (len(arch.applications), in_model),
        "impact": (max(hosts.values(), default=0), _(
            "not drawn in the report: the data centre hosts {count} applications, more than "
            "one page shows ({limit}); draw it on its own with the command below"
        )),
    }
    for key, title, caption, options, folded in plan:
        view = "integration" if key.startswith("integration") else key
        flags = "".join(f" --{k} {v}" for k, v in options.items())
        command = f"spbe-arch diagram {model} --view {view}{flags} -o {key}.svg"
        applications, too_many = shown.get(key, (0, ""))
        units = len(graph.nodes("units"))
        if key == "overview" and units > OVERVIEW_UNITS:
            reason = _(
                "not drawn in the report: the model has {count} units, more than one overview "
                "shows ({limit}); each unit's map follows, and the command below draws the "
                "overview on its own"
            ).format(count=units, limit=OVERVIEW_UNITS)
            diagrams.append(Diagram(key, title, "", caption, command, None, reason, folded))
            continue
        if applications > DRAWN_LIMIT:
            reason = too_many.format(count=applications, limit=DRAWN_LIMIT)
            diagrams.append(Diagram(key, title, "", caption, command, None, reason, folded))
            continue
        try:
            # a report in Indonesian is in one language; in English the diagrams' Indonesian
            # labels keep their English glosses
            source = build_diagram(graph, view, glosses=lang != "id", **options).source
            if engine is None:
                raise SpbeError(_("no Graphviz engine: install graphviz or graphviz-pure"))
        except SpbeError as exc:
            diagrams.append(Diagram(key, title, "", caption, command, None, str(exc), folded))
            continue
        diagrams.append(Diagram(key, title, "", caption, command, None, "", folded))
        pending.append((len(diagrams) - 1, source))
    # the layout engine runs as a process per diagram: run them side by side
    lang = language()  # the worker threads start in the default language
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        drawn = list(pool.map(lambda job: _svg(job[1], engine, lang), pending))
    for (index, _source), svg in zip(pending, drawn, strict=True):
        first = diagrams[index]
        if isinstance(svg, SpbeError):
            diagrams[index] = replace(first, reason=str(svg))
            continue
        printable, tiles = print_tiles(svg, f"d-{first.key}")
        diagrams[index] = replace(
            first, svg=inline_svg(svg, f"d-{first.key}", label=first.title),
            printable=printable, tiles=() if first.folded else tiles,
        )
    return diagrams, engine.name if engine else ""


def _svg(source: str, engine: "Engine", lang: str) -> "str | SpbeError":
    """The SVG of a DOT source, or the error that stopped its layout (written in `lang`)."""
    from ..diagrams import render

    try:
        with use_language(lang):
            return render(source, "svg", engine=engine).decode("utf-8")
    except SpbeError as exc:
        return exc
