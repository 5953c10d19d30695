"""Reference checks: every id a field names exists and is of a kind that field accepts."""

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from itertools import chain
from operator import attrgetter
from typing import Any, get_origin

from ..io.unit_names import unit_key
from ..model import COLLECTIONS, Architecture, Finding, Location, PlatformKind, Source
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from ..model.rules import finding, listed
from ..model.rules import validation as codes
from ..model.types import NETWORK_KINDS, ApplicationKind

__all__ = ["REFERENCES", "check_references"]

ANY = "any"
NETWORK = "network"
DATA_CENTRE = "data_centre"
NATIONAL = "national"

REFERENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "units": {"parent": ("units",), "networks": (NETWORK,)},
    "business_processes": {"owner": ("units",), "services": ("services",)},
    "services": {"owner": ("units",), "applications": ("applications",)},
    "data": {"steward": ("units",), "producer": ("applications",)},
    "applications": {
        "owner": ("units",),
        "hosting": (DATA_CENTRE,),
        "reads": ("data",),
        "writes": ("data",),
    },
    "infrastructure": {"networks": (NETWORK,), "platform": (NATIONAL,)},
    "security": {"covers": (ANY,)},
    "integrations": {
        "source": ("applications",),
        "target": ("applications", NATIONAL),
        "data": ("data",),
        "network": (NETWORK,),
    },
    "roadmap": {"elements": (ANY,)},
    "archimate_relationships": {"source": (ANY,), "target": (ANY,)},
}
"""Collection -> reference field -> the kinds of element it may name."""

_KIND_WORDS = {
    "units": N_("unit"),
    "business_processes": N_("business process"),
    "services": N_("service"),
    "data": N_("data set"),
    "applications": N_("application"),
    "security": N_("security control"),
    "integrations": N_("integration"),
    "roadmap": N_("roadmap item"),
    NETWORK: N_("network"),
    DATA_CENTRE: N_("data centre"),
    NATIONAL: N_("national platform"),
    ANY: N_("element"),
}
"""The kind of element each reference names (for messages)."""

_NATIONAL_AS = {
    NETWORK: {PlatformKind.network},
    DATA_CENTRE: {PlatformKind.data_centre},
    NATIONAL: set(PlatformKind),
}


def check_references(
    arch: Architecture,
    catalog: dict,
    invalid_ids: dict[str, Source],
    unread: dict[str, Location] | None = None,
    partial: dict[str, dict[str, Any]] | None = None,
    unnamed: list[tuple[Source, Any]] | None = None,
) -> Iterator[Finding]:
    """Yield dangling, wrong-kind, self-integration, platform and cycle findings.

    Each reference field is checked for all elements of a collection at once against the set
    of ids it accepts; only the few references outside that set are examined one by one.

    Parameters
    ----------
    arch
        The loaded model; its own `platforms` count as national platforms.
    catalog
        The shipped national platforms by id (`spbe_arch.io.national_platforms()`).
    invalid_ids
        Ids of elements that exist but failed validation: references to them are fine.
    unread
        Ids written in files that could not be parsed -> the syntax error's location. The
        references to them are not reported one by one but counted, in one finding per file.
    partial
        Collection -> id -> what of an invalid element validated (`build.partial_element`):
        its references are checked too, so that one run reports them with its type errors.
    unnamed
        Where an element no reference can name was written (an invalid one with no id, or
        one whose id another took first), and what of it validated: its references are
        checked too, and their findings name no element.
    """
    if partial:
        arch = _with_partial(arch, partial, invalid_ids)
    platforms = {**arch.platforms, **catalog}
    unread = unread or {}
    accepted = _accepted_ids(arch, platforms, invalid_ids)
    suggest = _suggester(accepted, unread, arch)
    unresolved: dict[Location, list[str]] = defaultdict(list)
    for collection, fields in REFERENCES.items():
        elements = arch.collections[collection]
        if not elements:
            continue
        model = COLLECTIONS[collection]
        for field, allowed in fields.items():
            is_list = get_origin(model.model_fields[field].annotation) is list
            ok = accepted(allowed)
            for element_id in _outside(elements, field, ok, is_list=is_list):
                yield from _field_findings(
                    arch, platforms, invalid_ids, arch.sources[element_id], element_id, field,
                    allowed, getattr(elements[element_id], field), ok, unread, unresolved,
                    suggest,
                )
    for source, element in unnamed or ():
        for field, allowed in REFERENCES.get(source.collection, {}).items():
            value = getattr(element, field)
            yield from _field_findings(
                arch, platforms, invalid_ids, source, None, field, allowed, value,
                accepted(allowed), unread, unresolved, suggest,
            )
    yield from _unread_findings(unresolved)
    yield from _clashing_platforms(arch, catalog)
    yield from _platform_findings(arch, platforms, invalid_ids, unnamed or ())
    yield from _self_integrations(arch, unnamed or ())
    yield from _infrastructure_ends(arch, platforms)
    yield from _parent_cycles(arch)


