"""The `spbe-arch` command: parse arguments, call the library, render, exit. No logic here.

Every command has the same shape::

    @app.command()
    def audit(path: ModelPath, *, output_format: ..., fail_on: ...) -> None:
        "Audit integration gaps, ... (the help text)."
        def call() -> Outcome:                      # the library, and nothing else
            loaded, graph = _load_graph(path)
            result = run_audit(graph, validation=loaded.findings)
            return _outcome("audit", result, path, loaded=loaded, findings=result.findings)

        _run(call, output_format, fail_on=fail_on)   # render, print, exit

`_run` catches `SpbeError` only (one line on stderr, exit 2), renders the `Outcome` with the
renderer registered for (its kind, the format) in `spbe_arch.report.formats.RENDERERS`, prints
the page and exits with `exit_code`. A new command, or a sub-app such as `import` added with
`app.add_typer(import_app, name="import")`, plugs in the same way: its functions parse and
build a `call`, its renderers go into `RENDERERS` under a new result kind, and its `--format`
offers exactly the formats registered there. No text, JSON or table is built here.
"""

import gc
import os
import sys
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from .graph import ArchGraph
    from .report.formats import Outcome
    from .validate import ValidationResult

app = typer.Typer(
    help="Enterprise architecture for Indonesian e-government (SPBE): validate, audit, "
    "estimate the SPBE index, draw and report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click formatting: docstring lines join into paragraphs
    context_settings={"max_content_width": 120},  # wide terminals show whole summaries
)


PROGRESS_AFTER = 1.0
"""Seconds a model takes to load before a progress bar appears (on a terminal only)."""


class FindingFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"


class ResultFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


ModelPath = Annotated[
    Path, typer.Argument(metavar="MODEL",
                         help="Model folder (with spbe.yaml) or a single-file model")
]
Force = Annotated[bool, typer.Option(help="Overwrite existing files")]
FailOnOption = Annotated[
    FailOn, typer.Option("--fail-on", help="Exit 1 when a finding has this severity or worse")
]


class Level(StrEnum):
    """`init --level`: the values of `model.InstansiLevel` (the model is not imported for
    `--help`)."""

    provinsi = "provinsi"
    kabupaten = "kabupaten"
    kota = "kota"
    kementerian = "kementerian"
    lembaga = "lembaga"


class Language(StrEnum):
    id = "id"
    en = "en"


Lang = Annotated[
    Language,
    typer.Option(
        "--lang", envvar="SPBE_LANG",
        help="Language of messages and hints: en or id (Indonesian); env SPBE_LANG",
    ),
]
"""Commands print English by default: their lines go to scripts, CI logs and code scanning,
and the README documents them; `--lang id` (or SPBE_LANG=id) prints them in Indonesian. The
report, read by leadership, defaults to Indonesian."""


def _run(
    call: "Callable[[], Outcome]",
    fmt: str = "text",
    *,
    fail_on: str = "error",
    output: Path | None = None,
    force: bool = False,
    lang: str = "en",
) -> NoReturn:
    """Every command ends here: call the library, render what it returns, exit with its code.

    Messages are written in `lang` (the finding's text is made when the finding is). With
    `output`, the rendered page is written to that file (atomically, never over an existing
    one without `force`) instead of stdout. Only `SpbeError` (bad input, unreadable path, a
    file that would be overwritten) is caught: it is printed as one line on stderr and exits
    2. Anything else is a bug and shows as one.
    """
    from .io import SpbeError
    from .model import Severity
    from .model.i18n import use_language
    from .report.formats import Format, Page, could_not_run, exit_code, render, wrote

    outcome: Outcome | SpbeError
    try:
        with use_language(lang):
            outcome = call()
            page = render(outcome, Format(fmt))
            if output is not None:
                from .io.write import write_atomic

                write_atomic(output, page.out, force=force)
                page = Page(wrote([output]), page.err)
    except SpbeError as exc:
        outcome, page = exc, could_not_run(exc)
    sys.stdout.write(page.out)
    sys.stdout.flush()  # before anything on stderr, e.g. the summary line
    sys.stderr.write(page.err)
    raise typer.Exit(exit_code(outcome, Severity(fail_on)))


