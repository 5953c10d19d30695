"""Where a server location ('Lokasi Server') says an application runs.

'PDN Cikarang' is the national data centre (`hosting: pdn`); 'Pusat Data Daerah' the pemda's
own (so are 'Data Center Pemkot', 'Pusat Data Diskominfo' and 'Diskominfo' alone, which runs
it; for a province,
'Pusat Data Pemprov', while a kabupaten cannot tell what the province's is to it); 'Server OPD',
'Server Dinsos' or 'Ruang server Diskominfo' a server room (`on_premise`); 'Vendor' or
'Hosting Swasta' a provider's data centre (`vendor`); 'Cloud' or 'AWS' a `cloud`. A location
that is planned ('rencana pindah ke PDN') or says no place ('Server', an IP address, 'Non PDN')
tells nothing: the hosting stays unknown; 'Non PDN (server sendiri)' is a server room.
"""

from ...io.unit_names import ABBREVIATIONS, KIND_WORDS, normal_words
from ...model import InfrastructureKind

__all__ = ["placement"]

_NOT = frozenset({"non", "bukan", "belum", "tidak", "selain"})
"""Words denying PDN or the pusat data daerah ('Non PDN (server sendiri)')."""
_PLAN = frozenset({"rencana", "akan", "pindah", "migrasi"})
"""Words of a plan ('rencana pindah ke PDN'): where the application runs today is not said."""
_PDN_WORDS = frozenset({"pdn", "pdns"})
_DATA_CENTRE = ("pusat data", "data center", "data centre", "datacenter")
_PEMDA = frozenset({"daerah", "pemda", "diskominfo", "kominfo"})
"""Words naming the pemda (or its Diskominfo, which runs its data centre) after 'pusat data':
'Pusat Data Daerah', 'Pusat Data Diskominfo'; with the words of its level (`_LEVEL_WORDS`)."""
_CENTRAL = frozenset({"ri", "kementerian", "pusat"})
"""Words of a place outside the pemda ('Data Center Kominfo RI', 'Server Pusat'), with the
words of the other level (`_LEVEL_WORDS`): a place the import cannot tell, so the hosting stays
unknown."""
_LEVEL_WORDS = {
    "provinsi": frozenset({"provinsi", "pemprov", "prov"}),
    "local": frozenset({"pemkot", "pemkab", "kabupaten", "kota", "kab"}),
}
"""Words naming a province and a kabupaten or kota: 'Data Center Pemkot' is the pemda's own
for a kota, and another instansi's for a province, as 'Pusat Data Pemprov' is the other way."""
_NO_PLACE = frozenset({"ada", "tersedia", "sewa", "hosting", "virtual", "baru", "rusak"})
"""Words after 'server' that name no unit ('Tidak ada server', 'Server Sewa')."""
_CLOUD = frozenset({"cloud", "aws", "azure", "gcp", "awan", "vps", "alibaba", "amazon"})
_VENDOR = frozenset({"vendor", "swasta", "rekanan", "ketiga", "penyedia", "pengembang",
                     "developer", "colocation", "kolokasi", "isp"})
"""Words of a provider's data centre: 'Hosting Swasta', 'Server pihak ketiga'."""
_ON_PREMISE = frozenset({"premise", "premises", "onpremise", "prem", "lokal", "local",
                         "sendiri", "internal", "kantor", "opd", "skpd", "dinas", "diskominfo",
                         "kominfo", "ruang"})
"""Words of a server room of the pemda's units: 'Server OPD', 'Ruang server Diskominfo'."""
_DISKOMINFO = frozenset({"diskominfo", "kominfo", "dinas", "komunikasi", "informatika", "dan"})
"""The words of 'Diskominfo', 'Dinas Komunikasi dan Informatika' alone: the place the pemda's
Diskominfo runs, its pusat data daerah (where 'Server Diskominfo' names a server room)."""