def _with_partial(arch: Architecture, partial: dict[str, dict[str, Any]],
                  invalid_ids: dict[str, Source]) -> Architecture:
    """A view of `arch` for the checks here only: its elements and the invalid ones' valid
    parts, each where it was written."""
    collections = {name: {**elements, **partial.get(name, {})}
                   for name, elements in arch.collections.items()}
    added = {i: invalid_ids[i] for elements in partial.values() for i in elements}
    return replace(arch, collections=collections, sources={**arch.sources, **added})


def _outside(elements: dict, field: str, ok: set[str], *, is_list: bool) -> list[str]:
    """Ids of the elements whose `field` names something outside `ok` (None is fine).

    The values of all elements are collected and compared as sets first (at C speed): in a
    valid model nothing is outside, and the elements are looked at one by one only otherwise.
    """
    values = map(attrgetter(field), elements.values())
    named = set(chain.from_iterable(values)) if is_list else set(values)
    named.discard(None)
    bad = named - ok
    if not bad:
        return []
    if is_list:
        return [i for i, element in elements.items() if not bad.isdisjoint(getattr(element, field))]
    return [i for i, element in elements.items() if getattr(element, field) in bad]


def _accepted_ids(
    arch: Architecture, platforms: dict, invalid_ids: dict[str, Source]
) -> Callable[[tuple[str, ...]], set[str]]:
    """A function: the kinds a field accepts -> the ids `_problem` finds no problem with.

    Ids of elements that failed validation are accepted (their own findings say what is
    wrong); an id of the model hides a national platform with the same id, as in `_kind_of`.
    """
    by_kind: dict[str, set[str]] = {NATIONAL: set(), NETWORK: set(), DATA_CENTRE: set()}
    for platform_id, platform in platforms.items():
        if platform_id in arch.sources:
            continue
        by_kind[NATIONAL].add(platform_id)
        for kind, national in _NATIONAL_AS.items():
            if kind != NATIONAL and platform.kind in national:
                by_kind[kind].add(platform_id)
    for infra_id, infra in arch.infrastructure.items():
        by_kind[NETWORK if infra.kind in NETWORK_KINDS else DATA_CENTRE].add(infra_id)
    cache: dict[tuple[str, ...], set[str]] = {}

    def accepted(allowed: tuple[str, ...]) -> set[str]:
        if allowed not in cache:
            ids = set(invalid_ids)
            if ANY in allowed:
                ids.update(arch.sources, by_kind[NATIONAL])
            for kind in allowed:
                ids.update(by_kind.get(kind) or arch.collections.get(kind, ()))
            cache[allowed] = ids
        return cache[allowed]

    return accepted


def _field_findings(
    arch, platforms, invalid_ids, source, element_id, field, allowed, value, ok, unread,
    unresolved, suggest,
) -> Iterator[Finding]:
    """The findings of one reference field of the element written at `source` (`element_id`
    None: an element with no id)."""
    targets = value if isinstance(value, list) else [value]
    for position, target in enumerate(targets):
        if target is None or target in ok:
            continue
        if _unread(arch, platforms, unread, target, ok):
            unresolved[unread[target]].append(target)  # one finding per unreadable file
            continue
        problem = _problem(arch, platforms, invalid_ids, target, allowed,
                           lambda t, a: suggest(t, a, element_id))
        if problem is None:
            continue
        code, message, hint = problem
        other = arch.integrations.get(element_id) if element_id else None
        national = (source.collection == "integrations" and field in ("source", "target")
                    and _kind_of(arch, platforms, target) == NATIONAL)
        if national and platforms[target].kind.is_infrastructure:
            hint = _(_INFRASTRUCTURE_HINTS[platforms[target].kind]).format(
                application=(other.target if other else None) or "...", platform=target)
        elif national and field == "source":
            hint = _("write the link from the application that asks '{platform}' (source: "
                     "{application}, target: {platform}): what a national platform answers "
                     "reaches the application that reads it").format(
                platform=target, application=other.target if other else "...")
        key_path = (source.collection, source.index, field)
        if isinstance(value, list):
            key_path = (*key_path, position)
        yield finding(
            code,
            _("{field}: {problem}").format(field=field, problem=message),
            element=element_id,
            location=Location(source.file, key_path=key_path),
            hint=hint,
            subject=f"{field}: {target}",
        )


