"""One instansi of a portfolio: its row (size, index, integration figures) and the few facts
the cross-instansi sections need, taken from its graph so that the graph can be dropped."""

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..audit import Known, Metrics, Share, applications_hosted_on
from ..graph import NATIONAL, ArchGraph
from ..io import NameForm, name_forms, name_key, national_platforms
from ..maturity import MaturityResult
from ..model import ApplicationKind, InfrastructureKind
from .result import InstansiRow

__all__ = [
    "Link",
    "LocalApp",
    "Traits",
    "instansi_key",
    "instansi_row",
    "place_words",
    "traits",
    "without_place",
]

OUTSIDE = {InfrastructureKind.on_premise, InfrastructureKind.cloud, InfrastructureKind.vendor}
"""Hosting outside PDN and a pusat data daerah."""

_LEVEL_WORDS = frozenset(
    {"pemerintah", "pemerintahan", "kabupaten", "kab", "kota", "provinsi", "prov", "pemkab",
     "pemkot", "pemprov", "pemda"}
)
"""Words naming the kind of a pemda, left out when a place name is taken from a name."""


@dataclass(frozen=True, slots=True)
class LocalApp:
    """An active local aplikasi khusus, by the keys its function is matched with; `function` is
    its name without the instansi's place, `names` the names that is known by (`name_forms`)."""

    id: str
    function: str
    names: tuple[NameForm, ...]
    ref: str | None
    description_key: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """An active integration to a platform the model itself declares (run by another
    instansi): the candidates for integrations between instansi."""

    id: str
    source: str
    target: str
    via: str
    operator: str | None


@dataclass(frozen=True)
class Traits:
    """What the cross-instansi sections need of one instansi."""

    id: str
    name: str
    applications: frozenset[str]
    khusus: tuple[LocalApp, ...]
    umum_used: frozenset[str]
    umum_not_recorded: frozenset[str]
    """National aplikasi umum for instansi of its kind that its model does not record."""
    links: tuple[Link, ...]
    hosts: dict[tuple[str, str], tuple[str, int]]
    """(kind, key) -> (name, active applications hosted there)."""


def _words(text: str) -> list[str]:
    return [_plain(w) for w in _WORD.findall(text)]


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().casefold()


_WORD = re.compile(r"[^\W_]+")
_ABBREVIATIONS = {"kab": "kabupaten", "prov": "provinsi", "pemkab": "kabupaten",
                  "pemkot": "kota", "pemprov": "provinsi", "propinsi": "provinsi"}


def place_words(instansi_name: str) -> list[str]:
    """The place of an instansi's name: 'Pemerintah Kab. Lembah Hijau' -> ['lembah', 'hijau'].

    >>> place_words("Pemerintah Kabupaten Lembah Hijau"), place_words("Kota Bengkulu")
    (['lembah', 'hijau'], ['bengkulu'])
    """
    words = _words(instansi_name)
    while words and words[0] in _LEVEL_WORDS:
        words = words[1:]
    return words


def instansi_key(name: str) -> str:
    """A name as a key that ignores case, spacing, punctuation, 'Pemerintah' and the short
    forms 'Kab.', 'Prov.', 'Pemkab', 'Pemkot', 'Pemprov'.

    >>> instansi_key("Pemerintah Kab. Aceh Besar") == instansi_key("Kabupaten  ACEH Besar")
    True
    >>> instansi_key("Prov. D.I Yogyakarta") == instansi_key("Propinsi DI Yogyakarta")
    True
    """
    words = [_ABBREVIATIONS.get(w, w) for w in _words(name)]
    if words and words[0] in ("pemerintah", "pemerintahan") and len(words) > 1:
        words = words[1:]
    return "".join(words)


def without_place(text: str, place: list[str]) -> str:
    """`text` without the instansi's place and the words before it naming the pemda's kind,
    so that neighbours' names of one function compare equal.

    >>> without_place("SIMPUS Kabupaten Lembah Hijau", ["lembah", "hijau"])
    'SIMPUS'
    >>> without_place("e-PBB Kota Bengkulu (online)", ["bengkulu"])
    'e-PBB (online)'
    """
    size = len(place)
    if not size:
        return text
    matches = list(_WORD.finditer(text))
    words = [_plain(m.group()) for m in matches]
    for start in range(len(words) - size, -1, -1):
        if words[start:start + size] == place:
            end = start + size - 1
            while start and words[start - 1] in _LEVEL_WORDS:
                start -= 1
            cut = text[:matches[start].start()].rstrip() + " " + text[matches[end].end():].lstrip()
            return " ".join(cut.split()) or text
    return text


