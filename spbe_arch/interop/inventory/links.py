"""The integrations column ('Terintegrasi dengan: SIMPUS; SATUSEHAT') read as integrations.

An inventory that lists the systems an application exchanges data with does not say in which
direction, and says how only in a mechanism column ('Melalui: SPLP'), if it has one: each named
system becomes an integration `direction: unknown`, `via:` as the row's mechanism cell names it
(`row_mechanisms`: one mechanism for every name of the row, or one per name in the same order),
else `unknown`, between the row's application (its `source`) and the application named
(matched by its name, acronym or long name among the imported applications, see
`spbe_arch.io.name_forms`; of an application listed twice, the first row) or else to the
national platform named (`PlatformMatcher`), or else to the one application named by its
acronym and words of its name ('SIPATEN Kecamatan'). One pair of applications gets one
integration, whichever row names it. A name that matches nothing, or more than one
application, is no integration: it is kept in the application's `properties.integrations`
and reported.
"""

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from ...io import PlatformMatcher, find_platforms, name_forms, name_key
from ...io.unit_names import unit_key
from ...model import Application, Integration, IntegrationDirection, IntegrationVia, Status
from ...model.i18n import gettext as _
from ...model.i18n import language
from ...model.words import STATUS
from .columns import Column
from .report import ImportReport, RowNote, Unlinked
from .rows import Row
from .units import CODE_PARTS, IdPool
from .values import Mechanism, mechanism_of, says_no_integration

__all__ = ["PROPERTY", "AppNames", "Link", "integrations", "row_mechanisms", "status_between"]

_ASIDE = re.compile(r"\([^)]*\)")
"""Words in parentheses in a name: a description or a qualifier ('(Aduan Warga)')."""

PROPERTY = "integrations"
"""The property keeping the names that became no integration."""

_BETWEEN_NAMES = re.compile(r"\s*(?:[;\n]|\s[|+]\s)\s*")
_COMMA = re.compile(r"\s*,\s*")
"""Between the names of a cell: 'SIMPUS; SATUSEHAT', 'SIPD, SIMDA', one name a line."""
_CONJUNCTIONS = r"(?:dan|serta|and|&)"
_AND = re.compile(rf"\s*/\s*|\s+{_CONJUNCTIONS}\s+", re.IGNORECASE)
"""Between two names written as one ('SIPD dan SIMDA', 'SIPD/SIMDA'), tried when the whole
names nothing: 'Sistem Informasi Pajak Bumi dan Bangunan' stays one name when it is one."""
_ORDER = (Status.retired, Status.planned, Status.development)
"""An integration is no further along than its least advanced application."""


@dataclass(frozen=True, slots=True)
class Link:
    """An integration the column names, held as its few facts until it is written: a
    100,000-row inventory names ~70,000, and as validated `Integration` objects with their
    descriptions they alone took ~110 MiB (the import's target is 512 MiB in all)."""

    id: str
    source: str
    target: str
    row: int
    """The first row that names it, quoted in its description."""
    text: str
    """What that row's cell says of it."""
    status: Status | None
    via: IntegrationVia | None = None
    """The mechanism the row's mechanism cell names for it (None: unknown)."""
    how: str = ""
    """What that cell says."""

    def fields(self, column: str, mechanism: str = "") -> dict[str, str]:
        """The integration as the model writes it; `column` and `mechanism` are the headers
        of the integrations and the mechanism columns."""
        if self.via is None and self.how:  # rows naming different mechanisms
            description = _(
                "From the inventory (row {row}, '{column}': '{text}'; '{mechanism}': {how}): "
                "these applications exchange data; how, its rows disagree, and in which "
                "direction, it does not say")
        elif self.via is None:
            description = _(
                "From the inventory (row {row}, '{column}': '{text}'): these applications "
                "exchange data; how, and in which direction, it does not say")
        else:
            description = _(
                "From the inventory (row {row}, '{column}': '{text}', '{mechanism}': '{how}'): "
                "these applications exchange data; in which direction, it does not say")
        fields = {
            "id": self.id,
            "description": description.format(row=self.row, column=column, text=self.text,
                                              mechanism=mechanism, how=self.how),
            "source": self.source,
            "target": self.target,
            "via": (self.via or IntegrationVia.unknown).value,
            "direction": IntegrationDirection.unknown.value,
        }
        if self.status is not None:
            fields["status"] = self.status.value
        return fields