def _unread(arch, platforms, unread, target, ok) -> bool:
    """True for a reference to an id that only a file with a syntax error defines."""
    return bool(unread) and target in unread and target not in ok and (
        _kind_of(arch, platforms, target) is None
    )


def _kind_of(arch: Architecture, platforms: dict, target: str) -> str | None:
    kind = arch.kind_of(target)
    if kind == "infrastructure":
        infra = arch.infrastructure[target]
        return NETWORK if infra.kind in NETWORK_KINDS else DATA_CENTRE
    if kind is None and target in platforms:
        return NATIONAL
    return kind


def _problem(arch, platforms, invalid_ids, target, allowed, suggest):
    if target in invalid_ids:
        return None
    kind = _kind_of(arch, platforms, target)
    wanted = _(" or ").join(_(_KIND_WORDS[a]) for a in allowed if a != ANY) or _(
        _KIND_WORDS[ANY]
    )
    if kind is None:
        return (
            codes.DANGLING_REFERENCE,
            _("'{target}' is not defined in the model").format(target=target),
            suggest(target, allowed)
            + _("define it, or name an existing {wanted}").format(wanted=wanted),
        )
    if ANY in allowed or kind in allowed:
        return None
    if kind == NATIONAL:
        platform_kind = platforms[target].kind
        if any(platform_kind in _NATIONAL_AS.get(a, ()) for a in allowed):
            return None
    return (
        codes.WRONG_REFERENCE_KIND,
        _("'{target}' is {kind}, expected {wanted}").format(
            target=target, kind=_a(_(_KIND_WORDS.get(kind, kind))), wanted=_a(wanted)
        ),
        _("name {wanted} here").format(wanted=_a(wanted)),
    )


def did_you_mean(word: str, candidates: Collection[str]) -> str:
    """"did you mean 'x'? " for the closest candidate, or "" when none is close.

    Close means a similarity of at least 0.6 (2 x common characters in order / total length,
    difflib's measure); among equals the first in sorted order wins. rapidfuzz rather than
    difflib: over the 19,613 application ids of the national benchmark model difflib takes
    0.39 s per dangling reference, rapidfuzz 4.5 ms (`benchmarks/suggest.py`).

    Examples
    --------
    >>> did_you_mean("dpmpstp", ["dpmptsp", "dinkes"]), did_you_mean("x", ["dinkes"])
    ("did you mean 'dpmptsp'? ", '')
    >>> did_you_mean("DINKES", ["dinkes", "disdik"])  # case aside
    "did you mean 'dinkes'? "
    """
    from rapidfuzz import fuzz, process

    ordered = candidates if isinstance(candidates, list) else sorted(candidates)
    close = process.extractOne(word, ordered, scorer=fuzz.ratio, score_cutoff=60,
                               processor=str.casefold)  # 'DINKES' finds 'dinkes'
    return _("did you mean '{name}'? ").format(name=close[0]) if close else ""


def _unread_findings(unresolved: dict[Location, list[str]]) -> Iterator[Finding]:
    for where, targets in sorted(unresolved.items(), key=lambda item: item[0].file):
        ids = sorted(set(targets))
        shown = listed([repr(i) for i in ids], 5)
        yield finding(
            codes.DANGLING_REFERENCE,
            _("{references} to {ids} written in this file not checked: {shown}").format(
                references=plural(len(targets), N_("{count} reference"),
                                  N_("{count} references")),
                ids=plural(len(ids), N_("{count} id"), N_("{count} ids")), shown=shown,
            ),
            location=where,
            hint=_("fix the syntax error of this file first"),
        )


