"""What a cell's words say: an application's or an integration's status, an integration's
mechanism, direction and network. Each reader takes the cell's text and gives the value, or
None when its words name none (the caller keeps the text and says so)."""

import re
from functools import lru_cache

from ...model import InfrastructureKind, IntegrationVia, Status
from ...model.types import STATUS_WORDS
from .columns import normal_header

__all__ = ["TWO_WAY", "direction_of", "mechanism_of", "network_of", "status_of"]

_YEAR = re.compile(r"( tahun)? (19|20)[0-9]{2}$")
"""A year after a status ('Rencana 2025', 'Dikembangkan tahun 2024')."""


@lru_cache(maxsize=1024)  # a status column holds a few values over and over
def status_of(text: str) -> Status | None:
    """The status a cell names, a year after it aside ('Rencana 2025') and words of time
    before it ('Sedang dikembangkan', 'Masih aktif', 'Tahap uji coba').

    >>> [str(status_of(t)) for t in ("Rencana 2025", "Sedang dikembangkan",
    ...                            "Masih dalam tahap pengembangan", "Sudah tidak digunakan",
    ...                            "Masih aktif", "Sedang", "Sudah dikembangkan")]
    ['planned', 'development', 'development', 'retired', 'active', 'None', 'None']
    """
    words = _YEAR.sub("", normal_header(text)).split()
    done = False
    while words:
        status = STATUS_WORDS.get(" ".join(words))
        if status is not None or words[0] not in _TIME_WORDS:
            # 'Sudah dikembangkan': development is over, and what it is now is not said
            return None if done and status is Status.development else status
        done = done or words[0] in _DONE_WORDS
        words.pop(0)
    return None


_DONE_WORDS = frozenset({"sudah", "telah"})
_TIME_WORDS = frozenset({"sedang", "masih", "dalam", "tahap", "proses"}) | _DONE_WORDS


_MECHANISMS: tuple[tuple[IntegrationVia, frozenset[str], tuple[str, ...]], ...] = (
    (IntegrationVia.splp, frozenset({"splp"}),
     ("sistem penghubung layanan", "penghubung layanan", "layanan penghubung")),
    (IntegrationVia.shared_login, frozenset({"sso"}),
     ("single sign on", "login bersama", "akun bersama", "shared login")),
    (IntegrationVia.manual, frozenset({"manual", "manually", "offline", "flashdisk", "hardcopy"}),
     ("input ulang", "entri ulang", "ketik ulang")),
    (IntegrationVia.database_link, frozenset({"database", "dblink", "db", "replikasi",
                                              "replication"}),
     ("basis data", "db link", "database link", "koneksi database", "view database")),
    (IntegrationVia.file_transfer, frozenset({"ftp", "sftp", "file", "files", "berkas", "csv",
                                              "excel", "xls", "xlsx", "email", "surel"}),
     ("transfer file", "file transfer", "unggah berkas", "upload file")),
    (IntegrationVia.api_direct, frozenset({"api", "apis", "rest", "restful", "soap", "json",
                                           "xml", "webservice", "webservices", "ws", "bridging",
                                           "http", "https", "webhook", "grpc", "graphql"}),
     ("web service", "api langsung", "direct api", "point to point")),
)
"""The mechanisms in the order they are tried (SPLP first: 'REST API melalui SPLP' is through
SPLP; manual before file: 'unggah file manual' is by hand), each with its words and phrases
(normal form)."""


@lru_cache(maxsize=1024)
def mechanism_of(text: str) -> IntegrationVia | None:
    """The mechanism ('via') a cell names: 'API (via SPLP)' splp, 'Web Service' api_direct,
    'Koneksi Database' database_link, 'Upload file Excel' file_transfer.

    >>> [str(mechanism_of(t)) for t in ("REST API melalui SPLP", "Web Service", "DB Link",
    ...                                 "Upload file Excel", "Input ulang manual", "SSO",
    ...                                 "Terhubung")]
    ['splp', 'api_direct', 'database_link', 'file_transfer', 'manual', 'shared_login', 'None']
    """
    normal = normal_header(text)
    words = set(normal.split())
    padded = f" {normal} "
    for via, singles, phrases in _MECHANISMS:
        if words & singles or any(f" {phrase} " in padded for phrase in phrases):
            return via
    return None


TWO_WAY = "two_way"
"""What `direction_of` gives for data moving both ways (two integrations, one each way)."""

_ONE_WAY = ("satu arah", "searah", "1 arah", "one way", "oneway", "unidirectional",
            "sumber ke tujuan", "source to target")
_BOTH_WAYS = ("dua arah", "2 arah", "timbal balik", "two way", "twoway", "bidirectional",
              "bi directional", "bolak balik", "resiprokal")


@lru_cache(maxsize=256)
def direction_of(text: str) -> str | None:
    """'source_to_target' for data moving one way (from the sender to the receiver),
    `TWO_WAY` for both ways, None when the cell says neither.

    >>> [direction_of(t) for t in ("Satu Arah", "→", "Dua arah", "<->", "timbal balik", "?")]
    ['source_to_target', 'source_to_target', 'two_way', 'two_way', 'two_way', None]
    """
    stripped = text.strip()
    if stripped in ("<->", "<=>", "↔", "⇄", "⇆"):
        return TWO_WAY
    if stripped in ("->", "=>", "→", "⇒", ">"):
        return "source_to_target"
    normal = normal_header(stripped)
    if normal in _BOTH_WAYS:
        return TWO_WAY
    if normal in _ONE_WAY:
        return "source_to_target"
    return None


_NETWORKS: tuple[tuple[InfrastructureKind, frozenset[str], tuple[str, ...]], ...] = (
    (InfrastructureKind.vpn, frozenset({"vpn"}), ("virtual private network",)),
    (InfrastructureKind.intranet, frozenset({"intranet", "lan", "wan", "metronet"}),
     ("intra pemda", "intra pemerintah daerah", "jaringan lokal", "jaringan internal",
      "jaringan pemda", "fiber optik pemda", "local area network")),
    (InfrastructureKind.internet, frozenset({"internet", "publik", "public"}), ()),
)
"""The networks other than JIP (a national platform, matched by name first), in the order
they are tried: 'VPN over internet' is a VPN."""


@lru_cache(maxsize=256)
def network_of(text: str) -> InfrastructureKind | None:
    """The kind of network a cell names other than JIP: the internet, the pemda's intranet,
    a VPN.

    >>> [str(network_of(t)) for t in ("Internet", "Jaringan Intra Pemda", "LAN", "VPN IPSec",
    ...                               "JIP")]
    ['internet', 'intranet', 'intranet', 'vpn', 'None']
    """
    normal = normal_header(text)
    words = set(normal.split())
    padded = f" {normal} "
    for kind, singles, phrases in _NETWORKS:
        if words & singles or any(f" {phrase} " in padded for phrase in phrases):
            return kind
    return None
