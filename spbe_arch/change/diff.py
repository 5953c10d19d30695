"""What changed between two versions of a model: elements, routes, findings, metrics, index.

Elements are matched by id, across collections: an element whose id is only in the new model
was added, one only in the old model removed, and one in both whose fields differ changed
(field by field; a renamed element keeps its id, so a rename is a change of `name`). So are the
model's entries a review must see: assessment entries (by indicator and year: a level, a bukti
dukung) and waivers (by code, element and what about it: a reason, a date). An
integration whose mechanism (`via`) or network changed was *rerouted*. Findings are matched by
code, element and what about it (`Finding.subject`: which data set an application reads
without integration), never by message, so a reworded message is not a new finding: those only in
the new model were introduced by the change, those only in the old one resolved. Each audit
metric and the index (with every indicator whose level moved) are compared as numbers.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..audit import WHOLE_MODEL, AuditResult, Metrics, Share, audit
from ..graph import build_graph
from ..io.aside import Aside, aside
from ..maturity import MaturityResult, assess
from ..model import COLLECTIONS, Architecture, Finding, Integration, Severity
from ..model.rules import QUOTED
from ..validate import ValidationResult
from ..validate.config import turned_off
from ..validate.references import REFERENCES

__all__ = [
    "DiffResult",
    "Downgrade",
    "ElementChange",
    "ElementRef",
    "FieldChange",
    "IndicatorChange",
    "MetricChange",
    "Rename",
    "Reroute",
    "Reworded",
    "diff",
    "diff_elements",
    "finding_key",
    "indicator_changes",
]


_SAME: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ElementRef:
    """An element added or removed: its id, collection and name."""

    id: str
    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a changed element: its old and new value (as in the model's JSON)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class ElementChange:
    """An element in both models whose fields differ."""

    id: str
    kind: str
    name: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class Reroute:
    """An integration whose mechanism or network changed, e.g. api_direct -> splp."""

    id: str
    source: str
    target: str
    old_via: str
    new_via: str
    old_network: str | None
    new_network: str | None


@dataclass(frozen=True, slots=True)
class MetricChange:
    """One audit metric before and after: a count or a share (part of a total)."""

    name: str
    old: int | Share
    new: int | Share

    @property
    def delta(self) -> float | None:
        """New minus old: a count's difference, a share's in fraction points (None: no total)."""
        if isinstance(self.old, Share) and isinstance(self.new, Share):
            if self.old.value is None or self.new.value is None:
                return None
            return self.new.value - self.old.value
        return self.new - self.old  # type: ignore[operator]


@dataclass(frozen=True, slots=True)
class IndicatorChange:
    """An indicator whose level moved, and what that moved the index by."""

    id: int | str
    name: str
    old_level: int | None
    new_level: int | None
    index_change: float


@dataclass(frozen=True, slots=True)
class Rename:
    """An element whose id alone changed: removed under `old` and added under `new` with the
    same fields. Its findings are the same findings (a gate fails on none of them)."""

    old: str
    new: str
    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class Reworded:
    """A finding of both versions whose message changed: the same problem grown or shrunk (a
    data centre whose outage stops 12 services, no longer 11)."""

    finding: Finding
    was: str
    """The old version's message."""


@dataclass(frozen=True, slots=True)
class Downgrade:
    """A finding of both versions that the new one rates lower (`severity:` in spbe.yaml):
    an error made a warning no longer fails a gate, so a reviewer must see it."""

    finding: Finding
    was: Severity


