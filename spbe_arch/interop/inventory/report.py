"""The import report: what was imported, skipped, guessed and left unmatched, row by row.

One typed result with two renderings: `report_lines` (text, `file:row: ...` as findings are
shown) and `report_dict` (JSON). The text is also written beside the model as
`import-report.txt`, so that the model keeps a record of its guesses.
"""

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

__all__ = [
    "ImportReport",
    "PlatformGuess",
    "RowNote",
    "UnitMerge",
    "Unmatched",
    "report_dict",
    "report_lines",
]


@dataclass(frozen=True)
class RowNote:
    """A row and what happened to it (skipped, or a remark on one of its cells)."""

    row: int
    message: str


@dataclass(frozen=True)
class PlatformGuess:
    """A row taken as an instance of a national platform."""

    row: int
    application: str
    name: str
    platform: str
    how: str
    """What matched the catalog: the row's 'name' or its 'address'."""


@dataclass(frozen=True)
class Unmatched:
    """A national system (aplikasi umum / pusat) the platform catalog does not know."""

    row: int
    application: str
    name: str


@dataclass(frozen=True)
class UnitMerge:
    """Several spellings taken as one unit."""

    unit: str
    name: str
    spellings: dict[str, list[int]]


@dataclass
class ImportReport:
    """Everything a user must check after an import."""

    source: str
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    """Column -> the header it was read from; unmapped headers are kept as properties."""
    properties: dict[str, str] = field(default_factory=dict)
    """Property key -> the header of an unmapped column whose values it keeps."""
    rows: int = 0
    """Data rows below the header, empty rows not counted."""
    imported: int = 0
    units: int = 0
    unclassified: int = 0
    """Applications whose row says neither umum nor khusus and names no platform: khusus."""
    skipped: list[RowNote] = field(default_factory=list)
    guesses: list[PlatformGuess] = field(default_factory=list)
    merges: list[UnitMerge] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    notes: list[RowNote] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when every data row was imported."""
        return not self.skipped


_ENCODINGS = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16"}
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


def report_lines(report: ImportReport) -> Iterator[str]:
    """The report as text lines: a summary, then one line per row to check."""
    src = report.source
    how = [f"sheet '{report.sheet}'"] if report.sheet else []
    if report.encoding:
        how.append(f"{_ENCODINGS.get(report.encoding, report.encoding)}, "
                   f"{_DELIMITERS.get(report.delimiter or ',', report.delimiter)}-separated")
    how.append(f"header in row {report.header_row}")
    yield f"{src}: {'; '.join(how)}"
    yield "columns: " + ", ".join(f"{c} <- '{h}'" for c, h in report.columns.items())
    if report.properties:
        yield "kept as properties: " + ", ".join(
            f"{key} <- '{header}'" for key, header in report.properties.items()
        )
    for note in report.skipped:
        yield f"{src}:{note.row}: skipped: {note.message}"
    for guess in report.guesses:
        yield (f"{src}:{guess.row}: guess: '{guess.name}' is national platform "
               f"'{guess.platform}' (by its {guess.how}); imported as '{guess.application}'")
    for merge in report.merges:
        spelt = ", ".join(f"'{s}' ({_rows(rows)})" for s, rows in merge.spellings.items())
        yield f"{src}: guess: unit '{merge.unit}' ({merge.name}) merges {spelt}"
    for item in report.unmatched:
        yield (f"{src}:{item.row}: national system '{item.name}' is not in the platform "
               f"catalog; imported as '{item.application}' (kind umum, no platform)")
    for note in report.notes:
        yield f"{src}:{note.row}: note: {note.message}"
    if report.unclassified:
        yield (f"{src}: note: {_n(report.unclassified, 'application')} with no classification "
               "(umum/khusus, pusat/lokal) and no national platform match: written as kind khusus")
    yield (f"imported {report.imported} of {_n(report.rows, 'row')}: "
           f"{_n(report.imported, 'application')}, {_n(report.units, 'unit')}; "
           f"{len(report.skipped)} skipped, "
           f"{_n(len(report.guesses) + len(report.merges), 'guess', 'guesses')}, "
           f"{_n(len(report.unmatched), 'national system')} not in the catalog")


def _n(count: int, noun: str, plural: str = "") -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _rows(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:5])
    more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
    return f"row{'s' if len(rows) > 1 else ''} {shown}{more}"


def report_dict(report: ImportReport) -> dict:
    """The report as JSON-ready data (the `--format json` output)."""
    data = asdict(report)
    data["clean"] = report.clean
    return data
