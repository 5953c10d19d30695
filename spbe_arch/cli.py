"""The `spbe-arch` command: parse arguments, call the library, format, exit. No logic here."""

import gc
import os
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

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


ModelPath = Annotated[
    Path, typer.Argument(help="Model folder (with spbe.yaml) or a single-file model")
]


def _fail(message: str) -> typer.Exit:
    """Print a could-not-run message on stderr; the caller raises the returned Exit(2)."""
    typer.echo(f"spbe-arch: {message}", err=True)
    return typer.Exit(2)


def _model_errors(path: Path, errors: int, consequence: str) -> typer.Exit:
    """Say on stderr that the output was made from a model with errors; return Exit(1)."""
    plural = "s" if errors != 1 else ""
    typer.echo(
        f"{path}: the model has {errors} error{plural}; {consequence} "
        f"(run `spbe-arch validate {path}`)",
        err=True,
    )
    return typer.Exit(1)


def _emit_lines(lines: Iterable[str]) -> None:
    """Write lines to stdout in one call (a national audit prints ~10,000 findings)."""
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    sys.stdout.flush()  # before anything on stderr, e.g. the summary line


def _emit_json(payload: object) -> None:
    import orjson

    sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")


def _prefix(path: Path) -> str:
    """How finding paths are shown in text: relative to where the user typed the model path."""
    return "" if path.is_file() else f"{path.as_posix().rstrip('/')}/"


def _load(path: Path, *, show_progress: bool = True):
    """Load and validate a model; exit 2 when it cannot be read. A progress bar shows on a
    terminal when `show_progress` (text output) and the load lasts over PROGRESS_AFTER."""
    from .io import SpbeError
    from .validate import load_model

    try:
        with _progress_bar(show_progress) as progress:
            result = load_model(path, progress=progress)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    if _KEEP_UNTIL_EXIT is not None:  # run from the console: see main()
        _KEEP_UNTIL_EXIT.append(result)
    return result


