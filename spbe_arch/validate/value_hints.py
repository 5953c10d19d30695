"""Hints for a value of the wrong type or outside its vocabulary: the fix a newcomer needs
(the value as it should be written), beside the rule that pydantic says it breaks."""

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import Any

from ..io.unit_names import unit_kind
from ..model.i18n import gettext as _
from ..model.types import ID_PATTERN, STATUS_WORDS, ServiceLevel, SpbeModel
from .references import did_you_mean

__all__ = ["id_hint", "same_values", "value_hint"]

_DECIMAL_COMMA = re.compile(r"^\s*[-+]?[0-9]+,[0-9]+\s*$")
"""A number written the Indonesian way, '3,5'."""
_THOUSANDS = re.compile(
    r"^\s*(?:Rp\.?\s*)?([0-9]{1,3}(?:\.[0-9]{3})+)(?:,([0-9]+)|,-)?\s*$", re.IGNORECASE)
"""A number with the Indonesian thousands separator, 'Rp 150.000.000', 'Rp 150.000.000,-' or
'2.500.000,50' (one group, '1.500', YAML already read as the number 1.5)."""
_SERVICE_LEVELS = [str(level) for level in ServiceLevel]
"""The service levels, lowest first: level 3 is the third."""
_DATE_ERRORS = frozenset({
    "date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
})
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8,
    "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}
"""The first three letters of a month's name, Indonesian or English -> its number."""


def _days_in_month(value: Any) -> int | None:
    """The days of the month of a YYYY-MM-DD text whose day is past its end ('2026-02-30'),
    else None.

    >>> _days_in_month("2026-02-30"), _days_in_month("2024-02-30"), _days_in_month("2026-13-01")
    (28, 29, None)
    """
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year, month)[1]
    return days if day > days else None


def value_hint(error: Any, value: Any, written: Callable[[], str | None] = lambda: None
               ) -> str | None:
    """A fix for the common slips: a number where text is wanted (an id `001` unquoted, which
    YAML reads as 1: `written` gives the value as the file writes it),
    a decimal comma (`3,5`), thousands separators (`150.000.000`), one id where a list is
    wanted (`reads: data-pegawai`), a date day first (`01/12/2026`), a word close to one of the
    accepted ones (`optimal` for `optimum`), a service level by its number (`3`)."""
    if error["type"] == "string_type" and isinstance(value, bool):
        written = "true" if value else "false"
        return _("YAML reads {value} as yes or no: quote it, '{value}'").format(value=written)
    if error["type"] == "string_type" and isinstance(value, int | float):
        return _("YAML reads {written} as a number: quote it, '{written}'").format(
            written=written() or value)
    if error["type"] == "float_parsing" and isinstance(value, str) and _DECIMAL_COMMA.match(value):
        number = value.strip().replace(",", ".")
        return _("write the decimal with a point: {number}").format(number=number)
    if error["type"] == "float_parsing" and isinstance(value, str) and (
            found := _THOUSANDS.match(value)):
        whole, decimals = found.groups()
        number = whole.replace(".", "") + (f".{decimals}" if decimals else "")
        return _("write the number without thousands separators: {number}").format(
            number=number)
    if error["type"] == "invalid_key" and isinstance(value, int):  # {target: 3,5}
        return _("a comma ends a value in a {...} mapping: write a decimal with a point "
                 "(3.5), quote a text with a comma")
    if error["type"] in _DATE_ERRORS:
        iso = _iso_date(value)
        if iso is not None:
            return _("write the date year first, YYYY-MM-DD: {date}").format(date=iso)
        days = _days_in_month(value)
        if days is not None:
            return _("{month} has {days} days: write a day that exists").format(
                month=str(value)[:7], days=days)
        return _("write the date as YYYY-MM-DD, e.g. 2026-12-31")
    if error["type"] == "list_type" and isinstance(value, str | int | float):
        return _("write a list, even of one item: [{value}]").format(value=value)
    if error["type"] == "model_type":
        return _mapping_hint(str((error.get("ctx") or {}).get("class_name")), value)
    if error["type"] == "too_short" and tuple(error["loc"])[-1:] == ("set",):
        return _("name each field to change with its new value, e.g. set: {status: active}")
    if error["type"] == "int_parsing" and tuple(error["loc"])[-1:] == ("level",):
        return _("an assessed level is a number (1 to 5 in PermenPANRB 59/2020)")
    expected = str((error.get("ctx") or {}).get("expected", ""))
    accepted = re.findall(r"'([^']*)'", expected)
    if isinstance(value, str) and expected:
        return _meant_value(value, accepted)
    if accepted == _SERVICE_LEVELS and type(value) is int and 1 <= value <= len(accepted):
        return _("a service level is written by its name: {number} is '{name}'").format(
            number=value, name=accepted[value - 1])
    return None