@dataclass
class DiffResult:
    """The difference between an old and a new model (see the module docstring)."""

    old: str
    new: str
    added: list[ElementRef] = field(default_factory=list)
    removed: list[ElementRef] = field(default_factory=list)
    changed: list[ElementChange] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    """Elements whose id alone changed (not in `added` nor `removed`)."""
    rerouted: list[Reroute] = field(default_factory=list)
    absent: str | None = None
    """The version (as `old` or `new` names it) in which the model folder did not exist (a
    git revision before it was added, or after it was removed): every element counts as
    added (or removed)."""
    unread: list[str] = field(default_factory=list)
    """Ids written in a file of either version that could not be read: not compared (neither
    added nor removed), nor their findings introduced or resolved."""
    introduced: list[Finding] = field(default_factory=list)
    """Findings of the new model that the old one did not have (located in the new model)."""
    resolved: list[Finding] = field(default_factory=list)
    """Findings of the old model that the new one no longer has (located in the old model)."""
    waived: list[Finding] = field(default_factory=list)
    """Findings of both models that a waiver accepts in the new one only (a change that
    silences an error must show it)."""
    unwaived: list[Finding] = field(default_factory=list)
    """Findings of both models that a waiver accepted in the old one only: they count again."""
    silenced: list[Finding] = field(default_factory=list)
    """Findings of the old model gone because the new one turns their rule off
    (`severity: {code: off}`) or marks the integrations of their application unknown
    (`integrations_known: false`): no longer judged, not resolved, and shown apart."""
    reworded: list[Reworded] = field(default_factory=list)
    """Findings of both versions whose message changed (located in the new one)."""
    downgraded: list[Downgrade] = field(default_factory=list)
    """Findings of both versions rated lower in the new one (located in the new one)."""
    metrics: list[MetricChange] = field(default_factory=list)
    old_index: float | None = None
    new_index: float | None = None
    old_predikat: str | None = None
    new_predikat: str | None = None
    old_year: int | None = None
    new_year: int | None = None
    """The assessment year each index is about (a new year's entries move it)."""
    indicators: list[IndicatorChange] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        """What a change is judged by (exit code, SARIF): the findings it introduced, those
        it made count again by removing their waiver, and those it rated lower, at the
        severity they had (a line of `severity:` would otherwise pass any gate)."""
        return [*self.introduced, *self.unwaived,
                *(replace(d.finding, severity=d.was) for d in self.downgraded)]

    @property
    def index_change(self) -> float | None:
        if self.old_index is None or self.new_index is None:
            return None
        return self.new_index - self.old_index


def finding_key(item: Finding, files: Mapping[str, str] = _SAME) -> tuple:
    """What identifies a finding across versions: its code, its element and what about it
    (`Finding.subject`: the data set of an unintegrated data flow; the message and the
    position may change). A finding about no element is identified by its file and what it is
    about (`Finding.about`: its place in the file, else what it names in words no language
    changes, else its hint or message). `files` maps a file of one version to its name in the
    other (two one-file models named differently)."""
    if item.element is not None:
        return (item.code, item.element, item.subject)
    file = None if item.location is None else files.get(item.location.file,
                                                         item.location.file)
    return (item.code, None, file, item.about)


Analysis = tuple[AuditResult, MaturityResult]


def analysis_aside(model: ValidationResult) -> Aside[Analysis]:
    """Start auditing and assessing one version on the second core (`spbe_arch.io.aside`): a
    caller that loads the old version first starts its analysis before loading the new one."""
    return aside(_analysed, model)