def _share_outside(graph: ArchGraph) -> Share:
    local = [a for a in graph.active_applications if graph.runs_itself(a)]
    hosted = [a for a in local if graph.hosting(a) is not None]
    outside = {a for a, _, _ in applications_hosted_on(graph, OUTSIDE)}
    return Share(sum(a in outside for a in hosted), len(hosted), len(local) - len(hosted))


def instansi_row(
    graph: ArchGraph, metrics: Metrics, maturity: MaturityResult, path: str
) -> InstansiRow:
    """The portfolio row of the model of `graph`, from its metrics and its maturity estimate."""
    arch = graph.arch
    instansi = arch.instansi
    facts = metrics.completeness
    sources: dict[int, Counter] = defaultdict(Counter)
    for rating in maturity.indicators:
        sources[rating.domain][str(rating.source)] += 1
    services = metrics.services_fully_integrated
    return InstansiRow(
        id=instansi.id,
        name=instansi.name,
        level=instansi.level.value,
        region=instansi.region,
        path=path,
        elements=sum(arch.counts().values()),
        year=maturity.year,
        index=maturity.index,
        predikat=maturity.predikat,
        domains=tuple(maturity.domains),
        domain_sources={d: dict(sorted(c.items())) for d, c in sorted(sources.items())},
        splp=metrics.integrations_via_splp,
        jip=metrics.units_on_jip,
        services_unintegrated=Share(services.total - services.part, services.total,
                                    services.unknown),
        hosting_outside=_share_outside(graph),
        completeness=Known(sum(k.known for k in facts.values()),
                           sum(k.of for k in facts.values())),
        facts=facts,
        self_assessed=maturity.indices.self,
        claims_cut=sum(r.self_level is not None and r.verified_level is None
                       and r.level < r.self_level for r in maturity.indicators),
    )


def traits(graph: ArchGraph, metrics: Metrics) -> Traits:
    """The facts of the model of `graph` that the cross-instansi sections read."""
    arch = graph.arch
    place = place_words(arch.instansi.name)
    khusus = []
    for app_id in graph.active_applications:
        app = graph.element(app_id)
        if app.kind is ApplicationKind.khusus and app.platform is None:
            function = without_place(app.name, place)
            described = name_key(without_place(app.description, place)) if app.description else ""
            khusus.append(LocalApp(app_id, function, name_forms(function), app.ref,
                                   described or None))
    links = []
    for link_id in graph.links:
        edge = graph.integrations[link_id]
        own = arch.platforms.get(edge.target)
        if own is not None:
            links.append(Link(link_id, edge.source, edge.target, str(edge.via), own.operator))
    catalog = national_platforms()
    hosts: dict[tuple[str, str], list] = {}
    for app_id in graph.active_applications:
        host = graph.hosting(app_id)
        if host is None:
            continue
        element = graph.element(host) if graph.kind(host) != NATIONAL else None
        if element is None:
            key, name = ("data centre", host), graph.name(host)
        elif element.platform is not None:
            platform = element.platform
            known = arch.platforms.get(platform) or catalog.get(platform)
            key, name = ("data centre", platform), known.name if known else platform
        elif element.kind in (InfrastructureKind.cloud, InfrastructureKind.vendor) and (
            element.provider
        ):
            key, name = ("vendor", name_key(element.provider)), element.provider
        else:
            continue
        hosts.setdefault(key, [name, 0])[1] += 1
    return Traits(
        id=arch.instansi.id,
        name=arch.instansi.name,
        applications=frozenset(arch.applications),
        khusus=tuple(khusus),
        umum_used=frozenset(metrics.aplikasi_umum_used),
        umum_not_recorded=frozenset(metrics.aplikasi_umum_not_recorded),
        links=tuple(links),
        hosts={key: (name, count) for key, (name, count) in sorted(hosts.items())},
    )