def same_values(value: str, accepted: Iterable[str]) -> list[str]:
    """The accepted values `value` is written for, in other case or words: 'SPLP' and 'splp',
    'Direktorat Jenderal' and 'direktorat_jenderal', a status in Indonesian ('aktif'), a
    unit's kind by its head or short name ('gubernur', 'setda'); none for a close spelling.

    >>> same_values("Aktif", ["planned", "active"]), same_values("optimal", ["optimum"])
    (['active'], [])
    """
    lowered = value.lower()
    words = re.findall(r"[a-z0-9]+", lowered)
    key = " ".join(words)
    meant = {STATUS_WORDS.get(key), unit_kind(key), "_".join(words)}
    return [choice for choice in accepted if choice.lower() == lowered or choice in meant]


def _meant_value(value: str, accepted: list[str]) -> str | None:
    """"did you mean" the accepted value a wrong one most likely stands for: the same word in
    other case ('SPLP', 'Direktorat Jenderal'), a status in Indonesian ('aktif'), a unit's kind
    by its head or short name ('gubernur', 'setda'), a close spelling ('optimal'), or the only
    value it begins ('api' for 'api_direct')."""
    lowered = value.lower()
    same = same_values(value, accepted)
    close = _did_you_mean(same) or did_you_mean(value, accepted)
    if not close and len(value) >= 3:
        starting = [choice for choice in accepted if choice.lower().startswith(lowered)]
        close = _did_you_mean(starting) if len(starting) == 1 else ""
    return close.strip() or None


def _mapping_hint(class_name: str, value: Any) -> str | None:
    """The fields of the mapping expected where a text or a list was written; for a text,
    the mapping it most likely stands for ('Laporan' is `{title: 'Laporan'}`)."""
    cls = _model_types().get(class_name)
    if cls is None:
        return None
    fields = cls.model_fields
    required = [name for name, info in fields.items() if info.is_required()]
    shown = ", ".join(fields) if len(fields) <= 5 else ", ".join([*required, "..."])
    if isinstance(value, str) and len(required) == 1:
        return _("write a mapping with the fields {fields}, e.g. {{{field}: '{value}'}}").format(
            fields=shown, field=required[0], value=value.replace("'", "''"))
    return _("write a mapping with the fields {fields}").format(fields=shown)


@cache
def _model_types() -> dict[str, type]:
    """Every model type by its class name (pydantic names the one it expected)."""
    found: dict[str, type] = {}
    todo: list[type] = [SpbeModel]
    while todo:
        for cls in todo.pop().__subclasses__():
            found.setdefault(cls.__name__, cls)
            todo.append(cls)
    return found


def id_hint(value: Any) -> str:
    """The fix for an invalid id: the valid id it most likely means ('SIMDA-Keu' is
    'simda-keu'), else what an id is made of.

    The valid form keeps every character an id allows ('.', '_' too, unlike the slug of a
    name that `init` or the inventory import makes) and replaces the others with '-'.
    """
    folded = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    valid = re.sub(r"[^a-z0-9._-]+", "-", folded.lower()).strip("-._")
    if valid and re.match(ID_PATTERN, valid) and valid != value:
        return _("write it '{id}': an id is lowercase ASCII letters, digits, '.', '-' and "
                 "'_'").format(id=valid)
    return _("use lowercase ASCII letters, digits, '.', '-' and '_', e.g. 'dinkes'")


def _iso_date(value: Any) -> str | None:
    """A date written day first or with other separators, as YYYY-MM-DD; None if it is none.

    Day first is how dates are written in Indonesia (and in Indonesian, with month names).

    >>> [_iso_date(v) for v in ("01/12/2026", "1 Desember 2026", "2026/12/1", "13/13/2026")]
    ['2026-12-01', '2026-12-01', '2026-12-01', None]
    """
    parts = re.split(r"[/.\-\s]+", str(value).strip().lower())
    if len(parts) != 3 or not all(parts):
        return None
    if len(parts[0]) == 4:
        parts.reverse()
    day, month, year = parts
    if not (day.isdigit() and year.isdigit() and len(year) == 4):
        return None
    number = int(month) if month.isdigit() else _MONTHS.get(month[:3])
    try:
        return date(int(year), number or 0, int(day)).isoformat()
    except ValueError:
        return None


def _did_you_mean(close: list[str]) -> str:
    return _("did you mean '{name}'? ").format(name=close[0]) if close else ""