def _load(path: Path, *, show_progress: bool = True) -> "ValidationResult":
    """Load and validate a model. A progress bar shows on a terminal when `show_progress`
    (text output) and the load lasts over PROGRESS_AFTER."""
    from .validate import load_model

    with _progress_bar(show_progress) as progress:
        result = load_model(path, progress=progress)
    _keep(result)
    return result


def _load_graph(
    path: Path, *, show_progress: bool = True, checked: bool = False
) -> tuple["ValidationResult", "ArchGraph"]:
    """`_load` (`_checked` when `checked`) and the model's graph, built while the references
    are checked (`spbe_arch.graph.load_graph`)."""
    from .graph import load_graph

    then = None
    if checked:  # the self-assessment against its framework, aside with the references
        from .maturity import check_assessment

        then = check_assessment
    with _progress_bar(show_progress) as progress:
        loaded, graph = load_graph(path, progress=progress, then=then)
    _keep(loaded, graph)
    return loaded, graph


def _keep(*results: object) -> None:
    if _KEEP_UNTIL_EXIT is not None:  # run from the console: see main()
        _KEEP_UNTIL_EXIT.extend(results)


def _checked(path: Path, *, show_progress: bool = True) -> "ValidationResult":
    """`_load`, with the self-assessment checked against its framework: what `validate`
    reports, `audit` and `report` report too."""
    from .maturity import check_assessment

    return check_assessment(_load(path, show_progress=show_progress))


@contextmanager
def _progress_bar(enabled: bool, many: bool = False):
    """A `progress(done, total)` callback drawing a bar on stderr, or None.

    Only on a terminal (stderr is a TTY) and when `enabled` (text output); the bar appears
    once the run has lasted PROGRESS_AFTER seconds, so quick runs print nothing extra. It reads
    "reading models" when `many` models are read, else "reading model files".
    """
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    import time

    started = time.monotonic()
    shown: list = []  # [Progress, task id] once the bar is on screen

    def update(done: int, total: int) -> None:
        if not shown:
            if time.monotonic() - started < PROGRESS_AFTER:
                return
            from rich.console import Console
            from rich.progress import Progress

            from .model.i18n import gettext as _

            description = _("reading models") if many else _("reading model files")
            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            shown.extend((bar, bar.add_task(description, total=total)))
        shown[0].update(shown[1], completed=done, total=total)

    try:
        yield update
    finally:
        if shown:
            shown[0].stop()


def _outcome(kind: str, result, path: Path | None = None, **fields) -> "Outcome":
    from .report.formats import Outcome

    return Outcome(kind, result, path, color=sys.stdout.isatty(), **fields)


@app.command()
def validate(
    path: ModelPath,
    *,
    output_format: Annotated[
        FindingFormat, typer.Option("--format", "-f", help="Output format")
    ] = FindingFormat.text,
    lang: Lang = Language.en,
) -> None:
    """Check a model: syntax, types, references, ids, and its assessment against the framework
    spbe.yaml names. Exit 0 clean, 1 errors, 2 could not run."""
    def call() -> "Outcome":
        loaded = _checked(path, show_progress=output_format is FindingFormat.text)
        return _outcome("validation", loaded, path, loaded=loaded, findings=loaded.findings)

    _run(call, output_format, lang=lang.value)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder for the new model")],
    *,
    name: Annotated[str | None, typer.Option(help="Name of the instansi")] = None,
    level: Annotated[Level | None, typer.Option(
        help="Level of the instansi (default: the one its name says, else kabupaten)")] = None,
    force: Annotated[bool, typer.Option(
        help="Replace the editor schema copy in .schema/ (a folder holding model files is "
        "refused all the same)")] = False,
    lang: Lang = Language.en,
) -> None:
    """Start a new model folder with a manifest, starter files and an editor schema.

    The folder must be new or hold no model file: init never writes over a model.
    """
    from .io.scaffold import scaffold
    from .model import InstansiLevel

    given = None if level is None else InstansiLevel(level)
    _run(lambda: _outcome("init", scaffold(folder, name=name, level=given, force=force), folder),
         lang=lang.value)


