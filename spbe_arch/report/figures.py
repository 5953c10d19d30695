"""The diagrams the report draws: which views, of what, and how each is captioned.

A diagram that cannot be drawn (no engine, too many boxes for one page) keeps its place with
the reason and the command that draws it on its own.
"""

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..io import SpbeError
from ..model.types import Status
from .svg import inline_svg

if TYPE_CHECKING:
    from ..graph import ArchGraph

__all__ = ["DRAWN_LIMIT", "LAYERED_LIMIT", "Diagram", "diagrams"]

LAYERED_LIMIT = 60
"""The report draws the whole layered view up to this many elements, else one unit's."""

DRAWN_LIMIT = 500
"""The report draws a diagram of up to this many applications (the integration map and the
landscape show all of the model's; the impact view those of one data centre). For more, it
gives the command to draw it on its own: no page shows thousands of boxes, and laying them
out takes minutes (a national PDN hosting 7,800 applications took graphviz over 8 minutes and
7 GB)."""


@dataclass(frozen=True)
class Diagram:
    key: str
    title: str
    sub: str
    caption: str
    command: str
    svg: str | None
    reason: str = ""


def diagrams(graph: "ArchGraph", model: str, lang: str) -> tuple[list[Diagram], str]:
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
    if layered_size <= LAYERED_LIMIT:
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
        if applications > DRAWN_LIMIT:
            reason = (
                f"not drawn in the report: {holder} {applications} applications, more than "
                f"one page shows ({DRAWN_LIMIT}); draw it on its own with the command below"
            )
            diagrams.append(Diagram(key, title, sub, caption, command, None, reason))
            continue
        try:
            source = build_diagram(graph, key, **options).source
            if engine is None:
                raise SpbeError("no Graphviz engine: install graphviz or graphviz-pure")
            svg = render(source, "svg", engine=engine).decode("utf-8")
        except SpbeError as exc:
            diagrams.append(Diagram(key, title, sub, caption, command, None, str(exc)))
            continue
        diagrams.append(
            Diagram(key, title, sub, caption, command, inline_svg(svg, f"d-{key}", label=title))
        )
    return diagrams, engine.name if engine else ""