def diff_versions(
    model: Path, new: Path | None = None, *, from_rev: str | None = None,
    to_rev: str | None = None, load: Callable[[Path], ValidationResult],
) -> DiffResult:
    """Compare two folders (`model` and `new`), or the folder `model` as it was in the git
    revision `from_rev` with it as it is now (or as it is in `to_rev`): a version a revision
    does not have is no model at all (the change adds it), unless git sees the folder moved
    since: then it is read where it was (`from_rev:PATH`, which the result's label says; so
    is `to_rev`). The
    old version is analysed on the second core while the new one is read (`analysis_aside`).

    `load` reads and validates a folder (`load_model`; the CLI keeps what it loads until it
    exits). Raises `SpbeError` when git is missing, the folder is not in a repository or a
    revision is unknown.
    """
    from contextlib import ExitStack

    from ..io import SpbeError
    from ..io.git import renamed_from, revision
    from ..validate import no_model

    temporary: dict[str, str] = {}  # a revision's temporary folder -> the label naming it

    def named(exc: SpbeError) -> SpbeError:
        """`exc` naming each revision as the user wrote it, not its temporary folder."""
        message = str(exc)
        for path, label in temporary.items():
            message = message.replace(path, label)
        return SpbeError(message)

    def read(path: Path | None, label: str) -> ValidationResult:
        if path is None:
            return no_model(model)
        if path != model and path != new:
            temporary[str(path)] = label
        try:
            return load(path)
        except SpbeError as exc:
            raise named(exc) from exc

    with ExitStack() as stack:
        def at(rev: str) -> tuple[Path | None, str]:
            """The folder as it was in `rev` (where git sees it moved from since), and the
            revision as the label names it."""
            path = stack.enter_context(revision(model, rev))
            if path is None and ":" not in rev and (then := renamed_from(model, rev)) is not None:
                rev = f"{rev}:{then}"
                path = stack.enter_context(revision(model, rev))
            return path, rev

        if from_rev is None:
            old_path, new_path, old_label = model, new, model.as_posix()
        else:
            old_path, from_rev = at(from_rev)
            new_path = model
            if to_rev is not None:
                new_path, to_rev = at(to_rev)
            elif old_path is not None and not model.exists():
                new_path = None  # removed since `from_rev`: every element is removed
            old_label = f"{model.as_posix()}@{from_rev}"
        new_label = (new or model).as_posix() + (f"@{to_rev}" if to_rev else "")
        before = read(old_path, old_label)
        analysing = analysis_aside(before)  # while the new version is read
        try:  # the analyses read the framework a revision's manifest names, say
            result = diff(before, read(new_path, new_label), old_label=old_label,
                          new_label=new_label, old_analysis=analysing)
        except SpbeError as exc:
            raise named(exc) from exc
    result.absent = old_label if old_path is None else new_label if new_path is None else None
    if result.absent is not None:  # no model, no index: nothing to compare it with
        if result.absent == old_label:
            result.old_index = result.old_predikat = None
        else:
            result.new_index = result.new_predikat = None
        result.indicators = []
    return result


def diff(
    old: ValidationResult, new: ValidationResult, *, old_label: str = "old",
    new_label: str = "new", old_analysis: Aside[Analysis] | None = None,
) -> DiffResult:
    """Compare two loaded models: elements, integrations rerouted, findings, metrics, index.

    Each model is audited and assessed on its own graph, with its own framework and waivers.

    Parameters
    ----------
    old, new
        The two models, as `load_model` returns them.
    old_label, new_label
        How the result names them (folders, or git revisions).
    old_analysis
        The old version's analysis if already started (`analysis_aside(old)`).
    """
    result = DiffResult(old_label, new_label)
    before = old_analysis or analysis_aside(old)  # the old version aside, the new one here
    result.added, result.removed, result.changed = diff_elements(
        old.architecture, new.architecture
    )
    for added, removed, changed in diff_entries(old.architecture, new.architecture):
        result.added += added
        result.removed += removed
        result.changed += changed
    result.renamed, result.removed, result.added = _renames(
        old.architecture, new.architecture, result.removed, result.added)
    result.rerouted = _rerouted(old.architecture, new.architecture, result.changed)
    new_audit, new_maturity = _analysed(new)
    old_audit, old_maturity = before.result()
    new_findings = [*new_audit.findings, *_own(new_maturity, new.findings)]
    as_found = [*old_audit.findings, *_own(old_maturity, old.findings)]
    old_findings = _renamed_in(as_found, {r.old: r.new for r in result.renamed})
    original = {id(made): item for made, item in zip(old_findings, as_found, strict=True)}
    unread = old.architecture.unread.keys() | new.architecture.unread.keys()
    result.unread = sorted(unread)
    key = partial(finding_key, files=_one_file_names(old.architecture, new.architecture))
    touching = _touching(unread, old.architecture, new.architecture)
    introduced = _only_in(new_findings, old_findings, key)
    result.introduced = [f for f in introduced if not touching(f)]
    resolved = [original[id(f)] for f in _only_in(old_findings, new_findings, key)
                if not touching(f)]
    off = turned_off(new.architecture) - turned_off(old.architecture)
    unknown = (new.architecture.integrations_unknown()
               - old.architecture.integrations_unknown())
    result.silenced = [f for f in resolved if f.code in off or (unknown and (
        f.element in unknown or not unknown.isdisjoint(f.related)))]
    silenced = {id(f) for f in result.silenced}
    result.resolved = [f for f in resolved if id(f) not in silenced]
    result.waived, result.unwaived = _waiver_changes(old_findings, new_findings, introduced, key)
    result.downgraded = _downgrades(old_findings, new_findings, introduced, key)
    result.reworded = _reworded(old_findings, new_findings, key)
    result.metrics = _metric_changes(old_audit.metrics, new_audit.metrics)
    result.old_index, result.new_index = old_maturity.index, new_maturity.index
    result.old_predikat, result.new_predikat = (  # few rated: provisional, no predikat
        None if m.few_rated else m.predikat for m in (old_maturity, new_maturity))
    result.old_year, result.new_year = old_maturity.year, new_maturity.year
    result.indicators = indicator_changes(old_maturity, new_maturity)
    return result


