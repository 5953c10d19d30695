"""Completeness: how much of each fact the analyses read the model gives.

Unknown is not absent: a fact the model does not state (an omitted field) is unknown, and no
defect finding rests on it. Instead each fact the analyses read is counted here, and one
`incomplete-data` finding per fact says how much of it is known ("hosting known for 19 of 189
applications"). A value can say a fact is unknown too: an integration `via: unknown` links
two applications, neither through SPLP nor bypassing it, and leaves its mechanism unknown;
`direction: unknown` leaves which way data moves unknown.
Integrations are a fact of the whole model: a model that records none (an inventory, say)
leaves isolation and data-flow gaps unknown.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..graph import ArchGraph, per_graph
from ..model import IntegrationDirection, IntegrationVia
from ..model.i18n import N_
from ..model.i18n import gettext as _
from ..model.rules import Hit
from ..model.rules import audit as rules
from .registry import check

__all__ = [
    "ABOUT", "FACTS", "WORDS", "Fact", "Known", "data_flows_known", "data_unstated",
    "incomplete_data",
    "integrations_recorded", "known_facts", "services_recorded",
]


@dataclass(frozen=True, slots=True)
class Known:
    """How many of the elements a fact is about state it."""

    known: int
    of: int

    def as_dict(self) -> dict[str, Any]:
        return {"known": self.known, "of": self.of}


@dataclass(frozen=True)
class Fact:
    """A fact the analyses read: the element fields that state it (any of them), and which
    elements it is about (named as a plural noun). `stated` decides instead where a value, not
    an omitted field, says the fact is unknown (`via: unknown`)."""

    collection: str
    field: str
    about: str
    elements: Callable[[ArchGraph], list[Any]]
    fields: tuple[str, ...] = ()
    stated: Callable[[Any], bool] | None = None

    def count(self, elements: list[Any]) -> int:
        """How many of `elements` state the fact."""
        if self.stated is not None:
            return sum(map(self.stated, elements))
        fields = self.stating
        return sum(not fields.isdisjoint(e.__pydantic_fields_set__) for e in elements)

    def unstated(self, elements: list[Any], most: int) -> list[str]:
        """The ids of the first `most` of `elements` that leave the fact out, in order."""
        fields = self.stating
        left = (e.id for e in elements if not (
            self.stated(e) if self.stated is not None
            else not fields.isdisjoint(e.__pydantic_fields_set__)))
        return [element_id for element_id, _n in zip(left, range(most), strict=False)]

    @cached_property
    def stating(self) -> frozenset[str]:
        """The fields any of which states the fact (counted 100,000 times: made once)."""
        return frozenset(self.fields or (self.field,))

    @property
    def key(self) -> str:
        return f"{self.collection}.{self.field}"


def _active(graph: ArchGraph) -> list[Any]:
    return [graph.element(a) for a in graph.active_applications]


def _local_active(graph: ArchGraph) -> list[Any]:
    return [graph.element(a) for a in graph.active_applications if graph.runs_itself(a)]


def _all(collection: str) -> Callable[[ArchGraph], list[Any]]:
    return lambda graph: list(graph.arch.collections[collection].values())


def _open_data(graph: ArchGraph) -> list[Any]:
    return [d for d in graph.arch.data.values() if d.classification == "terbuka"]


def _links(graph: ArchGraph) -> list[Any]:
    """The integrations the metrics count (`ArchGraph.links`): active, between applications
    in use, by a mechanism that integrates (not manual re-typing nor a shared login)."""
    return [graph.arch.integrations[link] for link in graph.links]


def _mechanism_known(integration: Any) -> bool:
    """`via: unknown` states the link, not how it runs."""
    return integration.via is not IntegrationVia.unknown


def _direction_known(integration: Any) -> bool:
    """`direction: unknown` states the link, not which way data moves along it."""
    return integration.direction is not IntegrationDirection.unknown


FACTS = (
    Fact("applications", "hosting", N_("active local applications"), _local_active),
    Fact("applications", "data", N_("active applications"), _active, ("reads", "writes")),
    Fact("units", "networks", N_("units"), _all("units")),
    Fact("data", "steward", N_("data sets"), _all("data")),
    Fact("data", "published", N_("open data sets"), _open_data),
    Fact("services", "applications", N_("services"), _all("services")),
    Fact("integrations", "via", N_("active integrations"), _links, stated=_mechanism_known),
    Fact("integrations", "direction", N_("active integrations"), _links,
         stated=_direction_known),
    Fact("integrations", "network", N_("active integrations"), _links),
)
"""The facts counted, in the order they are reported."""

_FACT = {fact.key: fact for fact in FACTS}

ABOUT = {**{fact.key: fact.about for fact in FACTS},
         "applications.integrations": N_("active applications"),
         "applications.services": N_("active applications")}
"""Fact key (as `known_facts` gives them) -> the elements it is about, a plural noun."""

WORDS = {
    "applications.hosting": N_("hosting (where it runs)"),
    "applications.data": N_("the data read and written"),
    "units.networks": N_("the networks used"),
    "data.steward": N_("the data steward"),
    "data.published": N_("where it is published"),
    "services.applications": N_("the applications delivering them"),
    "integrations.via": N_("the integration mechanism"),
    "integrations.direction": N_("which way data moves"),
    "integrations.network": N_("the network carrying them"),
    "applications.integrations": N_("the integrations with other applications"),
    "applications.services": N_("the services they deliver"),
}
"""Fact key -> the fact in words, for readers who do not edit the YAML (the report's leadership
pages); the findings name the fields instead."""


def integrations_recorded(graph: ArchGraph) -> bool:
    """True when the model records integrations at all; without any, whether applications
    exchange data is unknown."""
    return bool(graph.integrations)


def services_recorded(graph: ArchGraph) -> bool:
    """True when the model records services at all; without any, which services an
    application delivers, and so what an outage stops, is unknown."""
    return bool(graph.arch.services)


def data_unstated(graph: ArchGraph, apps: list[str]) -> list[str]:
    """The applications of `apps` that leave out the data they read and write (the
    `applications.data` fact), in order."""
    fields = _FACT["applications.data"].stating
    return [a for a in apps if fields.isdisjoint(graph.element(a).__pydantic_fields_set__)]


def data_flows_known(graph: ArchGraph, apps: list[str]) -> bool:
    """True when whether the data `apps` read is integrated can be known: the model records
    integrations, each of the applications states the data it reads or writes, and no flow
    to them has an end whose integrations are unknown (`ArchGraph.flows_unknown`). Otherwise
    no flow gap shows, and none may be taken as absent."""
    return (integrations_recorded(graph) and not data_unstated(graph, apps)
            and not any(flow.consumer in apps for flow in graph.flows_unknown))


@per_graph
def known_facts(graph: ArchGraph) -> dict[str, Known]:
    """`collection.field` -> how many elements state it, for every fact; plus
    `applications.integrations`: the active applications whose integrations are known
    (`integrations_known`) when the model records integrations, none when it records none;
    `applications.services`: all of them when the model records services, none when it
    records none (an application may deliver no service; a model without any says nothing).
    Counted once per graph."""
    out = {}
    for fact in FACTS:
        about = fact.elements(graph)
        out[fact.key] = Known(fact.count(about), len(about))
    active = graph.active_applications
    known = len(set(active) - graph.integrations_unknown) if integrations_recorded(graph) else 0
    out["applications.integrations"] = Known(known, len(active))
    out["applications.services"] = Known(len(active) if services_recorded(graph) else 0,
                                         len(active))
    return out


@check(rules.INCOMPLETE_DATA)
def incomplete_data(graph: ArchGraph) -> Iterator[Hit]:
    """One hit per fact that some elements leave unknown."""
    keys = {fact.key: "/".join(f"'{f}:'" for f in fact.fields or (fact.field,)) for fact in FACTS}
    keys["applications.integrations"] = _(  # a collection of its own, not a field
        "their integrations in the collection 'integrations:' (source, target, via)")
    keys["applications.services"] = _(
        "the services they deliver in the collection 'services:' (id, name, applications)")
    for key, known in known_facts(graph).items():
        if known.known < known.of:
            field = key.split(".", 1)[1]
            fact = _FACT.get(key)
            first = (fact.unstated(fact.elements(graph), _NAMED) if fact else  # none: all
                     sorted(set(graph.active_applications) & graph.integrations_unknown)[:_NAMED]
                     if known.known and key == "applications.integrations" else [])
            more = known.of - known.known - _NAMED if first else 0  # none named: all are
            yield Hit(None, subject=key, variant="named" if first else "", values={
                "field": field, "known": known.known, "of": known.of, "about": _(ABOUT[key]),
                "keys": keys[key], "ids": ", ".join(first[:_NAMED]) + (
                    " " + _("and {count} more").format(count=more) if more > 0 else "")})


_NAMED = 5
"""Elements an incomplete-data finding names among those leaving the fact out."""
