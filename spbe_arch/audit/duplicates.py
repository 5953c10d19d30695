"""Duplicate applications: aplikasi khusus doing the same job, or the job of an aplikasi umum."""

from collections import defaultdict
from collections.abc import Iterator

from ..graph import ArchGraph, per_graph
from ..io import address_key, name_forms, name_key, national_platforms
from ..model import ApplicationKind, PlatformKind
from ..model.i18n import N_
from ..model.i18n import gettext as _
from ..model.rules import Hit
from ..model.rules import audit as rules
from .integration import quoted
from .registry import check

__all__ = [
    "aplikasi_khusus_duplicating_aplikasi_umum",
    "duplicate_application_groups",
    "duplicate_applications",
    "khusus_duplicating_umum",
]


def _realizers(graph: ArchGraph, active: frozenset[str]) -> dict[str, list[str]]:
    """Service -> the applications of `active` realizing it, sorted; services with none left out."""
    out = {}
    for service in graph.nodes("services"):
        chosen = [app for app in graph.sources(service, "realizes") if app in active]
        if chosen:
            out[service] = chosen
    return out


@per_graph
def duplicate_application_groups(graph: ArchGraph) -> dict[tuple[str, ...], list[str]]:
    """Groups of active aplikasi khusus duplicating each other -> why, sorted by group.

    Two or more share an RAA code, carry one name (case, spacing and punctuation aside: an
    inventory listing "SMS Gateway" three times; an acronym and the long name it spells out
    count as names too: "SIMPUS", "Sistem Informasi Manajemen Puskesmas" and "SIMPUS —
    Sistem Informasi Manajemen Puskesmas", see `spbe_arch.io.name_forms`; a name ending in
    its owner's id, "SIMRS RSUD" of unit `rsud`, is known without it too) or one address
    (`url`, scheme and `www.` aside). A first part that only looks like an acronym is no
    name of its own ("SIMDA — Keuangan" and "SIMDA — BMD" are two modules), and one acronym
    spelt out as two long names names two applications ("SIMPEG — Sistem Informasi
    Pengaduan" is not "Sistem Informasi Manajemen Kepegawaian (SIMPEG)"; a bare "SIMPEG"
    may be either, and joins neither). Realizing one
    service is no such sign: applications complement each other in one service (a pajak
    daerah service run by e-PBB and e-BPHTB), and one without an RAA code is unknown, not the
    same.
    """
    khusus_ids = [
        a for a in graph.active_applications if graph.element(a).kind is ApplicationKind.khusus
    ]
    reasons: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_ref: dict[str, list[str]] = defaultdict(list)
    for app in khusus_ids:
        ref = graph.element(app).ref
        if ref is not None:
            by_ref[ref].append(app)
    for ref, apps in sorted(by_ref.items()):
        if len(apps) > 1:
            reasons[tuple(apps)].append(_("share RAA code '{ref}'").format(ref=ref))
    shares = (
        (N_("share the name '{shown}'"), _names),
        (N_("share the address '{shown}'"),
         lambda a: {key: a.url} if a.url and (key := address_key(a.url)) else {}),
    )
    for what, keys in shares:
        same: dict[str, list[str]] = defaultdict(list)
        shown: dict[str, str] = {}
        for app in khusus_ids:
            for value, text in keys(graph.element(app)).items():
                same[value].append(app)
                shown.setdefault(value, text)
        order = {app: n for n, app in enumerate(khusus_ids)}
        for group, value in _joined([(apps, key) for key, all_apps in same.items()
                                     for apps in _by_long_name(graph, key, all_apps)
                                     if len(apps) > 1]):
            group = sorted(group, key=order.__getitem__)
            reasons[tuple(group)].append(_(what).format(shown=shown[value]))
    return {group: reasons[group] for group in sorted(reasons)}


def _joined(groups: list[tuple[list[str], str]]) -> list[tuple[set[str], str]]:
    """Groups that share a member joined into one ('SIMPUS' with 'SIMPUS — Sistem ...', and
    that with 'Sistem ...': one application listed three ways), each with the key that first
    made it."""
    joined: list[tuple[set[str], str]] = []
    for apps, value in groups:
        members = set(apps)
        touching = [g for g in joined if g[0] & members]
        for group in touching:
            members |= group[0]
            joined.remove(group)
        joined.append((members, touching[0][1] if touching else value))
    return joined


def _names(app) -> dict[str, str]:
    """Key -> text of the names an application is known by: its name, the acronym and long
    name it spells out (a name without a dash or parentheses has no other), and its name
    without its owner's id at its end ('SIMRS RSUD' of unit `rsud`: 'SIMRS')."""
    out = ({name_key(app.name): app.name} if not _SPLITS.intersection(app.name) else
           {name_key(form.text): form.text for form in name_forms(app.name)
            if form.kind == "name" or form.of is not None})
    words = app.name.split()
    if len(words) > 1 and name_key(words[-1]) == name_key(app.owner):
        bare = " ".join(words[:-1])
        out.setdefault(name_key(bare), bare)
    return out


