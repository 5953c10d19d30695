"""`spbe-arch impact` of a national platform that answers what it is asked: SIAK returns the
population data a SIMPUS looks up, though the model writes the link from SIMPUS to SIAK."""

import json

from spbe_arch.cli import app

MODEL = """\
instansi: {id: kota-y, name: Pemerintah Kota Y, level: kota}
units:
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan}
data:
  - {id: data-penduduk, name: Data Kependudukan, steward: dinkes}
  - {id: data-pajak, name: Data Pajak, steward: bapenda}
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, reads: [data-penduduk]}
  - {id: e-pbb, name: e-PBB, kind: khusus, owner: bapenda, reads: [data-penduduk]}
  - {id: e-pad, name: e-PAD, kind: khusus, owner: bapenda, writes: [data-pajak]}
services:
  - {id: svc-puskesmas, name: Layanan Puskesmas, kind: public, owner: dinkes,
     applications: [simpus]}
integrations:
  - {id: int-simpus-siak, source: simpus, target: siak, via: splp, data: [data-penduduk]}
  - {id: int-epbb-siak, source: e-pbb, target: siak, via: database_link,
     data: [data-penduduk], direction: unknown}
  - {id: int-epad-sipd, source: e-pad, target: sipd, via: splp, data: [data-pajak]}
"""


def _degraded(runner, make_model, element: str, model: str = MODEL) -> list[str]:
    root = make_model({"spbe.yaml": model})
    result = runner.invoke(app, ["impact", str(root), element, "--format", "json"])
    assert result.exit_code == 0, result.output
    return sorted(d["id"] for d in json.loads(result.stdout)["degraded"])


def test_the_readers_of_what_a_national_platform_answers_are_degraded(runner, make_model):
    """e-PAD sends SIPD its own tax data (it writes it): SIPD failing takes nothing from it."""
    assert _degraded(runner, make_model, "siak") == ["e-pbb", "simpus", "svc-puskesmas"]
    assert _degraded(runner, make_model, "sipd") == []


def test_splp_failing_degrades_those_whose_answers_pass_through_it(runner, make_model):
    assert _degraded(runner, make_model, "splp") == ["simpus", "svc-puskesmas"]


def test_a_running_producer_of_the_model_still_serving_the_data_leaves_it_whole(
        runner, make_model):
    """The data reaches SIMPUS from a copy the model produces: SIAK failing leaves it whole."""
    producer = ("  - {id: simpus-lokal, name: Cache Penduduk, kind: khusus, owner: dinkes, "
                "writes: [data-penduduk]}\n")
    model = MODEL.replace("services:\n", producer + "services:\n").replace(
        "integrations:\n", "integrations:\n  - {id: int-cache, source: simpus-lokal, "
        "target: simpus, via: api_direct, data: [data-penduduk]}\n")
    assert "simpus" not in _degraded(runner, make_model, "siak", model)


def test_a_national_platform_written_as_the_source_is_told_to_turn_the_link(runner, make_model):
    root = make_model({"spbe.yaml": MODEL.replace(
        "source: simpus, target: siak", "source: siak, target: simpus")})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    assert ("    hint: write the link from the application that asks 'siak' (source: simpus, "
            "target: siak): what a national platform answers reaches the application that "
            "reads it") in result.output.splitlines()


INSTANCES = """\
instansi: {id: kota-y, name: Pemerintah Kota Y, level: kota}
units:
  - {id: setda, name: Sekretariat Daerah, kind: sekretariat}
  - {id: bagian-pbj, name: Bagian Pengadaan Barang dan Jasa, kind: bagian}
applications:
  - {id: e-office, name: e-Office, kind: khusus, owner: setda}
  - {id: srikandi-kota, name: SRIKANDI Kota Y, kind: umum, platform: srikandi, owner: setda}
  - {id: sirup-kota, name: SiRUP Kota Y, kind: umum, platform: sirup, owner: bagian-pbj}
  - {id: spse-kota, name: SPSE Kota Y, kind: umum, platform: spse, owner: bagian-pbj}
integrations:
  - {id: int-eoffice-srikandi, source: e-office, target: srikandi-kota, via: api_direct}
  - {id: int-sirup-spse, source: sirup-kota, target: spse-kota, via: api_direct}
"""


