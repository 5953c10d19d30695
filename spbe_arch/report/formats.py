"""What every command prints: one renderer per (result kind, format), and one exit code.

A command hands what the library returned to `render` as an `Outcome`; the renderer chosen
from `RENDERERS` by the outcome's `kind` and the output format turns it into a `Page` (text for
stdout and for stderr), and `exit_code` decides 0, 1 or 2. Renderers never change a result;
the finding, audit, impact and maturity formats themselves live in `findings`, `audit` and
`maturity`.
"""

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..io import SpbeError, folder_of, model_folder
from ..model import Finding, Severity
from ..model.i18n import N_, plural
from ..model.i18n import gettext as _
from . import findings as finding_formats

if TYPE_CHECKING:
    from ..validate import ValidationResult

__all__ = ["RENDERERS", "Format", "Outcome", "Page", "could_not_run", "exit_code", "render",
           "wrote"]


class Format(StrEnum):
    """The output formats a command may offer with `--format`."""

    text = "text"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


@dataclass(frozen=True)
class Outcome:
    """What one command produced; its renderer and `exit_code` read nothing else."""

    kind: str
    """The result kind: the first key of `RENDERERS`."""
    result: Any
    """What the library returned."""
    path: Path | None = None
    """The model (or folder) as the user typed it: finding paths and hints are relative to it."""
    loaded: "ValidationResult | None" = None
    """The loaded model, when the command read one."""
    findings: Sequence[Finding] = ()
    """The findings that set the exit code (the model's errors, at least)."""
    stale: bool = False
    """`--check` found generated files out of date."""
    failed: bool = False
    """Part of the input could not be used (a portfolio's model that could not be assessed)."""
    color: bool = False
    """Text may use terminal colours and styles (stdout is a terminal)."""
    baseline: Path | None = None
    """`audit --baseline`: the file whose findings do not gate (`findings` are the new ones)."""
    baseline_entries: int = 0
    """The findings the baseline holds: those no finding matches now were fixed since."""


@dataclass(frozen=True)
class Page:
    """A rendered outcome: what goes to stdout and what goes to stderr."""

    out: str | bytes = ""
    """Text; bytes for a file format (an XLSX workbook), written with -o only."""
    err: str = ""


Renderer = Callable[[Outcome], Page]


def exit_code(outcome: Outcome | SpbeError, fail_on: Severity = Severity.error) -> int:
    """The exit status of every command.

    2 when it could not run (an `SpbeError`: usage, unreadable path, existing file without
    `--force`); 1 when a finding reaches `fail_on` (model errors always do with the default;
    waived findings never do) or `--check` found stale files or part of the input could not be
    used; else 0.
    """
    if isinstance(outcome, SpbeError):
        return 2
    failed = outcome.stale or outcome.failed or any(
        f.severity.rank >= fail_on.rank and not f.waived for f in outcome.findings
    )
    return 1 if failed else 0


def could_not_run(error: SpbeError) -> Page:
    """The one-line message of a command that could not run."""
    return Page(err=f"spbe-arch: {error}\n")


def render(outcome: Outcome, fmt: Format = Format.text) -> Page:
    """Render `outcome` in `fmt` with the renderer registered for its kind."""
    return RENDERERS[outcome.kind, fmt](outcome)


