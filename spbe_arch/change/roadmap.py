"""The Peta Rencana applied: the model year by year as its roadmap items are carried out.

Items are ordered by year, and within a year so that an item comes after the items it depends
on (then by id). Starting from the model as it is (as-is), each year's items are applied in
memory: the elements an item `adds` (planned or in development today) become active, its
`changes` set fields, the elements it `retires` are retired. After each year the model is
audited and assessed, giving the audit metrics and the estimated index of that year: the
trajectory the roadmap promises, continuing the years already assessed (the model's
`assessment:` entries, as `assess` counts them). Compared with a target model (the to-be
architecture), what the target has that the applied model lacks is what no item delivers.

Items the checks of `spbe_arch.validate.roadmap` reject are applied as far as they can be
(unknown elements and invalid changes are skipped); their findings come with the result. An
item cancelled (`status: retired`) is not applied, nor listed; one done (`active`) is applied
in its year as any other (its changes are in the model already: applying them again changes
nothing).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..audit import Metrics, audit
from ..graph import build_graph
from ..maturity import MaturityResult, assess
from ..model import Architecture, Finding, Location, RoadmapItem, Severity, Status
from ..model.i18n import gettext as _
from ..model.rules import finding, listed
from ..model.rules import roadmap as codes
from ..validate import ValidationResult, finalize
from ..validate.roadmap import changed
from .diff import ElementChange, ElementRef, IndicatorChange, diff_elements, indicator_changes

__all__ = [
    "AssessedYear",
    "RoadmapResult",
    "RoadmapYear",
    "Undelivered",
    "apply_items",
    "order_items",
    "roadmap",
]


@dataclass(frozen=True)
class RoadmapYear:
    """The model after one year's items (or as it is, `year` None): metrics and index."""

    year: int | None
    items: tuple[str, ...]
    metrics: Metrics
    index: float
    predikat: str
    errors: int
    warnings: int
    levels: Mapping[str, int] = field(default_factory=dict)
    """Indicator id -> the level counted that year."""
    moved: tuple[IndicatorChange, ...] = ()
    """The indicators whose level the year's items moved, from the year before: why the
    index moves, or does not."""
    provisional: bool = False
    """Fewer than half of the indicators are rated that year (`MaturityResult.few_rated`):
    the index is shown with no predikat."""


@dataclass(frozen=True)
class AssessedYear:
    """A past evaluation year of the model (its `assessment:` entries): the index counted,
    and whether the evaluator verified every indicator of it (the official result) or it is
    an estimate (self-assessed levels, the model's own)."""

    year: int
    index: float
    predikat: str
    verified: bool = False


@dataclass(frozen=True)
class Undelivered:
    """What the target model has that the model after every item lacks, by element."""

    target: str
    added: list[ElementRef]
    """Elements of the target that no item adds (or that are missing from the model)."""
    removed: list[ElementRef]
    """Elements of the model that the target has not."""
    changed: list[ElementChange]
    """Elements whose fields still differ from the target's after every item."""
    unread: tuple[str, ...] = ()
    """Files of the target that could not be read: what they hold is not compared, and the
    target's index is provisional."""
    errors: int = 0
    """The target's errors (no `instansi:`, a reference to nothing): what it is said to lack
    may be wrong until they are fixed, and the command exits 1."""


@dataclass
class RoadmapResult:
    """The ordered items, the model as it is, each planned year, and what no item delivers."""

    instansi: str | None
    items: list[RoadmapItem]
    years: list[RoadmapYear]
    """As-is first (`year` None), then one entry per year that has items."""
    assessed: list[AssessedYear] = field(default_factory=list)
    """The years assessed so far (the as-is index is the latest one's): with `years`, the
    one trajectory from past evaluations to the planned years."""
    target_index: float | None = None
    undelivered: Undelivered | None = None
    findings: list[Finding] = field(default_factory=list)
    """The model's findings (roadmap problems among them)."""

    def reaching(self, indicator: str, level: int) -> RoadmapYear | None:
        """The first planned year whose model counts `indicator` at `level` or above, if any:
        a step of the maturity plan the roadmap takes already."""
        return next((row for row in self.years
                     if row.year is not None and row.levels.get(indicator, 0) >= level), None)

    @property
    def budget(self) -> dict[int, float]:
        """Year -> the sum of the estimated budgets of its items that give one; a year none of
        whose items does is left out (not known, not Rp 0)."""
        totals: dict[int, float] = {}
        for item in self.items:
            if item.budget is not None:
                totals[item.year] = totals.get(item.year, 0.0) + item.budget
        return totals


def _beyond_marking(change: ElementChange) -> ElementChange:
    """A change of the instansi without its `to_be`: the target model says it is a target,
    which no roadmap item delivers."""
    if change.kind != "instansi":
        return change
    return replace(change, fields=tuple(f for f in change.fields if f.field != "to_be"))


def order_items(arch: Architecture) -> list[RoadmapItem]:
    """The roadmap items by year; within a year by id, each after the items it depends on.

    Items of a dependency cycle (reported by validation) are taken by id.

    Examples
    --------
    >>> from spbe_arch.model import RoadmapItem
    >>> arch = Architecture(root=".")
    >>> for item_id, year, after in (("b", 2026, []), ("a", 2026, ["c"]), ("c", 2026, [])):
    ...     arch.roadmap[item_id] = RoadmapItem(id=item_id, name=item_id, year=year,
    ...                                         depends_on=after)
    >>> [item.id for item in order_items(arch)]
    ['b', 'c', 'a']
    """
    items = arch.roadmap
    ordered: list[RoadmapItem] = []
    for year in sorted({item.year for item in items.values()}):
        todo = sorted(i for i, item in items.items() if item.year == year)
        while todo:
            pending = set(todo)  # once per pick, not per item: 1,104 items took 4 s
            chosen = next((i for i in todo if pending.isdisjoint(items[i].depends_on)), todo[0])
            ordered.append(items[chosen])
            todo.remove(chosen)
    return ordered


