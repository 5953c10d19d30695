"""Claims against evidence: the level that counts for each indicator in one evaluation year.

Every indicator has four levels, all shown:

- **self** — the claim: the year's assessment entry `level`, else the best `level:` of the
  services that name the indicator;
- **verified** — the evaluator's level after verification (`verified:` of the entry);
- **model** — what the model's structure shows (`spbe_arch.maturity.evidence`), capped: the
  structure shows at most level 3 outside the service indicators, at most *kolaborasi* for a
  service (`spbe_arch.maturity.services`: never *optimum*), and at most level 2 anywhere in a
  model with fewer than five active applications (ratios over a handful of elements prove
  little);
- **counted** — the verified level where there is one, as in the published index; otherwise
  the lower of the claim and what the model shows.

A claim backed by documents (an entry whose `evidence:` names them) is not held to the
structure's caps: it counts up to its level unless the structure contradicts it (a rule's
rung below the claim that the rule could show, e.g. integrations bypassing SPLP) or the
model leaves out what the rule reads (*insufficient data*: it contradicts nothing, but shows
nothing either, and the claim counts as unrated until the facts are recorded). A claim
without documents counts only as far as the model shows: where the model shows nothing of the
indicator (a policy, which only a document shows), it counts for nothing. An indicator with
neither a counted claim nor model evidence counts at the framework's lowest level, as the
regulation rates an indicator without bukti dukung, and is listed as unrated.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from ..model import (
    Architecture,
    AssessmentEntry,
    Finding,
    InstansiLevel,
    Location,
    ServiceKind,
    ServiceLevel,
    Status,
)
from ..model.framework import EvidenceRule, Framework, Indicator
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from ..model.rules import finding, listed
from ..model.rules import maturity as codes
from ..model.words import is_a_draft, names_the_self_assessment
from .evidence import Derivation
from .result import IndicatorRating, Source
from .services import STRUCTURE_TOP, ServiceStructure, fits

__all__ = ["SERVICE_RULES", "SMALL_MODEL", "Assessed", "assessments", "claimant", "rate",
           "service_indicators", "structure_cap"]

SERVICE_RULES = (EvidenceRule.service_level, EvidenceRule.open_data)
"""Evidence rules of service indicators, whose levels are service levels."""

STRUCTURE_MAX = 3
"""The highest level the structure shows for an indicator that is not a service's."""

SMALL_MODEL = 5
"""A model with fewer active applications than this shows at most `SMALL_MODEL_MAX`."""

SMALL_MODEL_MAX = 2

_NO_LIMIT = 99
"""A documented claim the structure does not contradict counts in full."""

_UNSUPPORTED = 0
"""A claim neither documented nor shown by the model counts for nothing: the framework's
lowest level, as the evaluation rates an indicator without bukti dukung."""


@dataclass(frozen=True)
class Assessed:
    """An assessment entry and its position in `Architecture.assessment` (for locations)."""

    entry: AssessmentEntry
    position: int
    confirmed: bool = True
    """False when the entry's `verified:` comes from no evaluator's result the model names
    (`evaluations:`): it counts as a claim."""
    verified_before: tuple[int, int] | None = None
    """(year, level) of the latest earlier verified level of the indicator: bukti dukung the
    evaluator had then show no more than it did (`stale`)."""

    @property
    def stale(self) -> bool:
        """True when the entry claims more than the evaluator verified in an earlier year
        and every document it names is of that year or before, dated: the evaluator weighed
        them and gave less; nothing new supports more."""
        if self.verified_before is None or self.claimed <= self.verified_before[1]:
            return False
        named = [e for e in self.entry.evidence if e.names_a_document
                 and (e.dated is None or e.dated <= self.entry.year)]  # those that count
        return bool(named) and all(e.dated is not None and e.dated <= self.verified_before[0]
                                   for e in named)

    @property
    def verified(self) -> int | None:
        """The verified level that counts as the evaluator's: none unless confirmed."""
        return self.entry.verified if self.confirmed else None

    @property
    def claimed(self) -> int:
        """The level the entry claims: its `level`, or a lower `verified:` the model does not
        confirm (a lower level the instansi itself writes down is not to be raised)."""
        if self.entry.verified is None or self.confirmed:
            return self.entry.level
        return min(self.entry.level, self.entry.verified)

    @property
    def documented(self) -> bool:
        """True when a bukti dukung is named that is not dated after the entry's year (a
        placeholder title such as '-' or 'ada' names none)."""
        return any(e.names_a_document and (e.dated is None or e.dated <= self.entry.year)
                   for e in self.entry.evidence)


