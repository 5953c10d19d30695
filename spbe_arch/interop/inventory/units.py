"""Units (perangkat daerah) from the unit names an inventory spells in many ways.

"Dinas Kesehatan", "DINAS KESEHATAN", "Dinas  Kesehatan" and "Dinkes" are one unit: names are
compared in a normal form (lower case, single spaces, no punctuation, common abbreviations
written out, 'dan' and 'serta' left out, and a noun in pe-...-aan read as its agent noun:
"Badan Pengelola Keuangan dan Aset Daerah" is the "Badan Pengelolaan Keuangan dan Aset Daerah"
BPKAD stands for). The unit's name is the spelling used most often, a written-out one before an
abbreviation; its id is the usual short name where there is one ("dinkes", "bpkad"), so that
one OPD has one id in every instansi's model, else derived from the name; its kind comes from
the first word ("Dinas ..." is a dinas).
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model import UnitKind
from ...model.types import ID_MAX
from .columns import normal_header

__all__ = [
    "ABBREVIATIONS",
    "KIND_WORDS",
    "WORDS",
    "IdPool",
    "UnitName",
    "group_units",
    "local_name",
    "slug",
    "unit_key",
    "unit_kind",
]

ABBREVIATIONS: dict[str, str] = {
    "setda": "sekretariat daerah",
    "setwan": "sekretariat dprd",
    "sekwan": "sekretariat dprd",
    "bappeda": "badan perencanaan pembangunan daerah",
    "bapperida": "badan perencanaan pembangunan riset dan inovasi daerah",
    "bpkad": "badan pengelolaan keuangan dan aset daerah",
    "bkad": "badan keuangan dan aset daerah",
    "bpkd": "badan pengelolaan keuangan daerah",
    "bapenda": "badan pendapatan daerah",
    "bkpsdm": "badan kepegawaian dan pengembangan sumber daya manusia",
    "bkd": "badan kepegawaian daerah",
    "bpbd": "badan penanggulangan bencana daerah",
    "kesbangpol": "badan kesatuan bangsa dan politik",
    "bakesbangpol": "badan kesatuan bangsa dan politik",
    "diskominfo": "dinas komunikasi dan informatika",
    "kominfo": "dinas komunikasi dan informatika",
    "dinkes": "dinas kesehatan",
    "disdik": "dinas pendidikan",
    "dindik": "dinas pendidikan",
    "disdukcapil": "dinas kependudukan dan pencatatan sipil",
    "dukcapil": "dinas kependudukan dan pencatatan sipil",
    "dinsos": "dinas sosial",
    "dishub": "dinas perhubungan",
    "disnaker": "dinas tenaga kerja",
    "dispar": "dinas pariwisata",
    "dlh": "dinas lingkungan hidup",
    "dpupr": "dinas pekerjaan umum dan penataan ruang",
    "dpmptsp": "dinas penanaman modal dan pelayanan terpadu satu pintu",
    "dpmd": "dinas pemberdayaan masyarakat dan desa",
    "disperindag": "dinas perindustrian dan perdagangan",
    "disdag": "dinas perdagangan",
    "dispora": "dinas pemuda dan olahraga",
    "dispertan": "dinas pertanian",
    "diskop": "dinas koperasi",
    "diskopukm": "dinas koperasi dan usaha mikro",
    "disperkim": "dinas perumahan dan kawasan permukiman",
    "dpkp": "dinas perumahan dan kawasan permukiman",
    "dinkominfo": "dinas komunikasi dan informatika",
    "satpol pp": "satuan polisi pamong praja",
    "satpolpp": "satuan polisi pamong praja",
    "itda": "inspektorat daerah",
    "dp3a": "dinas pemberdayaan perempuan dan perlindungan anak",
    "dppkb": "dinas pengendalian penduduk dan keluarga berencana",
    "disarpus": "dinas perpustakaan dan kearsipan",
}
"""Usual short names of units (normal form) and what they stand for."""

WORDS: dict[str, str] = {
    "kominfo": "komunikasi dan informatika",
    "dukcapil": "kependudukan dan pencatatan sipil",
    "pupr": "pekerjaan umum dan penataan ruang",
    "ptsp": "pelayanan terpadu satu pintu",
    "pmd": "pemberdayaan masyarakat dan desa",
    "sdm": "sumber daya manusia",
    "umkm": "usaha mikro kecil dan menengah",
    "p3a": "pemberdayaan perempuan dan perlindungan anak",
    "pppa": "pemberdayaan perempuan dan perlindungan anak",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "kab": "kabupaten",
    "prov": "provinsi",
}
"""Short words inside unit names and what they stand for ("Dinas Kominfo")."""

_CONNECTIVES = frozenset({"dan", "serta"})

_KINDS: tuple[tuple[str, UnitKind], ...] = (
    ("sekretariat", UnitKind.sekretariat),
    ("bupati", UnitKind.kepala_daerah),
    ("wali kota", UnitKind.kepala_daerah),
    ("walikota", UnitKind.kepala_daerah),
    ("gubernur", UnitKind.kepala_daerah),
    ("kantor bupati", UnitKind.kepala_daerah),
    ("kantor wali kota", UnitKind.kepala_daerah),
    ("kantor walikota", UnitKind.kepala_daerah),
    ("kantor gubernur", UnitKind.kepala_daerah),
    ("pdam", UnitKind.bumd),
    ("perumda", UnitKind.bumd),
    ("perusahaan daerah", UnitKind.bumd),
    ("pd ", UnitKind.bumd),
    ("bank ", UnitKind.bumd),
    ("upt", UnitKind.upt),
    ("unit pelaksana teknis", UnitKind.upt),
    ("puskesmas", UnitKind.upt),
    ("bidang", UnitKind.bidang),
    ("inspektorat", UnitKind.inspektorat),
    ("dinas", UnitKind.dinas),
    ("badan", UnitKind.badan),
    ("kantor", UnitKind.kantor),
    ("rsud", UnitKind.rsud),
    ("rumah sakit", UnitKind.rsud),
    ("kecamatan", UnitKind.kecamatan),
    ("kelurahan", UnitKind.kelurahan),
    ("satuan", UnitKind.satuan),
    ("bagian", UnitKind.bagian),
    ("biro", UnitKind.biro),
    ("direktorat jenderal", UnitKind.direktorat_jenderal),
    ("ditjen", UnitKind.direktorat_jenderal),
    ("direktorat", UnitKind.direktorat),
    ("deputi", UnitKind.deputi),
    ("pusat kesehatan", UnitKind.upt),
    ("pusat", UnitKind.pusat),
    ("balai", UnitKind.upt),
)

KIND_WORDS = frozenset(
    prefix for prefix, kind in _KINDS
    if " " not in prefix and kind not in (UnitKind.bumd, UnitKind.pusat)
)
"""One-word kinds of the pemda's units ('rsud', 'puskesmas', 'kecamatan'): 'Server RSUD' is a
unit's server room ('Server Pusat' is not: a place of the central government)."""


