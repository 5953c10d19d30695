"""Roadmap checks: every item of the Peta Rencana can be applied to the model as written.

An item's `adds` and `retires` name elements with a `status`, its `changes` set fields the
element has to values it accepts, its `depends_on` name other items planned no later than it,
and no chain of dependencies comes back to where it started. `changed` is the one way a change
is made to an element, here to check it and in `spbe_arch.change.roadmap` to apply it.
"""

from collections.abc import Callable, Collection, Iterator, Mapping
from datetime import date
from itertools import chain
from types import MappingProxyType

from pydantic import ValidationError

from ..io import national_platforms
from ..model import (
    Architecture,
    Element,
    ElementChange,
    Finding,
    Location,
    RoadmapItem,
    Source,
    Status,
)
from ..model.i18n import N_, language
from ..model.i18n import gettext as _
from ..model.rules import finding
from ..model.rules import roadmap as codes
from ..model.words import STATUS
from .references import REFERENCES, did_you_mean
from .type_errors import problem

__all__ = ["changed", "check_roadmap"]


def changed(element: Element, change: ElementChange) -> Element:
    """The element with the change's fields set, validated as the model's types require.

    Raises
    ------
    ValueError
        The change names a field the element lacks, gives a value it rejects, or its id.

    Examples
    --------
    >>> from spbe_arch.model import Integration
    >>> old = Integration(id="i", source="a", target="b", via="api_direct")
    >>> changed(old, ElementChange(element="i", set={"via": "splp"})).via
    <IntegrationVia.splp: 'splp'>
    >>> changed(old, ElementChange(element="i", set={"via": "spl"}))
    Traceback (most recent call last):
    ...
    ValueError: via: input should be 'splp', 'api_direct', 'database_link', 'file_transfer', \
'manual', 'shared_login' or 'unknown', got 'spl'
    """
    if "id" in change.set:
        raise ValueError(_("id: an element keeps its id; add a new element and retire this one"))
    try:
        # only the fields the element states and those the change sets: what it leaves out
        # stays unknown
        stated = element.model_dump(exclude_unset=True)
        return type(element).model_validate({**stated, **change.set})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            raise ValueError(_("unknown field '{field}'").format(field=field)) from None
        raise ValueError(_("{field}: {problem}, got {value}").format(
            field=field, problem=problem(error), value=repr(error.get("input")))) from None


