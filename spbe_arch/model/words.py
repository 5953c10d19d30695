"""The words for the model's coded values, in Indonesian and English: `(id, en)` per value.

Kept beside the types they name so that every output layer (the report's tables, the
diagrams' labels) writes a mechanism or a status in the same words.
"""

import re

from .types import InstansiLevel, IntegrationVia, Status

__all__ = [
    "DOCUMENT_KINDS", "GENERIC_DOCUMENT_WORDS", "LEVEL_WORDS", "NEGATIONS", "NOT_A_DOCUMENT",
    "NO_VALUE", "STATUS", "VIA", "is_a_draft", "level_in_name", "names_a_document",
    "names_the_self_assessment",
]

NO_VALUE = frozenset({
    "-", "--", "\u2013", "\u2014", "n/a", "n.a.", "na", "tidak ada", "belum ada", "?",
})
"""Text (case aside) that stands for no value, as spreadsheets and forms write it."""

NOT_A_DOCUMENT = NO_VALUE | frozenset({
    "ada", "sudah ada", "sudah", "ya", "yes", "ok", "v", "x", "\u2713", "\u2714", "lengkap",
    "terlampir", "dokumen", "document", "bukti", "bukti dukung", "evidence", "tbd", "todo",
    "tidak", "belum", "no", "none", "kosong", "nihil", "0", "menyusul", "tersedia",
    "sudah tersedia", "dalam proses", "proses", "sedang proses", "on progress", "in progress",
    "sedang disusun", "dalam penyusunan",
})
"""Titles (case aside) that say a document exists, or not, without naming one: no bukti
dukung."""

GENERIC_DOCUMENT_WORDS = frozenset({
    "dokumen", "document", "documents", "doc", "docs", "file", "files", "berkas", "lampiran",
    "attachment", "bukti", "dukung", "pendukung", "evidence", "scan", "pindaian", "foto",
    "photo", "gambar", "image", "screenshot", "tangkapan", "layar", "link", "tautan", "url",
    "pdf", "docx", "xlsx", "jpg", "png", "data", "ada", "sudah", "terlampir", "lihat", "see",
    "unggah", "diunggah", "upload", "uploaded", "no", "nomor", "tahun", "year", "dan", "and",
    "the", "of", "ya", "yes", "ok", "lengkap", "indikator", "indicator", "spbe", "tingkat",
    "level", "aspek", "aspect", "domain", "kriteria", "criteria", "final", "revisi", "copy",
    "salinan", "asli", "kegiatan", "aplikasi", "google", "drive", "gdrive", "dropbox",
    "onedrive", "folder", "zip", "rar", "jpeg", "xls", "ppt", "pptx", "dll", "dsb",
})
"""Words (case aside) a title may hold without naming which document it is: 'Dokumen 1',
'Lampiran', 'Screenshot', 'Foto kegiatan' name none."""

DOCUMENT_KINDS = frozenset({
    "sk", "surat", "keputusan", "kep", "kepbup", "kepwal", "kepgub", "peraturan", "perbup",
    "perwal", "perwali", "pergub", "perda", "permen", "perkada", "instruksi", "edaran", "se",
    "nota", "dinas", "laporan", "notulen", "notula", "berita", "acara", "tahunan", "bupati",
    "wali", "walikota", "gubernur", "menteri", "kepala", "daerah", "kota", "kabupaten",
    "provinsi", "pemerintah", "pemda", "sekretaris", "sekda", "rapat", "undangan", "daftar",
    "hadir", "kebijakan", "standar", "prosedur", "sop", "pedoman", "petunjuk", "teknis",
    "juknis", "tentang", "tgl", "tanggal",
})
"""Words (case aside) that say what kind of document a title names ('SK', 'Peraturan
Bupati', 'Laporan Tahunan', 'Notulen Rapat') but not which one: with a number ('Perbup
12/2022', 'SK Bupati No. 45/2023') or a word of its subject ('SK Tim Koordinasi SPBE',
'Laporan Pengelolaan Pengaduan') the title names one."""

DRAFTS = frozenset({"rancangan", "draft", "draf", "ranperbup", "ranperwal", "ranpergub",
                    "raperda", "ranperda"})
"""A title's first word (case aside) that names a document not yet in force: a draft; so does
'Konsep' before a kind of document ('Konsep Peraturan Bupati', not 'Konsep Arsitektur')."""


def _words(title: str) -> list[str]:
    """A title's words, case aside; 'bukti_dukung_v2.docx' is four."""
    return re.findall(r"[^\W_]+", title.casefold())


def is_a_draft(title: str) -> bool:
    """True for a title naming a draft ('Rancangan Peraturan Bupati ...', 'Draft SK'): a
    document not yet in force supports no level.

    >>> [is_a_draft(t) for t in ("Rancangan Perbup Arsitektur SPBE", "Perbup 12/2022",
    ...                          "Konsep Peraturan Bupati tentang SPBE", "Konsep Arsitektur SPBE")]
    [True, False, True, False]
    """
    words = _words(title)
    konsep = words[:1] == ["konsep"] and words[1:2] and words[1] in DOCUMENT_KINDS
    return bool(words) and (words[0] in DRAFTS or bool(konsep))