def unit_key(name: str) -> str:
    """The normal form two spellings of one unit share.

    >>> unit_key("DINKES") == unit_key("Dinas  Kesehatan") == unit_key("dinas kesehatan.")
    True
    >>> unit_key("Dinas Kominfo") == unit_key("Diskominfo") == unit_key(
    ...     "Dinas Komunikasi & Informatika")
    True
    >>> unit_key("BPKAD") == unit_key("Badan Pengelola Keuangan dan Aset Daerah")
    True
    >>> unit_key("BKPSDM") == unit_key("Badan Kepegawaian dan Pengembangan SDM")
    True
    """
    return " ".join(
        word[:-2] if word.startswith("pe") and word.endswith("aan") and len(word) > 6 else word
        for word in _written_out(name).split() if word not in _CONNECTIVES
    )


def _written_out(name: str) -> str:
    """The name in normal form with its abbreviations written out: 'Dinas Kominfo' ->
    'dinas komunikasi dan informatika'."""
    key = normal_header(name) or " ".join(name.casefold().split())  # a name without ASCII
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key]
    return " ".join(WORDS.get(word, word) for word in key.split())


def unit_kind(name: str) -> UnitKind | None:
    """The kind a unit's name tells by its first words, short names written out; None when
    it tells none. The ArchiMate import guesses a unit's kind with it too.

    >>> unit_kind("Diskominfo"), unit_kind("UPT Puskesmas Sukamaju"), unit_kind("Tim TIK")
    (<UnitKind.dinas: 'dinas'>, <UnitKind.upt: 'upt'>, None)
    """
    return _kind_of(_written_out(name))


def _kind_of(written: str) -> UnitKind | None:
    return next((kind for prefix, kind in _KINDS if written.startswith(prefix)), None)


_SHORT: dict[str, str] = {}  # unit key -> the first short name listed for it
for _short, _full in ABBREVIATIONS.items():
    if " " not in _short:
        _SHORT.setdefault(unit_key(_full), _short)


def slug(text: str, *, limit: int = 60) -> str:
    """An id made of `text`: lower-case ASCII words joined by '-'.

    >>> slug("SIMPUS (Sistem Informasi Puskesmas)")
    'simpus-sistem-informasi-puskesmas'
    """
    return "-".join(normal_header(text).split())[:limit].strip("-")


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
            key=lambda s: (normal_header(s) not in ABBREVIATIONS, counts[s], -order.index(s)),
        )

    @property
    def kind(self) -> UnitKind:
        """From the first words of the name: 'Dinas ...' is a dinas; else a unit kerja."""
        return _kind_of(self.written) or UnitKind.unit_kerja


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
    words = normal_header(name).split()
    own = normal_header(instansi).split()
    region = next((own[i + 1:] for i, w in enumerate(own) if _LEVEL_WORDS.get(w) == level), [])
    rest = words
    if region and rest[-len(region):] == region:
        rest = rest[:-len(region)]
    if rest and _LEVEL_WORDS.get(rest[-1]) == level:
        rest = rest[:-1]
    if rest == words or not rest or _kind_of(_written_out(name)) in _PLACES:
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
        units.setdefault(key, UnitName(key, _written_out(local))).spellings[spelling] = rows
    for key in sorted(units):
        unit = units[key]
        unit.id = ids.take(_SHORT.get(key) or slug(unit.written) or "unit")
    return {s: unit for unit in units.values() for s in unit.spellings}
