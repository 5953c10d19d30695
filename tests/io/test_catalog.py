"""The shipped platform catalog and matching inventory names and addresses to it."""

from urllib.parse import urlsplit

import pytest

from spbe_arch.io import national_platforms
from spbe_arch.io.catalog import PlatformMatcher, match_platform, name_forms
from spbe_arch.model import NationalPlatform

ISSUE_14 = ["krisna", "e-sakip", "simda", "sipkd", "tepra", "siks-ng", "sicantik-cloud",
            "simbg", "bsre", "inaproc", "spse", "satusehat", "siasn", "e-kinerja", "oss",
            "jdihn", "splp", "jip", "pdn", "sipd", "srikandi", "sp4n-lapor"]


def test_catalog_holds_the_national_systems_pemdas_use():
    platforms = national_platforms()
    assert len(platforms) >= 40
    assert set(ISSUE_14) <= set(platforms)


def test_every_catalog_address_is_https_with_a_host():
    for platform in national_platforms().values():
        for address in filter(None, [platform.url]):
            parts = urlsplit(address)
            assert (parts.scheme, bool(parts.hostname)) == ("https", True), platform.id


def test_no_alias_names_two_platforms():
    match = PlatformMatcher(national_platforms())
    for platform_id, platform in national_platforms().items():
        for name in (platform.name, *platform.aliases):
            assert match(name) == platform_id, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("e-SAKIP", "e-sakip"),
        ("SAKIP", "e-sakip"),
        ("Aplikasi SAKIP", "e-sakip"),
        ("  esakip ", "e-sakip"),
        ("KRISNA-DAK", "krisna"),
        ("SIMDA Keuangan", "simda"),
        ("SIMDA BMD", "simda-bmd"),
        ("Sistem Informasi Pengelolaan Keuangan Daerah", "sipkd"),
        ("SIKS NG", "siks-ng"),
        ("SiCantik", "sicantik-cloud"),
        ("LPSE", "spse"),
        ("e-Katalog", "inaproc"),
        ("SP4N LAPOR!", "sp4n-lapor"),
        ("Satu Sehat", "satusehat"),
        ("OSS-RBA", "oss"),
        ("SIPD (Sistem Informasi Pemerintahan Daerah)", "sipd"),
        ("Sistem Informasi Pemerintahan Daerah", "sipd"),
        ("Aplikasi Srikandi", "srikandi"),
        ("LPSE Kabupaten Lembah Hijau", "spse"),
    ],
)
def test_match_platform_by_name_ignores_case_punctuation_spacing(text, expected):
    assert match_platform(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://sipd.kemendagri.go.id/siap/login", "sipd"),
        ("sirup.lkpp.go.id", "sirup"),
        ("http://www.lapor.go.id", "sp4n-lapor"),
        ("https://e-katalog.lkpp.go.id/katalog", "inaproc"),
        ("katalog.inaproc.id", "inaproc"),  # a subdomain of inaproc.id
        ("https://e-katalog.lkpp.go.id:443/", "inaproc"),  # a listed domain, not the url's
        ("https://krisna.systems", "krisna"),
        ("https://simpus.lembahhijaukab.go.id", None),
        ("https://kemendagri.go.id", None),  # a parent of a platform's host is not it
    ],
)
def test_match_platform_by_address_host(text, expected):
    assert match_platform(text) == expected


@pytest.mark.parametrize("text", ["SMS Gateway", "Website Resmi", "E-Office", "", "SIPD dan SIMDA"])
def test_match_platform_returns_none_for_local_or_ambiguous_names(text):
    assert match_platform(text) is None


def test_platform_matcher_knows_a_models_own_platforms():
    own = NationalPlatform(id="simantap", name="SIMANTAP Provinsi", kind="aplikasi_pusat",
                           aliases=["Simantap"], url="https://simantap.jatimprov.go.id")
    match = PlatformMatcher({**national_platforms(), "simantap": own})
    assert match("SIMANTAP") == "simantap"
    assert match("simantap.jatimprov.go.id/login") == "simantap"
    assert match("SRIKANDI") == "srikandi"


@pytest.mark.parametrize(("name", "acronym", "long"), [
    ("SIMPUS — Sistem Informasi Manajemen Puskesmas", "SIMPUS",
     "Sistem Informasi Manajemen Puskesmas"),
    ("SIMPUS–Sistem Informasi Manajemen Puskesmas", "SIMPUS",
     "Sistem Informasi Manajemen Puskesmas"),
    ("Sistem Informasi Manajemen Puskesmas - SIMPUS", "SIMPUS",
     "Sistem Informasi Manajemen Puskesmas"),
    ("Sistem  Informasi Manajemen Puskesmas (SIMPUS)", "SIMPUS",
     "Sistem Informasi Manajemen Puskesmas"),
    ("simpus (sistem informasi manajemen puskesmas)", "simpus",
     "sistem informasi manajemen puskesmas"),
    ("SIPKD — Sistem Informasi Pengelolaan Keuangan Daerah (lama)", "SIPKD",
     "Sistem Informasi Pengelolaan Keuangan Daerah"),
    ("e-PBB (Pajak Bumi dan Bangunan)", "e-PBB", "Pajak Bumi dan Bangunan"),
    ("e-PBB — PBB-P2 Online", "e-PBB", None),
    ("SITARU (Tata Ruang)", "SITARU", None),
    ("SI-JALAN", None, None),
    ("Dashboard Eksekutif (Command Center)", None, None),
    ("Website (Dinas Kesehatan)", None, None),
    ("Sistem Informasi Keuangan (WEB)", None, None),
    # an acronym in parentheses whose letters are not all in the name is still its acronym
    ("Sistem Informasi Kinerja Pegawai (SIKEPO)", "SIKEPO", "Sistem Informasi Kinerja Pegawai"),
    # ... but not a unit written after the name
    ("Aplikasi Absensi Online (BKPSDM)", None, None),
    ("Website Resmi (DISKOMINFO)", None, None),
])
def test_name_forms_read_an_acronym_and_its_long_name(name, acronym, long):
    """The long name only where the acronym abbreviates it: a qualifier is no name."""
    forms = name_forms(name)
    assert forms[0] == ("name", " ".join(name.split()), None)
    assert [f.text for f in forms if f.kind == "acronym"] == ([acronym] if acronym else [])
    assert [f.text for f in forms if f.kind == "long name"] == ([long] if long else [])


def test_the_catalog_is_read_once():
    """Every impact analysis asks for it (the audit's SPBE-A017 runs one per data centre and
    network: 550 on a national model); read again each time, it took 0.3 s of that audit."""
    assert national_platforms() is national_platforms()
