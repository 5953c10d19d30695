"""Unit names in the forms people write them: "Dinas Kesehatan", "DINAS KESEHATAN", "Dinkes".

Names are compared in a normal form (lower case, single spaces, no punctuation, common
abbreviations written out, 'dan' and 'serta' left out, and a noun in pe-...-aan read as its
agent noun: "Badan Pengelola Keuangan dan Aset Daerah" is the "Badan Pengelolaan Keuangan dan
Aset Daerah" BPKAD stands for); a unit's kind shows in its first words ("Dinas ..." is a
dinas). The inventory import groups spellings into units with it; validation names the unit a
short name stands for ('dinkes' is the unit named "Dinas Kesehatan") and the kind a head's
title stands for ('bupati' is kepala_daerah).
"""

import re
import unicodedata
from functools import lru_cache

from ..model import UnitKind

__all__ = [
    "ABBREVIATIONS",
    "KIND_WORDS",
    "WORDS",
    "kind_of",
    "normal_words",
    "unit_key",
    "unit_kind",
    "written_out",
]

@lru_cache(maxsize=8192)  # a list's few values (status, kind, unit) repeat on every row
def normal_words(text: str) -> str:
    """A name or a header in normal form: ASCII lower case, words of letters and digits only.

    >>> normal_words("  NAMA_Aplikasi* ")
    'nama aplikasi'
    >>> normal_words("Pengembang / Vendor")
    'pengembang vendor'
    >>> normal_words("Dinas\x85Kesehatan")  # any Unicode space separates words, as in split()
    'dinas kesehatan'
    """
    spaced = " ".join(text.split())  # before the ASCII fold drops a space it cannot write
    folded = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[^a-z0-9]+", folded.lower())).strip()



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
    "disdikbud": "dinas pendidikan dan kebudayaan",
    "dikbud": "dinas pendidikan dan kebudayaan",
    "disparbud": "dinas pariwisata dan kebudayaan",
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
    "dispendik": "dinas pendidikan",
    "dispusip": "dinas perpustakaan dan kearsipan",
    "dispendukcapil": "dinas kependudukan dan pencatatan sipil",
    "inspektorat": "inspektorat daerah",
}
"""Usual short names of units (normal form) and what they stand for: the inventory import
groups spellings and makes ids with them."""

_KIND_NAMES: dict[str, str] = {
    "sekda": "sekretariat daerah", "setdprd": "sekretariat dprd",
    "setjen": "sekretariat jenderal", "sekjen": "sekretariat jenderal",
    "settama": "sekretariat utama", "sestama": "sekretariat utama",
    "itjen": "inspektorat jenderal", "irjen": "inspektorat jenderal",
    "ittama": "inspektorat utama", "dirjen": "direktorat jenderal", "dit": "direktorat",
    "rs": "rumah sakit", "rsu": "rumah sakit umum",
}
"""More short names, which tell a unit's kind ('setjen' is a sekretariat) but make no id: an
inventory's 'Sekretariat Jenderal' keeps the id it always had."""

WORDS: dict[str, str] = {
    "kominfo": "komunikasi dan informatika",
    "dukcapil": "kependudukan dan pencatatan sipil",
    "pupr": "pekerjaan umum dan penataan ruang",
    "ptsp": "pelayanan terpadu satu pintu",
    "pbj": "pengadaan barang dan jasa",
    "setda": "sekretariat daerah",
    "pmd": "pemberdayaan masyarakat dan desa",
    "sdm": "sumber daya manusia",
    "umkm": "usaha mikro kecil dan menengah",
    "p3a": "pemberdayaan perempuan dan perlindungan anak",
    "pppa": "pemberdayaan perempuan dan perlindungan anak",
    "bdn": "badan",
    "dns": "dinas",
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
    ("kepala daerah", UnitKind.kepala_daerah),
    ("wakil gubernur", UnitKind.kepala_daerah),
    ("wakil bupati", UnitKind.kepala_daerah),
    ("wakil wali kota", UnitKind.kepala_daerah),
    ("wakil walikota", UnitKind.kepala_daerah),
    ("pdam", UnitKind.bumd),
    ("perumda", UnitKind.bumd),
    ("perusahaan daerah", UnitKind.bumd),
    ("pd ", UnitKind.bumd),
    ("bank ", UnitKind.bumd),
    ("upt", UnitKind.upt),
    ("unit pelaksana teknis", UnitKind.upt),
    ("cabang dinas", UnitKind.upt),
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
    >>> unit_key("Disdikbud") == unit_key("Dinas Pendidikan dan Kebudayaan")
    True
    >>> unit_key("Bagian PBJ Setda") == unit_key("Bagian Pengadaan Barang dan Jasa")
    True
    """
    written = written_out(name)
    if written.startswith("bagian "):  # a bagian is the Setda's: 'Bagian Umum Setda'
        written = written.removesuffix(" sekretariat daerah")
    return " ".join(
        word[:-2] if word.startswith("pe") and word.endswith("aan") and len(word) > 6 else word
        for word in written.split() if word not in _CONNECTIVES
    )


def written_out(name: str) -> str:
    """The name in normal form with its abbreviations written out: 'Dinas Kominfo' ->
    'dinas komunikasi dan informatika'.

    >>> written_out("Bdn. Keuangan"), written_out("Dns Kesehatan")
    ('badan keuangan', 'dinas kesehatan')
    """
    key = normal_words(name) or " ".join(name.casefold().split())  # a name without ASCII
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key]
    return " ".join(WORDS.get(word, word) for word in key.split())


def unit_kind(name: str) -> UnitKind | None:
    """The kind a unit's name tells by its first words, short names written out; None when
    it tells none. The ArchiMate import guesses a unit's kind with it too.

    >>> unit_kind("Diskominfo"), unit_kind("UPT Puskesmas Sukamaju"), unit_kind("Tim TIK")
    (<UnitKind.dinas: 'dinas'>, <UnitKind.upt: 'upt'>, None)
    >>> unit_kind("Setjen"), unit_key("Setjen") == unit_key("Sekretariat Jenderal")
    (<UnitKind.sekretariat: 'sekretariat'>, False)
    """
    key = normal_words(name)
    return kind_of(_KIND_NAMES.get(key) or written_out(name))


def kind_of(written: str) -> UnitKind | None:
    return next((kind for prefix, kind in _KINDS if written.startswith(prefix)), None)
