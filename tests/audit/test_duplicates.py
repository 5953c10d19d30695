"""Duplicate applications: SPBE-A007 and SPBE-A008."""

import pytest
from audit_helpers import findings


def _apps(*rows: str, services: str = "") -> dict[str, str]:
    text = "applications:\n" + "".join(f"  - {{{row}}}\n" for row in rows)
    return {"apps.yaml": text + services}


def _units(*ids: str) -> dict[str, str]:
    return {"units.yaml": "units:\n" + "".join(
        f"  - {{id: {unit}, name: {unit.upper()}, kind: badan, networks: [jip]}}\n"
        for unit in ids)}


def _service(*apps: str) -> str:
    return (
        "services:\n  - {id: layanan-kesehatan, name: Kesehatan, kind: public, owner: dinkes, "
        f"applications: [{', '.join(apps)}]}}\n"
    )


# SPBE-A007 duplicate-applications


def test_duplicate_applications_fires_for_same_raa_code(tmp_path):
    files = _apps(
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, ref: RAA.01.09",
        "id: e-puskesmas, name: E-Puskesmas, kind: khusus, owner: dinkes, ref: RAA.01.09",
    )
    assert findings(tmp_path, files, "SPBE-A007") == [
        ("e-puskesmas", "aplikasi 'e-puskesmas', 'simpus' duplicate each other: they share "
         "RAA code 'RAA.01.09'")
    ]


def test_duplicate_applications_quiet_for_one_service_without_codes(tmp_path):
    """Realizing one service is no sign of duplication, and a missing RAA code is unknown."""
    files = _apps(
        "id: e-pbb, name: E-PBB, kind: khusus, owner: dinkes",
        "id: e-bphtb, name: E-BPHTB, kind: khusus, owner: dinkes",
        services=_service("e-pbb", "e-bphtb"),
    )
    assert findings(tmp_path, files, "SPBE-A007") == []


def test_duplicate_applications_quiet_for_complementary_codes_of_one_service(tmp_path):
    files = _apps(
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, ref: RAA.01.09.01",
        "id: simrs, name: SIMRS, kind: khusus, owner: dinkes, ref: RAA.01.09.02",
        services=_service("simpus", "simrs"),
    )
    assert findings(tmp_path, files, "SPBE-A007") == []


def test_duplicate_applications_quiet_when_one_is_retired(tmp_path):
    files = _apps(
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, ref: RAA.01.09",
        "id: simpus-lama, name: SIMPUS lama, kind: khusus, owner: dinkes, ref: RAA.01.09, "
        "status: retired",
    )
    assert findings(tmp_path, files, "SPBE-A007") == []


# SPBE-A008 aplikasi-khusus-duplicating-aplikasi-umum


def test_khusus_duplicating_umum_fires_for_shared_service(tmp_path):
    files = _apps(
        "id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes",
        "id: e-surat, name: E-Surat, kind: khusus, owner: dinkes",
        services=_service("srikandi-kab", "e-surat"),
    )
    assert findings(tmp_path, files, "SPBE-A008") == [
        ("e-surat", "aplikasi khusus 'e-surat' duplicates an aplikasi umum: it realizes "
         "layanan 'layanan-kesehatan' like 'srikandi-kab'")
    ]


@pytest.mark.parametrize(("writes", "fires"), [
    ("writes: [data-rencana]", False),  # SIPD takes in the plans e-Planning writes
    ("writes: [data-apbd]", True),  # e-Planning writes what SIPD writes: the same job
    ("writes: [data-rencana, data-apbd]", True),  # feeding SIPD hides no duplicate
    ("reads: [data-rencana]", True),
])
def test_an_aplikasi_khusus_feeding_the_aplikasi_umum_of_its_service_is_no_duplicate(
        tmp_path, writes, fires):
    files = _apps(
        "id: sipd-kab, name: SIPD, kind: umum, platform: sipd, owner: dinkes, "
        "reads: [data-rencana], writes: [data-apbd]",
        f"id: e-planning, name: e-Planning, kind: khusus, owner: dinkes, {writes}",
        services=_service("sipd-kab", "e-planning") + "data:\n"
        "  - {id: data-rencana, name: Rencana, steward: dinkes}\n"
        "  - {id: data-apbd, name: APBD, steward: dinkes}\n",
    )
    assert bool(findings(tmp_path, files, "SPBE-A008")) is fires


