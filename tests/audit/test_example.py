"""The audit finds exactly the gaps planted in examples/kabupaten-lembah-hijau (see its README)."""

from collections import defaultdict
from pathlib import Path

import pytest

from spbe_arch.audit import audit, impact
from spbe_arch.graph import build_graph
from spbe_arch.validate import load_model

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kabupaten-lembah-hijau"


@pytest.fixture(scope="module")
def loaded():
    return load_model(EXAMPLE)


@pytest.fixture(scope="module")
def by_code(loaded):
    found: dict[str, set[str]] = defaultdict(set)
    for item in audit(build_graph(loaded.architecture)).findings:
        found[item.code].add(item.element)
    return found


PLANTED = {
    "SPBE-A001": {"website-kabupaten", "e-kir", "e-perpus"},
    "SPBE-A002": {"e-pbb", "e-bansos", "e-retribusi", "simpeg-lembah-hijau", "e-monev"},
    "SPBE-A004": {
        "int-simbg-simpel-izin", "int-simpeg-eoffice", "int-jdih-ppid", "int-lapor-epengawasan",
        "int-satusehat-satu-data", "int-bencana-satu-data", "int-gis-satu-data",
        "int-silh-satu-data", "int-sitani-satu-data", "int-dapodik-nasional", "int-jdih-jdihn",
        "int-simrs-satusehat",
    },
    "SPBE-A005": {
        "int-dapodik-nasional", "int-jdih-jdihn", "int-simrs-satusehat", "int-gis-simbg",
        "int-gis-satu-data",
    },
    "SPBE-A006": {"int-sso-simpeg-esakip"},
    "SPBE-A008": {"e-office-lembah-hijau", "simpeg-lembah-hijau"},
    "SPBE-A009": {"simrs-lembah-hijau"},
    "SPBE-A010": {"e-pbb", "e-bphtb", "gis-tata-ruang", "e-perpus"},
    "SPBE-A013": {"data-tender", "data-penerima-bansos"},
    "SPBE-A014": {"svc-trantibum", "svc-harmonisasi-produk-hukum"},
    "SPBE-A017": {"pusat-data-lembah-hijau", "pdn-lembah-hijau"},
    "SPBE-A018": {"setwan", "kesbangpol"},
    "SPBE-A019": {"data-survei-kepuasan"},
    "SPBE-A020": {
        "kec-sungai-jernih", "kec-bukit-raya", "kec-pesisir-timur", "satpol-pp", "dispusip",
    },
    "SPBE-A021": {None},  # data-pertanian and data-lingkungan name no steward: unknown
}


def test_example_validates_cleanly(loaded):
    assert loaded.findings == []


@pytest.mark.parametrize("code", sorted(PLANTED))
def test_example_audit_finds_exactly_the_planted_gaps(by_code, code):
    assert by_code[code] == PLANTED[code]


def test_example_complementary_apps_are_not_duplicates(by_code):
    assert "SPBE-A007" not in by_code
    assert "SPBE-A012" not in by_code  # removed: a steward not stated is unknown, not absent


def test_example_metrics_match_the_readme(loaded):
    metrics = audit(build_graph(loaded.architecture)).metrics
    assert metrics.applications == 42
    assert (metrics.integrations_via_splp.part, metrics.integrations_via_splp.total) == (24, 46)
    assert (metrics.units_on_jip.part, metrics.units_on_jip.total) == (25, 30)
    assert metrics.completeness["data.steward"].as_dict() == {"known": 42, "of": 44}
    assert metrics.completeness["applications.hosting"].as_dict() == {"known": 30, "of": 30}


PDD_SERVICES = [
    "svc-akuntabilitas-kinerja", "svc-bansos", "svc-bmd", "svc-data-terbuka",
    "svc-informasi-bencana", "svc-informasi-jalan", "svc-informasi-lingkungan",
    "svc-informasi-pertanian", "svc-keuangan-desa", "svc-musrenbang", "svc-paten", "svc-pbg",
    "svc-pendapatan", "svc-pengawasan", "svc-pengendalian-evaluasi", "svc-pengujian-kendaraan",
    "svc-perizinan", "svc-retribusi", "svc-statistik-sektoral", "svc-tpp",
]

PDN_SERVICES = [
    "svc-informasi-publik", "svc-jdih", "svc-kependudukan", "svc-keuangan",
    "svc-kinerja-pegawai", "svc-pendidikan", "svc-pengaduan", "svc-penganggaran",
    "svc-perencanaan", "svc-perizinan-berusaha",
]


def test_example_impact_of_pusat_data_daerah_stops_the_listed_services(loaded):
    result = impact(build_graph(loaded.architecture), "pusat-data-lembah-hijau")
    assert result.of_kind("services") == PDD_SERVICES
    for service in PDD_SERVICES:
        path = result.stopped[service]
        assert path[0] == "pusat-data-lembah-hijau"
        assert path[-1] == service
        assert result.kinds[path[1]] == "applications"
        assert loaded.architecture.applications[path[1]].hosting == "pusat-data-lembah-hijau"
        assert path[1] in loaded.architecture.services[service].applications


def test_example_impact_of_pdn_stops_the_listed_apps_and_services(loaded):
    result = impact(build_graph(loaded.architecture), "pdn-lembah-hijau")
    assert result.of_kind("applications") == [
        "dapodik-lembah-hijau", "e-kinerja-lembah-hijau", "jdih-lembah-hijau",
        "oss-lembah-hijau", "ppid-lembah-hijau", "satusehat-lembah-hijau", "siak-lembah-hijau",
        "siasn-lembah-hijau", "sipd-lembah-hijau", "sirup-lembah-hijau",
        "sp4n-lapor-lembah-hijau", "srikandi-lembah-hijau", "website-kabupaten",
    ]
    assert result.of_kind("services") == PDN_SERVICES
    assert result.stopped["svc-kependudukan"] == (
        "pdn-lembah-hijau", "siak-lembah-hijau", "svc-kependudukan"
    )