def _clashing_platforms(arch: Architecture, catalog: dict) -> Iterator[Finding]:
    for platform_id in sorted(arch.platforms.keys() & catalog.keys()):
        source = arch.platform_sources[platform_id]
        yield finding(
            codes.RESERVED_ID,
            _("platform '{id}' is already a national platform of the catalog ({name})").format(
                id=platform_id, name=catalog[platform_id].name
            ),
            element=platform_id,
            location=Location(source.file, key_path=("platforms", source.index, "id")),
            hint=_("refer to the catalog's '{id}' and remove this one, or rename it").format(
                id=platform_id
            ),
        )


def _suggester(
    accepted: Callable[[tuple[str, ...]], set[str]], unread: dict[str, Location],
    arch: Architecture,
) -> Callable[..., str]:
    """`did_you_mean` over the ids a field accepts and those of unread files, sorted once per
    kind of field and remembered per reference: a missing id is often named many times.

    A unit's short name is first looked up among the units' names: after 'dinkes' was renamed
    'dinas-kesehatan' (named "Dinas Kesehatan"), 'dinkes' means that unit, not the 'dinsos'
    it is spelt most like."""
    ordered: dict[tuple[str, ...], list[str]] = {}
    said: dict[tuple[str, tuple[str, ...]], str] = {}
    named: dict[str, list[str]] = {}  # a unit name's key -> the units of that name

    def suggest(target: str, allowed: tuple[str, ...], referrer: str | None = None) -> str:
        if "units" in allowed:
            if not named:
                for unit_id, unit in arch.units.items():
                    named.setdefault(unit_key(unit.name), []).append(unit_id)
            units = [u for u in named.get(unit_key(target), []) if u != referrer]
            if len(units) == 1:  # not the unit itself: 'dinkes' renamed, its parent named so
                return _("did you mean '{name}'? ").format(name=units[0])
        if (target, allowed) not in said:
            if allowed not in ordered:
                ordered[allowed] = sorted(accepted(allowed) | unread.keys())
            said[target, allowed] = did_you_mean(target, ordered[allowed])
        return said[target, allowed]

    return suggest


def _a(noun: str) -> str:
    """The noun with its indefinite article: 'a unit', 'an application' (none in Indonesian)."""
    template = N_("an {noun}") if noun[0] in "aeio" else N_("a {noun}")
    return _(template).format(noun=noun)


def _platform_findings(
    arch: Architecture, platforms: dict, invalid_ids: dict[str, Source],
    unnamed: Iterable[tuple[Source, Any]],
) -> Iterator[Finding]:
    """Ids taken from the catalog, platforms no catalog nor `platforms:` entry has (one
    declared there with errors exists: its own findings say what to fix), aplikasi umum
    naming none."""
    from ..io import PlatformMatcher

    known = platforms.keys() | invalid_ids.keys()
    for element_id in sorted(arch.sources.keys() & platforms.keys()):
        source = arch.sources[element_id]
        yield finding(
            codes.RESERVED_ID,
            _("id '{id}' is the id of a national platform").format(id=element_id),
            element=element_id,
            location=Location(source.file, key_path=(source.collection, source.index, "id")),
            hint=_(
                "rename it, e.g. '{id}-local', and refer to the national one by '{id}'"
            ).format(id=element_id),
        )
    for source, app in unnamed:
        if source.collection == "applications" and app.platform is not None and (
            app.platform not in known
        ):
            yield _unknown_platform(source, None, app, platforms)
    match = None
    for app_id, app in arch.applications.items():
        source = arch.sources[app_id]
        if app.platform is not None and app.platform not in known:
            yield _unknown_platform(source, app_id, app, platforms)
        elif app.kind is ApplicationKind.umum and app.platform is None:
            match = match or PlatformMatcher(platforms)
            named = match(app.name)
            yield finding(
                codes.UMUM_WITHOUT_PLATFORM,
                _("aplikasi umum '{id}' does not name its national platform").format(id=app_id),
                element=app_id,
                location=Location(source.file, key_path=("applications", source.index, "kind")),
                hint=_("its name matches '{platform}': add 'platform: {platform}'").format(
                    platform=named) if named else _(
                    "add 'platform:' with its national platform's id (`spbe-arch platforms NAME` "
                    "finds it); one the catalog does not have, declare under 'platforms:' "
                    "first"),
            )


