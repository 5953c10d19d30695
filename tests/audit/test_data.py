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
