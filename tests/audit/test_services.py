"""Service rules: SPBE-A014."""

from audit_helpers import findings


def test_service_without_application_fires_for_manual_service(tmp_path):
    files = {
        "svc.yaml": "services:\n  - {id: layanan-trantib, name: Trantib, kind: public, "
        "owner: dinkes, applications: []}\n"
        "  - {id: layanan-pasar, name: Pasar, kind: public, owner: dinkes}\n"  # unknown
    }
    assert findings(tmp_path, files, "SPBE-A014") == [
        ("layanan-trantib", "layanan 'layanan-trantib' (public) has no application: it is "
         "delivered manually")
    ]


def test_service_without_application_fires_when_only_planned_apps(tmp_path):
    files = {
        "apps.yaml": """\
applications:
  - {id: e-trantib, name: E-Trantib, kind: khusus, owner: dinkes, status: planned}
services:
  - {id: layanan-trantib, name: Trantib, kind: administration, owner: dinkes,
     applications: [e-trantib]}
"""
    }
    assert findings(tmp_path, files, "SPBE-A014") == [
        ("layanan-trantib", "layanan 'layanan-trantib' (administration) has no active "
         "application: 'e-trantib' is planned")
    ]


def test_service_with_active_application_is_quiet(tmp_path):
    files = {
        "apps.yaml": """\
applications:
  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}
services:
  - {id: layanan-puskesmas, name: Puskesmas, kind: public, owner: dinkes,
     applications: [simpus]}
"""
    }
    assert findings(tmp_path, files, "SPBE-A014") == []