def structure_cap(indicator: Indicator, active_apps: int) -> int:
    """The highest level the structure alone can show for `indicator`."""
    cap = STRUCTURE_TOP if indicator.evidence in SERVICE_RULES else STRUCTURE_MAX
    return min(cap, SMALL_MODEL_MAX) if active_apps < SMALL_MODEL else cap


def assessments(
    arch: Architecture, framework: Framework, home: str | None
) -> tuple[dict[int, dict[str, Assessed]], list[Finding]]:
    """The assessment entries made for `framework`: year -> indicator id -> entry; findings.

    `home` is the id of the framework spbe.yaml names, which entries without `framework:`
    were made for; when neither names one, an entry is taken to be for `framework`. An entry
    for another framework, for an unknown indicator or with a level the framework does not
    have is an error and is not used; an indicator assessed twice in one year is a warning,
    and the entry with the lower level is used (with the lower verified level of the two).
    The verified levels of a year whose result `evaluations:` does not name are not confirmed
    (`Assessed.confirmed`, rule verified-without-evaluation).
    """
    known = [i.id for i in framework.indicators]
    known_set = set(known)
    findings: list[Finding] = []
    out: dict[int, dict[str, Assessed]] = {}
    for position, entry in enumerate(arch.assessment):
        made_for = entry.framework or home
        if made_for is not None and made_for != framework.id:
            findings.append(finding(
                codes.ASSESSMENT_OTHER_FRAMEWORK,
                _("assessment: indicator {indicator} ({year}) was assessed for framework "
                  "'{made_for}', not for '{framework}' being rated").format(
                    indicator=entry.indicator, year=entry.year, made_for=made_for,
                    framework=framework.id,
                ),
                location=_entry_location(arch, position, "framework" if entry.framework
                                         else "indicator"),
                hint=_("rate it with `--framework {made_for}`, or set `framework: {framework}` "
                       "on entries made for it").format(made_for=made_for, framework=framework.id),
            ))
            continue
        if entry.indicator not in known_set:
            findings.append(finding(
                codes.UNKNOWN_ASSESSMENT_INDICATOR,
                _("assessment: unknown indicator '{indicator}' in framework '{framework}'").format(
                    indicator=entry.indicator, framework=framework.id
                ),
                location=_entry_location(arch, position, "indicator"),
                hint=_("indicators: {ranges}").format(ranges=_ranges(known)),
            ))
            continue
        too_high = [(name, value) for name, value in (("level", entry.level),
                                                      ("verified", entry.verified))
                    if value is not None and value > framework.max_level]
        if too_high:
            name, value = too_high[0]
            findings.append(finding(
                codes.ASSESSMENT_LEVEL_OUT_OF_RANGE,
                _("assessment: {name} {value} of indicator {indicator} is above the "
                  "framework's highest level {highest}").format(
                    name=name, value=value, indicator=entry.indicator,
                    highest=framework.max_level,
                ),
                location=_entry_location(arch, position, name),
            ))
            continue
        if entry.year > date.today().year:
            findings.append(finding(
                codes.FUTURE_ASSESSMENT,
                _("assessment: indicator {indicator} is assessed for {year}, a year still to "
                  "come").format(indicator=entry.indicator, year=entry.year),
                location=_entry_location(arch, position, "year"),
                hint=_("write the evaluation year (this year is {today}); plans for coming "
                       "years belong in `roadmap:`").format(today=date.today().year),
            ))
        for index, item in enumerate(entry.evidence):
            if not item.names_a_document:
                findings.append(finding(
                    codes.EVIDENCE_NAMES_NO_DOCUMENT,
                    _("assessment: bukti dukung '{title}' of indicator {indicator} ({year}) "
                      "names no document: it supports no level").format(
                        title=item.title, indicator=entry.indicator, year=entry.year),
                    location=_entry_location(arch, position, "evidence", index, "title"),
                    hint=(_("write the document's title, e.g. '{regulation} Nomor 12 Tahun "
                            "2022 tentang Arsitektur SPBE', and its address under `link:`")
                          if item.title_is_address else
                          _("the self-assessment is the claim, not its bukti dukung: name the "
                            "document the level rests on, e.g. '{regulation} Nomor 12 Tahun "
                            "2022 tentang Arsitektur SPBE'")
                          if names_the_self_assessment(item.title) else
                          _("a draft is not in force and supports no level: name the "
                            "document once it is enacted, e.g. '{regulation} Nomor 12 Tahun "
                            "2022 tentang Arsitektur SPBE'")
                          if is_a_draft(item.title) else
                          _("write the document's title, e.g. '{regulation} Nomor 12 Tahun "
                            "2022 tentang Arsitektur SPBE', with its `link:` and `year:`")
                          ).format(regulation=_REGULATION[arch.instansi.level if arch.instansi
                                                          else InstansiLevel.kabupaten]),
                ))
            elif item.dated is not None and item.dated > entry.year:
                findings.append(finding(
                    codes.EVIDENCE_AFTER_ASSESSMENT,
                    _("assessment: bukti dukung '{title}' of indicator {indicator} is dated "
                      "{year}, after the evaluation year {evaluated}: it does not support that "
                      "year's level").format(title=item.title, indicator=entry.indicator,
                                             year=item.dated, evaluated=entry.year),
                    location=_entry_location(arch, position, "evidence", index,
                                             "year" if item.year is not None else "title"),
                    hint=_("name a document of {evaluated} or before, or correct its year"
                           ).format(evaluated=entry.year),
                ))
        year = out.setdefault(entry.year, {})
        first = year.get(entry.indicator)
        if first is not None:
            findings.append(finding(
                codes.DUPLICATE_ASSESSMENT,
                _("assessment: indicator {indicator} assessed twice for {year} (levels {first} "
                  "and {second}); the lower counts").format(
                    indicator=entry.indicator, year=entry.year, first=first.entry.level,
                    second=entry.level,
                ),
                location=_entry_location(arch, position, "indicator"),
            ))
            verified = min((v for v in (first.entry.verified, entry.verified) if v is not None),
                           default=None)  # the evaluator's, whichever entry holds it
            kept, kept_at = (first.entry, first.position) if entry.level >= first.entry.level \
                else (entry, position)
            year[entry.indicator] = Assessed(
                kept if kept.verified == verified else kept.model_copy(
                    update={"verified": verified}), kept_at)
            continue
        year[entry.indicator] = Assessed(entry, position)
    findings.extend(_unconfirmed(arch, out))
    findings.extend(_shared_evidence(arch, out))
    out = dict(sorted(out.items()))
    _verified_before(out)
    return out, findings


