"""What only shows across instansi: functions built again and again by neighbours, national
platforms some use and others not, integrations between instansi bypassing SPLP, and data
centres or vendors that many instansi depend on.

These are sections of the portfolio's result, not findings: each is about a group of instansi
and a decision above any one of them (make a function an aplikasi umum, move an exchange onto
SPLP, spread a dependency), with no file or line of one model to point at.
"""

from collections import Counter, defaultdict

from ..audit import Share
from ..io import national_platforms
from ..model import PlatformKind
from ..model.types import IntegrationVia
from .instansi import Traits, instansi_key
from .result import (
    CrossIntegration,
    DuplicateFunction,
    FunctionMatch,
    PlatformAdoption,
    SharedDependency,
)

__all__ = ["cross_integrations", "duplicate_functions", "platform_adoption", "shared_dependencies"]

App = tuple[str, str]
"""(instansi id, application id)."""
_KEYS = ("ref", "name", "description")
"""What joins applications, in the order a group lists them."""


def duplicate_functions(every: list[Traits]) -> list[DuplicateFunction]:
    """Local aplikasi khusus of two or more instansi doing one job, largest groups first.

    Applications are joined when they share an RAA code naming a function (`RAA.xx.yy` or
    deeper: a top-level code is a whole family), a name or a description (case, spacing,
    punctuation and the instansi's own place name aside: 'SIMPUS Kabupaten A' and 'Simpus Kota
    B' are one name), and only keys that two instansi or more share join them.
    """
    by_key: dict[tuple[str, str], list[App]] = defaultdict(list)
    names: dict[App, str] = {}
    for traits in every:
        for app in traits.khusus:
            member = (traits.id, app.id)
            names[member] = app.function
            ref = app.ref if app.ref and app.ref.count(".") >= 2 else None
            for kind, value in (("ref", ref), ("name", app.name_key),
                                ("description", app.description_key)):
                if value:
                    by_key[kind, value].append(member)
    parent: dict[App, App] = {}

    def root(member: App) -> App:
        while parent.get(member, member) != member:
            member = parent[member]
        return member

    shared = []
    for key, members in by_key.items():
        if len({instansi for instansi, _ in members}) < 2:
            continue
        shared.append((key, members))
        first = root(members[0])
        for other in members[1:]:
            top = root(other)
            if top != first:
                parent[top] = first
    groups: dict[App, set[App]] = defaultdict(set)
    reasons: dict[App, set[FunctionMatch]] = defaultdict(set)
    for (kind, value), members in shared:
        top = root(members[0])
        groups[top].update(members)
        shown = names[members[0]] if kind == "name" else value
        reasons[top].add(FunctionMatch(kind, None if kind == "description" else shown))
    out = []
    for top, members in groups.items():
        counted = Counter(names[m] for m in members)
        name = min(counted, key=lambda n: (-counted[n], n))
        out.append(DuplicateFunction(
            name=name,
            matched_by=tuple(sorted(reasons[top], key=lambda m: (_KEYS.index(m.key), m.value))),
            instansi=tuple(sorted({i for i, _ in members})),
            applications=tuple(sorted(members)),
        ))
    return sorted(out, key=lambda d: (-len(d.instansi), d.name))


def platform_adoption(every: list[Traits]) -> list[PlatformAdoption]:
    """National aplikasi umum that some instansi use and others do not, most adopted first."""
    ids = sorted(t.id for t in every)
    out = []
    for pid, platform in sorted(national_platforms().items()):
        if platform.kind is not PlatformKind.aplikasi_umum:
            continue
        adopted = tuple(sorted(t.id for t in every if pid in t.umum_used))
        if 0 < len(adopted) < len(ids):
            missing = tuple(sorted(set(ids) - set(adopted)))
            out.append(PlatformAdoption(pid, platform.name, adopted, missing))
    return sorted(out, key=lambda a: (-len(a.adopted), a.platform))


def cross_integrations(every: list[Traits]) -> tuple[Share, list[CrossIntegration]]:
    """Integrations between instansi: how many go through SPLP, and those that do not.

    An integration is between instansi when its target is a platform the model declares itself
    (`platforms:`, a system another instansi runs). Its instansi is the portfolio's instansi
    named as the platform's operator, else the one instansi of the portfolio with an
    application of that id.
    """
    by_name = {instansi_key(t.name): t.id for t in every}
    holders: dict[str, list[str]] = defaultdict(list)
    for traits in every:
        for app in traits.applications:
            holders[app].append(traits.id)
    total = splp = 0
    bypassing = []
    for traits in every:
        for link in traits.links:
            total += 1
            if link.via == IntegrationVia.splp:
                splp += 1
                continue
            other = by_name.get(instansi_key(link.operator)) if link.operator else None
            others = [i for i in holders.get(link.target, ()) if i != traits.id]
            if other is None and len(others) == 1:
                other = others[0]
            bypassing.append(CrossIntegration(traits.id, link.id, link.source, link.target,
                                              other or link.operator, link.via))
    return Share(splp, total), sorted(bypassing, key=lambda c: (c.instansi, c.integration))


def shared_dependencies(every: list[Traits]) -> list[SharedDependency]:
    """Data centres (national or run by another instansi) and vendors hosting applications of
    two or more instansi, those most depended on first."""
    found: dict[tuple[str, str], tuple[str, set[str], list[int]]] = {}
    for traits in every:
        for key, (name, count) in traits.hosts.items():
            entry = found.setdefault(key, (name, set(), [0]))
            entry[1].add(traits.id)
            entry[2][0] += count
    out = [
        SharedDependency(kind, key, name, tuple(sorted(instansi)), apps[0])
        for (kind, key), (name, instansi, apps) in found.items()
        if len(instansi) > 1
    ]
    return sorted(out, key=lambda d: (-len(d.instansi), -d.applications, d.kind, d.name))
