"""The report's pages: the context rendered through the jinja2 templates, and written."""

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io import SpbeError
from ..model.i18n import gettext as _
from .context import ReportContext, SectionFailed, gather

if TYPE_CHECKING:
    from ..graph import ArchGraph
    from ..validate import ValidationResult

__all__ = ["render_html", "render_inventory", "render_markdown", "report_files", "write_report"]

_TICKS = re.compile(r"`([^`]+)`")


def _css_string(text: str) -> Any:
    """`text` as a CSS string, quoted, for a style sheet (where HTML escapes are not read: a
    '&' stays one); its quotes, backslashes and a '<' escaped the CSS way."""
    from markupsafe import Markup

    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>\n' else c for c in str(text))
    return Markup(f'"{escaped}"')


def _ticks(text: str) -> Any:
    """HTML-escape `text` and show `quoted` parts as code (rule texts use Markdown ticks)."""
    from markupsafe import Markup, escape

    return Markup(_TICKS.sub(r"<code>\1</code>", str(escape(text))))


def _num(context: Any, value: float, digits: int = 2) -> str:
    """A number as the page's language writes it (2,68 in Indonesian)."""
    from ..model.i18n import decimal

    page = context.get("c")
    return decimal(value, digits, getattr(page, "lang", None))


_TAG = re.compile(r"<(?!/?(?:details|summary)>)")
"""A `<` that could open an HTML tag, other than the folds the Markdown template writes."""


def _markdown_text(value: Any) -> Any:
    """Text from the model as Markdown shows it: a name such as `<b>Dinkes</b>` or a script
    tag stays text (`&lt;b>`) in viewers that render HTML inside Markdown."""
    return _TAG.sub("&lt;", value) if isinstance(value, str) else value


@cache
def _environment(*, markdown: bool = False):
    """The templates' environment (one for HTML, one for Markdown), made once a process."""
    from jinja2 import (
        Environment,
        PackageLoader,
        StrictUndefined,
        pass_context,
        select_autoescape,
    )

    env = Environment(
        loader=PackageLoader("spbe_arch.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_markdown_text if markdown else None,
    )
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    env.filters["ticks"] = _ticks
    env.filters["css_string"] = _css_string
    env.filters["num"] = pass_context(_num)
    return env


def render_html(context: ReportContext) -> str:
    """The report as one self-contained HTML page: inline CSS, SVG and the explorer's script
    (allowed by its hash in the page's Content-Security-Policy, and nothing else), no fetch."""
    import base64
    import hashlib
    from importlib.resources import files

    script = files("spbe_arch.report").joinpath("templates/explorer.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return _environment().get_template("index.html").render(
        c=context, script=script, script_hash=f"sha256-{digest}"
    )


def render_inventory(t: dict[str, str], inventories: dict[str, Any], links: int, *,
                     markdown: bool = False) -> str:
    """The inventory tables as a fragment of the page, or of the Markdown twin with
    `markdown` (`inventory` gives the rows; `links`, the integrations that carry data, are what
    the summary and the audit count)."""
    from types import SimpleNamespace

    template = "inventory.md" if markdown else "inventory.html"
    return _environment(markdown=markdown).get_template(template).render(
        c=SimpleNamespace(t=t, links=links, **inventories)
    )


def render_markdown(context: ReportContext) -> str:
    """The report as Markdown (tables; diagrams are referred to by their commands)."""
    return _environment(markdown=True).get_template("report.md").render(c=context)


def _rendered(name: str, render: Callable[[ReportContext], str], context: ReportContext) -> str:
    """`render(context)`; a template that breaks (a bug) fails the report naming the page and
    where in its template, as a section that breaks does."""
    import traceback

    try:
        return render(context)
    except Exception as exc:
        where = [f"{frame.filename}:{frame.lineno}" for frame in traceback.extract_tb(
            exc.__traceback__) if frame.filename.endswith((".html", ".md", ".js"))]
        raise SectionFailed(_("report page '{name}' failed: {error}").format(
            name=name, error=f"{type(exc).__name__}: {exc}" + (
                f" ({where[-1]})" if where else ""))) from exc


def report_files(folder: Path, *, pdf: bool = False) -> list[Path]:
    """The files `write_report` writes into `folder` (`report.pdf` too with `pdf`)."""
    return [folder / "index.html", folder / "report.md", *([folder / "report.pdf"] if pdf else [])]


_PAGE_SUFFIXES = (".html", ".htm", ".md", ".pdf")
"""What `-o` of the report ends with when a file was meant ('laporan/index.html')."""


def write_report(
    result: "ValidationResult",
    folder: Path,
    *,
    lang: str = "id",
    model: str = "MODEL",
    force: bool = False,
    generated: str | None = None,
    pdf: bool = False,
    framework: str | None = None,
    graph: "ArchGraph | None" = None,
) -> tuple[ReportContext, list[Path]]:
    """Write `index.html` and `report.md` into `folder` (and `report.pdf`, printed from the
    page by headless Chromium, with `pdf`); return the context and the paths. `graph` is the
    model's graph when the caller has it (`spbe_arch.graph.load_graph`).

    Raises
    ------
    SpbeError
        A file exists and `force` is not set, a file cannot be written, `lang` is unknown, or
        the `framework` asked for cannot be loaded, or `pdf` is asked and Chromium is missing
        (the pages are written, and the message says so) or fails.
    """
    from ..io.aside import aside
    from ..io.write import refuse_overwrite, write_atomic
    from .pdf import print_pdf, require_chromium

    if folder.suffix.lower() in _PAGE_SUFFIXES or (folder.exists() and not folder.is_dir()):
        raise SpbeError(_("{path}: -o names the report's folder, not a file: its pages "
                          "(index.html, report.md, ...) are written in it, e.g. -o {folder}"
                          ).format(path=folder, folder=folder.parent if (
                              folder.suffix.lower() in _PAGE_SUFFIXES) else "laporan"))
    targets = report_files(folder, pdf=pdf)
    refuse_overwrite(targets, force=force)
    for markdown, names in ((False, ("index.html", "inventory.html")),
                            (True, ("report.md", "inventory.md"))):
        for name in names:  # compiled once here: the processes forked below render with them
            _environment(markdown=markdown).get_template(name)
    context = gather(result, lang=lang, model=model, generated=generated, framework=framework,
                     graph=graph)
    # the Markdown twin is rendered on the second core while this one renders the page; both
    # before either is written, so that a page that breaks leaves nothing half-written
    markdown = aside(_rendered, "report.md", render_markdown, context,
                     size=sum(result.architecture.counts().values()))
    page = _rendered("index.html", render_html, context)
    text = markdown.result()
    write_atomic(targets[0], page, force=force)
    write_atomic(targets[1], text, force=force)
    if pdf:
        try:
            chromium = require_chromium()
        except SpbeError as exc:
            raise SpbeError(_("wrote {page} and {markdown}, not report.pdf: {why}").format(
                page=targets[0], markdown=targets[1], why=exc)) from None
        print_pdf(targets[0], targets[2], chromium=chromium)
    return context, targets