def _verified_before(by_year: dict[int, dict[str, Assessed]]) -> None:
    """Give each entry the latest earlier verified level of its indicator: confirmed or not,
    a lower level the instansi itself wrote down as the evaluator's is not to be raised on
    the documents the evaluator had."""
    latest: dict[str, tuple[int, int]] = {}
    for year, entries in by_year.items():  # in year order
        for indicator, assessed in entries.items():
            if indicator in latest:
                entries[indicator] = replace(assessed, verified_before=latest[indicator])
        for indicator, assessed in entries.items():
            if assessed.entry.verified is not None:
                latest[indicator] = (year, assessed.entry.verified)


SHARED_MOST = 10
"""Indicators of one year one document may be the bukti dukung of: the internal policies
(indicators 1 to 10), which one regulation on SPBE may set."""


def _shared_evidence(arch: Architecture, by_year: dict[int, dict[str, Assessed]]
                     ) -> Iterator[Finding]:
    """One finding per document named for more than `SHARED_MOST` indicators of a year."""
    for year, entries in by_year.items():
        named: dict[str, tuple[str, list[Assessed]]] = {}  # title key -> a title, its uses
        for assessed in sorted(entries.values(), key=lambda a: a.position):
            titles = {" ".join(e.title.casefold().split()): e.title
                      for e in assessed.entry.evidence if e.names_a_document}
            for key, title in titles.items():
                named.setdefault(key, (title, []))[1].append(assessed)
        for title, uses in named.values():
            if len(uses) <= SHARED_MOST:
                continue
            first = uses[0]
            yield finding(
                codes.SHARED_EVIDENCE,
                _("assessment: bukti dukung '{title}' is named for {count} indicators of "
                  "{year} ({indicators}): one document rarely shows that many").format(
                    title=title, count=len(uses), year=year,
                    indicators=listed([a.entry.indicator for a in uses], 12)),
                location=_entry_location(arch, first.position, "evidence"),
                hint=_("name under each indicator the document that shows what it asks (the "
                       "regulation, the SK, the report of that very thing)"),
            )


