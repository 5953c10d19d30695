"""`spbe-arch portfolio`: one application written as an acronym in one instansi and as its
acronym and long name in another is one function; names sharing only generic words, or an
acronym spelled out two ways, are not (QA4 defect 15, QA5 row 15)."""

import json

import pytest

from spbe_arch.cli import app

APPS = {
    "kab-satu": ("Pemerintah Kabupaten Satu", """\
  - {id: simpus, name: SIMPUS — Sistem Informasi Manajemen Puskesmas}
  - {id: simrs, name: SIMRS – Sistem Informasi Manajemen Rumah Sakit}
  - {id: simpad, name: SIMPAD - Sistem Informasi Manajemen Pendapatan Daerah}
"""),
    "kota-dua": ("Pemerintah Kota Dua", """\
  - {id: simpus, name: Simpus Kota Dua}
  - {id: sim-kepeg, name: Sistem Informasi Manajemen Kepegawaian (SIMPEG)}
  - {id: simpad, name: SIMPAD — Sistem Informasi Manajemen Pelayanan Administrasi Desa}
"""),
    "kab-tiga": ("Pemerintah Kabupaten Tiga", """\
  - {id: sim-puskesmas, name: Sistem Informasi Manajemen Puskesmas (SIMPUS)}
  - {id: simpeg, name: Sistem Informasi Manajemen Kepegawaian}
  - {id: simpad, name: SIMPAD}
  - {id: sirs, name: Sistem Informasi Rumah Sakit (versi web)}
"""),
}


@pytest.fixture
def folder(tmp_path):
    """Three instansi, each a model folder with one unit and its aplikasi khusus."""
    for instansi, (name, apps) in APPS.items():
        root = tmp_path / "pf" / instansi
        root.mkdir(parents=True)
        (root / "spbe.yaml").write_text(
            f"instansi: {{id: {instansi}, name: {name}, level: kabupaten}}\n", encoding="utf-8")
        apps = apps.replace("}\n", ", kind: khusus, owner: dinkes}\n")
        (root / "model.yaml").write_text(
            "units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]\napplications:\n" + apps,
            encoding="utf-8")
    return tmp_path / "pf"


def test_portfolio_joins_an_acronym_with_its_long_name_and_says_why(runner, folder):
    result = runner.invoke(app, ["portfolio", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["duplicate_functions"] == [
        {"name": "SIMPUS — Sistem Informasi Manajemen Puskesmas",
         "matched_by": ["acronym 'SIMPUS' of 'Sistem Informasi Manajemen Puskesmas'"],
         "instansi": ["kab-satu", "kab-tiga", "kota-dua"],
         "applications": [{"instansi": "kab-satu", "application": "simpus"},
                          {"instansi": "kab-tiga", "application": "sim-puskesmas"},
                          {"instansi": "kota-dua", "application": "simpus"}]},
        {"name": "Sistem Informasi Manajemen Kepegawaian",
         "matched_by": ["long name 'Sistem Informasi Manajemen Kepegawaian'"],
         "instansi": ["kab-tiga", "kota-dua"],
         "applications": [{"instansi": "kab-tiga", "application": "simpeg"},
                          {"instansi": "kota-dua", "application": "sim-kepeg"}]},
    ]


def test_portfolio_text_keeps_apart_names_sharing_generic_words_or_an_acronym(runner, folder):
    """SIMRS shares 'Sistem Informasi Manajemen' with SIMPUS and SIMPEG, and 'Sistem Informasi
    ... Rumah Sakit' with SIRS; SIMPAD is spelled out as two functions: none is joined."""
    result = runner.invoke(app, ["portfolio", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("functions built by several instansi (2): candidates for an aplikasi "
                        "umum or a shared service")
    assert lines[start + 1:start + 4] == [
        "  SIMPUS — Sistem Informasi Manajemen Puskesmas: 3 instansi (kab-satu, kab-tiga, "
        "kota-dua); 3 applications; matched by acronym 'SIMPUS' of 'Sistem Informasi Manajemen "
        "Puskesmas'",
        "  Sistem Informasi Manajemen Kepegawaian: 2 instansi (kab-tiga, kota-dua); 2 "
        "applications; matched by long name 'Sistem Informasi Manajemen Kepegawaian'",
        "",
    ]


def test_portfolio_in_indonesian_says_why_in_indonesian(runner, folder):
    result = runner.invoke(app, ["portfolio", str(folder), "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert ("dicocokkan menurut singkatan 'SIMPUS' dari 'Sistem Informasi Manajemen Puskesmas'"
            in result.stdout)
    assert "nama panjang 'Sistem Informasi Manajemen Kepegawaian'" in result.stdout