@contextmanager
def _progress_bar(enabled: bool, description: str = "reading model files"):
    """A `progress(done, total)` callback drawing a bar on stderr, or None.

    Only on a terminal (stderr is a TTY) and when `enabled` (text output); the bar appears
    once the run has lasted PROGRESS_AFTER seconds, so quick runs print nothing extra.
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

            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            shown.extend((bar, bar.add_task(description, total=total)))
        shown[0].update(shown[1], completed=done, total=total)

    try:
        yield update
    finally:
        if shown:
            shown[0].stop()


@app.command()
def validate(
    path: ModelPath,
    *,
    output_format: Annotated[
        FindingFormat, typer.Option("--format", "-f", help="Output format")
    ] = FindingFormat.text,
) -> None:
    """Check a model: syntax, types, references, ids. Exit 0 clean, 1 errors, 2 could not run."""
    from .report import findings as render

    result = _load(path, show_progress=output_format is FindingFormat.text)
    arch = result.architecture
    findings = result.findings
    if output_format is FindingFormat.json:
        _emit_json(
            {
                "ok": result.ok,
                "summary": {
                    "errors": result.count(_severity("error")),
                    "warnings": result.count(_severity("warning")),
                    "elements": arch.counts(),
                },
                "findings": [render.finding_dict(f) for f in findings],
            }
        )
    elif output_format is FindingFormat.sarif:
        _emit_json(render.findings_sarif(findings, prefix=_prefix(path), version=__version__))
    elif output_format is FindingFormat.markdown:
        sys.stdout.write(render.findings_markdown(findings, title=f"spbe-arch validate {path}"))
    else:
        _emit_lines(render.findings_text(findings, prefix=_prefix(path)))
        total = sum(arch.counts().values())
        typer.echo(
            render.summary_line(findings, f"{len(arch.files)} files ({total} elements)"),
            err=bool(findings),
        )
    raise typer.Exit(0 if result.ok else 1)


def _severity(name: str):
    from .model import Severity

    return Severity(name)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder for the new model")],
    *,
    name: Annotated[str | None, typer.Option(help="Name of the instansi")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite existing files")] = False,
) -> None:
    """Start a new model folder with a manifest, starter files and an editor schema."""
    from .io import SpbeError
    from .io.scaffold import scaffold

    try:
        written = scaffold(folder, name=name, force=force)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    for path in written:
        typer.echo(f"wrote {path}")
    typer.echo(f"next: edit the files, then run `spbe-arch validate {folder}`")


def _sync(output: Path, texts: dict[str, str], check: bool, command: str) -> None:
    from .io import SpbeError
    from .io.generated import sync_generated

    try:
        stale = sync_generated(output, texts, check=check)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    for name in stale:
        typer.echo(f"{'stale' if check else 'wrote'} {output / name}")
    if check and stale:
        typer.echo(f"run `spbe-arch {command}` to regenerate", err=True)
        raise typer.Exit(1)
    if not stale:
        typer.echo(f"{output}: up to date")


@app.command()
def schema(
    *,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the schema files")
    ] = Path("schemas"),
    check: Annotated[
        bool, typer.Option(help="Only check the files are up to date; exit 1 when stale")
    ] = False,
) -> None:
    """Write the JSON Schemas (Draft 2020-12) generated from the model types."""
    from .model.schema import schema_texts

    _sync(output, schema_texts(), check, "schema")


@app.command()
def docs(
    *,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the generated pages")
    ] = Path("docs"),
    check: Annotated[
        bool, typer.Option(help="Only check the pages are up to date; exit 1 when stale")
    ] = False,
) -> None:
    """Write docs/rules.md (every finding code) and docs/vocabulary.md (the model's fields)."""
    from .report.docs import DOC_FILES

    _sync(output, {name: make() for name, make in DOC_FILES.items()}, check, "docs")


class DiagramView(StrEnum):
    landscape = "landscape"
    integration = "integration"
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
    unit: Annotated[str | None, typer.Option(help="Layered view: only this unit (OPD) id")] = None,
    service: Annotated[str | None, typer.Option(help="Layered view: only this service id")] = None,
    element: Annotated[
        str | None, typer.Option(help="Impact view: the id of the element that fails")
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file")] = False,
) -> None:
    from .diagrams import diagram as build_diagram
    from .diagrams import find_engine, render
    from .io import SpbeError
    from .io.write import write_atomic

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png", "dot"):
        raise _fail(f"{output}: unknown suffix '{output.suffix}'; use .svg, .png or .dot")
    if output.exists() and not force:
        raise _fail(f"{output}: already exists; use --force to overwrite it")
    result = _load(path)
    try:
        source = build_diagram(
            result.architecture, view.value, unit=unit, service=service, element=element
        ).source
        if fmt == "dot":
            write_atomic(output, source, force=force)
        else:
            engine = find_engine()
            content = render(source, fmt, engine=engine)
            write_atomic(output, content, force=force)
            assert engine is not None
            typer.echo(f"rendered with {engine.name} ({engine.path})", err=True)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"wrote {output}")
    if not result.ok:
        raise _model_errors(
            path, result.count(_severity("error")), "the diagram shows the valid elements only"
        )


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command()
def audit(
    path: ModelPath,
    *,
    output_format: Annotated[
        FindingFormat, typer.Option("--format", "-f", help="Output format")
    ] = FindingFormat.text,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding has this severity or worse")
    ] = FailOn.error,
) -> None:
    """Audit integration gaps, SPLP bypasses, duplicates, hosting and single points of failure.

    Prints the findings (validation findings included), then coverage metrics. Exit 0 clean,
    1 when a finding reaches --fail-on, 2 could not run.
    """
    from .audit import audit as run_audit
    from .report import findings as render
    from .report.audit import audit_dict, audit_markdown, metrics_rows

    loaded = _load(path, show_progress=output_format is FindingFormat.text)
    result = run_audit(loaded.architecture, validation=loaded.findings)
    findings = result.findings
    if output_format is FindingFormat.json:
        _emit_json(audit_dict(result))
    elif output_format is FindingFormat.sarif:
        _emit_json(render.findings_sarif(findings, prefix=_prefix(path), version=__version__))
    elif output_format is FindingFormat.markdown:
        sys.stdout.write(audit_markdown(result, title=f"spbe-arch audit {path}"))
    else:
        from rich.console import Console
        from rich.table import Table

        _emit_lines(render.findings_text(findings, prefix=_prefix(path)))
        table = Table(title="metrics", title_justify="left", show_header=False)
        table.add_column("metric", no_wrap=True)
        table.add_column("value")
        for label, value in metrics_rows(result.metrics):
            table.add_row(label, value)
        typer.echo()
        Console(width=100, highlight=False, soft_wrap=False).print(table)
        typer.echo(render.summary_line(findings, f"{path}"))
    threshold = _severity(fail_on.value).rank
    raise typer.Exit(1 if any(f.severity.rank >= threshold for f in findings) else 0)


class ImpactFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def impact(
    path: ModelPath,
    element: Annotated[
        str,
        typer.Argument(
            help="Id of the element that fails: a data centre, network, application, "
            "integration, or a national platform such as splp or pdn"
        ),
    ],
    *,
    output_format: Annotated[
        ImpactFormat, typer.Option("--format", "-f", help="Output format")
    ] = ImpactFormat.text,
) -> None:
    """Show what stops and what is degraded when ELEMENT fails, with the path explaining each.

    Exit 0 done, 1 done but the model has errors (the result may be incomplete), 2 could not
    run (e.g. an unknown id).
    """
    from .audit import impact as run_impact
    from .graph import build_graph
    from .io import SpbeError
    from .report.audit import impact_markdown, impact_text

    loaded = _load(path, show_progress=output_format is ImpactFormat.text)
    arch = loaded.architecture
    try:
        result = run_impact(build_graph(arch), element)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    name = arch.name_of(element)
    if output_format is ImpactFormat.json:
        _emit_json(result.as_dict())
    elif output_format is ImpactFormat.markdown:
        sys.stdout.write(impact_markdown(result, name=name))
    else:
        _emit_lines(impact_text(result, name=name))
    if not loaded.ok:
        raise _model_errors(path, loaded.count(_severity("error")), "the impact may be incomplete")


class MaturityFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


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
    output_format: Annotated[
        MaturityFormat, typer.Option("--format", "-f", help="Output format")
    ] = MaturityFormat.text,
) -> None:
    """Estimate the SPBE index: levels with evidence, predikat, gap and a ranked plan.

    Levels come from the model and its self-assessment (the lower counts). Exit 1 when the
    model has errors (the results are printed too), 2 when it could not run.
    """
    from .io import SpbeError
    from .maturity import assess
    from .report.maturity import maturity_dict, maturity_markdown, render_maturity_text

    loaded = _load(path, show_progress=output_format is MaturityFormat.text)
    try:
        result = assess(loaded.architecture, framework, target, validation=loaded.findings)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    if output_format is MaturityFormat.json:
        _emit_json(maturity_dict(result))
    elif output_format is MaturityFormat.markdown:
        sys.stdout.write(maturity_markdown(result))
    else:
        from rich.console import Console

        render_maturity_text(result, Console(width=120, soft_wrap=False), prefix=_prefix(path))
    errors = sum(1 for f in result.findings if f.severity is _severity("error"))
    raise typer.Exit(1 if errors else 0)


class ReportLang(StrEnum):
    id = "id"
    en = "en"