def test_a_link_to_the_instansi_s_instance_of_a_national_platform_goes_to_the_platform(
        runner, make_model):
    """e-Office sending to the pemda's SRIKANDI, both of the Setda, sends to the national
    SRIKANDI: the bypass `target: srikandi` would be; SiRUP to SPSE is the operator's own."""
    root = make_model({"spbe.yaml": INSTANCES})
    result = runner.invoke(app, ["audit", str(root), "--format", "json"])
    found = [(f["element"], f["message"]) for f in json.loads(result.stdout)["findings"]
             if f["code"] == "SPBE-A004"]
    assert found == [("int-eoffice-srikandi", "integration 'int-eoffice-srikandi' ('e-office' -> "
                      "'srikandi-kota') to national platform 'srikandi' (its instance "
                      "'srikandi-kota') uses 'api_direct' instead of splp")]
    maturity = json.loads(runner.invoke(app, ["maturity", str(root), "-f", "json"]).stdout)
    splp = next(i["why"] for i in maturity["indicators"] if i["id"] == "18")
    assert splp.endswith("bypassing SPLP: 0 between units, 1 with national platforms")  # same


def test_the_instansi_s_instance_of_a_national_platform_answers_as_the_platform_does(
        runner, make_model):
    """SIMPUS asks the kota's SIAK (platform: siak) for the population data: SIAK failing
    stops the instance, and SIMPUS loses the answers, as it would asking `siak` itself."""
    instance = ("  - {id: siak-kota, name: SIAK Kota Y, kind: umum, platform: siak, "
                "owner: dinkes}\n")
    model = MODEL.replace("services:\n", instance + "services:\n").replace(
        "source: simpus, target: siak,", "source: simpus, target: siak-kota,")
    assert _degraded(runner, make_model, "siak", model) == ["e-pbb", "simpus", "svc-puskesmas"]
    assert _degraded(runner, make_model, "siak-kota", model) == ["simpus", "svc-puskesmas"]


GATEWAY = """\
instansi: {id: kota-y, name: Pemerintah Kota Y, level: kota}
units:
  - {id: bkpsdm, name: BKPSDM, kind: badan}
applications:
  - {id: ekin-kota, name: e-Kinerja Kota, kind: khusus, owner: bkpsdm}
  - {id: simpeg, name: SIMPEG, kind: khusus, owner: bkpsdm}
  - {id: e-surat, name: e-Surat, kind: khusus, owner: bkpsdm}
  - {id: e-arsip, name: e-Arsip, kind: khusus, owner: bkpsdm}
integrations:
  - {id: int-ekin-splp, source: ekin-kota, target: splp, via: splp}
  - {id: int-simpeg-jip, source: jip, target: simpeg, via: api_direct}
  - {id: int-surat-arsip, source: e-surat, target: e-arsip, via: api_direct}
"""


def test_splp_jip_or_pdn_as_an_integration_end_is_no_application_and_counts_for_nothing(
        runner, make_model):
    """A link to the gateway itself names no application to exchange data with: an error
    saying what to write, and neither application stops being isolated."""
    root = make_model({"spbe.yaml": GATEWAY})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert (f"{root}/spbe.yaml:10:44: error SPBE-R009 target: 'splp' is a national gateway "
            "(Sistem Penghubung Layanan Pemerintah (SPLP)), expected an application or a "
            "national application") in lines
    assert ("    hint: an integration joins two applications: name the application "
            "'ekin-kota' exchanges data with, and route it with via: splp") in lines
    assert ("    hint: an integration joins two applications: name the application 'simpeg' "
            "exchanges data with, and the network it runs over with network: jip") in lines
    audit = json.loads(runner.invoke(app, ["audit", str(root), "--format", "json"]).stdout)
    isolated = sorted(f["element"] for f in audit["findings"] if f["code"] == "SPBE-A001")
    assert isolated == ["ekin-kota", "simpeg"]
    assert audit["metrics"]["integrations"] == 1