def integrations(
    rows: Iterable[tuple[Row, Application]],
    names: "AppNames",
    ids: IdPool,
    report: ImportReport,
    given: Collection[frozenset[str]] = frozenset(),
    other_status: Mapping[frozenset[str], Integration] = MappingProxyType({}),
) -> tuple[list[Link], dict[str, list[int]], dict[str, list[str]]]:
    """The integrations the rows' integrations column names, the rows each comes from, and
    application id -> the names that became no integration (also in `report.unlinked`),
    which the caller keeps in its `properties.integrations`. Two applications `given` links
    already (the integration list) get no second integration: counted in
    `report.also_listed`; one the list gives only as planned or retired (`other_status`)
    gets its integration all the same, and a note says so."""
    pairs = list(rows)
    made: dict[tuple[str, str], Link] = {}
    found: dict[str, list[int]] = {}
    left: dict[str, list[str]] = {}
    also: set[frozenset[str]] = set()  # pairs the integration list gives
    mechanism_column = report.columns.get(str(Column.mechanism), "")
    for row, app in pairs:
        cell = row.values.get(Column.integrations)
        if not cell or says_no_integration(cell):  # 'Belum terintegrasi': none, and known
            continue
        texts = names.names_in(cell, app.id)
        how = row.values.get(Column.mechanism, "")
        mechanisms = row_mechanisms(how, len(texts))
        if how and mechanisms is None:
            report.mechanisms_unread.setdefault(how, []).append(row.number)
        for text, mechanism in zip(texts, mechanisms or [None] * len(texts), strict=True):
            if mechanism is not None and mechanism.none:  # 'Belum': the column says not yet
                report.notes.append(RowNote(row.number, _(
                    "'{text}' in '{column}', '{how}' in '{mechanism}': not integrated; no "
                    "integration, kept as properties.integrations").format(
                        text=text, column=report.columns.get(str(Column.integrations), ""),
                        how=how, mechanism=mechanism_column)))
                left.setdefault(app.id, []).append(text)
                continue
            targets = names.named(text, app.id)
            if (guess := names.guess(text, targets)) is not None:  # the report says it
                report.notes.append(RowNote(row.number, _(
                    "'{text}' in '{column}' taken as application '{id}': {why}").format(
                        text=text, column=report.columns.get(str(Column.integrations), ""),
                        id=guess[0], why=guess[1])))
            if isinstance(targets, set):
                report.unlinked.append(Unlinked(row.number, app.id, text, tuple(
                    sorted(targets) or platforms_holding(text))))
                left.setdefault(app.id, []).append(text)
                continue
            for target in targets:
                if frozenset((app.id, target)) in given:
                    also.add(frozenset((app.id, target)))
                    continue
                pair = (app.id, target) if app.id < target else (target, app.id)
                if pair not in made and (other := other_status.get(frozenset(pair))):
                    report.notes.append(RowNote(row.number, _(
                        "'{source}' and '{target}': the inventory says they are integrated, "
                        "the integration list gives only a {status} integration ('{id}'); "
                        "both written (retire one if the list is right)").format(
                            source=app.id, target=target, id=other.id,
                            status=STATUS[other.status][language() != "id"])))
                via = mechanism.via if mechanism is not None else None
                if pair not in made:
                    status = status_between(app, names.apps.get(target))
                    if status is None and mechanism is not None and mechanism.planned:
                        status = Status.planned  # 'Rencana SPLP'
                    made[pair] = Link(
                        ids.take(f"int-{app.id}-{target}"), app.id, target,
                        row.number, text, status, via, how if via is not None else "")
                    report.integrations_via += via is not None
                elif via is not None and made[pair].via not in (None, via):
                    report.notes.append(RowNote(row.number, _(
                        "'{how}' in '{column}' names {via} for '{text}', row {row} another "
                        "mechanism for the same two applications ({first}): the inventory does "
                        "not say which, written as unknown").format(
                            text=text, column=mechanism_column, how=how, via=via.value,
                            row=made[pair].row, first=made[pair].via.value)))
                    report.integrations_via -= 1
                    made[pair] = replace(made[pair], via=None, how=_(
                        "'{first}' in row {row}, '{how}' in row {other}").format(
                            first=made[pair].how, row=made[pair].row, how=how,
                            other=row.number))
                rows_of = found.setdefault(made[pair].id, [])
                if row.number not in rows_of:
                    rows_of.append(row.number)
    report.integrations = len(made)
    report.also_listed = len(also)
    return list(made.values()), found, left