def _unconfirmed(arch: Architecture, by_year: dict[int, dict[str, Assessed]]
                 ) -> Iterator[Finding]:
    """Mark the verified levels of each year whose evaluator's result the model does not name
    as unconfirmed, with one finding per year."""
    named = {e.year for e in arch.evaluations  # a result of a year to come is a typo
             if e.names_a_document and e.year <= date.today().year}
    for year, entries in by_year.items():
        verified = sorted((a for a in entries.values() if a.entry.verified is not None),
                          key=lambda a: a.position)
        if year in named or not verified:
            continue
        for assessed in verified:
            entries[assessed.entry.indicator] = replace(assessed, confirmed=False)
        name = arch.instansi.name if arch.instansi else "..."
        hint = _("name the result under `evaluations:`, e.g. `- {{year: {year}, title: "
                 "Laporan Hasil Evaluasi SPBE Tahun {year} {name}, link: ...}}`").format(
            year=year, name=name)
        placeholder = next((n for n, e in enumerate(arch.evaluations) if e.year == year), None)
        if placeholder is not None:  # written, with a title that names no document
            source = arch.evaluation_sources[placeholder]
            where = Location(source.file, key_path=("evaluations", source.index, "title"))
            yield finding(codes.VERIFIED_WITHOUT_EVALUATION, plural(len(verified), N_(
                "evaluations: the result of {year} '{title}' names no document: its {count} "
                "verified level counts as a claim"), N_(
                "evaluations: the result of {year} '{title}' names no document: its {count} "
                "verified levels count as claims"), year=year,
                title=arch.evaluations[placeholder].title), location=where, hint=hint)
            continue
        first = min(n for n, e in enumerate(arch.assessment)  # where a `verified:` is written
                    if e.year == year and e.verified is not None)
        yield finding(
            codes.VERIFIED_WITHOUT_EVALUATION,
            plural(len(verified), N_(
                "assessment: {count} verified level of {year} comes from no evaluator's "
                "result the model names: it counts as a claim"), N_(
                "assessment: {count} verified levels of {year} come from no evaluator's "
                "result the model names: they count as claims"), year=year),
            location=_entry_location(arch, first, "verified"),
            hint=hint,
        )


def rate(
    arch: Architecture,
    framework: Framework,
    derivations: dict[str, Derivation],
    assessed: dict[str, Assessed],
    structures: dict[str, ServiceStructure],
) -> tuple[list[IndicatorRating], list[Finding]]:
    """One rating per indicator (framework order) for one year's entries, and the findings.

    The findings are about claims that do not count in full (`assessment-above-model-evidence`)
    and services naming an indicator that is not a service indicator
    (`unknown-service-indicator`).
    """
    active = sum(1 for app in arch.applications.values() if app.status is Status.active)
    claims = _service_claims(arch, framework)
    ratings = []
    findings = list(service_indicators(arch, framework))
    for indicator in framework.indicators:
        found = assessed.get(indicator.id)
        claim = claims.get(indicator.id) if indicator.evidence in SERVICE_RULES else None
        rating = _rate(framework, indicator, derivations.get(indicator.id), found, claim,
                       structures, active)
        ratings.append(rating)
        if (found is not None and rating.verified_level is None
                and rating.level < found.claimed):
            findings.append(finding(
                codes.ASSESSMENT_ABOVE_MODEL,
                _("indicator {indicator} self-assessed at level {level} for {year}: {why}").format(
                    indicator=indicator.id, level=found.claimed, year=found.entry.year,
                    why=rating.why,
                ),
                location=_entry_location(arch, found.position, "level"),
                hint=_hint(rating, found),
            ))
    return ratings, findings