@app.command()
def report(
    path: ModelPath,
    *,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for index.html and report.md")
    ],
    lang: Annotated[
        ReportLang,
        typer.Option(help="Language of titles and labels; the other one is shown as subtitles"),
    ] = ReportLang.id,
    force: Annotated[bool, typer.Option(help="Overwrite existing report files")] = False,
) -> None:
    """Write the architecture report (HTML and Markdown) for leadership and evaluators.

    index.html is one self-contained page (inline CSS and SVG, no script, works offline);
    report.md is its Markdown twin. Sections: summary, validation, integration audit, SPBE
    maturity, improvement plan, diagrams, inventories. A model with errors still gets its
    report (showing the errors) and exits 1; exit 2 when the report cannot be written.
    """
    from .io import SpbeError
    from .report.build import write_report

    result = _load(path)
    try:
        context, written = write_report(
            result, output, lang=lang.value, model=path.as_posix(), force=force
        )
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    for file in written:
        typer.echo(f"wrote {file}")
    missing = [
        name
        for name, section in (("audit", context.audit), ("maturity", context.maturity))
        if not section.available
    ]
    for name in missing:
        typer.echo(f"{name} section unavailable: {getattr(context, name).reason}", err=True)
    if context.engine:
        typer.echo(f"diagrams rendered with {context.engine}", err=True)
    if not context.ok:
        raise _model_errors(path, context.errors, "the report lists them")


export_app = typer.Typer(
    help="Write the model for other tools: ArchiMate 3.1 exchange XML, GraphML, JSON.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")
import_app = typer.Typer(help="Read a model from another tool's file.", no_args_is_help=True)
app.add_typer(import_app, name="import")

ExportOutput = Annotated[Path, typer.Option("--output", "-o", help="File to write")]
ForceOption = Annotated[bool, typer.Option(help="Overwrite an existing file")]


def _export(path: Path, output: Path, force: bool, fmt: str) -> None:
    from .interop.export import export_model
    from .io import SpbeError
    from .io.write import write_atomic

    if output.exists() and not force:
        raise _fail(f"{output}: already exists; use --force to overwrite it")
    result = _load(path)
    try:
        write_atomic(output, export_model(result.architecture, fmt), force=force)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"wrote {output}")
    if not result.ok:
        raise _model_errors(
            path, result.count(_severity("error")), "the file holds the valid elements only"
        )


@export_app.command("archimate")
def export_archimate(path: ModelPath, *, output: ExportOutput, force: ForceOption = False) -> None:
    """ArchiMate 3.1 Open Exchange Format (Archi, Sparx EA, BiZZdesign, ...): elements,
    relationships, SPBE fields as properties, folders by layer, one view per layer."""
    _export(path, output, force, "archimate")


@export_app.command("graphml")
def export_graphml(path: ModelPath, *, output: ExportOutput, force: ForceOption = False) -> None:
    """The typed graph as GraphML (networkx, yEd, Gephi, Neo4j apoc.import.graphml)."""
    _export(path, output, force, "graphml")


@export_app.command("json")
def export_json(path: ModelPath, *, output: ExportOutput, force: ForceOption = False) -> None:
    """The typed graph as node-link JSON: {"nodes": [...], "edges": [...]}."""
    _export(path, output, force, "json")


@import_app.command("archimate")
def import_archimate(
    file: Annotated[Path, typer.Argument(help="ArchiMate 3.x Open Exchange file (.xml)")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the new model")],
    force: Annotated[bool, typer.Option(help="Write into an existing folder")] = False,
) -> None:
    """Read an ArchiMate 3.x exchange file (any tool's) into a model folder.

    What has an SPBE meaning is mapped; everything else is kept (archimate_elements,
    archimate_relationships, properties) with a warning per concept type. Exit 0 written, 1
    written but the model has errors, 2 could not read or write.
    """
    from .interop.archimate_import import import_archimate as read_archimate
    from .interop.model_yaml import write_model_folder
    from .io import SpbeError
    from .report.interop import import_summary, import_warnings

    try:
        result = read_archimate(file)
        write_model_folder(output, result.texts(file.name), force=force)
    except SpbeError as exc:
        raise _fail(str(exc)) from None
    _emit_lines(import_summary(result, file, output))
    for line in import_warnings(result, file):
        typer.echo(line, err=True)
    loaded = _load(output, show_progress=False)
    if not loaded.ok:
        raise _model_errors(output, loaded.count(_severity("error")), "fix them in the folder")


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