def _generated_folder(output: Path | None, check: bool, default: str) -> Path:
    """Where `docs`/`schema` write (`-o`, always explicit) or check (`-o`, else `default`)."""
    if output is None and not check:
        raise typer.BadParameter(
            f"say where to write, e.g. -o {default} (add --force to replace files there)",
            param_hint="'--output' / '-o'",
        )
    return output or Path(default)


@app.command()
def schema(
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o",
            help="Folder to write the schema files into (required); --check reads it, by default "
            "schemas",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Only check the files are up to date; exit 1 when stale")
    ] = False,
    force: Force = False,
) -> None:
    """Write the JSON Schemas (Draft 2020-12) generated from the model types."""
    from .io.generated import sync_generated
    from .model.schema import schema_texts

    folder = _generated_folder(output, check, "schemas")

    def call() -> "Outcome":
        synced = sync_generated(folder, schema_texts(), check=check, force=force)
        return _outcome("schema", synced, stale=check and bool(synced.changed))

    _run(call)


@app.command()
def docs(
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o",
            help="Folder to write the pages into (required); --check reads it, by default docs",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Only check the pages are up to date; exit 1 when stale")
    ] = False,
    force: Force = False,
) -> None:
    """Write rules.md (every finding code) and vocabulary.md (the model's fields)."""
    from .io.generated import sync_generated
    from .report.docs import DOC_FILES

    folder = _generated_folder(output, check, "docs")

    def call() -> "Outcome":
        texts = {name: make() for name, make in DOC_FILES.items()}
        synced = sync_generated(folder, texts, check=check, force=force)
        return _outcome("docs", synced, stale=check and bool(synced.changed))

    _run(call)


class DiagramView(StrEnum):
    landscape = "landscape"
    integration = "integration"
    overview = "overview"
    layered = "layered"
    impact = "impact"


def _engine_note() -> str:
    from .diagrams.engine import find_engine

    engine = find_engine()
    where = f"{engine.name} ({engine.path})" if engine else "none found; only .dot can be written"
    return (
        "Draw a view of the model as SVG, PNG or DOT.\n\n"
        "The file suffix picks the format: .svg, .png or .dot. "
        "Drawn with the system `dot` (Graphviz) when it is on PATH, else with `graphviz-pure` "
        f"(pip; next to this Python, then PATH). Engine here: {where}. "
        "Exit 0 drawn, 1 drawn but the model has errors, 2 could not draw."
    )


@app.command(help=_engine_note())
def diagram(
    path: ModelPath,
    *,
    view: Annotated[DiagramView, typer.Option("--view", help="Which view to draw")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write: .svg, .png or .dot")
    ],
    unit: Annotated[
        str | None, typer.Option(help="Layered view and integration map: only this unit (OPD) id")
    ] = None,
    service: Annotated[str | None, typer.Option(help="Layered view: only this service id")] = None,
    element: Annotated[
        str | None, typer.Option(help="Impact view: the id of the element that fails")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file")] = False,
    lang: Lang = Language.en,
) -> None:
    from .diagrams import diagram as build_diagram
    from .diagrams import file_format, write_drawing

    def call() -> "Outcome":
        file_format(output, force=force)  # refuse before the model is read
        loaded, graph = _load_graph(path)
        source = build_diagram(
            graph, view.value, unit=unit, service=service,
            element=element, glosses=lang != Language.id,  # as the report's diagrams
        ).source
        drawing = write_drawing(source, output, force=force)
        return _outcome("diagram", drawing, path, loaded=loaded, findings=loaded.findings)

    _run(call, lang=lang.value)


@app.command()
def audit(
    path: ModelPath,
    *,
    output_format: Annotated[
        FindingFormat, typer.Option("--format", "-f", help="Output format")
    ] = FindingFormat.text,
    fail_on: FailOnOption = FailOn.error,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="JSON of an earlier `audit --format json`: only findings not in it set the "
            "exit code (matched by code, element and what about it; a finding waived then is "
            "in it only while a waiver accepts it)"
        ),
    ] = None,
    lang: Lang = Language.en,
) -> None:
    """Audit integration gaps, SPLP bypasses, duplicates, hosting and single points of failure.

    Prints the findings (validation findings included; waived ones marked), then coverage
    metrics. Exit 0 clean, 1 when a finding reaches --fail-on (with --baseline: a finding not
    in the baseline), 2 could not run.
    """
    from .audit import audit as run_audit

    def call() -> "Outcome":
        if baseline is not None:
            from .change import not_in_baseline
            from .io.baseline import read_baseline

            known = read_baseline(baseline)  # before the model is read
        loaded, graph = _load_graph(
            path, show_progress=output_format is FindingFormat.text, checked=True
        )
        result = run_audit(graph, validation=loaded.findings)
        gating = result.findings if baseline is None else not_in_baseline(result.findings, known)
        return _outcome(
            "audit", result, path, loaded=loaded, findings=gating, baseline=baseline,
            baseline_entries=len(known) if baseline is not None else 0,
        )

    _run(call, output_format, fail_on=fail_on, lang=lang.value)