def _touching(unread: set[str], *archs: Architecture) -> Callable[[Finding], bool]:
    """True for a finding that may have come or gone only because a file could not be read
    in one version: of a check the audit leaves out then (`WHOLE_MODEL`), about an element
    written there, naming one, or about an element whose references name one (a service whose
    applications were in that file)."""
    if not unread:
        return lambda item: False

    def refers(element_id: str) -> bool:
        for arch in archs:
            kind = arch.kind_of(element_id)
            element = arch.collections[kind].get(element_id) if kind else None
            for name in REFERENCES.get(kind or "", {}) if element is not None else ():
                value = getattr(element, name)
                if (value in unread) if isinstance(value, str) else not unread.isdisjoint(
                        value or ()):
                    return True
        return False

    return lambda item: item.code in WHOLE_MODEL or item.element in unread or (
        not unread.isdisjoint(item.related)) or (item.element is not None and refers(item.element))


def diff_elements(
    old: Architecture, new: Architecture
) -> tuple[list[ElementRef], list[ElementRef], list[ElementChange]]:
    """Elements added, removed and changed from `old` to `new` (the instansi included), by id."""
    old_elements = _elements(old)
    new_elements = _elements(new)
    added = [_ref(i, *new_elements[i])
             for i in new_elements.keys() - old_elements.keys() - old.unread.keys()]
    removed = [_ref(i, *old_elements[i])
               for i in old_elements.keys() - new_elements.keys() - new.unread.keys()]
    differ = []  # compared where they lie, one lookup each: 100,000 on a national model
    for collection in COLLECTIONS:
        olds, news = old.collections[collection], new.collections[collection]
        differ += [  # `_same`, inline
            i for i, element in news.items()
            if (before := olds.get(i)) is not None
            and not (type(before) is type(element) and before.__dict__ == element.__dict__)
        ]
        differ += [i for i in news.keys() - olds.keys() if i in old_elements]  # moved here
    if new.instansi is not None and new_elements[new.instansi.id][0] == "instansi" and (
            before := old_elements.get(new.instansi.id)) is not None and not _same(
            before[1], new.instansi):  # renamed, or an id that was another element's
        differ.append(new.instansi.id)
    changed = []
    for element_id in sorted(differ):
        kind, element = new_elements[element_id]
        before = old_elements[element_id]
        if before[0] != kind:  # an id that moved to another collection: a different element
            removed.append(_ref(element_id, *before))
            added.append(_ref(element_id, kind, element))
            continue
        fields = _field_changes(before[1], element)
        if fields:  # none: only the order of a list of ids moved
            changed.append(ElementChange(element_id, kind, _name(element_id, element), fields))
    return sorted(added, key=_by_id), sorted(removed, key=_by_id), changed


