"""What a cell's words say: an application's or an integration's status, an integration's
mechanism, direction and network. Each reader takes the cell's text and gives the value, or
None when its words name none (the caller keeps the text and says so)."""

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from ...io.unit_names import normal_words
from ...model import InfrastructureKind, IntegrationVia, Status
from ...model.types import STATUS_WORDS

__all__ = [
    "ARROW_CELLS",
    "Mechanism",
    "Way",
    "direction_of",
    "mechanism_of",
    "network_of",
    "planned",
    "says_no_integration",
    "status_of",
]

_T = TypeVar("_T")

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
    words = _YEAR.sub("", normal_words(text)).split()
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


@dataclass(frozen=True, slots=True)
class Mechanism:
    """What a mechanism cell says: the mechanism (None: it names none), whether the
    integration is only planned ('Rencana SPLP 2026'), and whether it says there is none
    ('Belum terintegrasi')."""

    via: IntegrationVia | None
    planned: bool = False
    none: bool = False


_NOT = frozenset({"belum", "tanpa", "non", "tidak", "bukan"})
"""Words denying the next word ('API (non SPLP)'), or the one after a `_THROUGH` ('belum
melalui SPLP')."""
_THROUGH = frozenset({"melalui", "via", "lewat", "pakai", "memakai", "menggunakan"})
_PLANNED = frozenset({"rencana", "direncanakan", "akan", "planned"})
_NO_INTEGRATION = ("belum terintegrasi", "tidak terintegrasi", "belum ada integrasi",
                   "tidak ada integrasi", "belum terhubung", "tidak terhubung", "belum ada",
                   "tidak ada", "belum", "tidak", "not integrated", "none", "no")
"""What a mechanism cell says when the two applications are not (yet) integrated."""


def says_no_integration(text: str) -> bool:
    """True for a cell saying the application is not (yet) integrated ('Belum', 'Belum
    terintegrasi', 'Tidak ada'): none, and known."""
    return normal_words(text) in _NO_INTEGRATION


@lru_cache(maxsize=1024)
def mechanism_of(text: str) -> Mechanism:
    """The mechanism ('via') a cell names: 'API (via SPLP)' splp, 'Web Service' api_direct,
    'Koneksi Database' database_link, 'Upload file Excel' file_transfer; a mechanism denied
    ('API (non SPLP)', 'belum melalui SPLP') is not named, one planned ('Rencana SPLP 2026')
    is, as planned.

    >>> [str(mechanism_of(t).via) for t in (
    ...     "REST API melalui SPLP", "Web Service", "DB Link", "Upload file Excel",
    ...     "Input ulang manual", "SSO", "Terhubung", "API (non SPLP)", "Belum melalui SPLP",
    ...     "Tanpa SPLP, API langsung")]
    ['splp', 'api_direct', 'database_link', 'file_transfer', 'manual', 'shared_login', \
'None', 'api_direct', 'None', 'api_direct']
    >>> mechanism_of("Rencana SPLP 2026"), mechanism_of("Belum terintegrasi").none
    (Mechanism(via=<IntegrationVia.splp: 'splp'>, planned=True, none=False), True)
    """
    if says_no_integration(text):
        return Mechanism(None, none=True)
    words = normal_words(text).split()
    kept: list[str] = []
    denied = 0  # words still to drop after a denying word: 'non SPLP', 'belum melalui SPLP'
    for word in words:
        if word in _NOT:
            denied = 1
        elif denied:
            denied = 1 if word in _THROUGH else 0
        else:
            kept.append(word)
    return Mechanism(_first_named(_MECHANISMS, " ".join(kept)), planned=planned(text))


def planned(text: str) -> bool:
    """True when a cell says what it names is planned ('Rencana SPLP 2026', 'Dua arah
    (rencana)').

    >>> planned("Rencana SPLP 2026"), planned("Dua arah (rencana)"), planned("SPLP")
    (True, True, False)
    """
    return not _PLANNED.isdisjoint(normal_words(text).split())


def _first_named(table: tuple[tuple[_T, frozenset[str], tuple[str, ...]], ...], text: str
                 ) -> _T | None:
    """The first value of `table` ((value, words, phrases), ...) whose words or phrases the
    normal-form `text` holds, else None."""
    words = set(text.split())
    padded = f" {text} "
    for value, singles, phrases in table:
        if words & singles or any(f" {phrase} " in padded for phrase in phrases):
            return value
    return None