@app.command()
def diff(
    old: Annotated[
        Path,
        typer.Argument(metavar="OLD", help="The old model folder; with --from, the model in git"),
    ],
    new: Annotated[
        Path | None, typer.Argument(metavar="NEW", help="The new model folder (not with --from)")
    ] = None,
    *,
    from_rev: Annotated[
        str | None,
        typer.Option("--from", help="Compare the model OLD as it was in this git revision "
                     "(REV:PATH: the folder it was then, from the repository's root)"),
    ] = None,
    to_rev: Annotated[
        str | None,
        typer.Option("--to", help="With --from: compare with this revision instead of the "
                     "folder as it is now"),
    ] = None,
    output_format: Annotated[
        FindingFormat, typer.Option("--format", "-f", help="Output format (sarif: the "
                                    "findings the change introduces)")
    ] = FindingFormat.text,
    fail_on: FailOnOption = FailOn.error,
    lang: Lang = Language.en,
) -> None:
    """Compare two versions of a model: elements added, removed and changed (field by
    field), integrations rerouted, findings introduced and resolved, audit metrics and the
    index per indicator.

    Either two folders (diff OLD NEW) or revisions of one model kept in git (diff MODEL
    --from REV [--to REV]; needs the git executable). Exit 1 when the change introduces a
    finding that reaches --fail-on, 2 could not run.
    """
    from .change import diff_versions

    if to_rev is not None and from_rev is None:  # before the folders: what is missing first
        raise typer.BadParameter("--to needs --from", param_hint="'--to'")
    if (new is None) == (from_rev is None):
        raise typer.BadParameter(
            "give two folders (diff OLD NEW) or one folder and --from REV", param_hint="NEW"
        )

    def call() -> "Outcome":
        result = diff_versions(old, new, from_rev=from_rev, to_rev=to_rev,
                               load=partial(_load, show_progress=False))
        return _outcome("diff", result, new if new is not None else old,
                        findings=result.findings)

    _run(call, output_format, fail_on=fail_on, lang=lang.value)


@app.command()
def roadmap(
    path: ModelPath,
    *,
    to: Annotated[
        Path | None,
        typer.Option("--to", help="The target (to-be) model folder: list what no item delivers"),
    ] = None,
    output_format: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="Output format")
    ] = ResultFormat.text,
    lang: Lang = Language.en,
) -> None:
    """Apply the Peta Rencana (roadmap items) year by year: audit metrics and the estimated
    index after each year.

    Items are ordered by year and dependency; each year's items add, change and retire
    elements of the model in memory (nothing is written). Exit 1 when the model has errors
    (a dependency cycle, an item touching an unknown element or one planned before what it
    depends on among them), 2 could not run.
    """
    from .change import roadmap as run_roadmap

    def call() -> "Outcome":
        loaded = _load(path, show_progress=output_format is ResultFormat.text)
        target = _load(to, show_progress=False) if to is not None else None
        label = to.as_posix() if to is not None else "target"
        result = run_roadmap(loaded, target=target, target_label=label)
        return _outcome("roadmap", result, path, loaded=loaded, findings=result.findings,
                        failed=bool(result.undelivered and result.undelivered.errors))

    _run(call, output_format, lang=lang.value)