def _rate(framework: Framework, indicator: Indicator, derivation: Derivation | None,
          found: Assessed | None, service_claim: tuple[int, str] | None,
          structures: dict[str, ServiceStructure], active: int) -> IndicatorRating:
    names = framework.level_names(indicator.domain)
    cap = structure_cap(indicator, active)
    model = min(derivation.level, cap) if derivation else None
    entry = found.entry if found else None
    if found is not None:
        claim, claim_by = found.claimed, "assessment"
    elif service_claim is not None:
        claim, claim_by = service_claim[0], f"service '{service_claim[1]}'"
    else:
        claim, claim_by = None, None
    verified = found.verified if found else None
    reasons: list[str] = []
    gaps: tuple[str, ...] = ()
    service_shows = None
    if derivation is not None:
        reasons.append(derivation.reason)
        if model is not None and model < derivation.level:
            reasons.append(_cap_reason(indicator, cap, active, derivation.level))
    if entry is not None and verified is None:
        reasons.insert(0, _("self-assessed {level} ({year})").format(level=entry.level,
                                                                       year=entry.year))
        if entry.verified is not None:  # not confirmed: a claim (`_unconfirmed`)
            reasons.insert(1, _("verified {level} written, from no evaluator's result named "
                                "under `evaluations:`: counted as a claim of {claim}").format(
                level=entry.verified, claim=claim))
    if verified is not None:
        level, source = verified, Source.verified
        reasons.insert(0, (_("verified {level} ({year}), self-assessed {claim}")
                           if claim != verified else _("verified {level} ({year})")).format(
            level=verified, year=entry.year, claim=claim))  # type: ignore[union-attr]
        if (derivation is not None and not derivation.insufficient
                and derivation.level < min(verified, derivation.ceiling)):
            reasons.append(_("the model shows less than the evaluator verified: it leaves out "
                             "what the evaluator saw, or the level has fallen since"))
    elif claim is None:
        if model is None:
            level, source = min(names), Source.none
            reasons.append(_("not rated: no claim and no model evidence; lowest level assumed"))
        elif derivation is not None and derivation.insufficient:
            level, source = model, Source.none  # its reason says what the model leaves out
        else:
            level, source = model, Source.model
    else:
        allowed, why = _claim_limit(indicator, derivation, model, found, cap, active)
        allowed = max(min(allowed, framework.max_level), min(names))
        if claim_by.startswith("service") and service_claim is not None:
            shown = structures.get(service_claim[1])
            service_shows = shown.level if shown is not None else None
            if shown is not None and shown.level < claim:
                gaps = shown.missing
                why = _("{claimant} claims {claim}, its structure shows {shown} "
                        "({reason})").format(
                    claimant=claimant(claim_by), claim=_service_level(claim),
                    shown=_service_level(shown.level), reason=shown.reason)
        if claim <= allowed:
            level, source = claim, Source.claim
            if model is not None and claim < model:
                reasons.append(_("self-assessed {claim}, model shows {model}: the lower "
                                 "counts").format(claim=claim, model=model))
        else:
            # above what the model shows, or (no model rule) as far as a claim counts
            # without bukti dukung: then the claim, cut down, is what counts
            level = allowed
            known = model is not None and not (derivation is not None and derivation.insufficient)
            source = (Source.model if known  # else what the model leaves out: unrated, unless
                      else Source.claim if found is not None and found.stale  # as verified
                      else Source.none)
            reasons.append(_("claimed {claim}, {why}: {allowed} counts").format(
                claim=claim, why=why, allowed=allowed))
    return IndicatorRating(
        id=indicator.id, name=indicator.name, english=indicator.english,
        domain=indicator.domain, aspect=indicator.aspect, weight=indicator.weight,
        level=level, level_name=names[level], source=source, why="; ".join(reasons),
        self_level=claim, verified_level=verified, model_level=model,
        model_cap=cap if derivation else None, claim_by=claim_by, model_gaps=gaps,
        service_shows=service_shows,
        derivation=derivation, assessment=entry,
    )