class Way(StrEnum):
    """Which way data moves between a row's two applications, as a direction cell says."""

    one_way = "one_way"
    """From the sender (the first column's application) to the receiver."""
    two_way = "two_way"
    """Both ways: two integrations, one each way."""
    backwards = "backwards"
    """From the second column's application to the first's ('<-', a 'Nama Aplikasi' that
    pulls from its partner)."""


_ONE_WAY = ("satu arah", "searah", "1 arah", "one way", "oneway", "unidirectional",
            "sumber ke tujuan", "source to target", "push", "kirim", "mengirim")
_PULL = ("pull", "tarik", "menarik")
_OUT_OF = ("outbound", "out bound", "keluar", "data keluar", "kirim", "mengirim")
_INTO = ("inbound", "in bound", "masuk", "data masuk", "terima", "menerima")
"""Which way data moves seen from one application: in a list of applications and their
partners, the application's; in a list of senders and receivers, nobody's (unknown)."""
_BOTH_WAYS = ("dua arah", "2 arah", "timbal balik", "two way", "twoway", "both ways",
              "both directions", "bidirectional",
              "bi directional", "bolak balik", "resiprokal", "push pull", "pull push",
              "push dan pull", "pull dan push", "kirim terima", "kirim dan terima",
              "inbound outbound", "inbound dan outbound", "masuk keluar", "masuk dan keluar")
_ARROWS = {
    **dict.fromkeys(("<->", "<-->", "<=>", "<==>", "↔", "⇄", "⇆", "⇔"), Way.two_way),
    **dict.fromkeys(("->", "-->", "=>", "==>", "→", "⇒", ">"), Way.one_way),
    **dict.fromkeys(("<-", "<--", "<=", "<==", "←", "⇐", "<"), Way.backwards),
}
ARROW_CELLS = frozenset(_ARROWS)
"""Cells that are an arrow alone: a direction, not a formula ('->')."""


@lru_cache(maxsize=256)
def direction_of(text: str, *, directed: bool = True) -> Way | None:
    """Which way data moves as the cell says, else None. 'Pull' is one way in a list of
    senders and receivers (`directed`: the receiver pulls), backwards in one of applications
    and their partners (the application pulls from its partner), as is 'Inbound'; 'Inbound'
    and 'Outbound' say nothing in a list of senders and receivers (in or out of which?).

    >>> [str(direction_of(t)) for t in ("Satu Arah", "→", "Dua arah", "<->", "timbal balik",
    ...                                 "?", "Satu arah (A ke B)", "<-", "Inbound")]
    ['one_way', 'one_way', 'two_way', 'two_way', 'two_way', 'None', 'one_way', 'backwards', \
'None']
    >>> [str(direction_of(t, directed=False)) for t in ("Inbound", "Data masuk", "Outbound",
    ...                                                 "Outbound/Inbound", "Terima dan kirim")]
    ['backwards', 'backwards', 'one_way', 'two_way', 'two_way']
    """
    stripped = text.strip()
    if stripped in _ARROWS:
        return _ARROWS[stripped]
    normal = normal_words(stripped)
    if not directed and _says(normal, _OUT_OF) and _says(normal, _INTO):
        return Way.two_way  # 'Inbound/Outbound', 'data masuk dan keluar'
    seen_from_one = () if directed else ((_OUT_OF, Way.one_way), (_INTO, Way.backwards))
    for phrases, way in ((_BOTH_WAYS, Way.two_way), (_ONE_WAY, Way.one_way),
                         (_PULL, Way.one_way if directed else Way.backwards),
                         *seen_from_one):
        if any(normal == p or normal.startswith(p + " ") for p in phrases):
            return way
    return None


def _says(normal: str, words: tuple[str, ...]) -> bool:
    """Whether a cell in normal form holds one of `words` as words of its own."""
    return any(re.search(rf"\b{re.escape(word)}\b", normal) for word in words)


_NETWORKS: tuple[tuple[InfrastructureKind, frozenset[str], tuple[str, ...]], ...] = (
    (InfrastructureKind.vpn, frozenset({"vpn"}), ("virtual private network",)),
    (InfrastructureKind.intranet, frozenset({"intranet", "lan", "wan", "metronet", "mpls"}),
     ("intra pemda", "intra pemerintah daerah", "jaringan lokal", "jaringan internal",
      "jaringan pemda", "jaringan pemkab", "jaringan pemkot", "jaringan pemprov",
      "fiber optik", "fiber optic", "local area network")),
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
    return _first_named(_NETWORKS, normal_words(text))
