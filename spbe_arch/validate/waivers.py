"""Waivers: findings the model accepts for one element, with a reason, until a date.

A finding with the code and element of a waiver still in force (and what it is about, where
the waiver says: `about`) is kept, marked `waived` with the waiver's reason: shown by every
command, counted by none for the exit code. A waiver past its date waives nothing and is a
warning; so is one that matches no finding of the rules the command ran (`checked`), since it
would hide the finding should it come back unreviewed, and one that accepts every finding of
its code on its element where the code finds several (it would hide the next one too), one
that gives no reason, and one that holds for longer than a Peta Rencana (five years).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from ..model import Architecture, Finding, Location
from ..model.i18n import gettext as _
from ..model.rules import RULES, finding
from ..model.rules import waiver as codes
from .references import did_you_mean

__all__ = ["check_waivers", "unmatched_waivers", "waive"]


def _in_force(arch: Architecture, today: date) -> dict[tuple[str, str, str | None], str]:
    """(code, element, about or None: all) -> reason, of the waivers in force."""
    return {(w.code, w.element, w.about): w.reason for w in arch.waivers if w.until >= today}


def waive(findings: Iterable[Finding], arch: Architecture, *, today: date) -> list[Finding]:
    """The findings, those accepted by a waiver in force marked `waived` with its reason."""
    accepted = _in_force(arch, today)
    if not accepted:
        return list(findings)
    out = []
    for f in findings:
        reason = accepted.get((f.code, f.element, f.about)) if f.about is not None else None
        reason = reason or accepted.get((f.code, f.element, None))
        out.append(replace(f, waived=reason) if reason else f)
    return out


_PLACEHOLDERS = frozenset({
    "tbd", "todo", "tba", "na", "n a", "none", "nil", "null", "x", "xx", "xxx", "test", "tes",
    "belum", "belum ada", "belum ditentukan", "belum diisi", "tidak ada", "kosong", "nanti",
    "menyusul", "lihat", "alasan", "ditentukan kemudian",
    "reason", "waiver", "pengecualian", "ok", "oke", "ya", "tidak",
})
"""Reasons that are no reason (in normal form: lower case, letters and digits only)."""

_LONGEST = 5
"""Years a waiver may hold at most: a Peta Rencana SPBE's span."""


def _no_reason(reason: str) -> bool:
    """True for a reason that gives none: no letter in it, or a placeholder."""
    words = " ".join(re.findall(r"[^\W_]+", reason.casefold()))
    return not re.search(r"[^\W\d_]", words) or words in _PLACEHOLDERS


def check_waivers(arch: Architecture, *, today: date) -> Iterator[Finding]:
    """Yield a warning for every waiver of no known rule, for every one past its date, and
    for every one that gives no reason or holds for longer than a Peta Rencana."""
    for waiver, source in zip(arch.waivers, arch.waiver_sources, strict=True):
        if _no_reason(waiver.reason):
            yield finding(
                codes.REASONLESS_WAIVER,
                _("waiver of {code} for '{element}' gives no reason ('{reason}')").format(
                    code=waiver.code, element=waiver.element, reason=waiver.reason),
                element=waiver.element,
                location=Location(source.file, key_path=("waivers", source.index, "reason")),
                hint=_("say why the finding is accepted, e.g. 'kontrak vendor berakhir "
                       "Desember 2026'"),
            )
        if waiver.until.year > today.year + _LONGEST:
            yield finding(
                codes.OPEN_ENDED_WAIVER,
                _("waiver of {code} for '{element}' holds until {until}, more than {years} "
                  "years away").format(code=waiver.code, element=waiver.element,
                                       until=waiver.until, years=_LONGEST),
                element=waiver.element,
                location=Location(source.file, key_path=("waivers", source.index, "until")),
                hint=_("give the date by which the reason should be looked at again (at most "
                       "{year}-12-31), or turn the rule off for the model (severity:) if it "
                       "does not apply to it").format(year=today.year + _LONGEST),
            )
        if waiver.code not in RULES:
            yield finding(
                codes.UNKNOWN_WAIVER_CODE,
                _("waiver of '{code}' for '{element}': no rule has this code").format(
                    code=waiver.code, element=waiver.element),
                element=waiver.element,
                location=Location(source.file, key_path=("waivers", source.index, "code")),
                hint=did_you_mean(waiver.code, sorted(RULES))
                + _("use the code of the finding, as `spbe-arch audit` prints it"),
            )
        elif waiver.until < today:
            yield finding(
                codes.EXPIRED_WAIVER,
                _("waiver of {code} for '{element}' expired on {until}").format(
                    code=waiver.code, element=waiver.element, until=waiver.until
                ),
                element=waiver.element,
                location=Location(source.file, key_path=("waivers", source.index, "until")),
                hint=_("fix the finding and remove the waiver, or renew it with a new reason"),
            )


