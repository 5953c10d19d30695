"""The words for the model's coded values, in Indonesian and English: `(id, en)` per value.

Kept beside the types they name so that every output layer (the report's tables, the
diagrams' labels) writes a mechanism or a status in the same words.
"""

from .types import IntegrationVia, Status

__all__ = ["STATUS", "VIA"]

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