def check_roadmap(arch: Architecture, unchecked: Collection[str] = (),
                  partial: Mapping[str, RoadmapItem] = MappingProxyType({}),
                  invalid: Mapping[str, Source] = MappingProxyType({})) -> Iterator[Finding]:
    """Yield a finding for every roadmap item that cannot be applied as written.

    `unchecked` holds ids that exist but cannot be checked: elements that failed validation
    and ids written in a file with a syntax error. An item naming one is not reported as
    naming nothing (unknown, not absent: the error that hides the element stands). `partial`:
    what validated of the items that did not (`partial_element`), where `invalid` says they
    are: their unit and dependencies are checked all the same.
    """
    items = arch.roadmap
    assessed = [e.year for e in arch.assessment if e.year <= date.today().year]
    as_is = max(assessed, default=None)  # the year the model as it is stands for
    for item_id, item in items.items():
        where = _in_item(arch.sources[item_id])

        if as_is is not None and item.year < as_is and item.status in (
                Status.planned, Status.development):
            yield finding(
                codes.ROADMAP_ITEM_OVERDUE,
                _("roadmap item '{item}' is planned for {year}, before the year the model is "
                  "assessed for ({as_is}), and not marked done").format(
                      item=item_id, year=item.year, as_is=as_is),
                element=item_id, location=where("year"),
                hint=_("mark it `status: active` if it is done (the model shows what it "
                       "changes), or plan it for {as_is} or later").format(as_is=as_is),
            )
        yield from _unit_and_dependencies(arch, item_id, item, unchecked, where)
        for dependency in item.depends_on:
            if dependency in items and items[dependency].year > item.year:
                yield finding(
                    codes.ROADMAP_ITEM_BEFORE_DEPENDENCY,
                    _("roadmap item '{item}' ({year}) depends on '{dependency}', planned later "
                      "({later})").format(
                        item=item_id, year=item.year, dependency=dependency,
                        later=items[dependency].year,
                    ),
                    element=item_id, location=where("year"), related=(dependency,),
                    hint=_("plan it in {year} or later").format(year=items[dependency].year),
                )
        to_do = item.status in (Status.planned, Status.development) and not (
            arch.instansi and arch.instansi.to_be)  # a target model shows the items done
        for field, (done, message, hint) in _ALREADY_THERE.items():
            for position, target in enumerate(getattr(item, field)):
                if target in unchecked:
                    continue
                if field == "retires" and not to_do and arch.element(target) is None:
                    continue  # done, or a target model: what it retired may be gone from it
                yield from _status_change(arch, item_id, field, target, where(field, position))
                if to_do and getattr(arch.element(target), "status", None) is done:
                    yield finding(
                        codes.ROADMAP_STATUS_ALREADY_THERE,
                        _(message).format(item=item_id, year=item.year, target=target,
                                          status=STATUS[done][language() != "id"]),
                        element=item_id, location=where(field, position), related=(target,),
                        hint=_(hint).format(target=target),
                    )
        for position, change in enumerate(item.changes):
            element = arch.element(change.element)
            if element is None and change.element in unchecked:
                continue
            if element is None:
                yield _unknown(arch, item_id, "changes", change.element,
                               where("changes", position))
                continue
            try:
                changed(element, change)
            except ValueError as exc:
                yield finding(
                    codes.ROADMAP_CHANGE_INVALID,
                    _("changes '{element}': {problem}").format(element=change.element, problem=exc),
                    element=item_id, location=where("changes", position, "set"),
                    hint=_("set fields '{element}' has, to values they take (`spbe-arch docs -o "
                           "DIR` writes vocabulary.md, which lists them)").format(
                               element=change.element),
                )
                continue
            for field, target, allowed in _named(arch, change, unchecked):
                yield finding(
                    codes.ROADMAP_ITEM_TOUCHING_UNKNOWN_ELEMENT,
                    _("changes '{element}': {field}: '{target}' is not defined in the model"
                      ).format(element=change.element, field=field, target=target),
                    element=item_id, location=where("changes", position, "set", field),
                    subject=f"changes: {change.element}: {field}: {target}",
                    hint=did_you_mean(target, [*_ids_of(arch, allowed), *arch.platforms,
                                               *national_platforms()]) + _(
                        "name an element of the model; a new element goes in the model as "
                        "'status: planned' and the item adds it"),
                )
    for item_id, item in partial.items():  # invalid (a budget of '350jt'): what else is wrong
        yield from _unit_and_dependencies(arch, item_id, item, unchecked,
                                          _in_item(invalid[item_id]))
    yield from _cycles(arch)


def _in_item(source: Source) -> Callable[..., Location]:
    """Where a field of the roadmap item at `source` is: `where("depends_on", 0)`."""
    def where(*path: str | int) -> Location:
        return Location(source.file, key_path=("roadmap", source.index, *path))

    return where


def _unit_and_dependencies(arch: Architecture, item_id: str, item: RoadmapItem,
                           unchecked: Collection[str], where: Callable[..., Location]
                           ) -> Iterator[Finding]:
    """The item's unit that is no unit, and the items it depends on that are none: checked
    of an item that failed validation too (its other fields as written, `partial_element`)."""
    items = arch.roadmap
    if isinstance(item.unit, str) and item.unit not in arch.units and item.unit not in unchecked:
        yield finding(
            codes.ROADMAP_ITEM_TOUCHING_UNKNOWN_ELEMENT,
            _("unit: '{unit}' is not a unit of the model").format(unit=item.unit),
            element=item_id, location=where("unit"), subject=f"unit: {item.unit}",
            hint=did_you_mean(item.unit, list(arch.units)).strip()
            or _("name the unit responsible for the item"),
        )
    for position, dependency in enumerate(item.depends_on or ()):
        if not isinstance(dependency, str) or dependency in unchecked or dependency in items:
            continue
        yield finding(
            codes.ROADMAP_ITEM_TOUCHING_UNKNOWN_ELEMENT,
            _("depends_on: '{item}' is not a roadmap item").format(item=dependency),
            element=item_id, location=where("depends_on", position),
            subject=f"depends_on: {dependency}",
            hint=did_you_mean(dependency, sorted(items.keys() - {item_id})).strip()
            or _("name the id of another roadmap item"),
        )