def _claim_limit(indicator: Indicator, derivation: Derivation | None, model: int | None,
                 found: Assessed | None, cap: int, active: int) -> tuple[int, str]:
    """The highest level a claim counts at, and why it stops there."""
    if derivation is None and indicator.evidence in SERVICE_RULES:  # the structure shows it
        return _UNSUPPORTED, (  # where the service is recorded: none is, so nothing counts
            _("no service of the model names indicator {id} and it publishes no data set: "
              "record the open data (`published:`) or the service (`indicator: {id}`, its "
              "applications and integrations)") if indicator.evidence is EvidenceRule.open_data
            else _("no service of the model names indicator {id}: a service's level shows in "
                   "its structure, so record it (`indicator: {id}`, its applications and "
                   "integrations)")).format(id=indicator.id)
    documented = found is not None and found.documented
    if documented:
        ceiling = (min(derivation.ceiling, STRUCTURE_TOP)
                   if derivation and indicator.evidence in SERVICE_RULES
                   else derivation.ceiling if derivation else None)
        unknown = derivation is not None and derivation.insufficient
        if unknown:
            # unknown contradicts nothing, and shows nothing: were it to count in full, a
            # model that records less would count more than one that records the facts
            limit, why = derivation.level, _(
                "its rule reads what the model leaves out (insufficient data): record it to "
                "let the bukti dukung count")
        elif derivation is not None and (
                derivation.level < ceiling or active < SMALL_MODEL):  # type: ignore[operator]
            # (a handful of applications: the rule at its ceiling on two of them is no ground
            # for a claim above it; bukti dukung lift the small model's cap, not the rule)
            limit, why = derivation.level, (
                _("the model shows {level}") if model == derivation.level else
                _("its rule shows {level} (bukti dukung lift the cap, not the rule)")
            ).format(level=derivation.level)
        else:
            limit, why = _NO_LIMIT, ""
        if found.stale and (before := found.verified_before) is not None and (unknown or max(
                before[1], model or 0) < limit):  # the model may show more since: new evidence
            # (and where the model leaves out what the rule reads, the evaluator's level holds)
            year, level = before
            return max(level, model or 0), _(
                "its bukti dukung are all of {year} or before, when the evaluator verified "
                "{level}: nothing since shows more").format(year=year, level=level)
        return limit, why
    unnamed = _not_counted(found)
    if model is not None:
        why = (_cap_reason(indicator, cap, active, derivation.level)
               if derivation is not None and model < derivation.level
               else _("the model shows {level}").format(level=model))
        return model, why + (unnamed and "; " + unnamed)
    return _UNSUPPORTED, unnamed or _("no bukti dukung is named in the entry's `evidence:` "
                                      "and the model shows nothing of it")


def _not_counted(found: Assessed | None) -> str:
    """Why the bukti dukung an entry gives support no level, quoting them; '' with none."""
    if found is None or not found.entry.evidence:
        return ""
    named = [e for e in found.entry.evidence if e.names_a_document]
    titles = ", ".join(f"'{e.title}'" for e in named or found.entry.evidence)
    if not named:
        return _("its bukti dukung {titles} name no document ({code})").format(
            titles=titles, code=codes.EVIDENCE_NAMES_NO_DOCUMENT.code)
    return _("its bukti dukung {titles} are dated after {year} ({code})").format(
        titles=titles, year=found.entry.year, code=codes.EVIDENCE_AFTER_ASSESSMENT.code)


def claimant(claim_by: str) -> str:
    """Who claims a level (`IndicatorRating.claim_by`: "assessment" or "service 'id'"),
    as a sentence names it in the language in force."""
    if claim_by.startswith("service '"):
        return _("service '{service}'").format(service=claim_by[len("service '"):-1])
    return claim_by


def _service_level(number: int) -> str:
    return list(ServiceLevel)[number - 1].value


def _cap_reason(indicator: Indicator, cap: int, active: int, shown: int) -> str:
    if active < SMALL_MODEL and cap == SMALL_MODEL_MAX:
        return _(N_("the model has {count} active application (fewer than {small}): structure "
                    "shows at most {cap}") if active == 1 else
                 N_("the model has {count} active applications (fewer than {small}): structure "
                    "shows at most {cap}")).format(count=active, small=SMALL_MODEL, cap=cap)
    if indicator.evidence in SERVICE_RULES:
        return _("structure shows at most {cap}; optimum needs bukti dukung or a verified "
                 "level").format(cap=cap)
    return _("structure shows at most {cap} (rule level {shown}); level {next} needs bukti "
             "dukung named in an assessment entry or a verified level").format(
        cap=cap, shown=shown, next=cap + 1)


