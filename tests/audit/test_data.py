"""Data rules: SPBE-A012, SPBE-A013."""

from audit_helpers import findings


def test_data_without_steward_fires(tmp_path):
    files = {"data.yaml": "data:\n  - {id: data-jalan, name: Data Jalan}\n"}
    assert findings(tmp_path, files, "SPBE-A012") == [
        ("data-jalan", "data 'data-jalan' has no steward (produsen data)")
    ]


def test_data_with_steward_is_quiet(tmp_path):
    files = {"data.yaml": "data:\n  - {id: data-jalan, name: Data Jalan, steward: dinkes}\n"}
    assert findings(tmp_path, files, "SPBE-A012") == []


def test_open_data_not_published_fires(tmp_path):
    files = {
        "data.yaml": "data:\n  - {id: data-apbd, name: APBD, steward: dinkes, "
        "classification: terbuka}\n"
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
"""
    }
    assert findings(tmp_path, files, "SPBE-A013") == []
