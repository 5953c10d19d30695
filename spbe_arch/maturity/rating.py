"""Rate each indicator from the model's evidence and the self-assessment.

Unrated indicators (neither source) get the framework's lowest level, source "none": the
regulation rates every indicator 1 to 5, and an indicator without bukti dukung is rated at the
lowest level (Rintisan / Informasi), never 0; a 0 would put the estimate below anything the
evaluation can publish for a rated instansi. They are listed so the team can assess them.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Architecture, AssessmentEntry, Finding, Location
from ..model.framework import EvidenceRule, Framework, Indicator
from ..model.i18n import gettext as _
from ..model.rules import finding
from ..model.rules import maturity as codes
from .evidence import Derivation
from .result import IndicatorRating, Source

__all__ = ["rate"]

_SERVICE_RULES = (EvidenceRule.service_level, EvidenceRule.open_data)


@dataclass(frozen=True)
class _Assessed:
    entry: AssessmentEntry
    position: int


def rate(
    arch: Architecture, framework: Framework, derivations: dict[int, Derivation]
) -> tuple[list[IndicatorRating], list[Finding]]:
    """One rating per indicator (framework order) and the findings about the assessment.

    Where the model and the self-assessment disagree both are kept and the lower level
    counts, as the evaluator will rate it; a self-assessment above a rule's ceiling does not
    disagree with the model, which cannot show more.
    """
    findings: list[Finding] = []
    assessed = _assessed(arch, framework, findings)
    findings.extend(_service_indicators(arch, framework))
    ratings = []
    for indicator in framework.indicators:
        found = assessed.get(indicator.id)
        rating, above = _rate(framework, indicator, derivations.get(indicator.id), found)
        ratings.append(rating)
        if above and found is not None:
            derivation = derivations[indicator.id]
            findings.append(finding(
                codes.ASSESSMENT_ABOVE_MODEL,
                _("indicator {indicator} self-assessed at level {claimed} but the model shows "
                  "level {level} ({reason}); level {level} counts").format(
                    indicator=indicator.id, claimed=found.entry.level, level=derivation.level,
                    reason=derivation.reason,
                ),
                location=_entry_location(arch, found.position, "level"),
                hint=next(iter(derivation.actions.get(derivation.level + 1, ())), None),
            ))
    return ratings, findings


def _rate(framework: Framework, indicator: Indicator, derivation: Derivation | None,
          found: _Assessed | None) -> tuple[IndicatorRating, bool]:
    names = framework.level_names(indicator.domain)
    model = derivation.level if derivation else None
    self_level = found.entry.level if found else None
    above = False
    note = None
    if model is not None and self_level is not None:
        source = Source.both
        if self_level > model and model < derivation.ceiling:  # type: ignore[union-attr]
            level, above = model, True
            note = f"self-assessed {self_level}, model shows {model}: the lower counts"
        elif self_level > model:
            level = self_level
            note = f"self-assessed {self_level}, above what a model can show ({model})"
        else:
            level = self_level
            if self_level < model:
                note = f"model shows {model}, self-assessed {self_level}: the lower counts"
    elif model is not None:
        level, source = model, Source.model
    elif self_level is not None:
        level, source = self_level, Source.assessment
    else:
        level, source = min(names), Source.none
        note = "not rated: neither model evidence nor self-assessment; lowest level assumed"
    return IndicatorRating(
        id=indicator.id, name=indicator.name, english=indicator.english,
        domain=indicator.domain, aspect=indicator.aspect, weight=indicator.weight,
        level=level, level_name=names[level], source=source, model_level=model,
        assessed_level=self_level, derivation=derivation,
        assessment=found.entry if found else None, note=note,
    ), above


def _indicator_id(value: int | str) -> int | None:
    if isinstance(value, int):
        return value
    text = value.strip()
    return int(text) if text.isdigit() else None


def _assessed(arch: Architecture, framework: Framework,
              findings: list[Finding]) -> dict[int, _Assessed]:
    known = {i.id for i in framework.indicators}
    out: dict[int, _Assessed] = {}
    for position, entry in enumerate(arch.assessment):
        number = _indicator_id(entry.indicator)
        where = _entry_location(arch, position, "indicator")
        if number not in known:
            findings.append(finding(
                codes.UNKNOWN_ASSESSMENT_INDICATOR,
                _("assessment: unknown indicator '{indicator}' in framework '{framework}'").format(
                    indicator=entry.indicator, framework=framework.id
                ),
                location=where,
                hint=_("indicators are numbered {first} to {last}").format(
                    first=min(known), last=max(known)
                ),
            ))
            continue
        if entry.level > framework.max_level:
            findings.append(finding(
                codes.ASSESSMENT_LEVEL_OUT_OF_RANGE,
                _("assessment: level {level} of indicator {indicator} is above the framework's "
                  "highest level {highest}").format(
                    level=entry.level, indicator=number, highest=framework.max_level
                ),
                location=_entry_location(arch, position, "level"),
            ))
            continue
        first = out.get(number)
        if first is not None:
            findings.append(finding(
                codes.DUPLICATE_ASSESSMENT,
                _("assessment: indicator {indicator} assessed twice (levels {first} and "
                  "{second}); the lower counts").format(
                    indicator=number, first=first.entry.level, second=entry.level
                ),
                location=where,
            ))
            if entry.level >= first.entry.level:
                continue
        out[number] = _Assessed(entry, position)
    return out


def _service_indicators(arch: Architecture, framework: Framework) -> Iterator[Finding]:
    service_ids = sorted(i.id for i in framework.indicators if i.evidence in _SERVICE_RULES)
    for service_id, service in sorted(arch.services.items()):
        if service.indicator is not None and service.indicator not in service_ids:
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


def _entry_location(arch: Architecture, position: int, field: str) -> Location:
    """Where a field of the `position`-th assessment entry was written."""
    source = arch.assessment_sources[position]
    return Location(source.file, key_path=("assessment", source.index, field))


def _service_location(arch: Architecture, service_id: str) -> Location | None:
    source = arch.sources.get(service_id)
    if source is None:
        return None
    return Location(source.file, key_path=(source.collection, source.index, "indicator"))


def _ranges(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    parts, start, prev = [], numbers[0], numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        parts.append(f"{start}-{prev}" if prev != start else f"{start}")
        if number is not None:
            start = prev = number
    return ", ".join(parts)
