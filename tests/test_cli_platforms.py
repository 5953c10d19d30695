"""National platforms from the user's side: a model's own platforms, tenants, unit kinds."""

import json

from conftest import EXAMPLE

from spbe_arch.cli import app

UNITS = "units:\n  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n"
OWN = """\
platforms:
  - id: sidia-jatim
    name: SIDIA Provinsi Jawa Timur
    kind: aplikasi_pusat
    operator: Dinas Kominfo Provinsi Jawa Timur
    aliases: [SIDIA]
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
integrations:
  - {id: int-01, source: simpus, target: sidia-jatim, via: splp}
"""


def test_model_platform_is_referred_to_like_a_catalog_one(runner, make_model):
    root = make_model({"units.yaml": UNITS, "platforms.yaml": OWN})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    audit = runner.invoke(app, ["audit", str(root), "--format", "json"])
    findings = json.loads(audit.stdout)["findings"]
    # an integration with a national system crosses a boundary: SPLP is the right route
    assert [f for f in findings if f["code"] == "SPBE-A003"] == []
    impact = runner.invoke(app, ["impact", str(root), "sidia-jatim"])
    assert impact.exit_code == 0, impact.output
    assert impact.output.splitlines()[0] == (
        "impact of 'sidia-jatim' failing (national)"
    )
    assert "  int-01: sidia-jatim -> int-01" in impact.output.splitlines()


def test_model_platform_clashing_with_the_catalog_is_an_error(runner, make_model):
    clash = "platforms:\n  - {id: sipd, name: SIPD Provinsi, kind: aplikasi_pusat}\n"
    root = make_model({"units.yaml": UNITS, "platforms.yaml": clash})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"{root}/platforms.yaml:2:6: error SPBE-R014 platform 'sipd' is already a national "
        "platform of the catalog (Sistem Informasi Pemerintahan Daerah (SIPD))",
        "    hint: refer to the catalog's 'sipd' and remove this one, or rename it",
        "1 error, 0 warnings in 3 files (1 element)",
    ]


def test_model_platform_twice_or_shared_with_an_element_is_an_error(runner, make_model):
    twice = (
        "platforms:\n  - {id: sidia, name: SIDIA, kind: aplikasi_pusat}\n"
        "  - {id: sidia, name: SIDIA lagi, kind: portal}\n"
        "  - {id: dinkes, name: Dinkes Provinsi, kind: portal}\n"
    )
    root = make_model({"units.yaml": UNITS, "platforms.yaml": twice})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("    hint")]
    assert lines == [
        f"{root}/platforms.yaml:3:6: error SPBE-R007 duplicate id 'sidia': already used in "
        "platforms.yaml:2 (platforms)",
        f"{root}/units.yaml:2:6: error SPBE-R014 id 'dinkes' is the id of a national platform",
        "2 errors, 0 warnings in 3 files (1 element)",
    ]


def test_invalid_model_platform_is_reported_and_not_dangling(runner, make_model):
    bad = OWN.replace("kind: aplikasi_pusat", "kind: provinsi")
    root = make_model({"units.yaml": UNITS, "platforms.yaml": bad})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("    hint")]
    assert lines == [
        f"{root}/platforms.yaml:4:5: error SPBE-R003 kind: input should be 'aplikasi_umum', "
        "'aplikasi_pusat', 'gateway', 'network', 'data_centre', 'portal' or 'service', "
        "got 'provinsi'",
        "1 error, 0 warnings in 3 files (3 elements)",
    ]


TENANT = """\
infrastructure:
  - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah}
  - {id: pdn-kab, name: Tenant PDN, kind: pdn, platform: %s}
"""


def test_tenant_must_name_a_national_platform(runner, make_model):
    root = make_model({"units.yaml": UNITS, "infra.yaml": TENANT % "pdnn"})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[:2] == [
        f"{root}/infra.yaml:3:48: error SPBE-R008 platform: 'pdnn' is not defined in the model",
        "    hint: did you mean 'pdn'? define it, or name an existing national platform",
    ]
    local = make_model({"units.yaml": UNITS, "infra.yaml": TENANT % "pdd"})
    result = runner.invoke(app, ["validate", str(local)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == (
        f"{local}/infra.yaml:3:48: error SPBE-R009 platform: 'pdd' is a data centre, expected "
        "a national platform"
    )


def test_impact_of_pdn_stops_what_runs_in_the_examples_pdn_tenant(runner):
    result = runner.invoke(app, ["impact", str(EXAMPLE), "pdn"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:5] == [
        "impact of 'pdn' failing (national)",
        "",
        "stopped: 26",
        "  infrastructure",
        "    pdn-lembah-hijau: pdn -> pdn-lembah-hijau",
    ]
    assert "    siak-lembah-hijau: pdn -> pdn-lembah-hijau -> siak-lembah-hijau" in lines
    assert lines[-2:] == [
        "13 applications, 10 services, 2 business processes stopped; 31 degraded; "
        "20 integrations broken; 11 units affected",
        "1 application failing or stopping leaves out the data it reads and writes "
        "(website-kabupaten): which applications lose data with it is not known",
    ]


def test_unit_kinds_of_the_pemda_as_it_is(runner, make_model):
    units = """\
        units:
          - {id: bupati, name: Bupati Lembah Hijau, kind: kepala_daerah}
          - {id: setda, name: Sekretariat Daerah, kind: sekretariat, parent: bupati}
          - {id: pdam, name: Perumda Air Minum Tirta Hijau, kind: bumd}
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
          - {id: bidang-p2p, name: Bidang P2P, kind: bidang, parent: dinkes}
          - {id: puskesmas-kota, name: UPT Puskesmas Kota, kind: upt, parent: dinkes}
          - {id: kec-tengah, name: Kecamatan Lembah Tengah, kind: kecamatan}
          - {id: kel-merdeka, name: Kelurahan Merdeka, kind: kelurahan, parent: kec-tengah}
        """
    result = runner.invoke(app, ["validate", str(make_model({"units.yaml": units}))])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["0 errors, 0 warnings in 2 files (8 elements)"]


def test_platforms_lists_the_catalog_and_finds_one_by_name(runner):
    """The ids an application names as `platform:`: all of them, or the one a name means."""
    listed = runner.invoke(app, ["platforms"])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert ("srikandi: Sistem Informasi Kearsipan Dinamis Terintegrasi (SRIKANDI) "
            "(aplikasi_umum; Arsip Nasional Republik Indonesia)") in lines
    assert lines[-1].endswith(" platforms") and int(lines[-1].split()[0]) > 40
    found = runner.invoke(app, ["platforms", "SRIKANDI Kabupaten", "--format", "json"])
    assert [p["id"] for p in json.loads(found.stdout)] == ["srikandi"]
    none = runner.invoke(app, ["platforms", "SIMONEV", "--lang", "id"])
    assert none.exit_code == 1
    assert none.stderr == ("tidak ada platform nasional di katalog yang cocok dengan 'SIMONEV'; "
                           "tuliskan di bawah 'platforms:' dalam model\n")
