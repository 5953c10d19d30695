"""Duplicate applications: aplikasi khusus doing the same job, or the job of an aplikasi umum."""

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..io import national_platforms
from ..model import ApplicationKind, Finding, PlatformKind, Severity
from ..validate import finding, rule
from .flows import integration_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["aplikasi_khusus_duplicating_aplikasi_umum", "duplicate_applications"]


def _quoted(ids) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def _realizers(view, active: frozenset[str]) -> dict[str, list[str]]:
    """Service -> the applications of `active` realizing it, sorted; services with none left out."""
    out = {}
    for service, apps in view.in_rel.get("realizes", {}).items():
        chosen = [app for app in apps if app in active]
        if chosen:
            out[service] = chosen
    return out


def _indistinct(view, apps: list[str]) -> list[tuple[str, ...]]:
    """Groups of applications of one service that no distinct RAA code tells apart."""
    if len(apps) < 2:
        return []
    if any(view.element(a).ref is None for a in apps):
        return [tuple(apps)]
    by_ref: dict[str, list[str]] = defaultdict(list)
    for app in apps:
        by_ref[view.element(app).ref].append(app)
    return [tuple(group) for _, group in sorted(by_ref.items()) if len(group) > 1]


@rule("SPBE-A007", name="duplicate-applications", since="0.1", severity=Severity.warning)
def duplicate_applications(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports two or more active aplikasi khusus that carry the same RAA code (`ref`), or that
    realize the same service with no RAA code telling them apart (one of them has no `ref`).
    Applications that realize one service under different RAA codes complement each other
    (a SIMPUS and a SIMRS both serve health) and are not reported. One finding per group, on
    the first application by id; the reasons are merged when a group shares both. Duplicates
    of an aplikasi umum are SPBE-A008.

    ## Why is this bad?
    Each duplicate costs a budget line, a server and a team, and splits the data of one service
    over two systems. Reducing duplicate applications is national SPBE policy (Indonesia runs
    tens of thousands of government applications, many doing the same job).

    ## Example
    ```yaml
    services:
      - {id: layanan-perizinan, kind: public, owner: dpmptsp,
         applications: [sicantik, e-izin]}
    ```
    Use instead: retire one of them (`status: retired`) or give each a distinct service.
    """
    view = integration_view(graph)
    khusus_ids = [a for a in view.active_ids if view.element(a).kind is ApplicationKind.khusus]
    khusus = frozenset(khusus_ids)
    reasons: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for service, apps in sorted(_realizers(view, khusus).items()):
        for group in _indistinct(view, apps):
            reasons[group].append(f"realize layanan '{service}'")
    by_ref: dict[str, list[str]] = defaultdict(list)
    for app in khusus_ids:
        ref = view.element(app).ref
        if ref is not None:
            by_ref[ref].append(app)
    for ref, apps in sorted(by_ref.items()):
        if len(apps) > 1:
            reasons[tuple(apps)].append(f"share RAA code '{ref}'")
    for apps in sorted(reasons):
        yield finding(
            "SPBE-A007",
            f"aplikasi {_quoted(apps)} duplicate each other: they {' and '.join(reasons[apps])}",
            element=apps[0],
            hint="keep one application per service; retire or merge the others",
            related=apps[1:],
        )


@rule(
    "SPBE-A008",
    name="aplikasi-khusus-duplicating-aplikasi-umum",
    since="0.1",
    severity=Severity.warning,
)
def aplikasi_khusus_duplicating_aplikasi_umum(graph: "nx.MultiDiGraph") -> Iterator[Finding]:
    """## What it does
    Reports an active aplikasi khusus that realizes a service also realized by an active
    aplikasi umum, or whose RAA code (`ref`) is that of an active aplikasi umum of the model or
    of a national aplikasi umum in the catalog (`models/platforms.yaml`).

    ## Why is this bad?
    Aplikasi umum (SIPD, SRIKANDI, SIASN, ...) are designated nationally so that every instansi
    uses the same system; a local application for the same job must be retired in favour of
    it, and the SPBE evaluation scores the use of aplikasi umum.

    ## Example
    ```yaml
    applications:
      - {id: srikandi-kab, kind: umum, platform: srikandi, owner: setda}
      - {id: e-surat, kind: khusus, owner: diskominfo}
    services:
      - {id: layanan-persuratan, kind: administration, owner: setda,
         applications: [srikandi-kab, e-surat]}
    ```
    Use instead: retire `e-surat` and use `srikandi-kab`.
    """
    view = integration_view(graph)
    umum_refs: dict[str, list[str]] = defaultdict(list)
    for pid, platform in sorted(national_platforms().items()):
        if platform.kind is PlatformKind.aplikasi_umum and platform.ref is not None:
            umum_refs[platform.ref].append(pid)
    for app in view.active_ids:
        element = view.element(app)
        if element.kind is ApplicationKind.umum and element.ref is not None:
            umum_refs[element.ref].append(app)
    reasons: dict[str, list[str]] = defaultdict(list)
    duplicated: dict[str, set[str]] = defaultdict(set)
    for service, apps in sorted(_realizers(view, view.active_apps).items()):
        umum = [a for a in apps if view.element(a).kind is ApplicationKind.umum]
        if not umum:
            continue
        for app in apps:
            if view.element(app).kind is ApplicationKind.khusus:
                reasons[app].append(f"realizes layanan '{service}' like {_quoted(umum)}")
                duplicated[app].update(umum)
    for app in view.active_ids:
        element = view.element(app)
        if element.kind is ApplicationKind.khusus and element.ref in umum_refs:
            same = umum_refs[element.ref]
            reasons[app].append(f"has the RAA code '{element.ref}' of {_quoted(same)}")
            duplicated[app].update(same)
    for app in sorted(reasons):
        yield finding(
            "SPBE-A008",
            f"aplikasi khusus '{app}' duplicates an aplikasi umum: it "
            + " and ".join(reasons[app]),
            element=app,
            hint="use the aplikasi umum and retire the local application",
            related=tuple(sorted(duplicated[app])),
        )
