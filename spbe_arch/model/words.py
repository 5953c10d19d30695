"""The words for the model's coded values, in Indonesian and English: `(id, en)` per value.

Kept beside the types they name so that every output layer (the report's tables, the
diagrams' labels) writes a mechanism or a status in the same words.
"""

from .types import IntegrationVia, Status

__all__ = ["NOT_A_DOCUMENT", "NO_VALUE", "STATUS", "VIA"]

NO_VALUE = frozenset({
    "-", "--", "\u2013", "\u2014", "n/a", "n.a.", "na", "tidak ada", "belum ada", "?",
})
"""Text (case aside) that stands for no value, as spreadsheets and forms write it."""

NOT_A_DOCUMENT = NO_VALUE | frozenset({
    "ada", "sudah ada", "sudah", "ya", "yes", "ok", "v", "x", "\u2713", "\u2714", "lengkap",
    "terlampir", "dokumen", "document", "bukti", "bukti dukung", "evidence", "tbd", "todo",
    "tidak", "belum", "no", "none", "kosong", "nihil", "0",
})
"""Titles (case aside) that say a document exists, or not, without naming one: no bukti
dukung."""

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
