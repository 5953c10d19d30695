"""Units (perangkat daerah) from the unit names an inventory spells in many ways.

"Dinas Kesehatan", "DINAS KESEHATAN", "Dinas  Kesehatan" and "Dinkes" are one unit: their
`unit_key` (`spbe_arch.io.unit_names`) is one. The unit's name is the spelling used most often,
a written-out one before an abbreviation; its id is the usual short name where there is one
("dinkes", "bpkad"), so that one OPD has one id in every instansi's model, else derived from
the name; its kind comes from the first words ("Dinas ..." is a dinas).
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...io.unit_names import ABBREVIATIONS, kind_of, normal_words, unit_key, written_out
from ...model import UnitKind
from ...model.types import ID_MAX

__all__ = [
    "IdPool",
    "UnitName",
    "group_units",
    "local_name",
    "slug",
]

_SHORT: dict[str, str] = {}  # unit key -> the first short name listed for it
for _short, _full in ABBREVIATIONS.items():
    if " " not in _short:
        _SHORT.setdefault(unit_key(_full), _short)


def slug(text: str, *, limit: int = 60) -> str:
    """An id made of `text`: lower-case ASCII words joined by '-'.

    >>> slug("SIMPUS (Sistem Informasi Puskesmas)")
    'simpus-sistem-informasi-puskesmas'
    """
    return "-".join(normal_words(text).split())[:limit].strip("-")


@dataclass
class UnitName:
    """One unit as the inventory names it: its spellings and the rows of each."""

    key: str
    written: str
    """The first spelling's normal form, abbreviations written out: the id is made of it."""
    spellings: dict[str, list[int]] = field(default_factory=dict)
    id: str = ""

    @property
    def name(self) -> str:
        """The spelling used most, written-out ones first; ties go to the first seen."""
        counts = Counter({s: len(rows) for s, rows in self.spellings.items()})
        order = list(self.spellings)
        return max(
            order,
            key=lambda s: (normal_words(s) not in ABBREVIATIONS, counts[s], -order.index(s)),
        )

    @property
    def kind(self) -> UnitKind:
        """From the first words of the name: 'Dinas ...' is a dinas; else a unit kerja."""
        return kind_of(self.written) or UnitKind.unit_kerja


CODE_PARTS = re.compile(r"\s*[-/]\s*|\.\s+|\s+")
"""Between the parts of a code, written '-' in an id: 'APL 03', 'APL / 03', 'APL - 03',
'APL. 03' are all apl-03."""


class IdPool:
    """Ids handed out so far. A new id is its base, else `base-2`, `base-3`, ...

    >>> pool = IdPool({"sipd", "sipd-2"})
    >>> pool.take("sipd"), pool.take("sipd"), pool.take("simpus")
    ('sipd-3', 'sipd-4', 'simpus')

    Each base remembers its next number, so a name repeated on 100,000 rows costs no more
    than 100,000 different names.
    """

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)
        self._next: dict[str, int] = {}

    def __contains__(self, id: str) -> bool:
        return id in self._taken

    def hold(self, ids: Iterable[str]) -> None:
        """Take `ids` as they are (kept from an earlier import): none is handed out again."""
        self._taken.update(ids)

    def take(self, base: str) -> str:
        """A new id made of `base` (a valid id, e.g. from `slug`), cut to leave room for its
        number within the longest id.

        >>> pool = IdPool({"a" * 128})
        >>> len(pool.take("a" * 128)), pool.take("a" * 128)[-3:]
        (128, 'a-3')
        """
        n = self._next.get(base, 1)
        candidate = base[:ID_MAX].rstrip("-.") if n == 1 else _numbered(base, n)
        while candidate in self._taken:
            n += 1
            candidate = _numbered(base, n)
        self._next[base] = n + 1
        self._taken.add(candidate)
        return candidate


def _numbered(base: str, n: int) -> str:
    suffix = f"-{n}"
    return base[:ID_MAX - len(suffix)].rstrip("-.") + suffix


_LEVEL_WORDS = {"kota": "kota", "kabupaten": "kabupaten", "kab": "kabupaten",
                "provinsi": "provinsi", "prov": "provinsi"}


def local_name(name: str, level: str, instansi: str) -> str:
    """The unit's name without the instansi it belongs to at its end, the instansi being of
    `level` (kota, kabupaten, ...) and named `instansi`: 'Dinas Kesehatan Kota Sukamaju',
    'DINAS KESEHATAN KOTA' and 'Dinkes Sukamaju' of the Pemerintah Kota Sukamaju may be its
    Dinas Kesehatan (`group_units` decides). A kecamatan or kelurahan keeps its name:
    'Kecamatan Kota Baru' is a place.

    >>> local_name("DINAS KESEHATAN KOTA SUKAMAJU", "kota", "Pemerintah Kota Sukamaju")
    'dinas kesehatan'
    >>> local_name("Kecamatan Kota Baru", "kota", "Pemerintah Kota Baru")
    'Kecamatan Kota Baru'
    """
    words = normal_words(name).split()
    own = normal_words(instansi).split()
    region = next((own[i + 1:] for i, w in enumerate(own) if _LEVEL_WORDS.get(w) == level), [])
    rest = words
    if region and rest[-len(region):] == region:
        rest = rest[:-len(region)]
    if rest and _LEVEL_WORDS.get(rest[-1]) == level:
        rest = rest[:-1]
    if rest == words or not rest or kind_of(written_out(name)) in _PLACES:
        return name
    return " ".join(rest)


_PLACES = frozenset({UnitKind.kecamatan, UnitKind.kelurahan})


def group_units(names: dict[str, list[int]], ids: IdPool, *, level: str = "",
                instansi: str = "") -> dict[str, UnitName]:
    """Group spellings (spelling -> rows) into units by `unit_key`; a spelling whose
    `local_name` in the instansi of `level` named `instansi` is another spelling of the
    inventory joins it ('DINAS KESEHATAN KOTA' beside 'Dinas Kesehatan'), else keeps its own
    name ('Dinas Tata Kota', 'Puskesmas Kota' beside 'Puskesmas Sukamaju'). Give each an id
    from `ids`.

    Returns spelling -> its unit.
    """
    keys = {unit_key(spelling) for spelling in names}
    units: dict[str, UnitName] = {}
    for spelling, rows in names.items():
        local = local_name(spelling, level, instansi)
        if unit_key(local) not in keys:
            local = spelling
        key = unit_key(local)
        units.setdefault(key, UnitName(key, written_out(local))).spellings[spelling] = rows
    for key in sorted(units):
        unit = units[key]
        unit.id = ids.take(_SHORT.get(key) or slug(unit.written) or "unit")
    return {s: unit for unit in units.values() for s in unit.spellings}
