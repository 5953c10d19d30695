"""Finding renderers: text, JSON, SARIF 2.1.0 and Markdown. They never change findings."""

from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model import Finding, Severity
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from ..model.rules import RULES

__all__ = [
    "cell",
    "finding_dict",
    "findings_markdown",
    "findings_sarif",
    "findings_text",
    "severity_word",
    "summary_line",
]

_TOOL_URI = "https://github.com/spbe-arch/spbe-arch"


def _place(item: Finding, prefix: str) -> str:
    loc = item.location
    if loc is None:
        return prefix.rstrip("/") or "."
    return f"{prefix}{loc.file}:{loc.line}:{loc.column}"


def findings_text(findings: Iterable[Finding], *, prefix: str = "",
                  new: Collection[int] | None = None) -> list[str]:
    """`path:line:col: severity CODE message` lines, each with an indented hint line if any;
    with `new` (the `id()`s of the findings a baseline lacks), a line marks each of those."""
    lines = []
    for item in findings:
        lines.append(f"{_place(item, prefix)}: {severity_word(item.severity)} {item.code} "
                     f"{item.message}")
        if new is not None and id(item) in new:
            lines.append("    " + _("new: not in the baseline"))
        if item.waived:
            lines.append("    " + _("waived: {reason}").format(reason=item.waived))
        if item.hint:
            lines.append("    " + _("hint: {hint}").format(hint=item.hint))
    return lines


def summary_line(findings: list[Finding], what: str) -> str:
    """'2 errors, 1 warning in 15 files' style closing line; waived findings counted apart."""
    counts = Counter(f.severity for f in findings if not f.waived)
    parts = [
        plural(counts[s], *_COUNTED[s])
        for s in (Severity.error, Severity.warning, Severity.info)
        if counts[s] or s is not Severity.info
    ]
    waived = sum(1 for f in findings if f.waived)
    if waived:
        parts.append(_("{count} waived").format(count=waived))
    return _("{counts} in {what}").format(counts=", ".join(parts), what=what)


_SEVERITY_WORDS = {
    Severity.error: N_("error"),
    Severity.warning: N_("warning"),
    Severity.info: N_("info"),
}


def severity_word(severity: Severity) -> str:
    """The severity as the text and Markdown outputs write it, in the language in force
    ('kesalahan' in Indonesian); JSON and SARIF keep the English value, for machines."""
    return _(_SEVERITY_WORDS[severity])


_COUNTED = {
    Severity.error: (N_("{count} error"), N_("{count} errors")),
    Severity.warning: (N_("{count} warning"), N_("{count} warnings")),
    Severity.info: (N_("{count} info"), N_("{count} infos")),
}


def finding_dict(item: Finding, new: Collection[int] | None = None) -> dict[str, Any]:
    """A finding as the stable JSON object documented in the README; with `new` (the `id()`s
    of the findings a baseline lacks), `"baseline": "new"` or `"unchanged"` too."""
    loc = item.location
    return {
        "code": item.code,
        "severity": item.severity.value,
        "message": item.message,
        "element": item.element,
        "file": loc.file if loc else None,
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "hint": item.hint,
        "waived": item.waived,
        "about": item.about,
        **({} if new is None else {"baseline": "new" if id(item) in new else "unchanged"}),
    }


_SARIF_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def findings_sarif(
    findings: list[Finding], *, prefix: str = "", version: str, root: Path | None = None,
    new: Collection[int] | None = None,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run, so code-scanning tools show findings inline.

    With `root` (the repository's work tree; `prefix` then leads from it to the model), each
    file is given relative to it, as `%SRCROOT%`: code scanning resolves it against the
    repository checked out, wherever the command ran. File paths are URI references (a space
    is `%20`). With `new` (the `id()`s of the findings a baseline lacks), each result has its
    `baselineState`, `new` or `unchanged`."""
    base = {"uriBaseId": "%SRCROOT%"} if root is not None else {}
    used = sorted({f.code for f in findings})
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": _(RULES[code].summary)},  # the docs stay English
            "fullDescription": {"text": RULES[code].doc},
            "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[code].severity]},
            "helpUri": f"{_TOOL_URI}/blob/main/docs/rules.md#{code.lower()}",
        }
        for code in used
        if code in RULES
    ]
    index = {code: i for i, code in enumerate(used)}
    results = []
    for item in findings:
        result: dict[str, Any] = {
            "ruleId": item.code,
            "ruleIndex": index[item.code],
            "level": _SARIF_LEVEL[item.severity],
            "message": {"text": item.message + (
                " (" + _("hint: {hint}").format(hint=item.hint) + ")" if item.hint else "")},
        }
        if new is not None:
            result["baselineState"] = "new" if id(item) in new else "unchanged"
        if item.location is not None:
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(f"{prefix}{item.location.file}"),
                                             **base},
                        "region": {
                            "startLine": max(item.location.line, 1),
                            "startColumn": max(item.location.column, 1),
                        },
                    }
                }
            ]
        if item.element:
            result["properties"] = {"element": item.element}
        if item.waived:  # shown as dismissed by code scanning, with the reason
            result["suppressions"] = [{"kind": "inSource", "justification": item.waived}]
        results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "spbe-arch",
                        "version": version,
                        "informationUri": _TOOL_URI,
                        "rules": rules,
                    }
                },
                "results": results,
                **({"originalUriBaseIds": {"%SRCROOT%": {"uri": f"{root.as_uri()}/"}}}
                   if root is not None else {}),
            }
        ],
    }


def findings_markdown(findings: list[Finding], *, title: str, prefix: str = "",
                      scope: str | None = None, new: Collection[int] | None = None) -> str:
    """A Markdown table of findings, for pull-request comments; `prefix` leads to the model
    folder, as in the text output (`arsitektur/`); `scope` says where they are counted (the
    model, else e.g. the change that introduced them); `new` as `findings_text` reads it."""
    lines = [f"### {title}", "", summary_line(findings, scope or _("the model")), ""]
    if findings:
        header = (_("severity"), _("code"), _("where"), _("element"), _("message"))
        lines += ["| " + " | ".join(header) + " |", "|---|---|---|---|---|"]
        for item in findings:
            where = _place(item, prefix) if item.location else ""
            message = cell(item.message) + (
                "<br>" + cell(_("hint: {hint}").format(hint=item.hint)) if item.hint else "")
            severity = _("{severity} (waived: {reason})").format(
                severity=severity_word(item.severity), reason=item.waived
            ) if item.waived else severity_word(item.severity)
            severity = cell(severity) + ("<br>" + cell(_("new: not in the baseline"))
                                         if new is not None and id(item) in new else "")
            lines.append(f"| {severity} | {item.code} | `{where}` | "
                         f"{cell(item.element or '')} | {message} |")
    return "\n".join(lines) + "\n"


def cell(text: object) -> str:
    r"""Text as one Markdown table cell: a '|' escaped, markup shown as written ('<b>'), a
    line break as one (a YAML block scalar, a name from a spreadsheet cell).

    >>> print(cell("Arsip | Statis"), cell("baris satu\nbaris <b>dua</b>"))
    Arsip \| Statis baris satu<br>baris &lt;b>dua&lt;/b>
    """
    lines = str(text).replace("<", "&lt;").replace("|", "\\|").splitlines() or [""]
    return "<br>".join(lines)