def apply_items(arch: Architecture, items: list[RoadmapItem],
                found: list[Finding] | None = None) -> Architecture:
    """A copy of `arch` with the items applied in order; `arch` is left as it is. Retired
    infrastructure is gone from the copy; where something still used it then, a finding goes
    into `found` (roadmap-retires-what-is-in-use)."""
    collections = {name: dict(elements) for name, elements in arch.collections.items()}
    applied = replace(arch, collections=collections)
    for item in items:
        for element_id in item.adds:
            _set_status(applied, element_id, Status.active)
        for change in item.changes:
            kind = applied.kind_of(change.element)
            if kind is None:
                continue
            try:
                collections[kind][change.element] = changed(
                    collections[kind][change.element], change
                )
            except ValueError:
                continue  # reported by validation (roadmap-change-invalid)
        for element_id in item.retires:
            if element_id in collections["infrastructure"]:
                users = _users(applied, element_id)
                if users and found is not None:
                    found.append(_retired_in_use(applied, item, element_id, users))
                del collections["infrastructure"][element_id]
            else:
                _set_status(applied, element_id, Status.retired)
    return applied


def _users(arch: Architecture, infra_id: str) -> list[str]:
    """What still runs on or over infrastructure `infra_id`: active applications hosted there,
    active integrations over it, units and infrastructure on it (as a network)."""
    return sorted(
        [a.id for a in arch.applications.values()
         if a.hosting == infra_id and a.status is Status.active]
        + [i.id for i in arch.integrations.values()
           if i.network == infra_id and i.status is Status.active]
        + [e.id for kind in ("units", "infrastructure") for e in arch.collections[kind].values()
           if infra_id in e.networks and e.id != infra_id]
    )


def _retired_in_use(arch: Architecture, item: RoadmapItem, infra_id: str,
                    users: list[str]) -> Finding:
    source = arch.sources.get(item.id)
    return finding(
        codes.ROADMAP_RETIRES_WHAT_IS_IN_USE,
        _("roadmap item '{item}' ({year}) retires '{infra}' while {users} still use it").format(
            item=item.id, year=item.year, infra=infra_id, users=listed(users, 5)),
        element=item.id, related=(infra_id, *users),
        location=Location(source.file, key_path=(source.collection, source.index, "retires"))
        if source else None,
        hint=_("move them first, in this item or an earlier one (changes: hosting, network, "
               "networks)"),
    )


def _set_status(arch: Architecture, element_id: str, status: Status) -> None:
    kind = arch.kind_of(element_id)
    element = arch.collections[kind].get(element_id) if kind else None
    if element is not None and "status" in type(element).model_fields:
        arch.collections[kind][element_id] = element.model_copy(update={"status": status})


def roadmap(loaded: ValidationResult, *, target: ValidationResult | None = None,
            target_label: str = "target", framework: str | None = None) -> RoadmapResult:
    """Apply the roadmap of a loaded model year by year (see the module docstring).

    Parameters
    ----------
    loaded
        The model, as `load_model` returns it; its findings are the result's findings.
    target
        The target (to-be) model; the result then says what no item delivers.
    target_label
        How the result names the target (its folder).
    framework
        Framework id or file the indices are counted with (default: the instansi's), so that
        a report asked for another framework draws its trajectory with that one.
    """
    arch = loaded.architecture
    ordered = [item for item in order_items(arch) if item.status is not Status.retired]
    as_is, maturity = _year(arch, None, (), framework)
    before = maturity  # each year's moves are from the year before
    years = [as_is]
    found: list[Finding] = []
    current = arch
    for year in sorted({item.year for item in ordered}):
        todo = [item for item in ordered if item.year == year]
        current = apply_items(current, todo, found)
        row, after = _year(current, year, tuple(item.id for item in todo), framework)
        years.append(replace(row, moved=tuple(indicator_changes(before, after))))
        before = after
    result = RoadmapResult(
        instansi=arch.instansi.name if arch.instansi else None,
        items=ordered,
        years=years,
        assessed=[AssessedYear(t.year, t.indices.counted, t.predikat, t.indices.official)
                  for t in maturity.trajectory if t.year != maturity.to_be],  # not assessed
        findings=finalize(found, arch, finished=loaded.findings),  # the plan's, located
    )
    if target is not None:
        added, removed, still = (  # the plan itself is no element an item delivers
            [e for e in part if e.kind != "roadmap"]
            for part in diff_elements(current, target.architecture))
        still = [_beyond_marking(change) for change in still]
        still = [change for change in still if change.fields]
        unread = tuple(sorted({source.file for source in target.architecture.unread.values()}))
        result.undelivered = Undelivered(target_label, added, removed, still, unread,
                                         target.count(Severity.error))
        result.target_index = assess(build_graph(target.architecture), framework).index
    return result


def _year(
    arch: Architecture, year: int | None, items: tuple[str, ...], framework: str | None
) -> tuple[RoadmapYear, MaturityResult]:
    graph = build_graph(arch)
    audited = audit(graph)
    maturity = assess(graph, framework)
    live = [f for f in audited.findings if not f.waived]
    row = RoadmapYear(
        year=year,
        items=items,
        metrics=audited.metrics,
        index=maturity.index,
        predikat=maturity.predikat,
        errors=sum(f.severity == "error" for f in live),
        warnings=sum(f.severity == "warning" for f in live),
        levels={rating.id: rating.level for rating in maturity.indicators},
        provisional=maturity.few_rated,
    )
    return row, maturity