def row_mechanisms(cell: str, count: int) -> "list[Mechanism] | None":
    """The mechanism of each of a row's `count` integrations that its mechanism cell gives:
    one mechanism for all ('API' for 'SATUSEHAT; SIAK'), or one per name in the same order,
    listed as the names are (between ';', '|' or line breaks: 'SPLP; Manual' for 'SIASN;
    e-Kinerja'); None when the cell names none, or several that cannot be told apart
    ('API/SPLP' or 'API dan SPLP' for several names; for one name, 'API melalui SPLP' is
    through SPLP); an empty cell, none.

    >>> [m.via.value for m in row_mechanisms("SPLP; Manual", 2)]
    ['splp', 'manual']
    >>> [m.via.value for m in row_mechanisms("API", 2)], row_mechanisms("API dan SPLP", 2)
    (['api_direct', 'api_direct'], None)
    >>> row_mechanisms("API/SPLP", 1)[0].via.value
    'splp'
    """
    if not cell or not count:
        return None
    listed = [p for p in re.split(r"\s*[;\n|]\s*", cell.strip()) if p]
    each = [mechanism_of(p) for p in listed]
    if count > 1 and len(listed) == count and all(m.via or m.none for m in each):
        return each
    whole = mechanism_of(cell)
    named = {mechanism_of(p).via for p in _AND.split(cell) + re.split(r"[;\n|,+]", cell)}
    named.discard(None)
    if whole.none or (whole.via is not None and (count == 1 or len(named) <= 1)):
        return [whole] * count
    return None


_CENTRAL = frozenset({"ri", "pusat", "nasional", "kementerian", "kemendagri", "kemenkes",
                      "kemenpanrb", "kemenkeu", "komdigi", "bssn", "bkn", "lkpp"})
"""Words naming the national system after a platform's name ('SIPD RI'), not the pemda's
installation of it."""
_CONJUNCTION = re.compile(rf"^{_CONJUNCTIONS}\s+", re.IGNORECASE)
"""Opening the last name of a list: 'SIPD, SIMDA, dan SIMONEV'."""


