"""Hints for a value of the wrong type or outside its vocabulary: the fix a newcomer needs
(the value as it should be written), beside the rule that pydantic says it breaks."""

import re
from typing import Any

from ..model.i18n import gettext as _
from ..model.types import STATUS_WORDS
from .references import did_you_mean

__all__ = ["value_hint"]

_DECIMAL_COMMA = re.compile(r"^\s*[-+]?[0-9]+,[0-9]+\s*$")
"""A number written the Indonesian way, '3,5'."""


def value_hint(error: Any, value: Any) -> str | None:
    """A fix for the common slips: a number where text is wanted (an id `3201.1` unquoted),
    a decimal comma (`3,5`), a word close to one of the accepted ones (`optimal` for `optimum`)."""
    if error["type"] == "string_type" and isinstance(value, int | float):
        return _("YAML reads {value} as a number: quote it, '{value}'").format(value=value)
    if error["type"] == "float_parsing" and isinstance(value, str) and _DECIMAL_COMMA.match(value):
        number = value.strip().replace(",", ".")
        return _("write the decimal with a point: {number}").format(number=number)
    if error["type"] == "invalid_key" and isinstance(value, int):  # {target: 3,5}
        return _("a comma ends a value in a {...} mapping: write a decimal with a point "
                 "(3.5), quote a text with a comma")
    if error["type"] == "int_parsing" and tuple(error["loc"])[-1:] == ("level",):
        return _("an assessed level is a number (1 to 5 in PermenPANRB 59/2020)")
    expected = str((error.get("ctx") or {}).get("expected", ""))
    if isinstance(value, str) and expected:
        return _meant_value(value, re.findall(r"'([^']*)'", expected))
    return None


def _meant_value(value: str, accepted: list[str]) -> str | None:
    """"did you mean" the accepted value a wrong one most likely stands for: the same word in
    other case ('SPLP'), a status in Indonesian ('aktif'), a close spelling ('optimal'), or
    the only value it begins ('api' for 'api_direct')."""
    lowered = value.lower()
    status = STATUS_WORDS.get(" ".join(re.findall(r"[a-z0-9]+", lowered)))
    same = [choice for choice in accepted if choice.lower() == lowered or choice == status]
    close = _did_you_mean(same) or did_you_mean(value, accepted)
    if not close and len(value) >= 3:
        starting = [choice for choice in accepted if choice.lower().startswith(lowered)]
        close = _did_you_mean(starting) if len(starting) == 1 else ""
    return close.strip() or None


def _did_you_mean(close: list[str]) -> str:
    return _("did you mean '{name}'? ").format(name=close[0]) if close else ""