def test_khusus_duplicating_umum_fires_for_raa_code_of_umum_app(tmp_path):
    files = _apps(
        "id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes, "
        "ref: RAA.02.02",
        "id: e-surat, name: E-Surat, kind: khusus, owner: dinkes, ref: RAA.02.02",
    )
    assert findings(tmp_path, files, "SPBE-A008") == [
        ("e-surat", "aplikasi khusus 'e-surat' duplicates an aplikasi umum: it has the RAA "
         "code 'RAA.02.02' of 'srikandi-kab'")
    ]


def test_khusus_duplicating_umum_quiet_without_overlap(tmp_path):
    files = _apps(
        "id: srikandi-kab, name: SRIKANDI, kind: umum, platform: srikandi, owner: dinkes, "
        "ref: RAA.02.02",
        "id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, ref: RAA.01.09",
        services=_service("simpus"),
    )
    assert findings(tmp_path, files, "SPBE-A008") == []


def test_duplicate_applications_by_ip_address_not_by_text_that_is_no_address(tmp_path):
    """Intranet applications listed by IP address: one IP, port and path is one address; a
    '-' or '=' written where the address goes is no address, and shared by nobody."""
    files = _apps(
        "id: a1, name: A1, kind: khusus, owner: dinkes, url: 'http://10.1.1.5:8080'",
        "id: a2, name: A2, kind: khusus, owner: dinkes, url: 'http://10.1.1.6:8080'",
        "id: a3, name: A3, kind: khusus, owner: dinkes, url: 'http://192.168.1.10/simpeg'",
        "id: a4, name: A4, kind: khusus, owner: dinkes, url: '10.1.1.5:8080/'",
        "id: a5, name: A5, kind: khusus, owner: dinkes, url: 'http://10.1.1.5:9090'",
        "id: a6, name: A6, kind: khusus, owner: dinkes, url: '='",
        "id: a7, name: A7, kind: khusus, owner: dinkes, url: '-'",
    )
    assert findings(tmp_path, files, "SPBE-A007") == [
        ("a1", "aplikasi 'a1', 'a4' duplicate each other: they share the address "
         "'http://10.1.1.5:8080'")
    ]


def test_one_acronym_spelt_out_as_two_long_names_is_two_applications(tmp_path):
    """'SIMPEG — Sistem Informasi Pengaduan' and 'Sistem Informasi Manajemen Kepegawaian
    (SIMPEG)' are two systems; a bare 'SIMPEG' may be either and joins neither, but two bare
    ones share their name."""
    files = _apps(
        "id: simpeg, name: SIMPEG, kind: khusus, owner: bkpsdm",
        "id: simpeg-2, name: 'SIMPEG \u2013 Sistem Informasi Pengaduan', kind: khusus, "
        "owner: inspektorat",
        "id: simpeg-3, name: 'Sistem Informasi Manajemen Kepegawaian (SIMPEG)', kind: khusus, "
        "owner: bkpsdm",
        "id: simpeg-4, name: SIMPEG, kind: khusus, owner: bkpsdm",
    ) | _units("bkpsdm", "inspektorat")
    assert findings(tmp_path, files, "SPBE-A007") == [
        ("simpeg", "aplikasi 'simpeg', 'simpeg-4' duplicate each other: they share the name "
         "'SIMPEG'")
    ]


def test_a_name_ending_in_its_owner_is_the_name_without_it(tmp_path):
    files = _apps(
        "id: simrs, name: SIMRS, kind: khusus, owner: rsud",
        "id: simrs-rsud, name: SIMRS RSUD, kind: khusus, owner: rsud",
        "id: simrs-online, name: SIMRS Online, kind: khusus, owner: rsud",
    ) | _units("rsud")
    (tmp_path / "other").mkdir()
    assert findings(tmp_path / "other", _apps(  # a word of another unit's id is no owner
        "id: portal-a, name: Portal Dinas, kind: khusus, owner: dinas-kominfo",
        "id: portal-b, name: Portal Badan, kind: khusus, owner: badan-keuangan",
    ) | _units("dinas-kominfo", "badan-keuangan"), "SPBE-A007") == []
    assert findings(tmp_path, files, "SPBE-A007") == [
        ("simrs", "aplikasi 'simrs', 'simrs-rsud' duplicate each other: they share the name "
         "'SIMRS'")
    ]
