"""Published SPBE results (a CSV or XLSX of KemenPANRB's evaluation) set beside the estimates.

The file has a header row with at least `year`, `instansi`, `index` and a column per domain
named `d<domain id>_...` (`d1_kebijakan`, ...), as `spbe-results-2023-2024.csv`; `predikat` is
read when present. Instansi are matched by name loosely: case, spacing, punctuation,
'Pemerintah' and the short forms 'Kab.' and 'Prov.' aside.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..io import SpbeError
from ..model.i18n import gettext as _
from ..model.i18n import round_half_up
from .instansi import instansi_key
from .result import DomainDifference, InstansiRow, PublishedComparison

__all__ = ["PublishedRow", "SkippedRow", "compare", "read_published"]

REQUIRED = ("year", "instansi", "index")
_ALIASES = {
    "tahun": "year", "nama instansi": "instansi", "instansi pemerintah": "instansi",
    "pemda": "instansi", "indeks": "index", "indeks spbe": "index", "nilai indeks": "index",
}
"""Indonesian headers of the required columns, as an evaluator's table names them."""
_DOMAIN = re.compile(r"^d(\d+)_")
_DECIMAL_COMMA = re.compile(r"^(-?\d+),(\d+)$")
"""A number written with a decimal comma, as Indonesian spreadsheets save it (2,45)."""


@dataclass(frozen=True)
class PublishedRow:
    """One published result: an instansi's index and domain scores of one year."""

    line: int
    year: int
    instansi: str
    index: float
    predikat: str | None
    domains: dict[int, float]


@dataclass(frozen=True)
class SkippedRow:
    """A row left out (a cell that should be a number is not): why, and whose row of which
    year it was (None when that cell is the one unreadable)."""

    message: str
    instansi: str
    year: int | None


class _NotANumber(ValueError):
    """A cell of a row that should hold a number: the row is left out, with this message."""


def read_published(path: Path) -> tuple[list[PublishedRow], list[SkippedRow]]:
    """The rows of a published-results file, and why each row left out was (a cell that
    should be a number is not: the message names the file, the line and the fix).

    Read as the inventory import reads a spreadsheet (`spbe_arch.interop.inventory.table`):
    CSV separated by commas, semicolons or tabs (Indonesian Excel saves semicolons), UTF-8
    with or without BOM, UTF-16 or Windows-1252, or an XLSX workbook's first sheet. Numbers
    may have a decimal comma ('2,45').

    Raises
    ------
    SpbeError
        The file cannot be read or lacks a required column.
    """
    from ..interop.inventory.table import open_table

    table = open_table(path).rows
    first = next(table, None)
    if first is None:
        raise SpbeError(_("{path}: empty file; the first line names the columns "
                          "(year, instansi, index, d1_..., as the published results)").format(
                              path=path))
    header = [_ALIASES.get(name.strip().casefold(), name.strip().casefold())
              for name in first[1]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise SpbeError(_(
            "{path}:1: missing column {columns}; the first line names the columns: year, "
            "instansi, index, d1_kebijakan, ... (predikat optional)"
        ).format(path=path, columns=", ".join(repr(m) for m in missing)))
    domains = {i: int(m.group(1)) for i, name in enumerate(header) if (m := _DOMAIN.match(name))}
    column = {name: i for i, name in enumerate(header)}
    out = []
    skipped = []
    for line, cells in table:
        if not any(cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))

        def number(index: int, kind=float, line=line, cells=cells):
            text = cells[index]
            try:
                return kind(_DECIMAL_COMMA.sub(r"\1.\2", text) if kind is float else text)
            except ValueError:
                example = _("a year such as 2024") if kind is int else _(
                    "a number such as 3.04 or 3,04")
                raise _NotANumber(_(
                    "{path}:{line}: {column}: {value} is not a number; write {example} (row "
                    "left out)").format(path=path, line=line, column=header[index],
                                        value=repr(text), example=example)) from None

        predikat = cells[column["predikat"]] if "predikat" in column else ""
        try:
            out.append(PublishedRow(
                line=line,
                year=number(column["year"], int),
                instansi=cells[column["instansi"]],
                index=number(column["index"]),
                predikat=predikat or None,
                domains={d: number(i) for i, d in domains.items() if cells[i]},
            ))
        except _NotANumber as exc:
            year = cells[column["year"]].strip()
            skipped.append(SkippedRow(str(exc), cells[column["instansi"]],
                                      int(year) if year.isdigit() else None))
    return out, skipped


def compare(
    rows: list[InstansiRow], published: list[PublishedRow], year: int | None = None,
    skipped: Iterable[SkippedRow] = (),
) -> tuple[list[PublishedComparison], list[str]]:
    """Each instansi's published result of `year` (default: of the year its estimate rates,
    else its latest) beside its estimate, and the ids of the instansi the file has no result
    for. An instansi whose row of the year its estimate rates was left out (`skipped`) is not
    compared with another year's row instead: it has no result that can be read; one rated for
    another year than `year` (`InstansiRow.other_year`) is in neither list."""
    by_key: dict[str, list[PublishedRow]] = {}
    for entry in published:
        if year is None or entry.year == year:
            by_key.setdefault(instansi_key(entry.instansi), []).append(entry)
    unreadable = {(instansi_key(s.instansi), s.year) for s in skipped}
    compared, missing = [], []
    for row in rows:
        if row.other_year:  # an estimate of another year than asked: nothing to compare
            continue
        key = instansi_key(row.name)
        found = by_key.get(key, [])
        entry = max(found, key=lambda e: (e.year == row.year, e.year, e.line), default=None)
        wanted = year if year is not None else row.year
        if entry is None or (entry.year != wanted and not unreadable.isdisjoint(
                ((key, wanted), (key, None)))):
            missing.append(row.id)
            continue
        domains = tuple(
            DomainDifference(d.id, d.name, entry.domains[d.id], round_half_up(d.score),
                             row.domain_sources.get(d.id, {}))
            for d in row.domains if d.id in entry.domains
        )
        compared.append(PublishedComparison(
            row.id, entry.instansi, entry.year, entry.index, entry.predikat,
            round_half_up(row.index), domains, provisional=row.provisional
        ))
    return compared, missing