def _unknown_platform(source: Source, app_id: str | None, app: Any, platforms: dict) -> Finding:
    return finding(
        codes.UNKNOWN_PLATFORM,
        _("platform: unknown national platform '{platform}'").format(platform=app.platform),
        element=app_id,
        location=Location(source.file, key_path=("applications", source.index, "platform")),
        hint=did_you_mean(app.platform, platforms)
        + _("`spbe-arch platforms` lists the catalog; or declare it under 'platforms:'"),
    )


def _self_integrations(
    arch: Architecture, unnamed: Iterable[tuple[Source, Any]]
) -> Iterator[Finding]:
    """Integrations whose source is their target; one with no id is named by its source."""
    named = ((arch.sources[i], i, integration) for i, integration in arch.integrations.items())
    without = ((source, None, integration) for source, integration in unnamed
               if source.collection == "integrations")
    for source, integration_id, integration in chain(without, named):
        if integration.source is None or integration.source != integration.target:
            continue
        if integration_id is None:
            message = _("an integration connects '{source}' to itself").format(
                source=integration.source)
        else:
            message = _("integration '{id}' connects '{source}' to itself").format(
                id=integration_id, source=integration.source)
        yield finding(
            codes.SELF_INTEGRATION,
            message,
            element=integration_id,
            location=Location(source.file, key_path=("integrations", source.index, "target")),
            hint=_("the target is the application the data goes to"),
        )


_INFRASTRUCTURE_HINTS = {
    PlatformKind.gateway: N_("an integration joins two applications: name the application "
                             "'{application}' exchanges data with, and route it with via: "
                             "{platform}"),
    PlatformKind.network: N_("an integration joins two applications: name the application "
                             "'{application}' exchanges data with, and the network it runs "
                             "over with network: {platform}"),
    PlatformKind.data_centre: N_("an integration joins two applications: name the application "
                                 "'{application}' exchanges data with; where an application "
                                 "runs is its hosting: {platform}"),
}


def _infrastructure_ends(arch: Architecture, platforms: dict) -> Iterator[Finding]:
    """Integrations with a national gateway, network or data centre (SPLP, JIP, PDN) as their
    target: what data goes through or runs on, not an application to exchange it with (the
    graph leaves them out, so that a link to SPLP counts as no integration; as a source, any
    national platform is reported by the reference check)."""
    for integration_id, integration in arch.integrations.items():
        end = integration.target
        platform = platforms.get(end) if arch.kind_of(end) is None else None
        if platform is None or not platform.kind.is_infrastructure:
            continue
        source = arch.sources[integration_id]
        yield finding(
            codes.WRONG_REFERENCE_KIND,
            _("target: '{platform}' is a national {kind} ({name}), expected an application or "
              "a national application").format(
                platform=end, kind=_(_PLATFORM_KIND_WORDS[platform.kind]), name=platform.name),
            element=integration_id,
            location=Location(source.file, key_path=("integrations", source.index, "target")),
            hint=_(_INFRASTRUCTURE_HINTS[platform.kind]).format(
                application=integration.source, platform=end),
            subject=f"target: {end}",
        )


_PLATFORM_KIND_WORDS = {
    PlatformKind.gateway: N_("gateway"),
    PlatformKind.network: _KIND_WORDS[NETWORK],
    PlatformKind.data_centre: _KIND_WORDS[DATA_CENTRE],
}


def _parent_cycles(arch: Architecture) -> Iterator[Finding]:
    reported: set[str] = set()
    # a unit without a parent starts no cycle
    for start in sorted(u for u, unit in arch.units.items() if unit.parent is not None):
        chain: list[str] = []
        current: str | None = start
        while current in arch.units and current not in chain:
            chain.append(current)
            current = arch.units[current].parent
        if current is not None and current in chain and current not in reported:
            cycle = chain[chain.index(current):]
            reported.update(cycle)
            source = arch.sources[current]
            yield finding(
                codes.UNIT_PARENT_CYCLE,
                _("unit parents form a cycle: {cycle}").format(
                    cycle=" -> ".join([*cycle, current])
                ),
                element=current,
                location=Location(source.file, key_path=("units", source.index, "parent")),
                related=tuple(cycle),
            )
