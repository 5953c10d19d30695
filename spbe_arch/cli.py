"""The `spbe-arch` command: parse arguments, call the library, format, exit. No logic here."""

import sys
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
)


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


def _emit_json(payload: object) -> None:
    import orjson

    sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")


def _prefix(path: Path) -> str:
    """How finding paths are shown in text: relative to where the user typed the model path."""
    return "" if path.is_file() else f"{path.as_posix().rstrip('/')}/"


def _load(path: Path):
    from .io import SpbeError
    from .validate import load_model

    try:
        return load_model(path)
    except SpbeError as exc:
        raise _fail(str(exc)) from None


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

    result = _load(path)
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
        for line in render.findings_text(findings, prefix=_prefix(path)):
            typer.echo(line)
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


def main() -> None:
    """Console entry point."""
    app()
