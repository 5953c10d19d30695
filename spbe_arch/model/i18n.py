"""Messages in the user's language: gettext over the catalogs in `spbe_arch/locales`.

Every message and hint is written in English in the code (the msgid, with `{name}` fields)
and looked up in the catalog of the language in force when the finding is made: Indonesian
(`id`) or English (`en`). The catalogs are the `.po` files of the repository, read with
Babel's pure-Python reader at first use (about 40 ms) rather than compiled `.mo` files, so
that a fresh clone works with `pip install .` or `pip install -e .` and no build step, and
an edited `.po` is in force at once. A msgid missing from a catalog shows as written.
"""

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

__all__ = ["DOMAIN", "LANGS", "LOCALES", "N_", "catalog_path", "decimal", "gettext",
           "language", "plural", "round_half_up", "use_language"]

LANGS = ("id", "en")
"""The languages with a catalog: Indonesian, English."""

DOMAIN = "spbe_arch"
LOCALES = Path(__file__).resolve().parent.parent / "locales"

_language: ContextVar[str] = ContextVar("spbe_language", default="en")


def language() -> str:
    """The language messages are written in now."""
    return _language.get()


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Write messages in `lang` inside the block.

    Raises
    ------
    ValueError
        `lang` has no catalog.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def catalog_path(lang: str) -> Path:
    """The `.po` file of `lang`."""
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _messages(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {
        message.id: message.string
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string
        and not message.fuzzy
    }


def gettext(message: str) -> str:
    """`message` in the language in force (as written when the catalog lacks it).

    Examples
    --------
    >>> with use_language("id"):
    ...     gettext("and {count} more")
    'dan {count} lainnya'
    """
    return _messages(_language.get()).get(message, message)


def N_(message: str) -> str:
    """Mark a template for the catalogs where it is declared; it is translated where used."""
    return message


def plural(count: int, one: str, many: str, **fields: object) -> str:
    """`one` or `many` (templates with a `{count}` field, marked with `N_`) as `count` asks,
    translated, with `fields` filled in too: English says "1 file", "2 files"; Indonesian
    writes both alike.

    >>> plural(1, "{count} file", "{count} files"), plural(2, "{count} file", "{count} files")
    ('1 file', '2 files')
    """
    return gettext(one if count == 1 else many).format(count=count, **fields)


_NOISE = 9
"""Decimals a value is read to before rounding: float noise (1.0249999999999999 for 1.025)
sits far below them, and an index (a multiple of 0.0005) far above."""


def _half_up(value: float, digits: int) -> Decimal:
    if not math.isfinite(value):
        return Decimal(value)
    exact = Decimal(f"{value:.{_NOISE}f}")
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def round_half_up(value: float, digits: int = 2) -> float:
    """`value` rounded to `digits` decimals, a half away from zero, as people round (and as
    the published indices are): 1.025 gives 1.03, where `round` gives 1.02 (the float
    1.025 is a little below it). Every index shown or compared is rounded so.

    >>> round_half_up(1.025), round(1.025, 2), round_half_up(1.215), round_half_up(-0.005)
    (1.03, 1.02, 1.22, -0.01)
    """
    return float(_half_up(value, digits))


def decimal(
    value: float, digits: int | None = 2, lang: str | None = None, *, sign: bool = False
) -> str:
    """`value` with `digits` decimals as the language writes it: a decimal comma in Indonesian
    (indeks 2,68), a point in English (2.68). For text people read; JSON keeps numbers.

    `digits=None` writes as few as the value needs (a weight of 16.5 or 13); `sign` writes
    '+' before a positive value (a change). A half rounds up (`round_half_up`).

    Examples
    --------
    >>> decimal(2.6849, lang="id"), decimal(2.6849, lang="en"), decimal(12.5, 1, lang="id")
    ('2,68', '2.68', '12,5')
    >>> decimal(16.5, None, lang="id"), decimal(13.0, None, lang="id")
    ('16,5', '13')
    >>> decimal(0.0125, 3, lang="id", sign=True), decimal(-0.5, lang="id", sign=True)
    ('+0,013', '-0,50')
    >>> decimal(1.025, lang="en"), decimal(1.215, lang="en"), decimal(2.6805, 3, lang="en")
    ('1.03', '1.22', '2.681')
    """
    plus = "+" if sign else ""
    text = (f"{value:{plus}g}" if digits is None
            else f"{_half_up(value, digits):{plus}.{digits}f}")
    return text.replace(".", ",") if (lang or _language.get()) == "id" else text