def unmatched_waivers(
    arch: Architecture, findings: Iterable[Finding], checked: Iterable[str], *, today: date
) -> Iterator[Finding]:
    """Yield a warning for every waiver in force, of a code in `checked`, that no finding has."""
    codes_checked = set(checked)
    if not codes_checked or not arch.waivers:
        return
    found = {(f.code, f.element) for f in findings}
    abouts: dict[tuple[str, str], set[str]] = {}  # (code, element) -> what its findings are about
    for f in findings:
        if f.element is not None and f.about is not None:
            abouts.setdefault((f.code, f.element), set()).add(str(f.about))
    for waiver, source in zip(arch.waivers, arch.waiver_sources, strict=True):
        if waiver.code not in codes_checked or waiver.until < today:
            continue
        key = (waiver.code, waiver.element)
        told = sorted(abouts.get(key, ()))
        if waiver.about is None and told and getattr(RULES.get(waiver.code), "subject", None):
            yield finding(
                codes.BROAD_WAIVER,
                _("waiver of {code} for '{element}' does not say which finding it accepts: it "
                  "accepts all of them, those found later too").format(
                    code=waiver.code, element=waiver.element),
                element=waiver.element,
                location=Location(source.file, key_path=("waivers", source.index)),
                hint=_("name the one it accepts with `about:` ({about})").format(
                    about=", ".join(f'"{a}"' if ":" in a else a for a in told)),
            )
        matched = key in found if waiver.about is None else waiver.about in abouts.get(key, ())
        if not matched and waiver.element not in arch.unread:  # its findings are unknown
            yield finding(
                codes.UNMATCHED_WAIVER,
                _("waiver of {code} for '{element}' matches no finding").format(
                    code=waiver.code, element=waiver.element
                ),
                element=waiver.element,
                location=Location(source.file, key_path=("waivers", source.index)),
                hint=_("its findings of {code} are about: {about}; check the waiver's `about`"
                       ).format(code=waiver.code, about=", ".join(told)) if told else
                _unmatched_hint(waiver.element, arch, {
                    code for code, element in found
                    if element == waiver.element and code not in _ABOUT_WAIVERS}),
            )


_ABOUT_WAIVERS = frozenset(rule.code for rule in (
    codes.EXPIRED_WAIVER, codes.UNMATCHED_WAIVER, codes.UNKNOWN_WAIVER_CODE, codes.BROAD_WAIVER,
    codes.REASONLESS_WAIVER, codes.OPEN_ENDED_WAIVER))
"""The findings about waivers themselves: another waiver's, never what a waiver's code missed."""


def _unmatched_hint(element: str, arch: Architecture, codes_of_element: set[str]) -> str:
    """What to check for a waiver that matches nothing: a new one is most likely a typo (of
    the element, or of the code when the element has other findings); else the finding is
    gone."""
    known = arch.kind_of(element) is not None or element in arch.platforms or (
        arch.instansi is not None and arch.instansi.id == element)
    if not known:
        return _("no element '{element}' in the model: write the id of the element the "
                 "finding is about").format(element=element)
    if codes_of_element:
        return _("'{element}' has findings of {codes}: check the waiver's code").format(
            element=element, codes=", ".join(sorted(codes_of_element)))
    return _("remove the waiver: '{element}' has no such finding (fixed, or it never had "
             "one)").format(element=element)