@app.command()
def impact(
    path: ModelPath,
    element: Annotated[
        str,
        typer.Argument(
            metavar="ELEMENT",
            help="Id of the element that fails: a data centre, network, application, "
            "integration, or a national platform such as splp or pdn"
        ),
    ],
    *,
    output_format: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="Output format")
    ] = ResultFormat.text,
    lang: Lang = Language.en,
) -> None:
    """Show what stops and what is degraded when ELEMENT fails, with the path explaining each.

    Exit 0 done, 1 done but the model has errors (the result may be incomplete), 2 could not
    run (e.g. an unknown id).
    """
    from .audit import impact as run_impact

    def call() -> "Outcome":
        loaded, graph = _load_graph(path, show_progress=output_format is ResultFormat.text)
        result = run_impact(graph, element)
        return _outcome("impact", result, path, loaded=loaded, findings=loaded.findings)

    _run(call, output_format, lang=lang.value)


@app.command()
def maturity(
    path: ModelPath,
    *,
    target: Annotated[
        float | None,
        typer.Option(min=0, max=5, help="Target index (default: instansi.target in spbe.yaml)"),
    ] = None,
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="Framework id from models/frameworks, or a framework file "
            "(default: instansi.framework, else permenpanrb-59-2020)",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(help="Evaluation year to rate (default: the latest year assessed up to "
                          "this one)"),
    ] = None,
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", min=0, help="Show at most N plan steps")
    ] = None,
    output_format: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="Output format")
    ] = ResultFormat.text,
    lang: Lang = Language.en,
) -> None:
    """Estimate the SPBE index: claims against evidence, predikat, gap and a ranked plan.

    Each indicator shows the self-assessed level, the evaluator's verified level, what the
    model shows and the level that counts (verified, else the lower of claim and model), with
    the index of each column and per year. Exit 1 when the model has errors (the results are
    printed too), 2 when it could not run.
    """
    from .maturity import assess

    def call() -> "Outcome":
        loaded, graph = _load_graph(path, show_progress=output_format is ResultFormat.text)
        result = assess(graph, framework, target, year=year, max_steps=max_steps,
                        validation=loaded.findings)
        return _outcome("maturity", result, path, loaded=loaded, findings=result.findings)

    _run(call, output_format, lang=lang.value)


class PortfolioFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


@app.command()
def portfolio(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="DIR",
            help="Model folders, or folders holding model folders (searched one level down)",
        ),
    ],
    *,
    published: Annotated[
        Path | None,
        typer.Option(
            help="CSV of published SPBE results (year, instansi, index, d1_..., as KemenPANRB "
            "publishes them) to set beside the estimates"
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            help="Evaluation year: each instansi is rated for it where its assessment entries "
            "cover it, and compared with the published results of that year (default: each "
            "instansi's latest)"
        ),
    ] = None,
    output_format: Annotated[
        PortfolioFormat, typer.Option("--format", "-f", help="Output format")
    ] = PortfolioFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout")
    ] = None,
    force: Force = False,
    lang: Lang = Language.en,
) -> None:
    """Many instansi at once: rank them by estimated index, with totals and what shows only
    across them.

    Per instansi: elements, index and predikat, SPLP and JIP shares, unintegrated services,
    hosting outside PDN/pusat data daerah, completeness of the data. Across them: functions
    built again and again, national aplikasi umum some record and others not, integrations
    between instansi bypassing SPLP, data centres and vendors many depend on. A model that
    cannot be assessed is reported with its errors and the others go on, as is a row of the
    published file that cannot be read. Exit 0 done, 1 some model or published row could not
    be used, 2 could not run.
    """
    from .portfolio import portfolio as run_portfolio

    if output_format is PortfolioFormat.xlsx and output is None:
        raise typer.BadParameter("an Excel workbook is a file: give -o FILE.xlsx",
                                 param_hint="'--format xlsx'")
    if output is not None and output.suffix.lower() == ".xlsx" and (
            output_format is not PortfolioFormat.xlsx):
        raise typer.BadParameter(f"{output} is a workbook's name: add --format xlsx",
                                 param_hint="'-o'")

    def call() -> "Outcome":
        if output is not None:
            from .io.write import refuse_overwrite

            refuse_overwrite([output], force=force)  # before the models are read
        with _progress_bar(output_format is PortfolioFormat.text, many=True) as bar:
            result = run_portfolio(paths, published=published, year=year, progress=bar)
        return _outcome("portfolio", result, findings=result.findings,
                        failed=bool(result.broken or result.published_skipped
                                    or any(row.errors for row in result.rows)))

    _run(call, output_format, output=output, force=force, lang=lang.value)


class ListFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def platforms(
    name: Annotated[str | None, typer.Argument(
        metavar="NAME", help="Only the platforms this name, acronym or address names")] = None,
    *,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format")
    ] = ListFormat.text,
    lang: Lang = Language.en,
) -> None:
    """List the national platforms and aplikasi umum the catalog knows: the ids an application
    names as `platform:`. Exit 0, 1 when NAME names none."""
    from .io import find_platforms

    def call() -> "Outcome":
        found = find_platforms(name)
        return _outcome("platforms", (name, found), failed=not found)

    _run(call, output_format, lang=lang.value)


@app.command()
def report(
    path: ModelPath,
    *,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for index.html and report.md")
    ],
    lang: Annotated[
        Language,
        typer.Option(
            "--lang", envvar="SPBE_LANG",
            help="Language of the report: id (Indonesian, the default) or en; env SPBE_LANG",
        ),
    ] = Language.id,
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="Framework id or file for the maturity section, as in `maturity`",
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite existing report files")] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print report.pdf (A4) with headless Chromium")
    ] = False,
) -> None:
    """Write the architecture report (HTML and Markdown) for leadership and evaluators.

    index.html is one self-contained page (inline CSS, SVG and the explorer's script; works
    offline); report.md is its Markdown twin; --pdf prints report.pdf from it (needs
    Chromium: apt-get install chromium). Sections: summary, validation, integration audit, SPBE
    maturity, improvement plan, diagrams, Peta Rencana (roadmap), inventories. A model with
    errors still gets its report (showing the errors) and exits 1; exit 2 when the report
    cannot be written or one of its sections breaks.
    """
    from .io.write import refuse_overwrite
    from .report.pages import report_files, write_report

    def call() -> "Outcome":
        refuse_overwrite(report_files(output, pdf=pdf), force=force)  # before the model is read
        loaded, graph = _load_graph(path, checked=True)
        written = write_report(
            loaded, output, lang=lang.value, model=path.as_posix(), force=force,
            framework=framework, pdf=pdf, graph=graph,
        )
        return _outcome("report", written, path, loaded=loaded, findings=loaded.findings)

    _run(call, lang=lang.value)


import_app = typer.Typer(
    help="Start a model from files other tools keep: an inventory spreadsheet, an ArchiMate "
    "exchange file.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")


class ImportFormat(StrEnum):
    text = "text"
    json = "json"


SheetOption = Annotated[
    str | None, typer.Option(help="Workbook sheet (default: the active one)")
]
MappingOption = Annotated[
    Path | None, typer.Option(help="YAML file naming the headers of unrecognised columns")
]