def _renames(old: Architecture, new: Architecture, removed: list[ElementRef],
             added: list[ElementRef]) -> tuple[list[Rename], list[ElementRef], list[ElementRef]]:
    """The removed and added elements of one collection whose fields are all the same but the
    id: an id renamed (`e-kir` to `e-kir-dishub`), where one element alone matches each way,
    and then those whose fields differ only by the ids renamed (its integrations, renamed with
    it); and the removed and added left."""
    renamed: dict[str, str] = {}
    pairs: list[tuple[ElementRef, ElementRef]] = []

    def fields(arch: Architecture, ref: ElementRef, old_side: bool) -> tuple[str, str]:
        element = arch.collections[ref.kind].get(ref.id) if ref.kind in COLLECTIONS else None
        if element is None:
            return ref.kind, ""
        text = element.model_dump_json(exclude={"id"})
        return ref.kind, _QUOTED_JSON.sub(lambda m: f'"{renamed.get(m[1], m[1])}"',
                                          text) if old_side and renamed else text

    while removed and added:
        gone: dict[tuple[str, str], list[ElementRef]] = {}
        for ref in removed:
            gone.setdefault(fields(old, ref, True), []).append(ref)
        came: dict[tuple[str, str], list[ElementRef]] = {}
        for ref in added:
            came.setdefault(fields(new, ref, False), []).append(ref)
        found = [(before[0], after[0]) for made, before in gone.items() if made[1]
                 and len(before) == 1 and len(after := came.get(made, [])) == 1]
        if not found:
            break
        pairs += found
        renamed.update((a.id, b.id) for a, b in found)
        paired = {id(ref) for pair in found for ref in pair}
        removed = [r for r in removed if id(r) not in paired]
        added = [r for r in added if id(r) not in paired]
    return [Rename(a.id, b.id, b.kind, b.name) for a, b in pairs], removed, added


_QUOTED_JSON = re.compile(r'"([^"\\]+)"')
"""A string of a model's JSON: an id it names, where one is renamed."""


def _renamed_in(findings: list[Finding], renamed: dict[str, str]) -> list[Finding]:
    """`findings` of the old version as the new one names their elements (`_renames`): their
    ids, and the ids their messages quote ('e-kir'), so that only what changed differs."""
    if not renamed:
        return findings

    def new(element_id: str | None) -> str | None:
        return renamed.get(element_id, element_id) if element_id is not None else None

    def quoted(match: re.Match[str]) -> str:
        return f"'{renamed.get(match[1], match[1])}'"

    return [replace(f, element=new(f.element), subject=new(f.subject),
                    related=tuple(renamed.get(r, r) for r in f.related),
                    message=QUOTED.sub(quoted, f.message)) for f in findings]


def diff_entries(
    old: Architecture, new: Architecture
) -> Iterator[tuple[list[ElementRef], list[ElementRef], list[ElementChange]]]:
    """(added, removed, changed) of the assessment entries, of the evaluator's results, then
    of the waivers, each keyed as `_entries` names them."""
    for kind, named in (("assessment", _assessment_entries),
                        ("evaluations", _evaluation_entries), ("waivers", _waiver_entries)):
        before, after = named(old), named(new)
        yield (
            [ElementRef(key, kind, name) for key, (name, _e) in after.items() if key not in before],
            [ElementRef(key, kind, name) for key, (name, _e) in before.items() if key not in after],
            [ElementChange(key, kind, name, fields) for key, (name, entry) in after.items()
             if key in before and not _same(before[key][1], entry)
             and (fields := _field_changes(before[key][1], entry))],
        )


def _assessment_entries(arch: Architecture) -> dict[str, tuple[str, Any]]:
    """Key ('11@2025') -> ('', entry): an entry has no name of its own, its key says it (the
    renderers word it, `report.change.ref_name`); a second entry of one indicator and year is
    '#2'."""
    return _keyed((f"{e.indicator}@{e.year}", "", e) for e in arch.assessment)


def _evaluation_entries(arch: Architecture) -> dict[str, tuple[str, Any]]:
    """Key (the year, '2024') -> (its title, the evaluation)."""
    return _keyed((str(e.year), e.title, e) for e in arch.evaluations)


def _waiver_entries(arch: Architecture) -> dict[str, tuple[str, Any]]:
    """Key ('SPBE-A0NN e-bphtb data-pegawai') -> (its reason and until, the waiver): the date
    is what a reviewer of an added waiver checks first."""
    return _keyed((" ".join(filter(None, (w.code, w.element, w.about))),
                   f"{w.reason} ({w.until})", w) for w in arch.waivers)