def names_a_document(title: str) -> bool:
    """False for a title that names no document: a placeholder ('-', 'ada', 'menyusul'), a
    denial ('Tidak ada dokumen'), a draft (`is_a_draft`), generic words and numbers only
    ('Dokumen 1', 'Foto kegiatan', 'bukti_dukung_final_v2.docx'), a kind of document with
    neither its number nor its subject ('SK', 'Peraturan Bupati', 'Laporan Tahunan'), the
    self-assessment itself (`names_the_self_assessment`: the claim is not its own bukti
    dukung), an indicator by its number ('Laporan Pelaksanaan Indikator 5 Tahun 2024': the
    claim's, one title typed for every indicator) or no word at all ('...'). An address only
    is judged by the caller.

    >>> [names_a_document(t) for t in ("Perbup 12/2022", "SK Bupati No. 45/2023",
    ...     "RPJMD 2021-2026", "SK Tim Koordinasi SPBE", "Perwal tentang SPBE", "SK",
    ...     "Scan SK.pdf", "Laporan Tahunan", "Dokumen 1", "Dokumen SPBE",
    ...     "bukti_dukung_final_v2.docx", "Laporan Pelaksanaan Indikator 5 Tahun 2024")]
    [True, True, True, True, True, False, False, False, False, False, False, False]
    """
    words = _words(title)
    if (title.strip(" .:;,!").casefold() in NOT_A_DOCUMENT or not words
            or words[0] in NEGATIONS or is_a_draft(title) or names_the_self_assessment(title)
            or _INDICATOR.search(title)):
        return False
    kind = any(w in DOCUMENT_KINDS for w in words)  # 'Perbup SPBE': SPBE is its subject
    named = [w for w in words
             if (w not in GENERIC_DOCUMENT_WORDS or (kind and w == "spbe"))
             and re.fullmatch(r"v\d+|\d+", w) is None]  # 'v2': a version of a file
    number = any(w.isdigit() for w in words)
    return any(w not in DOCUMENT_KINDS for w in named) or (number and bool(named))

_INDICATOR = re.compile(r"(?i)\bindikator\s+(?:no\.?\s*|nomor\s+|ke-?\s*)?\d+\b")
"""An indicator named by its number in a title: the claim's, not a document's."""

_SELF_ASSESSMENT = re.compile(
    r"(?i)\b(penilaian mandiri|evaluasi mandiri|self[- ]?assessment|lembar kerja evaluasi|lke)\b")
_OTHER_DOCUMENT = frozenset({
    "peraturan", "perbup", "perwali", "pergub", "perda", "keputusan", "kepbup", "sk", "surat",
    "pedoman", "petunjuk", "juknis", "tim", "kami", "indeks", "notulen", "undangan",
    "instruksi", "sertifikat",
})
"""Words of a document about a self-assessment, or of another one ('Pedoman Penilaian
Mandiri', 'SK Tim Evaluasi Mandiri', 'Self Assessment Indeks KAMI'): a document all the same."""


def names_the_self_assessment(title: str) -> bool:
    """True for a title naming the SPBE self-assessment itself ('Laporan Penilaian Mandiri
    SPBE 2024', 'LKE SPBE'): the claim, not a document that supports it.

    >>> [names_the_self_assessment(t) for t in ("Laporan Penilaian Mandiri SPBE 2024",
    ...     "LKE SPBE", "SK Tim Evaluasi Mandiri SPBE", "Self Assessment Indeks KAMI 2024")]
    [True, True, False, False]
    """
    words = set(re.findall(r"\w+", title.casefold()))
    return _SELF_ASSESSMENT.search(title) is not None and not words & _OTHER_DOCUMENT


NEGATIONS = frozenset({"tidak", "belum", "none", "nihil", "kosong"})
"""A title's first word (case aside) that says there is no document: 'Tidak ada dokumen',
'Belum ada SK'."""

VIA: dict[IntegrationVia, tuple[str, str]] = {
    IntegrationVia.splp: ("SPLP", "SPLP"),
    IntegrationVia.api_direct: ("API langsung", "direct API"),
    IntegrationVia.database_link: ("tautan basis data", "database link"),
    IntegrationVia.file_transfer: ("transfer berkas", "file transfer"),
    IntegrationVia.manual: ("manual", "manual"),
    IntegrationVia.shared_login: ("login bersama", "shared login"),
    IntegrationVia.unknown: ("mekanisme belum tercatat", "mechanism not recorded"),
}
"""An integration's mechanism (`via:`)."""

STATUS: dict[Status, tuple[str, str]] = {
    Status.active: ("aktif", "active"),
    Status.planned: ("direncanakan", "planned"),
    Status.development: ("pengembangan", "in development"),
    Status.retired: ("dihentikan", "retired"),
}
"""An element's or an integration's status."""

LEVEL_WORDS: dict[InstansiLevel, frozenset[str]] = {
    InstansiLevel.provinsi: frozenset({"provinsi", "prov", "pemprov", "province"}),
    InstansiLevel.kabupaten: frozenset({"kabupaten", "kab", "pemkab", "regency"}),
    InstansiLevel.kota: frozenset({"kota", "pemkot", "city"}),
    InstansiLevel.kementerian: frozenset({"kementerian", "kemen", "ministry"}),
    InstansiLevel.lembaga: frozenset({"lembaga"}),
}
"""The words (case aside) by which an instansi's name says its level."""


def level_in_name(name: str) -> InstansiLevel | None:
    """The level the first level word of an instansi's name says, if one does.

    `spbe-arch init --name` and the inventory import (`kota-bogor.csv`) take the level from it.

    >>> level_in_name("Pemerintah Provinsi Nusa Tenggara Barat Daya")
    <InstansiLevel.provinsi: 'provinsi'>
    >>> level_in_name("Kabupaten Sukamaju, Provinsi Jawa Barat"), level_in_name("kota-bogor")
    (<InstansiLevel.kabupaten: 'kabupaten'>, <InstansiLevel.kota: 'kota'>)
    >>> level_in_name("Badan Siber dan Sandi Negara") is None
    True
    """
    for word in re.findall(r"[a-z0-9]+", name.casefold()):
        for level, words in LEVEL_WORDS.items():
            if word in words:
                return level
    return None