class AppNames:
    """The imported applications by the names a list calls them: their ids, names, acronyms
    and long names (`name_forms`), and the national platforms (`matcher`), the pemda's own
    installation of one standing for it."""

    def __init__(self, apps: Iterable[Application], matcher: PlatformMatcher,
                 units: Mapping[str, str] = MappingProxyType({})) -> None:
        self.apps = {app.id: app for app in apps}
        self._matcher = matcher
        self._unit_keys = {unit: {unit_key(name), unit} for unit, name in units.items()}
        """Unit id -> what names it after a national platform's name ('SATUSEHAT Dinkes')."""
        self._ids = {app_id.casefold(): app_id for app_id in self.apps}
        codes: dict[str, list[str]] = {}
        for app_id in self.apps:
            if any(c.isdigit() for c in app_id):
                codes.setdefault(_code_key(app_id), []).append(app_id)
        self._codes = {key: ids[0] for key, ids in codes.items() if len(ids) == 1}
        """An id with digits ('apl-03') by its letters and numbers ('APL03', 'Apl-3')."""
        known: dict[str, str | set[str]] = {}  # a set only for a name several apps share
        for app in self.apps.values():
            for form in name_forms(app.name):
                key = name_key(form.text)
                held = known.setdefault(key, app.id)
                if held == app.id:
                    continue
                sharing = held if isinstance(held, set) else {held}
                if form.kind == "name" and any(
                    self.apps[other].owner == app.owner and name_key(self.apps[other].name) == key
                    for other in sharing
                ):
                    break  # listed twice (the same name and unit): its first row is the one named
                known[key] = sharing | {app.id}
        self._known = known
        bare: dict[str, list[str]] = {}
        for app in self.apps.values():
            if "(" in app.name:
                bare.setdefault(name_key(_ASIDE.sub(" ", app.name)), []).append(app.id)
        self._bare = {key: ids[0] for key, ids in bare.items() if len(ids) == 1 and key}
        """A name with words in parentheses by the name without them ('Sukamaju Sambat' of
        'Sukamaju Sambat (Aduan Warga)'), where one application has it."""
        self._instances: dict[str, list[str]] = {}  # platform -> its imported installations
        for app in self.apps.values():
            if app.platform is not None:
                self._instances.setdefault(app.platform, []).append(app.id)
        self._guessed: dict[str, tuple[str, str]] = {}  # text -> the application taken, and why

    def named(self, text: str, source: str = "") -> list[str] | set[str]:
        """The ids `text` names from the application `source` (none: from nowhere): a list of
        targets, or the set of candidates when it names none, several, or only `source`
        itself. 'SIPD dan SIMDA' names two when the whole names nothing."""
        found = self._target(text, source, loose=False)
        if isinstance(found, str):
            return [found]
        pieces = [p for p in _AND.split(text) if p]
        if not found and len(pieces) > 1:  # before a guess: 'SIMDA Keuangan / SIMONEV'
            each = [self._target(p, source) for p in pieces]
            if all(isinstance(t, str) for t in each):
                return list(dict.fromkeys(each))
        found = self._target(text, source)
        return [found] if isinstance(found, str) else found

    def names_in(self, cell: str, source: str = "") -> list[str]:
        """The names a cell gives: its parts between `;`, line breaks, ' | ' or ' + ', each
        split again at commas unless it is the name of one application ('Aplikasi Surat,
        Disposisi dan Arsip'): 'SIPD, SIMDA, dan SIMONEV' gives three."""
        names = []
        for part in filter(None, _BETWEEN_NAMES.split(cell.strip())):
            if "," not in part or isinstance(self._target(part, source, loose=False), str):
                names.append(_CONJUNCTION.sub("", part))
            else:
                names += [_CONJUNCTION.sub("", p) for p in _COMMA.split(part) if p]
        return names

    def guess(self, text: str, named: list[str] | set[str]) -> tuple[str, str] | None:
        """(application, why) when `named` (what `named(text)` gave) is a guess: an acronym
        and words of a name, or the pemda's own installation of a national platform."""
        taken, why = self._guessed.get(text, ("", ""))
        return (taken, why) if named == [taken] else None

    def _target(self, text: str, source: str, *, loose: bool = True) -> str | set[str]:
        """The one imported application (other than `source`) `text` names by its name, else
        by its id; with `loose`, else the national platform it names (its one imported
        instance when there is one: the pemda's own installation), else the one application
        it names by its acronym and words of its name (`_qualified`); else the candidate
        applications: none, several of one name, or `source` alone."""
        candidates: set[str] = set()
        for form in name_forms(text):
            held = self._known.get(name_key(form.text), set())
            candidates = {held} if isinstance(held, str) else held
            others = candidates - {source}
            if len(others) == 1:
                return next(iter(others))
            if candidates:
                break
        by_id = self._ids.get("-".join(CODE_PARTS.split(text.strip().casefold())))
        if by_id is None and any(c.isdigit() for c in text):
            by_id = self._codes.get(_code_key(text))
        if not candidates and by_id is not None:  # an id column's code ('APL-03', 'APL 03')
            return by_id if by_id != source else {source}
        if candidates == {source} or not loose:
            return candidates
        platform = self._matcher(text)  # 'SIPD' of several units' SIPD: the platform itself
        own = [a for a in self._instances.get(platform, ()) if a != source] if platform else []
        words = text.split()
        if _CENTRAL.intersection(name_key(word) for word in words):
            own = []  # 'SIPD RI', 'SATUSEHAT Kemenkes': the national system, not the pemda's
        why = _("the pemda's own installation of national platform '{platform}'")
        tails = {unit_key(" ".join(words[i:])) for i in range(1, len(words))} if own else set()
        if any(keys & tails for keys in self._unit_keys.values()):  # 'SATUSEHAT Dinkes'
            own = [a for a in own if self._unit_keys.get(self.apps[a].owner, set()) & tails]
            why = _("the installation of national platform '{platform}' of the unit named")
        if len(own) == 1:  # 'SIKDA' for the pemda's own SIKDA Generik: that one
            self._guessed[text] = own[0], why.format(platform=platform)
            return own[0]
        if len(own) > 1:  # 'SIPD' beside sipd-bpkad and sipd-bappeda: which one, not known
            self._guessed[text] = platform, _(
                "national platform '{platform}' itself, not one of the units' installations "
                "{installations}").format(platform=platform, installations=", ".join(
                    f"'{a}'" for a in sorted(own)))
        if platform is not None or candidates:
            return platform or candidates
        bare = self._bare.get(name_key(text))
        if bare is not None and bare != source:
            self._guessed[text] = bare, _("its name without the words in parentheses")
            return bare
        qualified = _qualified(text, self._known, self.apps, source)
        if qualified is None:
            return candidates
        self._guessed[text] = qualified, _("its acronym and words of its name")
        return qualified