def _hint(rating: IndicatorRating, found: Assessed) -> str | None:
    derivation = rating.derivation
    if derivation is not None and derivation.level < found.entry.level:
        return next(iter(derivation.actions.get(derivation.level + 1, ())), None)
    if not found.documented:
        return _("name the bukti dukung under `evidence:` (title, link, year)")
    if found.stale and found.verified_before is not None:
        return _("name a document from after {year} that shows level {level} (with its "
                 "`year:`)").format(year=found.verified_before[0], level=found.claimed)
    return None


def _service_claims(arch: Architecture, framework: Framework) -> dict[str, tuple[int, str]]:
    """Indicator id -> (best claimed level, service id) of the services naming it that are of
    the kind it rates."""
    out: dict[str, tuple[int, str]] = {}
    for service_id, service in sorted(arch.services.items()):
        if service.indicator is None or service.level is None or not fits(framework, service):
            continue
        level = ServiceLevel(service.level).number
        best = out.get(service.indicator)
        if best is None or level > best[0]:
            out[service.indicator] = (level, service_id)
    return out


_REGULATION = {
    InstansiLevel.provinsi: "Peraturan Gubernur", InstansiLevel.kabupaten: "Peraturan Bupati",
    InstansiLevel.kota: "Peraturan Wali Kota", InstansiLevel.kementerian: "Peraturan Menteri",
    InstansiLevel.lembaga: "Peraturan Kepala",
}
"""The regulation an instansi of each kind sets its SPBE policies in: an example's title."""


def service_indicators(arch: Architecture, framework: Framework) -> Iterator[Finding]:
    """Services naming an indicator that is no service indicator of `framework`
    (unknown-service-indicator), or one that rates services of the other kind
    (service-of-another-kind)."""
    service_ids = [i.id for i in framework.indicators if i.evidence in SERVICE_RULES]
    for service_id, service in sorted(arch.services.items()):
        if service.indicator is not None and service.indicator in service_ids and not fits(
                framework, service):
            indicator = next(i for i in framework.indicators if i.id == service.indicator)
            yield finding(
                codes.SERVICE_KIND_MISMATCH,
                _("service '{service}' (kind: {kind}) names indicator {indicator} ({name}), "
                  "which rates {wanted} services: its level does not count there").format(
                    service=service_id, kind=_(KIND_WORDS[service.kind]),
                    indicator=indicator.id, name=indicator.name,
                    wanted=_(KIND_WORDS[framework.service_kind(indicator.id)])),
                element=service_id,
                location=_service_location(arch, service_id),
                hint=_("name the indicator that rates this very service ({choices}), or "
                       "correct `kind:`").format(choices="; ".join(
                           f"{i.id} {i.name}" for i in framework.indicators
                           if i.id in service_ids
                           and framework.service_kind(i.id) in (None, service.kind))),
            )
        elif service.indicator is not None and service.indicator not in service_ids:
            yield finding(
                codes.UNKNOWN_SERVICE_INDICATOR,
                _("service '{service}': indicator {indicator} is not a service indicator of "
                  "framework '{framework}'").format(
                    service=service_id, indicator=service.indicator, framework=framework.id
                ),
                element=service_id,
                location=_service_location(arch, service_id),
                hint=_("service indicators: {ranges}").format(ranges=_ranges(service_ids)),
            )


KIND_WORDS = {ServiceKind.public: N_("public"), ServiceKind.administration: N_("administration")}


def _entry_location(arch: Architecture, position: int, *field: str | int) -> Location:
    """Where a field (or a part of it: `evidence`, 0, `year`) of the `position`-th
    assessment entry was written."""
    source = arch.assessment_sources[position]
    return Location(source.file, key_path=("assessment", source.index, *field))


def _service_location(arch: Architecture, service_id: str) -> Location | None:
    source = arch.sources.get(service_id)
    if source is None:
        return None
    return Location(source.file, key_path=(source.collection, source.index, "indicator"))


def _ranges(ids: list[str]) -> str:
    """`1-10, 13` for runs of consecutive numbers; other ids as they are."""
    if not ids:
        return _("none")
    if not all(i.isdigit() for i in ids):
        return listed(ids, 12)
    numbers = sorted(int(i) for i in ids)
    parts, start, prev = [], numbers[0], numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        parts.append(f"{start}-{prev}" if prev != start else f"{start}")
        if number is not None:
            start = prev = number
    return ", ".join(parts)
