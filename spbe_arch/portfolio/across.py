"""What only shows across instansi: functions built again and again by neighbours, national
platforms some models record in use and others do not, integrations between instansi bypassing
SPLP, and data centres or vendors that many instansi depend on.

These are sections of the portfolio's result, not findings: each is about a group of instansi
and a decision above any one of them (make a function an aplikasi umum, move an exchange onto
SPLP, spread a dependency), with no file or line of one model to point at.
"""

from collections import Counter, defaultdict

from ..audit import Share
from ..io import NameForm, name_key, national_platforms
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
_KEYS = ("ref", "name", "acronym", "long name", "description")
"""What joins applications, in the order a group lists them."""


def duplicate_functions(every: list[Traits]) -> list[DuplicateFunction]:
    """Local aplikasi khusus of two or more instansi doing one job, largest groups first.

    Applications are joined when they share an RAA code naming a function (`RAA.xx.yy` or
    deeper: a top-level code is a whole family), a name or a description (case, spacing,
    punctuation and the instansi's own place name aside: 'SIMPUS Kabupaten A' and 'Simpus Kota
    B' are one name), and only keys that two instansi or more share join them. A name is
    known by its acronym and long name too (`spbe_arch.io.name_forms`): 'SIMPUS — Sistem
    Informasi Manajemen Puskesmas' is one with 'SIMPUS' and with 'Sistem Informasi Manajemen
    Puskesmas (SIMPUS)'. An acronym that two names spell out differently joins neither: one
    SIMPAD may manage pendapatan daerah, another pelayanan administrasi desa.
    """
    by_key: dict[tuple[str, str], dict[App, NameForm | None]] = defaultdict(dict)
    names: dict[App, str] = {}
    for traits in every:
        for app in traits.khusus:
            member = (traits.id, app.id)
            names[member] = app.function
            ref = app.ref if app.ref and app.ref.count(".") >= 2 else None
            if ref:
                by_key["ref", ref][member] = None
            for form in app.names:
                key = name_key(form.text)
                if key:  # a name of punctuation only ('—') names nothing
                    by_key["name", key].setdefault(member, form)
            if app.description_key:
                by_key["description", app.description_key][member] = None
    parent: dict[App, App] = {}

    def root(member: App) -> App:
        while parent.get(member, member) != member:
            member = parent[member]
        return member

    shared = []
    for (kind, value), held in by_key.items():
        members = list(held)
        if len({instansi for instansi, _ in members}) < 2:
            continue
        reason = _reason(kind, value, held, names[members[0]])
        if reason is None:
            continue
        shared.append((reason, members))
        first = root(members[0])
        for other in members[1:]:
            top = root(other)
            if top != first:
                parent[top] = first
    groups: dict[App, set[App]] = defaultdict(set)
    reasons: dict[App, set[FunctionMatch]] = defaultdict(set)
    for reason, members in shared:
        top = root(members[0])
        groups[top].update(members)
        reasons[top].add(reason)
    out = []
    for top, members in groups.items():
        counted = Counter(names[m] for m in members)
        name = min(counted, key=lambda n: (-counted[n], n))
        out.append(DuplicateFunction(
            name=name,
            matched_by=_shown(reasons[top]),
            instansi=tuple(sorted({i for i, _ in members})),
            applications=tuple(sorted(members)),
        ))
    return sorted(out, key=lambda d: (-len(d.instansi), d.name))


def _reason(kind: str, value: str, held: dict[App, NameForm | None],
            first_name: str) -> FunctionMatch | None:
    """Why the applications holding one key are joined; None when the key names no one
    function (an acronym spelled out two ways)."""
    if kind == "ref":
        return FunctionMatch("ref", value)
    if kind == "description":
        return FunctionMatch("description")
    forms = [form for form in held.values() if form is not None]
    spelled = {name_key(f.of): f.of for f in forms if f.kind == "acronym" and f.of}
    if len(spelled) > 1:
        return None
    for wanted in ("acronym", "long name"):
        form = next((f for f in forms if f.kind == wanted), None)
        if form is not None:
            return FunctionMatch(wanted, form.text, next(iter(spelled.values()), None)
                                 if wanted == "acronym" else None)
    return FunctionMatch("name", first_name)


def _shown(reasons: set[FunctionMatch]) -> tuple[FunctionMatch, ...]:
    """The reasons in `_KEYS` order, without a long name its acronym's reason already gives."""
    spelled = {name_key(r.of) for r in reasons if r.of}
    kept = [r for r in reasons if not (r.key == "long name" and name_key(r.value) in spelled)]
    return tuple(sorted(kept, key=lambda m: (_KEYS.index(m.key), m.value or "", m.of or "")))


def platform_adoption(every: list[Traits]) -> list[PlatformAdoption]:
    """National aplikasi umum that some instansi's models record in use and the others' do not
    (of the instansi it is for: village finance is no kota's), most adopted first."""
    out = []
    for pid, platform in sorted(national_platforms().items()):
        if platform.kind is not PlatformKind.aplikasi_umum:
            continue
        adopted = tuple(sorted(t.id for t in every if pid in t.umum_used))
        missing = tuple(sorted(t.id for t in every if pid in t.umum_not_recorded))
        if adopted and missing:
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
