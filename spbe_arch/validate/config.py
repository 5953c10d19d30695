"""Rule severity overrides from `instansi.severity` in spbe.yaml."""

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Architecture, Finding, Location, Severity
from ..model.i18n import gettext as _
from ..model.rules import RULES, finding
from ..model.rules import validation as codes

__all__ = ["apply_overrides", "check_overrides", "turned_off"]

OFF = "off"
_CHOICES = (*(s.value for s in Severity), OFF)


def check_overrides(arch: Architecture) -> Iterator[Finding]:
    """Yield a finding for every override that would do nothing."""
    if arch.instansi is None or not arch.instansi.severity:
        return
    manifest = arch.files[0] if arch.files else "spbe.yaml"
    for code, value in arch.instansi.severity.items():
        where = Location(manifest, key_path=("instansi", "severity", code))
        entry = RULES.get(code)
        if entry is None:
            yield finding(
                codes.INVALID_SEVERITY_OVERRIDE,
                _("severity: unknown code '{code}'").format(code=code),
                location=where,
                hint=_("codes are listed in docs/rules.md"),
            )
        elif not entry.overridable:
            yield finding(
                codes.INVALID_SEVERITY_OVERRIDE,
                _("severity: '{code}' ({name}) cannot be changed").format(
                    code=code, name=entry.name
                ),
                location=where,
            )
        elif value not in _CHOICES:
            yield finding(
                codes.INVALID_SEVERITY_OVERRIDE,
                _("severity: '{value}' for '{code}' is not one of {choices}").format(
                    value=value, code=code, choices=", ".join(_CHOICES)
                ),
                location=where,
            )


def turned_off(arch: Architecture) -> set[str]:
    """The codes the model's `severity:` turns off (those a model may override)."""
    overrides = arch.instansi.severity if arch.instansi else {}
    return {code for code, wanted in overrides.items()
            if wanted == OFF and code in RULES and RULES[code].overridable}


def apply_overrides(findings: Iterable[Finding], arch: Architecture) -> list[Finding]:
    """Findings with overridden severities; those set to `off` are dropped."""
    overrides = arch.instansi.severity if arch.instansi else {}
    out = []
    for item in findings:
        wanted = overrides.get(item.code)
        entry = RULES.get(item.code)
        if wanted is None or entry is None or not entry.overridable or wanted not in _CHOICES:
            out.append(item)
        elif wanted != OFF:
            out.append(replace(item, severity=Severity(wanted)))
    return out