def placement(location: str, level: str | None = None) -> InfrastructureKind | None:
    """The kind of place a server location names (`pdn`, `pusat_data_daerah`, `cloud`,
    `vendor`, `on_premise`), or None when it names none. `level` is the instansi's
    (`provinsi`, `kabupaten`, `kota`): the province's data centre is the pemda's own only for
    a province.

    >>> [placement(t) for t in ("PDN Cikarang", "Pusat Data Daerah", "PDD", "Non PDD",
    ...                         "Rencana pindah ke PDN")]
    [<InfrastructureKind.pdn: 'pdn'>, <InfrastructureKind.pusat_data_daerah: \
'pusat_data_daerah'>, <InfrastructureKind.pusat_data_daerah: 'pusat_data_daerah'>, None, None]
    >>> [str(placement(t)) for t in ("Vendor", "Hosting Swasta", "Cloud", "Server OPD",
    ...                              "On-premise", "Ruang server Diskominfo",
    ...                              "Non PDN (server sendiri)", "Server Dinsos", "Server",
    ...                              "Server 2", "10.0.0.5", "Server RSUD", "Server Puskesmas")]
    ['vendor', 'vendor', 'cloud', 'on_premise', 'on_premise', 'on_premise', 'on_premise', \
'on_premise', 'None', 'None', 'None', 'on_premise', 'on_premise']
    >>> [str(placement(t)) for t in ("Data Center Pemkot", "Pusat Data Diskominfo",
    ...                              "Pusat Data", "Pusat Data Pihak Ketiga")]
    ['pusat_data_daerah', 'pusat_data_daerah', 'None', 'vendor']
    >>> [str(placement(t)) for t in ("Diskominfo", "Kominfo", "Dinas Komunikasi dan "
    ...                              "Informatika", "Server Kominfo")]
    ['pusat_data_daerah', 'pusat_data_daerah', 'pusat_data_daerah', 'on_premise']
    >>> [str(placement(t)) for t in ("Tidak ada server", "Server Pusat", "Server Sewa",
    ...                              "Data Center Kominfo RI", "Pusat Data Kominfo Provinsi",
    ...                              "Server Kemendagri", "Pusat Data Daerah Provinsi")]
    ['None', 'None', 'None', 'None', 'None', 'None', 'None']
    >>> [str(placement(t, "provinsi")) for t in ("Pusat Data Pemprov", "Data Center Pemkot",
    ...                                          "Pusat Data Daerah Provinsi")]
    ['pusat_data_daerah', 'None', 'pusat_data_daerah']
    """
    text = normal_words(location)
    words = set(text.split())
    own, other = _LEVEL_WORDS["local"], _LEVEL_WORDS["provinsi"]
    if level == "provinsi":
        own, other = other, own
    if words & _PLAN:
        return None
    if _beyond_the_pemda(text, words, other) and not (
        words & _PDN_WORDS or "pusat data nasional" in text
    ):
        return None
    if not words & _NOT:  # 'Non PDN' may still name the place it is instead
        if words & _PDN_WORDS or "pusat data nasional" in text:
            return InfrastructureKind.pdn
        if "pdd" in words or (words & (_PEMDA | own) and any(p in text for p in _DATA_CENTRE)):
            return InfrastructureKind.pusat_data_daerah
        if words <= _DISKOMINFO and (words & {"diskominfo", "kominfo"}
                                     or {"komunikasi", "informatika"} <= words):
            return InfrastructureKind.pusat_data_daerah
    if words & _CLOUD:
        return InfrastructureKind.cloud
    if words & _VENDOR:
        return InfrastructureKind.vendor
    if words & _ON_PREMISE or "on prem" in text or _named_server(words):
        return InfrastructureKind.on_premise
    return None


def _beyond_the_pemda(text: str, words: set[str], other: frozenset[str]) -> bool:
    """A place of the central government (`_CENTRAL`, 'Kemendagri') or of the `other` level;
    the 'pusat' of 'pusat data' is no such word."""
    central = words & (_CENTRAL | other)
    if "pusat" in central and text.count("pusat") == text.count("pusat data"):
        central -= {"pusat"}
    return bool(central) or any(w.startswith("kemen") for w in words)


def _named_server(words: set[str]) -> bool:
    """'Server Dinsos', 'Server Bappeda': a server named by the unit that keeps it (its short
    name, or one opening with dis- / din-); 'Server' alone, followed by a number, or by words
    that name no unit ('Tidak ada server', 'Server Sewa') names none."""
    if "server" not in words or words & (_NOT | _NO_PLACE):
        return False
    return any(w in ABBREVIATIONS or w in KIND_WORDS or w.startswith(("dis", "din"))
               for w in words)