def _named(arch: Architecture, change: ElementChange, unchecked: Collection[str]
           ) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(field, id, the kinds the field names) of every id a change sets in a reference field
    that names nothing: no element of the model and no national platform (`REFERENCES` says
    which fields refer, and to what)."""
    fields = REFERENCES.get(arch.kind_of(change.element) or "", {})
    for field, value in change.set.items():
        if field not in fields:
            continue
        for target in value if isinstance(value, list) else [value]:
            if isinstance(target, str) and arch.element(target) is None and (
                target not in arch.platforms and target not in national_platforms()
                and target not in unchecked
            ):
                yield field, target, fields[field]


def _ids_of(arch: Architecture, allowed: tuple[str, ...]) -> list[str]:
    """The ids a "did you mean" offers for a reference field: the elements of the collections
    it names (`units` for an owner), every element's for the others (a network, any)."""
    if all(kind in arch.collections for kind in allowed):
        return sorted(chain.from_iterable(arch.collections[kind] for kind in allowed))
    return sorted(arch.sources)


_ALREADY_THERE = {
    "adds": (Status.active, N_(
        "roadmap item '{item}' ({year}) adds '{target}', which is {status} in the model already"),
        N_("write 'status: planned' on '{target}' if the item brings it, or mark the item "
           "'status: active' if it is done")),
    "retires": (Status.retired, N_(
        "roadmap item '{item}' ({year}) retires '{target}', which is {status} in the model "
        "already"), N_("keep '{target}' active in the model until the item retires it, or mark "
                       "the item 'status: active' if it is done")),
}
"""What an item to come does to an element it finds so already
(`ROADMAP_STATUS_ALREADY_THERE`): the element's status then, the message and the hint."""


def _status_change(arch, item_id, field, target, location) -> Iterator[Finding]:
    element = arch.element(target)
    if element is None:
        yield _unknown(arch, item_id, field, target, location)
    elif field == "retires" and arch.kind_of(target) == "infrastructure":
        return  # a data centre closed, a network given up: gone from the model that year
    elif "status" not in type(element).model_fields:
        yield finding(
            codes.ROADMAP_CHANGE_INVALID,
            _("{field}: '{target}' has no status to change ({kind})").format(
                field=field, target=target, kind=arch.kind_of(target)
            ),
            element=item_id, location=location,
            hint=_("adds and retires name applications, integrations, security controls or "
                   "roadmap items, and retires infrastructure too; change other elements with "
                   "'changes'"),
        )


def _unknown(arch: Architecture, item_id: str, field: str, target: str,
             location: Location) -> Finding:
    return finding(
        codes.ROADMAP_ITEM_TOUCHING_UNKNOWN_ELEMENT,
        _("{field}: '{target}' is not defined in the model").format(field=field, target=target),
        element=item_id, location=location, subject=f"{field}: {target}",
        hint=did_you_mean(target, arch.sources.keys() - {item_id}) + _(
            "name an element of the model; a new element goes in the model as "
            "'status: planned' and the item adds it"),
    )


def _cycles(arch: Architecture) -> Iterator[Finding]:
    """One finding per group of items whose dependencies lead back to themselves."""
    items = arch.roadmap
    edges = [(i, d) for i, item in items.items() for d in item.depends_on if d in items]
    if not edges:
        return
    import networkx as nx

    graph = nx.DiGraph(edges)
    groups = [sorted(g) for g in nx.strongly_connected_components(graph)]
    for group in sorted(g for g in groups if len(g) > 1 or graph.has_edge(g[0], g[0])):
        first = group[0]
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(group), first)]
        source = arch.sources[first]
        yield finding(
            codes.ROADMAP_DEPENDENCY_CYCLE,
            _("roadmap items depend on each other in a cycle: {cycle}").format(
                cycle=" -> ".join([*cycle, first])
            ),
            element=first,
            location=Location(source.file, key_path=("roadmap", source.index, "depends_on")),
            related=tuple(group),
            hint=_("decide which item comes first and remove the dependency that points back"),
        )