@import_app.command("inventory")
def import_inventory(
    file: Annotated[Path, typer.Argument(metavar="FILE",
                                         help="The inventory spreadsheet: .csv or .xlsx")],
    *,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Folder for the new model")] = None,
    into: Annotated[
        Path | None, typer.Option(
            "--into", help="A model folder to add the inventory to (instead of -o): written as "
                           "inventory-<file>.yaml beside its files")] = None,
    sheet: SheetOption = None,
    mapping: MappingOption = None,
    instansi_name: Annotated[
        str | None, typer.Option(
            help="Name of the instansi (default: from a title row naming it, else the file name)")
    ] = None,
    instansi_id: Annotated[str | None, typer.Option(help="Id of the instansi")] = None,
    level: Annotated[
        str | None, typer.Option(help="provinsi, kabupaten, kota, ... (default: from the name)")
    ] = None,
    integrations: Annotated[
        Path | None, typer.Option(
            help="An integration list (.csv or .xlsx, one integration per row: sender, "
                 "receiver, mechanism, network, direction)")
    ] = None,
    integrations_sheet: Annotated[
        str | None, typer.Option(
            help="Sheet of the integration list (default: the active one); alone, a sheet of "
                 "the inventory's own workbook")
    ] = None,
    integrations_mapping: Annotated[
        Path | None, typer.Option(
            help="YAML file naming the headers of the integration list's unrecognised columns")
    ] = None,
    force: Annotated[bool, typer.Option(
        help="Replace an existing model folder (with --into: the file an earlier import of "
             "this inventory wrote)")] = False,
    output_format: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="Format of the import report")
    ] = ImportFormat.text,
    lang: Lang = Language.en,
) -> None:
    """Turn an application inventory (one application per row) into a model folder, or add
    it to one (--into).

    Units come from the unit column, applications are owned by them, national systems become
    instances of the national platforms. An ID or Kode column gives the ids, a server location
    column the hosting, an integrations column ("Terintegrasi dengan") integrations whose
    mechanism is unknown. An integration list (--integrations) gives integrations with the
    mechanism (SPLP, API, ...), network and direction its rows name. The report lists every
    skipped row, every guess and every national system not in the catalog; it is also written
    as import-report.txt. With --into, what the model has already (a unit, an application,
    the pusat data daerah, an integration) is not written again. Exit 0 every row imported, 1
    rows skipped, 2 could not import.
    """
    from .interop import add_inventory, instansi_for, write_import
    from .interop import import_inventory as run_import
    from .io import SpbeError
    from .model.i18n import gettext as _

    def call() -> "Outcome":
        if into is not None:
            _refuse_with_into(output=output, instansi_name=instansi_name,
                              instansi_id=instansi_id, level=level)
            added = add_inventory(file, into, sheet=sheet, mapping=mapping, force=force,
                                  integration_list=integrations,
                                  integration_sheet=integrations_sheet,
                                  integration_mapping=integrations_mapping)
            loaded = added.model  # validated: a file of yours may name what is gone
            return _outcome("import-into", added, into, loaded=loaded, findings=loaded.findings,
                            failed=not added.report.clean)
        if output is None:
            raise SpbeError(_("give the folder of the new model with -o DIR, or the model to "
                              "add the inventory to with --into DIR"))
        instansi = instansi_for(file, name=instansi_name, id=instansi_id, level=level,
                                sheet=sheet, mapping=mapping)
        imported = run_import(file, sheet=sheet, mapping=mapping, instansi=instansi,
                              from_title=instansi_name is None,
                              id_given=instansi_id is not None,
                              integration_list=integrations,
                              integration_sheet=integrations_sheet,
                              integration_mapping=integrations_mapping)
        write_import(imported, output, force=force)
        return _outcome("import", imported, output, failed=not imported.report.clean)

    _run(call, output_format, lang=lang.value)


def _refuse_with_into(**given: object) -> None:
    """Raise `SpbeError` for an option `import inventory --into` does not take."""
    from .io import SpbeError
    from .model.i18n import gettext as _

    named = [name for name, value in given.items() if value is not None]
    if not named:
        return
    option = "--" + named[0].replace("_", "-")
    if named[0] == "output":
        why = _("-o writes a new model, --into adds to one: give one of them")
    else:
        why = _("the instansi is the model's (its spbe.yaml)")
    raise SpbeError(_("{option} cannot be given with --into: {why}").format(option=option,
                                                                          why=why))


@import_app.command("integrations")
def import_integrations(
    file: Annotated[Path, typer.Argument(
        metavar="FILE", help="The integration list: .csv or .xlsx, one integration per row")],
    *,
    into: Annotated[Path, typer.Option("--into", help="The model folder to add it to")],
    sheet: SheetOption = None,
    mapping: MappingOption = None,
    force: Annotated[
        bool, typer.Option(help="Replace the file an earlier import of this list wrote")
    ] = False,
    output_format: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="Format of the import report")
    ] = ImportFormat.text,
    lang: Lang = Language.en,
) -> None:
    """Add an integration list (sender, receiver, mechanism, network, direction) to a model.

    Its ends are named among the model's applications (name, acronym, code) or are national
    platforms. What it adds is written as a file of its own, integrations-<list>.yaml in the
    model folder, with its report beside it; no file of the model is changed. Two
    applications the model links already keep their integration. Exit 0 every row imported,
    1 rows skipped, 2 could not import.
    """
    from .interop import add_integration_list

    def call() -> "Outcome":
        added = add_integration_list(file, into, sheet=sheet, mapping=mapping, force=force)
        return _outcome("import-list", added, into, failed=not added.report.clean)

    _run(call, output_format, lang=lang.value)


