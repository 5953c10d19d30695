"""Many instansi at once: a portfolio for a province, a ministry or an evaluator.

`portfolio(paths)` loads every model folder (a folder given that holds no `spbe.yaml` is
searched one level down), estimates each instansi's index and integration figures, ranks them
with totals (and totals per region), and looks across them (`across`): functions built again
and again by neighbours, national platforms some models record in use and others do not,
integrations between instansi bypassing SPLP, data centres and vendors many depend on.
`published=` sets a CSV of published results beside the estimates (`published`). A model with
errors, or one that cannot be read, is reported with its errors and left out; the others go on.

Each model's graph is dropped once its row and its few cross-instansi facts (`Traits`) are
taken, so memory holds one model at a time.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..audit import Known, Share, compute_metrics
from ..graph import build_graph
from ..io import (
    MANIFEST,
    SUFFIXES,
    SpbeError,
    folder_of,
    misnamed_manifests,
    not_a_model_folder,
)
from ..maturity import DEFAULT_FRAMEWORK, assess, load_framework
from ..model import COLLECTIONS, InstansiLevel, Severity
from ..model.i18n import gettext as _
from ..model.i18n import round_half_up
from ..validate import collector_paused, load_model
from .across import cross_integrations, duplicate_functions, platform_adoption, shared_dependencies
from .instansi import Traits, instansi_key, instansi_row, traits
from .published import compare, read_published
from .result import (
    BrokenModel,
    CrossIntegration,
    DomainDifference,
    DuplicateFunction,
    FunctionMatch,
    InstansiRow,
    PlatformAdoption,
    PortfolioResult,
    PublishedComparison,
    SharedDependency,
    Totals,
)

__all__ = [
    "BrokenModel",
    "CrossIntegration",
    "DomainDifference",
    "DuplicateFunction",
    "FunctionMatch",
    "InstansiRow",
    "PlatformAdoption",
    "PortfolioResult",
    "PublishedComparison",
    "SharedDependency",
    "Totals",
    "model_folders",
    "portfolio",
]


def model_folders(paths: Iterable[Path]) -> tuple[list[Path], list[BrokenModel]]:
    """The model folders of `paths`: each path holding `spbe.yaml` (or a model's file, such as
    its `spbe.yaml`), else its subfolders that hold one (hidden ones skipped), in order, each
    once; and the subfolders left out that look like a model (a manifest named `spbe.yml`,
    YAML files with a model's collections, or one that cannot be listed), each with the reason:
    none of those is left out unsaid. Other folders (notes, a site's `mkdocs.yml`, a
    docker-compose file) are passed over.

    A path given that is no folder or holds none (a README a shell glob caught, a folder
    misspelt) is left out with the reason, as a broken model is: the others are compared.

    Raises
    ------
    SpbeError
        No path gives a model folder.
    """
    out: list[Path] = []
    skipped: list[BrokenModel] = []
    unused: list[str] = []
    for path in paths:
        if path.is_file() and folder_of(path) is not None:
            path = folder_of(path)  # type: ignore[assignment]
        found, left, reason = _folders_of(path)
        if reason is not None:
            unused.append(f"{path}: {reason}")
            skipped.append(BrokenModel(str(path), None, reason=reason))
        skipped += left
        seen = {p.resolve() for p in out}
        out += [p for p in found if p.resolve() not in seen]
    if not out:
        raise SpbeError("; ".join(unused))
    return out, skipped


def _folders_of(path: Path) -> tuple[list[Path], list[BrokenModel], str | None]:
    """The model folders `path` gives (itself, or its subfolders holding a manifest), the
    subfolders left out that look like a model, and why `path` gives none, its path aside
    (None if it does)."""
    if path.is_file():
        return [], [], _("a file, not a model folder; give model folders or folders holding "
                         "them")
    if not path.is_dir():
        return [], [], _("no such folder; give model folders or folders holding them")
    if (path / MANIFEST).is_file():
        return [path], [], None
    try:
        subfolders = sorted(sub for sub in path.iterdir()
                            if sub.is_dir() and not sub.name.startswith("."))
    except OSError as exc:
        return [], [], _("cannot read ({reason})").format(reason=exc.strerror or exc)
    found = [sub for sub in subfolders if (sub / MANIFEST).is_file()]
    left = [BrokenModel(str(sub), None, reason=reason) for sub in subfolders
            if sub not in found and (reason := _left_out(sub)) is not None]
    if not found:
        return [], [], _no_model_here(path, left)
    return found, left, None


def _no_model_here(path: Path, left: list[BrokenModel]) -> str:
    """Why `path` gives no model: its own manifest misnamed, else what its subfolders lack."""
    if misnamed_manifests(path):
        return not_a_model_folder(path)
    return "; ".join([_("no model folder here ({manifest} in it, or in folders one level "
                        "down)").format(manifest=MANIFEST)]
                     + [f"{b.path}: {b.reason}" for b in left[:3]])


_MODEL_KEYS = re.compile(
    rb"^(?:" + b"|".join(k.encode() for k in (*COLLECTIONS, "instansi")) + rb"):", re.M)
"""A top-level key of a model file (`services:` is docker-compose's too, `data:` a
Kubernetes ConfigMap's: with `_ENTRY`, only a model's)."""
_ENTRY = re.compile(rb"^\s*(?:-\s*\{?\s*)?id:\s*\S", re.M)
"""An entry of a model's collection (`- id: simpus`, `- {id: simpus, ...}`) or the
instansi's id."""


def _left_out(sub: Path) -> str | None:
    """Why a subfolder without `spbe.yaml` that looks like a model (a manifest named
    otherwise, YAML with a model's collections of entries with ids, or a model one level
    deeper, as a zip unpacks it) is left out; None for one that does not look like one
    (notes, a site, a docker-compose file)."""
    try:
        if misnamed_manifests(sub) or any(
                (p.suffix.lower() in SUFFIXES and p.is_file() and _looks_like_model(p))
                or (p.is_dir() and (p / MANIFEST).is_file()) for p in sub.iterdir()):
            return not_a_model_folder(sub)
    except OSError as exc:
        return _("cannot be read ({reason})").format(reason=exc.strerror or exc)
    return None


_JSON_MODEL = re.compile(
    rb'"(?:' + b"|".join(k.encode() for k in COLLECTIONS) + rb')"\s*:\s*\[\s*\{\s*"id"\s*:')
"""The same in a model file written as JSON: `{"units": [{"id": ...`."""


def _looks_like_model(file: Path) -> bool:
    head = file.read_bytes()[:65536]
    return bool((_MODEL_KEYS.search(head) and _ENTRY.search(head)) or _JSON_MODEL.search(head))


def portfolio(
    paths: Sequence[Path],
    *,
    published: Path | None = None,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PortfolioResult:
    """Assess every model of `paths` and look across them.

    Parameters
    ----------
    paths
        Model folders, or folders holding model folders (one level down).
    published
        A CSV of published results to set beside the estimates.
    year
        The evaluation year: each instansi is rated for it where its assessment entries cover
        it (else for its latest year assessed), and compared with the published results of
        that year (default: each instansi's latest assessed year, and the published results of
        the same year, else the latest).
    progress
        Called as ``progress(done, total)`` after each model.

    Raises
    ------
    SpbeError
        No model folder was found, or the published file cannot be read.
    """
    published_rows, skipped = read_published(published) if published is not None else (None, [])
    folders, broken = model_folders(paths)
    outcomes: list[tuple[InstansiRow, Traits] | BrokenModel] = []
    for done, folder in enumerate(folders, start=1):
        outcomes.append(_assess(folder, year))
        if progress is not None:
            progress(done, len(folders))
    assessed = [o for o in outcomes if not isinstance(o, BrokenModel)]
    paths_of: dict[str, list[str]] = {}
    for row, _traits in assessed:
        paths_of.setdefault(row.id, []).append(row.path)
    rows: list[InstansiRow] = []
    every: list[Traits] = []
    for outcome in outcomes:
        if isinstance(outcome, BrokenModel):
            broken.append(outcome)
        elif len(paths_of[outcome[0].id]) > 1:  # which one is the instansi is not known
            row = outcome[0]
            broken.append(BrokenModel(row.path, row.name, reason=_(
                "instansi id '{id}' is also the id of the model in {others}: each instansi is "
                "ranked once; give one of these folders, or each instansi its own id").format(
                    id=row.id, others=", ".join(p for p in paths_of[row.id] if p != row.path))))
        else:
            rows.append(outcome[0])
            every.append(outcome[1])
    rows = _ranked(rows)
    share, bypassing = cross_integrations(every)
    result = PortfolioResult(
        rows=rows,
        broken=broken,
        totals=_totals(_("all instansi"), rows, len(broken)),
        regions=_regions(rows, broken),
        duplicates=_between_instansi(duplicate_functions(every), rows),
        adoption=platform_adoption(every),
        cross_integrations=share,
        bypassing_splp=bypassing,
        shared_dependencies=shared_dependencies(every),
        published_file=str(published) if published is not None else None,
        published_skipped=[s.message for s in skipped],
        year=year,
    )
    if published_rows is not None:
        result.published, result.unpublished = compare(rows, published_rows, year, skipped)
    return result


def _assess(folder: Path, year: int | None) -> tuple[InstansiRow, Traits] | BrokenModel:
    """The row and traits of one model folder, or why it is left out; `year`: the evaluation
    year asked for."""
    try:
        loaded = load_model(folder)
    except SpbeError as exc:
        return BrokenModel(str(folder), None, reason=str(exc))
    arch = loaded.architecture
    name = arch.instansi.name if arch.instansi else None
    region = arch.instansi.region if arch.instansi else None
    errors = tuple(f for f in loaded.findings if f.severity is Severity.error)
    if arch.instansi is None:
        return BrokenModel(str(folder), name, errors, region=region)
    if arch.instansi.to_be is not None:  # a plan is not compared with instansi as they are
        return BrokenModel(str(folder), name, reason=_(
            "a target architecture (to_be: {year}): a plan, not compared with the instansi as "
            "they are; give its as-is model (spbe-arch diff compares the two)").format(
                year=arch.instansi.to_be), region=region)
    with collector_paused():
        graph = build_graph(arch)
        try:
            maturity = assess(graph)
            if year is not None and maturity.year != year and year in {
                t.year for t in maturity.trajectory
            }:
                maturity = assess(graph, year=year)
        except SpbeError as exc:
            return BrokenModel(str(folder), name, reason=str(exc), region=region)
        if not maturity.rated:  # every indicator at the lowest level: an index of nothing
            return BrokenModel(str(folder), name, reason=_(
                "no indicator can be rated: nothing in the model supports a level (a "
                "self-assessed level needs its bukti dukung named, the model's own levels the "
                "elements their rules read); describe the architecture, or name the documents "
                "of the self-assessment"), region=region)
        metrics = compute_metrics(graph)
        row = replace(instansi_row(graph, metrics, maturity, str(folder)), errors=errors)
        if year is not None and maturity.year != year:
            row = replace(row, other_year=True)
        return row, traits(graph, metrics)


def _between_instansi(found: list[DuplicateFunction], rows: list[InstansiRow]
                      ) -> list[DuplicateFunction]:
    """The functions built by instansi of more than one name: one name under two ids (an
    import's `kabupaten-x` beside a hand-typed `kab-x`, `PortfolioResult.namesakes`) is said
    once, not as every one of its applications built twice."""
    name = {row.id: instansi_key(row.name) for row in rows}
    return [f for f in found if len({name.get(i, i) for i in f.instansi}) > 1]


def _ranked(rows: list[InstansiRow]) -> list[InstansiRow]:
    """Rows by index, highest first (then by name); equal indexes share a rank (1, 2, 2, 4).
    A provisional index, or one of another year than asked (`InstansiRow.ranked`), gets no
    rank (0): those rows follow."""
    ordered = sorted(rows, key=lambda r: (not r.ranked, -r.index, r.name, r.id))
    out: list[InstansiRow] = []
    for position, row in enumerate(ordered, start=1):
        if not row.ranked:
            out.append(replace(row, rank=0))
            continue
        rank = out[-1].rank if out and out[-1].index == row.index else position
        out.append(replace(row, rank=rank))
    return out


def _sum(shares: Iterable[Share]) -> Share:
    parts = totals = unknown = 0
    for share in shares:
        parts += share.part
        totals += share.total
        unknown += share.unknown
    return Share(parts, totals, unknown)


def _totals(label: str, rows: list[InstansiRow], left_out: int = 0) -> Totals:
    bands = [band.name for band in load_framework(DEFAULT_FRAMEWORK).predikat]
    rated = [row for row in rows if row.ranked]
    counted = Counter(row.predikat for row in rated)
    order = bands + sorted(set(counted) - set(bands))
    return Totals(
        label=label,
        instansi=len(rows),
        elements=sum(row.elements for row in rows),
        mean_index=round_half_up(sum(r.index for r in rated) / len(rated)) if rated else None,
        predikat={name: counted[name] for name in order},
        provisional=sum(row.provisional for row in rows),
        other_year=sum(row.other_year and not row.provisional for row in rows),
        with_errors=sum(bool(row.errors) and not row.provisional and not row.other_year
                        for row in rows),
        splp=_sum(r.splp for r in rows),
        jip=_sum(r.jip for r in rows),
        services_unintegrated=_sum(r.services_unintegrated for r in rows),
        hosting_outside=_sum(r.hosting_outside for r in rows),
        completeness=Known(sum(r.completeness.known for r in rows),
                           sum(r.completeness.of for r in rows)),
        left_out=left_out,
    )


def _regions(rows: list[InstansiRow], broken: list[BrokenModel]) -> list[Totals]:
    """Totals per region, when the portfolio spans more than one; each says how many of its
    models could not be assessed (a model whose manifest could not be read is in none)."""
    named = {row.region for row in rows if row.region}

    def region_of(row: InstansiRow) -> str:
        """Its region; for a province that names none, the region its name holds (the
        Pemerintah Provinsi Nusa Raya heads the region 'Provinsi Nusa Raya')."""
        if row.region or row.level != InstansiLevel.provinsi:
            return row.region or ""
        same = [r for r in named if key(r) == key(row.name)]  # 'Prov. Nusa Raya'
        held = same or [r for r in named if re.search(
            rf"(?<!\w){re.escape(r.casefold())}(?!\w)", row.name.casefold())]
        return max(held, key=len, default="")  # 'Provinsi Maluku Utara', not 'Provinsi Maluku'

    def key(region: str | None) -> str:
        """'Prov. Nusa Raya', 'PROVINSI NUSA RAYA' and 'Nusa Raya' alike."""
        written = instansi_key(region) if region else ""
        return written.removeprefix("provinsi") or written

    of = {row.id: key(region_of(row)) for row in rows}
    spelt = Counter((of[row.id], region_of(row)) for row in rows)
    label = {}  # a region's key -> its most written spelling (the first of equals)
    for (region, written), _count in spelt.most_common():
        label.setdefault(region, written)
    if len(label) < 2:
        return []
    return [_totals(label[region] or _("(no region)"), [r for r in rows if of[r.id] == region],
                    sum(1 for b in broken if b.region is not None and key(b.region) == region))
            for region in sorted(label, key=lambda r: label[r])]
