"""What a pydantic type error says, in the language in force.

pydantic writes its error messages in English ("Input should be a valid integer"). Each error
also has a `type` and a `ctx` (the bound it broke, the values allowed), so the common types
are worded here as catalog messages filled from `ctx`; the English templates repeat pydantic's
own wording (lower-case first letter) where it speaks to a model's author, and say it plainly
where it does not ('input should not be empty' for 'Dictionary should have at least 1 item
after validation, not 0'). A type not listed keeps pydantic's text: every type a model field
can give is listed (tests/validate/test_type_errors.py walks them).
"""

from typing import Any

from ..model.i18n import N_
from ..model.i18n import gettext as _

__all__ = ["problem"]

_DATE = N_("input should be a valid date in the format YYYY-MM-DD, {error}")
_TEMPLATES = {
    "missing": N_("field required"),
    "extra_forbidden": N_("extra inputs are not permitted"),
    "string_type": N_("input should be a valid string"),
    "scalar_type": N_("input should be text, a number or true/false"),  # a union, once
    "int_type": N_("input should be a valid integer"),
    "int_parsing": N_("input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("input should be a valid integer, got a number with a fractional part"),
    "float_type": N_("input should be a valid number"),
    "float_parsing": N_("input should be a valid number, unable to parse string as a number"),
    "bool_type": N_("input should be a valid boolean"),
    "bool_parsing": N_("input should be a valid boolean, unable to interpret input"),
    "date_type": N_("input should be a valid date"),
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,  # the parser's own error is worded below
    "date_from_datetime_inexact": N_("input should be a date in the format YYYY-MM-DD"),
    "list_type": N_("input should be a valid list"),
    "dict_type": N_("input should be a valid dictionary"),
    "model_type": N_("input should be a valid dictionary"),  # pydantic adds the class name
    "enum": N_("input should be {expected}"),
    "literal_error": N_("input should be {expected}"),
    "greater_than": N_("input should be greater than {gt}"),
    "greater_than_equal": N_("input should be greater than or equal to {ge}"),
    "less_than": N_("input should be less than {lt}"),
    "less_than_equal": N_("input should be less than or equal to {le}"),
    "string_pattern_mismatch": N_("string should match pattern '{pattern}'"),
    "invalid_key": N_("keys should be text"),
}
"""pydantic error type -> message template, its fields from the error's `ctx`."""

_LENGTHS = {
    ("string_too_short", True): N_("string should have at least 1 character"),
    ("string_too_short", False): N_("string should have at least {min_length} characters"),
    ("string_too_long", True): N_("string should have at most 1 character"),
    ("string_too_long", False): N_("string should have at most {max_length} characters"),
    ("too_short", True): N_("input should not be empty"),
    ("too_short", False): N_("input should have at least {min_length} items"),
    ("too_long", True): N_("input should have at most 1 item"),
    ("too_long", False): N_("input should have at most {max_length} items"),
}
"""(type, whether the bound is 1) -> template: pydantic says 'character' or 'characters'
(a text), 'item' or 'items' (a list or a mapping)."""

_DATE_DETAILS = (
    N_("input is too short"),
    N_("input is too long"),
    N_("invalid character in year"),
    N_("invalid character in month"),
    N_("invalid character in day"),
    N_("invalid date separator, expected `-`"),
    N_("month value is outside expected range of 1-12"),
    N_("day value is outside expected range"),
)
"""What the date parser (speedate) says is wrong, as the catalogs translate it."""


def problem(error: Any) -> str:
    """The text of one pydantic error (an item of `ValidationError.errors()`), lower-case.

    Examples
    --------
    >>> problem({"type": "less_than_equal", "msg": "Input should be ...", "ctx": {"le": 9}})
    'input should be less than or equal to 9'
    >>> problem({"type": "uuid_parsing", "msg": "Input should be a valid UUID", "ctx": {}})
    'input should be a valid UUID'
    """
    kind, ctx = error["type"], dict(error.get("ctx") or {})
    template = _TEMPLATES.get(kind)
    if kind in ("too_short", "too_long") and ctx.get("field_type") == "Value":
        kind = f"string_{kind}"  # a text checked after a conversion (an indicator id)
    bound = ctx.get("min_length", ctx.get("max_length"))
    if template is None and (kind, bound == 1) in _LENGTHS:
        template = _LENGTHS[kind, bound == 1]
    if template is None:
        message = str(error["msg"])
        return message[:1].lower() + message[1:]
    if "expected" in ctx:  # "'a', 'b' or 'c'": the last 'or' in the language in force
        head, sep, last = str(ctx["expected"]).rpartition(" or ")
        ctx["expected"] = head + _(" or ") + last if sep else ctx["expected"]
    if "error" in ctx:
        ctx["error"] = _(str(ctx["error"]))
    return _(template).format(**ctx)