export_app = typer.Typer(
    help="Write the model for other tools: ArchiMate 3.1 exchange XML, GraphML, JSON.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

ExportOutput = Annotated[Path, typer.Option("--output", "-o", help="File to write")]
ForceOption = Annotated[bool, typer.Option(help="Overwrite an existing file")]


def _export(path: Path, output: Path, force: bool, fmt: str, lang: str) -> None:
    from .interop.export import export_model
    from .io.write import refuse_overwrite, write_atomic

    def call() -> "Outcome":
        refuse_overwrite([output], force=force)  # before the model is read
        loaded = _load(path)
        write_atomic(output, export_model(loaded.architecture, fmt), force=force)
        return _outcome("export", output, path, loaded=loaded, findings=loaded.findings)

    _run(call, lang=lang)


@export_app.command("archimate")
def export_archimate(
    path: ModelPath, *, output: ExportOutput, force: ForceOption = False,
    lang: Lang = Language.en,
) -> None:
    """ArchiMate 3.1 Open Exchange Format (Archi, Sparx EA, BiZZdesign, ...): elements,
    relationships, SPBE fields as properties, folders by layer, one view per layer."""
    _export(path, output, force, "archimate", lang.value)


@export_app.command("graphml")
def export_graphml(
    path: ModelPath, *, output: ExportOutput, force: ForceOption = False,
    lang: Lang = Language.en,
) -> None:
    """The typed graph as GraphML (networkx, yEd, Gephi, Neo4j apoc.import.graphml)."""
    _export(path, output, force, "graphml", lang.value)


@export_app.command("json")
def export_json(
    path: ModelPath, *, output: ExportOutput, force: ForceOption = False,
    lang: Lang = Language.en,
) -> None:
    """The typed graph as node-link JSON: {"nodes": [...], "edges": [...]}."""
    _export(path, output, force, "json", lang.value)


@import_app.command("archimate")
def import_archimate(
    file: Annotated[Path, typer.Argument(metavar="FILE",
                                         help="ArchiMate 3.x Open Exchange file (.xml)")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the new model")],
    force: Annotated[bool, typer.Option(help="Write into an existing folder")] = False,
    lang: Lang = Language.en,
) -> None:
    """Read an ArchiMate 3.x exchange file (any tool's) into a model folder.

    What has an SPBE meaning is mapped; everything else is kept (archimate_elements,
    archimate_relationships, properties) with a warning per concept type. Exit 0 written, 1
    written but the model has errors, 2 could not read or write.
    """
    from .interop.archimate_import import import_archimate as read_archimate
    from .interop.model_yaml import write_model_folder

    def call() -> "Outcome":
        result = read_archimate(file)
        write_model_folder(output, result.texts(file.name), force=force)
        loaded = _load(output, show_progress=False)
        return _outcome("import-archimate", (result, file), output, loaded=loaded,
                        findings=loaded.findings)

    _run(call, lang=lang.value)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spbe-arch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version")
    ] = False,
) -> None:
    """Enterprise architecture for Indonesian e-government (SPBE)."""


_KEEP_UNTIL_EXIT: list | None = None
"""Set by `main`: models loaded by the command, kept alive until the process ends."""


def main() -> None:
    """Console entry point.

    A national model is a million Python objects. A command is a short-lived process, so it
    runs without the cyclic garbage collector (which would scan those objects over and over
    while the graph and the analyses are built; reference counting still frees memory), keeps
    its models until the end, flushes its output and leaves without the interpreter's
    clean-up, which would free them one by one (as mypy does). Tests call `app` and keep the
    ordinary behaviour.
    """
    global _KEEP_UNTIL_EXIT
    _KEEP_UNTIL_EXIT = []
    gc.disable()
    try:
        app()
        code = 0
    except SystemExit as exc:
        if isinstance(exc.code, str):
            typer.echo(exc.code, err=True)
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # e.g. `spbe-arch validate big | head`
        code = code or 1
    os._exit(code)
