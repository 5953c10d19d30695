"""The one table of finding codes: each rule's code, name, severity, message and documentation.

Every rule is declared once, in this package (`validation`, `audit`, `maturity`, `roadmap`,
`waiver`): the checks that report it, `docs/rules.md`, the SARIF rule metadata and the
severity overrides of `spbe.yaml` all read it from here. A code is never reused; a retired
rule stays, `removed`.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from inspect import cleandoc
from typing import Any

from ..finding import Finding, Location, Severity
from ..i18n import gettext

__all__ = [
    "DOC_HEADINGS",
    "QUOTED",
    "RULES",
    "Hit",
    "Rule",
    "RuleStatus",
    "codes_of",
    "declare",
    "finding",
    "listed",
]

DOC_HEADINGS = ("## What it does", "## Why is this bad?", "## Example")


class RuleStatus(StrEnum):
    """Life cycle of a code: codes are never reused, retired ones stay listed."""

    stable = "stable"
    preview = "preview"
    deprecated = "deprecated"
    removed = "removed"


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a rule's problem, as a check yields it: the element and the values
    the rule's message and hint are written with."""

    element: str | None
    """The element the problem is about; None for a problem of the whole model."""
    related: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    variant: str = ""
    """Which of the rule's message templates applies, for a rule that has several."""
    subject: str | None = None
    """For a hit about no element, what it is about in words no language changes
    (`Finding.subject`)."""


@dataclass(frozen=True)
class Rule:
    """A finding code with its name (the bad pattern), severity, status and documentation.

    `message` and `hint` are templates filled from a `Hit` (`{element}` and its values), in
    English; the catalogs (`spbe_arch.model.i18n`) translate the template, never the filled
    text. `message` and `hint` may map variants (`Hit.variant`) to templates. A rule whose
    findings are worded where they are found (validation, maturity) leaves them empty.
    """

    code: str
    name: str
    severity: Severity
    since: str
    doc: str
    message: str | dict[str, str] = ""
    hint: str | dict[str, str] | None = None
    status: RuleStatus = RuleStatus.stable
    overridable: bool = True
    subject: str | None = None
    """For a rule that finds several problems of one element, the value of its hits that
    tells them apart (`data`: the data set read without integration): the finding's
    `subject`, which a diff, a baseline and a waiver match on."""

    @property
    def summary(self) -> str:
        """The first sentence under 'What it does'."""
        body = self.doc.split("## What it does", 1)[-1].split("##", 1)[0]
        return " ".join(body.split()).split(". ")[0].rstrip(".")

    def finding(self, hit: Hit) -> Finding:
        """The finding of one hit, worded by the rule's templates."""
        values = {"element": hit.element, **hit.values}
        template = self.message if isinstance(self.message, str) else self.message[hit.variant]
        return Finding(
            code=self.code,
            severity=self.severity,
            message=gettext(template).format(**values),
            element=hit.element,
            hint=gettext(self.hint if isinstance(self.hint, str) else self.hint[hit.variant]
                         ).format(**values) if self.hint else None,
            related=hit.related,
            subject=hit.subject if self.subject is None else str(values[self.subject]),
        )


QUOTED = re.compile(r"'([^'\s]+)'")
"""An id or a coded value as a rule's message quotes it (`'{element}'`, `'api_direct'`): what a
diff renames in the old version's messages and the report says in words."""


RULES: dict[str, Rule] = {}
"""Code -> rule; filled when this package is imported."""


def declare(
    code: str,
    name: str,
    doc: str,
    *,
    severity: Severity = Severity.error,
    since: str = "0.1",
    message: str | dict[str, str] = "",
    hint: str | dict[str, str] | None = None,
    status: RuleStatus = RuleStatus.stable,
    overridable: bool = True,
    subject: str | None = None,
) -> Rule:
    """Add a rule to the table; a code is declared once."""
    if code in RULES:
        raise ValueError(f"code {code} declared twice")
    entry = Rule(code, name, severity, since, cleandoc(doc), message, hint, status, overridable,
                 subject)
    RULES[code] = entry
    return entry


def codes_of(*families: str) -> frozenset[str]:
    """The codes of the rule families named by their letters, e.g. `codes_of("A")`."""
    return frozenset(code for code in RULES if code.split("-")[1][0] in families)


def finding(
    rule: Rule,
    message: str,
    *,
    element: str | None = None,
    location: Location | None = None,
    hint: str | None = None,
    related: tuple[str, ...] = (),
    subject: str | None = None,
) -> Finding:
    """A finding of `rule` worded where it is found, with the rule's default severity."""
    return Finding(
        code=rule.code,
        severity=rule.severity,
        message=message,
        element=element,
        location=location,
        hint=hint,
        related=related,
        subject=subject,
    )


def listed(items: list[str], limit: int) -> str:
    """Up to `limit` items, comma-separated, and how many more there are: for messages.

    Examples
    --------
    >>> listed(["a", "b"], 3), listed(["a", "b", "c", "d", "e"], 3)
    ('a, b', 'a, b, c and 2 more')
    """
    shown = ", ".join(items[:limit])
    if len(items) <= limit:
        return shown
    return shown + " " + gettext("and {count} more").format(count=len(items) - limit)