def _by_long_name(graph: ArchGraph, key: str, apps: list[str]) -> list[list[str]]:
    """`apps`, known by the name `key`, as groups of one application each: all of them,
    unless `key` is an acronym they spell out as different long names. Then one group per
    long name, and one of those naming the bare acronym: each may be any of the others."""
    spelt = {app: _long_name(graph.element(app).name, key) for app in apps}
    longs = {long for long in spelt.values() if long is not None}
    if len(longs) < 2:
        return [apps]
    return [[app for app in apps if spelt[app] == long] for long in [*sorted(longs), None]]


def _long_name(name: str, key: str) -> str | None:
    """The key of the long name `name` spells the acronym `key` out as, if it does."""
    if not _SPLITS.intersection(name):
        return None
    return next((name_key(form.of) for form in name_forms(name)
                 if form.kind == "acronym" and form.of is not None
                 and name_key(form.text) == key), None)


_SPLITS = frozenset("-()\u2013\u2014")
"""The characters `name_forms` splits a name at: without one, a name is its only form."""


@per_graph
def khusus_duplicating_umum(graph: ArchGraph) -> dict[str, tuple[list[str], set[str]]]:
    """Active aplikasi khusus doing an aplikasi umum's job -> (why, the aplikasi umum), sorted.

    They realize a service that an aplikasi umum realizes (unless they feed it: `_feeds`), or
    carry the RAA code of an active aplikasi umum of the model or of a national one in the
    catalog.
    """
    umum_refs: dict[str, list[str]] = defaultdict(list)
    for pid, platform in sorted(national_platforms().items()):
        if platform.kind is PlatformKind.aplikasi_umum and platform.ref is not None:
            umum_refs[platform.ref].append(pid)
    for app in graph.active_applications:
        element = graph.element(app)
        if element.kind is ApplicationKind.umum and element.ref is not None:
            umum_refs[element.ref].append(app)
    reasons: dict[str, list[str]] = defaultdict(list)
    duplicated: dict[str, set[str]] = defaultdict(set)
    active = frozenset(graph.active_applications)
    for service, apps in sorted(_realizers(graph, active).items()):
        umum = [a for a in apps if graph.element(a).kind is ApplicationKind.umum]
        if not umum:
            continue
        for app in apps:
            if graph.element(app).kind is not ApplicationKind.khusus:
                continue
            doing = [u for u in umum if not _feeds(graph, app, u)]
            if doing:
                reasons[app].append(
                    _("realizes layanan '{service}' like {umum}").format(
                        service=service, umum=quoted(doing)
                    )
                )
                duplicated[app].update(doing)
    for app in graph.active_applications:
        element = graph.element(app)
        if element.kind is ApplicationKind.khusus and element.ref in umum_refs:
            same = umum_refs[element.ref]
            reasons[app].append(
                _("has the RAA code '{ref}' of {umum}").format(ref=element.ref, umum=quoted(same))
            )
            duplicated[app].update(same)
    return {app: (reasons[app], duplicated[app]) for app in sorted(reasons)}


def _feeds(graph: ArchGraph, app: str, umum: str) -> bool:
    """True when `app` writes data the aplikasi umum reads and does not write, and nothing the
    aplikasi umum writes: it feeds it (e-Planning's plans that SIPD takes in), not does its
    job (e-Office writing the archive SRIKANDI writes)."""
    written = set(graph.targets(app, "writes"))
    own = set(graph.targets(umum, "writes"))
    return not written & own and bool(written & (set(graph.targets(umum, "reads")) - own))


@check(rules.DUPLICATE_APPLICATIONS)
def duplicate_applications(graph: ArchGraph) -> Iterator[Hit]:
    """One hit per group of duplicates, on its first application."""
    for apps, reasons in duplicate_application_groups(graph).items():
        yield Hit(
            apps[0],
            related=apps[1:],
            values={"apps": quoted(apps), "reasons": _(" and ").join(reasons)},
        )


@check(rules.APLIKASI_KHUSUS_DUPLICATING_APLIKASI_UMUM)
def aplikasi_khusus_duplicating_aplikasi_umum(graph: ArchGraph) -> Iterator[Hit]:
    """Each aplikasi khusus doing an aplikasi umum's job."""
    for app, (reasons, umum) in khusus_duplicating_umum(graph).items():
        yield Hit(app, related=tuple(sorted(umum)), values={"reasons": _(" and ").join(reasons)})