def _keyed(entries: Iterable[tuple[str, str, Any]]) -> dict[str, tuple[str, Any]]:
    out: dict[str, tuple[str, Any]] = {}
    for key, name, entry in entries:
        n, unique = 1, key
        while unique in out:
            n += 1
            unique = f"{key}#{n}"
        out[unique] = (name, entry)
    return out


def _same(old: Any, new: Any) -> bool:
    """Equal elements: pydantic's `==` compares the fields' values the same way, only slower
    over the 100,000 elements of a national model."""
    return type(old) is type(new) and old.__dict__ == new.__dict__


def _by_id(ref: ElementRef) -> str:
    return ref.id


def _elements(arch: Architecture) -> dict[str, tuple[str, Any]]:
    found: dict[str, tuple[str, Any]] = {}
    for collection in COLLECTIONS:
        for element_id, element in arch.collections[collection].items():
            found[element_id] = (collection, element)
    if arch.instansi is not None:
        found.setdefault(arch.instansi.id, ("instansi", arch.instansi))
    return found


def _name(element_id: str, element: Any) -> str:
    """What names an element in the diff: its name, else (an integration) its ends and
    mechanism, else its id."""
    if getattr(element, "name", None):
        return element.name
    if isinstance(element, Integration):
        return f"{element.source} -> {element.target} ({element.via})"
    return element_id


def _ref(element_id: str, kind: str, element: Any) -> ElementRef:
    return ElementRef(element_id, kind, _name(element_id, element))


def _field_changes(old: Any, new: Any) -> tuple[FieldChange, ...]:
    """The fields whose values differ; a list of ids (`reads`, `networks`) written in another
    order is the same list."""
    changes = []
    for name in type(new).model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before != after and not _reordered(before, after):
            changes.append(FieldChange(name, _plain(old, name), _plain(new, name)))
    return tuple(changes)


def _reordered(before: Any, after: Any) -> bool:
    return (isinstance(before, list) and isinstance(after, list)
            and all(isinstance(v, str) for v in (*before, *after))
            and sorted(before) == sorted(after))


def _plain(element: Any, name: str) -> Any:
    """A field's value as the model's JSON writes it (enums as strings, dates as text); None
    for a list the element does not state (`networks:` left out says nothing, `[]` says
    none)."""
    value = element.model_dump(mode="json", include={name})[name]
    return None if value == [] and not element.states(name) else value


def _rerouted(
    old: Architecture, new: Architecture, changed: Iterable[ElementChange]
) -> list[Reroute]:
    out = []
    for change in changed:
        if change.kind != "integrations":
            continue
        if not {c.field for c in change.fields} & {"via", "network"}:
            continue
        before, after = old.integrations[change.id], new.integrations[change.id]
        out.append(
            Reroute(change.id, after.source, after.target, str(before.via), str(after.via),
                    before.network, after.network)
        )
    return out


def _analysed(model: ValidationResult) -> Analysis:
    """The audit and the maturity assessment of one version, each on its own graph."""
    graph = build_graph(model.architecture)
    return audit(graph, validation=model.findings), assess(graph)


def _own(maturity: MaturityResult, validation: list[Finding]) -> list[Finding]:
    """The maturity findings that are not the validation findings merged into them."""
    merged = Counter(validation)
    out = []
    for item in maturity.findings:
        if merged[item]:
            merged[item] -= 1
        else:
            out.append(item)
    return out


def _one_file_names(old: Architecture, new: Architecture) -> Mapping[str, str]:
    """The old file's name -> the new one's, when both versions are one-file models named
    differently (`diff v1.yaml v2.yaml`): their findings name the same file."""
    if len(old.files) == 1 and len(new.files) == 1 and old.files != new.files:
        return {old.files[0]: new.files[0]}
    return _SAME


