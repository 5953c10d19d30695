"""Data rules: open data not published (SPBE-A013); an unknown steward is not a defect."""

from audit_helpers import findings


def test_data_without_steward_is_counted_not_accused(tmp_path):
    files = {"data.yaml": "data:\n  - {id: data-jalan, name: Data Jalan}\n"
                          "  - {id: data-pasar, name: Data Pasar, steward: dinkes}\n"}
    assert (None, "steward known for 1 of 2 data sets; not stated by data-jalan") in findings(
        tmp_path, files, "SPBE-A021")
    assert findings(tmp_path, files, "SPBE-A012") == []  # removed: unknown is not absent


def test_open_data_not_published_fires(tmp_path):
    files = {
        "data.yaml": "data:\n  - {id: data-apbd, name: APBD, steward: dinkes, "
        "classification: terbuka, published: false}\n"
    }
    assert findings(tmp_path, files, "SPBE-A013") == [
        ("data-apbd", "data 'data-apbd' is terbuka (open) but not published on Satu Data")
    ]


def test_published_or_restricted_data_is_quiet(tmp_path):
    files = {
        "data.yaml": """\
data:
  - {id: data-apbd, name: APBD, steward: dinkes, classification: terbuka, published: true}
  - {id: data-pasien, name: Pasien, steward: dinkes, classification: rahasia}
  - {id: data-pasar, name: Pasar, steward: dinkes, classification: terbuka}
"""
    }
    assert findings(tmp_path, files, "SPBE-A013") == []


RETIRED_PRODUCER = """\
units:
  - {id: bkpsdm, name: BKPSDM, kind: badan}
data:
  - {id: data-pegawai, name: Data Pegawai, steward: bkpsdm, producer: simpeg}
  - {id: data-gaji, name: Data Gaji, steward: bkpsdm}
applications:
  - {id: simpeg, name: SIMPEG, kind: khusus, owner: bkpsdm, status: STATUS}
  - {id: e-tpp, name: e-TPP, kind: khusus, owner: bkpsdm, reads: [data-pegawai, data-gaji]}
integrations:
  - {id: int-simpeg-etpp, source: simpeg, target: e-tpp, via: api_direct, status: STATUS}
"""


def test_retiring_the_producer_of_data_still_read_is_introduced_in_the_diff(
        runner, make_model, tmp_path):
    """SIMPEG and its integration retired together: the data flow leaves the analyses, and
    e-TPP's loss of its source is what the change introduces, besides its isolation
    (data-gaji, whose producer the model does not state, is unknown, not lost)."""
    import json
    import shutil

    from spbe_arch.cli import app

    old = make_model({"m.yaml": RETIRED_PRODUCER.replace("STATUS", "active")})
    before = tmp_path / "sebelum"
    shutil.copytree(old, before)
    (old / "m.yaml").write_text(RETIRED_PRODUCER.replace("STATUS", "retired"), encoding="utf-8")

    audit = runner.invoke(app, ["audit", str(old), "--format", "json"])
    found = [(f["code"], f["element"], f.get("about"), f["message"])
             for f in json.loads(audit.stdout)["findings"] if f["code"] == "SPBE-A023"]
    assert found == [("SPBE-A023", "e-tpp", "data-pegawai", "aplikasi 'e-tpp' reads data "
                      "'data-pegawai' that no active application writes: 'simpeg' is retired")]
    diff = runner.invoke(app, ["diff", str(before), str(old), "--format", "json"])
    assert [(f["code"], f["element"]) for f in json.loads(diff.stdout)["findings_introduced"]] \
        == [("SPBE-A001", "e-tpp"), ("SPBE-A023", "e-tpp")]  # and now isolated


def test_a_reader_asking_a_national_platform_for_the_data_has_its_source(runner, make_model):
    """e-TPP asks SIASN for the employees' data: SIMPEG retired leaves it its source."""
    import json

    from spbe_arch.cli import app

    model = RETIRED_PRODUCER.replace("STATUS", "retired").replace(
        "integrations:\n", "integrations:\n  - {id: int-tpp-siasn, source: e-tpp, target: siasn, "
        "via: splp, data: [data-pegawai]}\n")
    audit = runner.invoke(app, ["audit", str(make_model({"m.yaml": model})), "-f", "json"])
    assert [f for f in json.loads(audit.stdout)["findings"] if f["code"] == "SPBE-A023"] == []



def test_the_instansi_s_instance_of_a_platform_answers_whichever_way_the_link_goes(
        runner, make_model):
    """The pemda's SIASN sends e-TPP the employees' data (the link written from its side):
    e-TPP has its source, as `impact` holds."""
    import json

    from spbe_arch.cli import app

    model = RETIRED_PRODUCER.replace("STATUS", "retired").replace(
        "applications:\n", "applications:\n  - {id: siasn-kab, name: SIASN Kabupaten, kind: "
        "umum, platform: siasn, owner: bkpsdm}\n").replace(
        "integrations:\n", "integrations:\n  - {id: int-siasn-tpp, source: siasn-kab, target: "
        "e-tpp, via: splp, data: [data-pegawai]}\n")
    audit = runner.invoke(app, ["audit", str(make_model({"m.yaml": model})), "-f", "json"])
    assert audit.exit_code in (0, 1), audit.output
    assert [f for f in json.loads(audit.stdout)["findings"] if f["code"] == "SPBE-A023"] == []