def _lines(lines: Sequence[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def wrote(paths: Sequence[Path]) -> str:
    """The stdout lines naming the files a command wrote."""
    return _lines([_("wrote {path}").format(path=path) for path in paths])


def _json(payload: object) -> str:
    import orjson

    return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n"


def _prefix(path: Path | None) -> str:
    """How finding paths are shown in text: relative to where the user typed the model path.

    Findings name files relative to the model folder, which is the folder of a file given (a
    single-file model), or the model folder of a file in one (`MODEL/spbe.yaml`,
    `MODEL/units.yaml`)."""
    if path is None:
        return ""
    folder = model_folder(path)
    return "" if folder == Path() else f"{folder.as_posix().rstrip('/')}/"


def _read(path: Path | None) -> Path | None:
    """The model a command read from `path`: the model folder of a file in one (the whole
    folder is read), else `path` itself."""
    if path is None or not path.is_file():
        return path
    return folder_of(path) or path


def _rich(outcome: Outcome, draw: Callable[[Any], None], **options: Any) -> str:
    """What `draw(console)` prints on a rich console made with `options`, as text."""
    from rich.console import Console

    buffer = io.StringIO()
    draw(Console(file=buffer, soft_wrap=False, force_terminal=outcome.color, **options))
    return buffer.getvalue()


def _model_errors(outcome: Outcome, consequence: str) -> str:
    """The stderr line saying the output was made from a model with errors ('' when none)."""
    errors = outcome.loaded.count(Severity.error) if outcome.loaded else 0
    if not errors:
        return ""
    message = (
        _("{path}: the model has 1 error; {consequence} (run `spbe-arch validate {path}`)")
        if errors == 1 else
        _("{path}: the model has {count} errors; {consequence} (run `spbe-arch validate "
          "{path}`)")
    )
    return message.format(path=_shell(outcome.path), count=errors,
                          consequence=consequence) + "\n"


def _shell(path: Path | None) -> str:
    """A path as a command suggested to be pasted names it: quoted when it has a space."""
    import shlex

    return shlex.quote(str(path))


def _sarif(outcome: Outcome) -> Page:
    """SARIF of the result's findings (a diff's: those it introduced), their files relative to
    the repository holding the model when there is one, else as the text shows them."""
    from ..io.git import work_tree

    prefix, root = _prefix(outcome.path), None
    if outcome.path is not None:
        folder = model_folder(outcome.path).resolve()
        root = work_tree(folder)
        if root is not None:
            inside = folder.relative_to(root).as_posix()
            prefix = "" if inside == "." else f"{inside}/"
    return Page(
        _json(finding_formats.findings_sarif(
            outcome.result.findings, prefix=prefix, version=__version__, root=root,
            new=_new(outcome))),
        _baseline_note(outcome),
    )


# validate


def _validation_text(outcome: Outcome) -> Page:
    result = outcome.result
    arch = result.architecture
    lines = _lines(finding_formats.findings_text(result.findings, prefix=_prefix(outcome.path)))
    total = sum(arch.counts().values())
    summary = finding_formats.summary_line(
        result.findings,
        _("{files} ({elements})").format(
            files=plural(len(arch.files), N_("{count} file"), N_("{count} files")),
            elements=plural(total, N_("{count} element"), N_("{count} elements"))),
    )
    if result.findings:
        return Page(lines, summary + "\n")
    return Page(lines + summary + "\n")


def _validation_json(outcome: Outcome) -> Page:
    result = outcome.result
    return Page(
        _json(
            {
                "ok": result.ok,
                "summary": {
                    "errors": result.count(Severity.error),
                    "warnings": result.count(Severity.warning),
                    "elements": result.architecture.counts(),
                },
                "findings": [finding_formats.finding_dict(f) for f in result.findings],
            }
        )
    )


def _validation_markdown(outcome: Outcome) -> Page:
    title = f"spbe-arch validate {_read(outcome.path)}"
    return Page(finding_formats.findings_markdown(outcome.result.findings, title=title,
                                                  prefix=_prefix(outcome.path)))


# audit


def _new(outcome: Outcome) -> set[int] | None:
    """`audit --baseline`: the `id()`s of the findings the baseline lacks (None without one),
    for the renderers to mark them."""
    return None if outcome.baseline is None else {id(f) for f in outcome.findings}


def _baseline_note(outcome: Outcome) -> str:
    """The stderr line of `audit --baseline`: how many findings are new ('' without one)."""
    if outcome.baseline is None:
        return ""
    total = len(outcome.result.findings)
    new = len(outcome.findings)
    gone = outcome.baseline_entries - (total - new)  # each entry accepts one finding
    return _("baseline {path}: {known} of {total} findings already there, {new} new").format(
        path=outcome.baseline, known=total - new, total=total, new=new) + (
        "; " + plural(gone, N_("{count} finding of the baseline fixed since: write it again "
                               "so that it cannot come back unseen"),
                      N_("{count} findings of the baseline fixed since: write it again so "
                         "that they cannot come back unseen")) if gone > 0 else "") + "\n"


def _audit_text(outcome: Outcome) -> Page:
    from .audit import metrics_rows

    result = outcome.result

    def table(console) -> None:
        from rich.table import Table

        metrics = Table(title=_("metrics"), title_justify="left", show_header=False)
        metrics.add_column("metric", no_wrap=True)
        metrics.add_column("value")
        for label, value in metrics_rows(result.metrics):
            metrics.add_row(label, value)
        console.print(metrics)

    lines = finding_formats.findings_text(result.findings, prefix=_prefix(outcome.path),
                                          new=_new(outcome))
    summary = finding_formats.summary_line(result.findings, f"{_read(outcome.path)}")
    metrics = _rich(outcome, table, width=100, highlight=False)
    return Page(_lines([*lines, ""]) + metrics + summary + "\n", _baseline_note(outcome))


def _audit_json(outcome: Outcome) -> Page:
    from .audit import audit_dict

    return Page(_json(audit_dict(outcome.result, _new(outcome))), _baseline_note(outcome))


def _audit_markdown(outcome: Outcome) -> Page:
    from .audit import audit_markdown

    title = f"spbe-arch audit {_read(outcome.path)}"
    return Page(audit_markdown(outcome.result, title=title, prefix=_prefix(outcome.path),
                               new=_new(outcome)), _baseline_note(outcome))


# impact


def _impact_name(outcome: Outcome) -> str | None:
    return outcome.loaded.architecture.name_of(outcome.result.element) if outcome.loaded else None


def _impact_text(outcome: Outcome) -> Page:
    from .audit import impact_text

    text = _lines(impact_text(outcome.result, name=_impact_name(outcome)))
    return Page(text, _model_errors(outcome, _("the impact may be incomplete")))


def _impact_json(outcome: Outcome) -> Page:
    text = _json(outcome.result.as_dict())
    return Page(text, _model_errors(outcome, _("the impact may be incomplete")))


def _impact_markdown(outcome: Outcome) -> Page:
    from .audit import impact_markdown

    text = impact_markdown(outcome.result, name=_impact_name(outcome))
    return Page(text, _model_errors(outcome, _("the impact may be incomplete")))


# maturity


def _maturity_text(outcome: Outcome) -> Page:
    from .maturity import render_maturity_text

    def tables(console) -> None:
        render_maturity_text(outcome.result, console, prefix=_prefix(outcome.path))

    return Page(_rich(outcome, tables, width=120), _provisional(outcome))


def _maturity_json(outcome: Outcome) -> Page:
    from .maturity import maturity_dict

    data = maturity_dict(outcome.result)
    if outcome.loaded and outcome.loaded.count(Severity.error):  # as the text says
        data["provisional"] = True
    return Page(_json(data), _provisional(outcome))


def _provisional(outcome: Outcome) -> str:
    return _model_errors(outcome, _("the index is provisional"))


def _maturity_markdown(outcome: Outcome) -> Page:
    from .maturity import maturity_markdown

    return Page(maturity_markdown(outcome.result), _provisional(outcome))


# diff and roadmap


def _diff_text(outcome: Outcome) -> Page:
    from .change import diff_text

    result = outcome.result
    old = Path(result.old)  # a folder or a file, or `MODEL@REV` (no such path: shown as is)
    lines = diff_text(result, old_prefix=_prefix(old) if old.is_file()
                      else f"{result.old.rstrip('/')}/", new_prefix=_prefix(outcome.path))
    return Page(_lines(lines))


def _diff_json(outcome: Outcome) -> Page:
    from .change import diff_dict

    return Page(_json(diff_dict(outcome.result)))


def _diff_markdown(outcome: Outcome) -> Page:
    from .change import diff_markdown

    return Page(diff_markdown(outcome.result, prefix=_prefix(outcome.path)))


def _roadmap_text(outcome: Outcome) -> Page:
    from .change import roadmap_text

    def draw(console) -> None:
        roadmap_text(outcome.result, console, prefix=_prefix(outcome.path))

    return Page(_rich(outcome, draw, width=240))


def _roadmap_json(outcome: Outcome) -> Page:
    from .change import roadmap_dict

    return Page(_json(roadmap_dict(outcome.result)))


def _roadmap_markdown(outcome: Outcome) -> Page:
    from .change import roadmap_markdown

    return Page(roadmap_markdown(outcome.result, prefix=_prefix(outcome.path)))


# portfolio


def _portfolio_note(outcome: Outcome) -> str:
    skipped = len(outcome.result.published_skipped)
    rows = plural(skipped, N_("{count} row of the published file could not be read (it is "
                              "listed); the others are compared"),
                  N_("{count} rows of the published file could not be read (they are "
                     "listed); the others are compared")) + "\n" if skipped else ""
    return _models_note(outcome) + rows


def _models_note(outcome: Outcome) -> str:
    broken = len(outcome.result.broken)
    flawed = sum(bool(row.errors) for row in outcome.result.rows)
    errors = plural(flawed, N_("{count} model has errors (they are listed): estimated on what "
                               "is valid, not ranked"),
                    N_("{count} models have errors (they are listed): estimated on what is "
                       "valid, not ranked")) + "\n" if flawed else ""
    if not broken:
        return errors
    if not outcome.result.rows:
        return plural(broken, N_("{count} model could not be assessed (its errors are "
                                 "listed); none is ranked"),
                      N_("{count} models could not be assessed (their errors are listed); "
                         "none is ranked")) + "\n"
    total = broken + len(outcome.result.rows)
    return errors + _("{broken} of {total} models could not be assessed (their errors are "
                      "listed); the others are compared").format(broken=broken, total=total) + "\n"


def _portfolio_title(outcome: Outcome) -> str:
    rows = outcome.result.rows
    return _("Portfolio of {count} instansi, {ranked} ranked").format(
        count=len(rows), ranked=sum(row.ranked for row in rows))


def _portfolio_text(outcome: Outcome) -> Page:
    from .portfolio import portfolio_text

    def draw(console) -> None:
        portfolio_text(outcome.result, console)

    text = _rich(outcome, draw, width=240, highlight=False)
    return Page(_lines([line.rstrip() for line in text.splitlines()]), _portfolio_note(outcome))


def _portfolio_json(outcome: Outcome) -> Page:
    from .portfolio import portfolio_dict

    return Page(_json(portfolio_dict(outcome.result)), _portfolio_note(outcome))


def _portfolio_markdown(outcome: Outcome) -> Page:
    from .portfolio import portfolio_markdown

    text = portfolio_markdown(outcome.result, title=_portfolio_title(outcome))
    return Page(text, _portfolio_note(outcome))


def _portfolio_xlsx(outcome: Outcome) -> Page:
    from .portfolio import portfolio_xlsx

    return Page(portfolio_xlsx(outcome.result), _portfolio_note(outcome))


def _portfolio_html(outcome: Outcome) -> Page:
    from .portfolio import portfolio_html

    page = portfolio_html(outcome.result, title=_portfolio_title(outcome), version=__version__)
    return Page(page, _portfolio_note(outcome))


# files written: diagram, report, init, docs, schema


def _diagram_text(outcome: Outcome) -> Page:
    drawing = outcome.result
    engine = drawing.engine
    used = _("rendered with {engine} ({path})").format(
        engine=engine.name, path=engine.path) + "\n" if engine else ""
    errors = _model_errors(outcome, _("the diagram shows the valid elements only"))
    return Page(wrote([drawing.path]), used + errors)


def _report_text(outcome: Outcome) -> Page:
    context, written = outcome.result
    notes = [
        unavailable.format(reason=section.reason) + "\n"
        for unavailable, section in (
            (_("audit section unavailable: {reason}"), context.audit),
            (_("maturity section unavailable: {reason}"), context.maturity),
        )
        if not section.available
    ]
    if context.engine:
        notes.append(_("diagrams rendered with {engine}").format(engine=context.engine) + "\n")
    notes.append(_model_errors(outcome, _("the report lists them")))
    return Page(wrote(written), "".join(notes))


def _init_text(outcome: Outcome) -> Page:
    started = outcome.result
    manifest = _shell(started.manifest)
    level = {
        "name": _("level: {level}, as the name says; if that is wrong, change `level:` in "
                  "{manifest}"),
        "default": _("level: {level} (the name does not say); for a provinsi, kota, "
                     "kementerian or lembaga change `level:` in {manifest} (or give init "
                     "--level)"),
    }.get(started.level_from)
    said = "" if level is None else level.format(level=started.level, manifest=manifest) + "\n"
    return Page(wrote(started.files) + said + _(
        "next: edit the files (or add your inventory: `spbe-arch import inventory FILE --into "
        "{path}`), then run `spbe-arch validate {path}`"
    ).format(path=_shell(outcome.path)) + "\n")


def _import_text(outcome: Outcome) -> Page:
    from ..interop import report_lines

    lines = list(report_lines(outcome.result.report))
    lines.append(_("wrote {path}; next: spbe-arch validate {path}").format(
        path=_shell(outcome.path)))
    return Page(_lines(lines))


def _import_json(outcome: Outcome) -> Page:
    from ..interop import report_dict

    return Page(_json(report_dict(outcome.result.report)))


def _import_into_text(outcome: Outcome) -> Page:
    from ..interop import report_lines

    lines = list(report_lines(outcome.result.report))
    if outcome.result.changed is not None:  # a re-import: what it changed in the model
        added, removed, changed = outcome.result.changed
        lines.append(_("against the earlier import: {added} added, {removed} removed, "
                       "{changed} changed{ids}").format(
            added=len(added), removed=len(removed), changed=len(changed),
            ids="".join(f"; {word} {', '.join(ref.id for ref in refs[:5])}"
                        + (" ..." if len(refs) > 5 else "")
                        for word, refs in ((_("removed:"), removed), (_("changed:"), changed))
                        if refs)))
    lines.append(_written_into(outcome, _("{model} has all the inventory gives: no file written")))
    return Page(_lines(lines), _model_errors(outcome, _(
        "a file of it may name what the inventory no longer has (an application removed "
        "from it)")))


def _written_into(outcome: Outcome, nothing: str) -> str:
    """The last line of an import into a model: the file written, or that none was."""
    if outcome.result.written is None:
        return nothing.format(model=_shell(outcome.path))
    return _("wrote {path}; next: spbe-arch validate {model}").format(
        path=_shell(outcome.result.written), model=_shell(outcome.path))


def _import_into_json(outcome: Outcome) -> Page:
    from ..interop import report_dict

    written, changed = outcome.result.written, outcome.result.changed
    return Page(_json({
        **report_dict(outcome.result.report),
        "written": None if written is None else str(written),
        "changed": None if changed is None else {  # against the earlier import
            key: [ref.id for ref in refs]
            for key, refs in zip(("added", "removed", "changed"), changed, strict=True)},
    }))


def _import_list_text(outcome: Outcome) -> Page:
    from ..interop import list_report_lines
    from ..interop.inventory.into_model import SHEET_OPTION

    lines = list(list_report_lines(outcome.result.report, SHEET_OPTION))
    lines.append(_written_into(outcome, _("the list adds nothing to {model}: no file written")))
    return Page(_lines(lines))


def _import_list_json(outcome: Outcome) -> Page:
    from ..interop import list_report_dict

    written = outcome.result.written
    return Page(_json({**list_report_dict(outcome.result.report),
                       "written": None if written is None else str(written)}))


def _export_text(outcome: Outcome) -> Page:
    return Page(wrote([outcome.result]),
                _model_errors(outcome, _("the file holds the valid elements only")))


def _import_archimate_text(outcome: Outcome) -> Page:
    from .interop import import_summary, import_warnings

    result, source = outcome.result
    warnings = import_warnings(result, source)
    return Page(_lines(import_summary(result, source, outcome.path)),
                _lines(warnings) + _model_errors(outcome, _("fix them in the folder")))


def _generated_text(outcome: Outcome) -> Page:
    synced = outcome.result
    def verb(name: str) -> str:
        if not synced.check:
            return "wrote"
        return "missing" if name in synced.missing else "stale"

    lines = [f"{verb(name)} {synced.folder / name}" for name in synced.changed]
    if not synced.changed:
        lines.append(f"{synced.folder}: up to date")
    hint = ""
    if synced.check and synced.changed:
        hint = f"run `spbe-arch {outcome.kind} -o {synced.folder} --force` to regenerate\n"
    return Page(_lines(lines), hint)


def _platforms_text(outcome: Outcome) -> Page:
    name, found = outcome.result
    if not found:
        return Page(err=_("no national platform in the catalog matches '{name}'; write it "
                          "under 'platforms:' in the model").format(name=name) + "\n")
    lines = [f"{p.id}: {p.name} ({p.kind}" + (f"; {p.operator}" if p.operator else "") + ")"
             for p in found]
    return Page(_lines([*lines, "", plural(len(found), N_("{count} platform"),
                                            N_("{count} platforms"))]))


def _platforms_json(outcome: Outcome) -> Page:
    _name, found = outcome.result
    return Page(_json([p.model_dump(mode="json", exclude_none=True) for p in found]))


RENDERERS: dict[tuple[str, Format], Renderer] = {
    ("validation", Format.text): _validation_text,
    ("validation", Format.json): _validation_json,
    ("validation", Format.sarif): _sarif,
    ("validation", Format.markdown): _validation_markdown,
    ("audit", Format.text): _audit_text,
    ("audit", Format.json): _audit_json,
    ("audit", Format.sarif): _sarif,
    ("audit", Format.markdown): _audit_markdown,
    ("impact", Format.text): _impact_text,
    ("impact", Format.json): _impact_json,
    ("impact", Format.markdown): _impact_markdown,
    ("maturity", Format.text): _maturity_text,
    ("maturity", Format.json): _maturity_json,
    ("maturity", Format.markdown): _maturity_markdown,
    ("diff", Format.text): _diff_text,
    ("diff", Format.json): _diff_json,
    ("diff", Format.sarif): _sarif,
    ("diff", Format.markdown): _diff_markdown,
    ("roadmap", Format.text): _roadmap_text,
    ("roadmap", Format.json): _roadmap_json,
    ("roadmap", Format.markdown): _roadmap_markdown,
    ("portfolio", Format.text): _portfolio_text,
    ("portfolio", Format.json): _portfolio_json,
    ("portfolio", Format.markdown): _portfolio_markdown,
    ("portfolio", Format.html): _portfolio_html,
    ("portfolio", Format.xlsx): _portfolio_xlsx,
    ("diagram", Format.text): _diagram_text,
    ("report", Format.text): _report_text,
    ("init", Format.text): _init_text,
    ("import", Format.text): _import_text,
    ("import", Format.json): _import_json,
    ("import-into", Format.text): _import_into_text,
    ("import-into", Format.json): _import_into_json,
    ("import-list", Format.text): _import_list_text,
    ("import-list", Format.json): _import_list_json,
    ("import-archimate", Format.text): _import_archimate_text,
    ("export", Format.text): _export_text,
    ("platforms", Format.text): _platforms_text,
    ("platforms", Format.json): _platforms_json,
    ("docs", Format.text): _generated_text,
    ("schema", Format.text): _generated_text,
}
"""(result kind, format) -> renderer. A command offers exactly the formats listed here."""