def _code_key(text: str) -> str:
    """A code by its letters and numbers, zeros before a number aside: 'APL-03', 'APL03',
    'Apl-3' and 'apl_03' are 'apl-3'."""
    return "-".join(str(int(part)) if part.isdigit() else part
                    for part in re.findall(r"[a-z]+|\d+", text.casefold()))


def _qualified(text: str, known: dict[str, str | set[str]], apps: dict[str, Application],
               source: str) -> str | None:
    """The one application `text` names by its acronym (or short name) and words of its own
    name: 'SIPATEN Kecamatan' for 'SIPATEN — Sistem Pelayanan Administrasi Terpadu
    Kecamatan'. A word its name does not have ('SIMPUS Lama') names nothing: a different
    system, perhaps."""
    first, *rest = text.split()
    held = known.get(name_key(first)) if rest else None
    if not isinstance(held, str) or held == source:
        return None
    words = {name_key(word) for word in apps[held].name.split()}
    return held if all(name_key(word) in words for word in rest) else None


def status_between(source: Application, target: Application | None) -> Status | None:
    """`status` of the integration when an application at either end is not active."""
    stated = {app.status for app in (source, target) if app is not None}
    return next((s for s in _ORDER if s in stated), None)


def platforms_holding(text: str, most: int = 5) -> tuple[str, ...]:
    """The catalog's platforms whose id or name holds `text` ('BPJS': pcare, vclaim), when
    they are a few: what a name matching none as a whole may mean."""
    found = tuple(p.id for p in find_platforms(text))
    return found if len(found) <= most else ()