def _only_in(findings: list[Finding], other: list[Finding],
             key: Callable[[Finding], tuple] = finding_key) -> list[Finding]:
    """Findings of `findings` that `other` does not have (each occurrence counts).

    Matched first with the elements they relate (which of an application's data flows has no
    integration), then by `key` alone (a hub whose partners changed is the same finding):
    with only the key, a second gap of one application would show as its first.
    """
    def related(item: Finding) -> tuple:
        return (*key(item), item.related)

    mine = findings_without(findings, map(related, other), key=related)
    theirs = findings_without(other, map(related, findings), key=related)
    return findings_without(mine, map(key, theirs), key=key)


def _waiver_changes(
    old: list[Finding], new: list[Finding], introduced: list[Finding],
    key: Callable[[Finding], tuple] = finding_key,
) -> tuple[list[Finding], list[Finding]]:
    """Findings of both versions that a waiver accepts in the new one only, and those it
    accepted in the old one only (they count again)."""
    was_waived = {key(f) for f in old if f.waived}
    is_waived = {key(f) for f in new if f.waived}
    fresh = set(map(id, introduced))
    kept = [(f, key(f)) for f in new if id(f) not in fresh]
    waived = [f for f, made in kept if f.waived and made not in was_waived]
    unwaived = [f for f, made in kept
                if not f.waived and made in was_waived and made not in is_waived]
    return waived, unwaived


def _reworded(old: list[Finding], new: list[Finding],
              key: Callable[[Finding], tuple]) -> list[Reworded]:
    """Warnings and errors one of each version has under one key, whose message says other
    counts: what names it quotes aside (a list that reorders, a name renamed), and infos
    aside (how much of the data is known moves with every element added)."""
    def once(findings: list[Finding]) -> dict[tuple, Finding]:
        keyed = [(key(f), f) for f in findings]
        counted = Counter(made for made, _f in keyed)
        return {made: f for made, f in keyed if counted[made] == 1}

    def counts(message: str) -> str:
        return QUOTED.sub("''", message)

    before = once(old)
    return [Reworded(f, before[made].message) for made, f in once(new).items()
            if f.severity is not Severity.info and made in before
            and counts(before[made].message) != counts(f.message)]


def _downgrades(old: list[Finding], new: list[Finding], introduced: list[Finding],
                key: Callable[[Finding], tuple]) -> list[Downgrade]:
    """Findings of both versions that the new one rates lower than the old one did."""
    was: dict[tuple, Severity] = {}
    for item in old:
        made = key(item)
        if made not in was or item.severity.rank > was[made].rank:
            was[made] = item.severity
    fresh = set(map(id, introduced))
    return [Downgrade(f, was[made]) for f in new
            if id(f) not in fresh and not f.waived and (made := key(f)) in was
            and f.severity.rank < was[made].rank]


def findings_without(
    findings: Iterable[Finding], keys: Iterable[tuple],
    key: Callable[[Finding], tuple] = finding_key,
) -> list[Finding]:
    """`findings` less one occurrence per key in `keys` (keys as `key` makes them)."""
    remaining = Counter(keys)
    out = []
    for item in findings:
        made = key(item)
        if remaining[made]:
            remaining[made] -= 1
        else:
            out.append(item)
    return out


_METRICS = (
    "applications",
    "integrations",
    "integrations_via_splp",
    "cross_unit_integrations_via_splp",
    "units_on_jip",
    "services_fully_integrated",
)


def _metric_changes(old: Metrics, new: Metrics) -> list[MetricChange]:
    """Each audit metric that is a count or a share, before and after (changed or not)."""
    return [MetricChange(name, getattr(old, name), getattr(new, name)) for name in _METRICS]


def indicator_changes(old: MaturityResult, new: MaturityResult) -> list[IndicatorChange]:
    """The indicators whose counted level moved from `old` to `new`, and what each moved the
    index by."""
    before = {r.id: r for r in old.indicators}
    total = sum(r.weight for r in new.indicators) or 1.0
    out = []
    for rating in new.indicators:
        previous = before.get(rating.id)
        old_level = previous.level if previous else None
        if old_level == rating.level:
            continue
        gain = rating.weight * (rating.level - (old_level or 0)) / total
        out.append(IndicatorChange(rating.id, rating.name, old_level, rating.level, gain))
    return out
