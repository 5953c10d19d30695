"""Messages a command could not run with, type errors, import warnings and the report's findings
come out in the language asked (`--lang`, or SPBE_LANG): Indonesian with `id`, English with
`en`."""

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

from spbe_arch.cli import app

HOSTILE = (
    '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&x;</name></model>\n'
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "mendeklarasikan DOCTYPE, yang tidak pernah diperlukan "
     "berkas pertukaran dan dapat menyembunyikan serangan entitas; ditolak (hapus baris "
     "<!DOCTYPE ...>)"),
    ("en", "declares a DOCTYPE, which exchange files never need and which can hide entity "
     "attacks; refused (remove the <!DOCTYPE ...> line)"),
])
def test_import_archimate_refuses_a_doctype_in_the_language_asked(
    runner, tmp_path, lang, expected
):
    source = tmp_path / "model.xml"
    source.write_text(HOSTILE)
    result = runner.invoke(
        app, ["import", "archimate", str(source), "-o", str(tmp_path / "out"), "--lang", lang]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == f"spbe-arch: {source}: {expected}\n"
    assert not (tmp_path / "out").exists()


def test_import_archimate_warnings_follow_spbe_lang(runner, tmp_path, monkeypatch):
    source = tmp_path / "model.xml"
    source.write_text(
        '<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        "<name>Model</name><elements>"
        '<element identifier="a1" xsi:type="ApplicationComponent"><name>SIMPUS</name></element>'
        "</elements></model>\n"
    )
    monkeypatch.setenv("SPBE_LANG", "id")
    result = runner.invoke(app, ["import", "archimate", str(source), "-o", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert f"{source}: peringatan: aplikasi tanpa jenis, ditetapkan sebagai khusus: 1 (a1)\n" in (
        result.stderr
    )
    assert result.stdout.startswith(f"dibaca {source}: 1 elemen, 0 relasi")
    monkeypatch.setenv("SPBE_LANG", "en")
    result = runner.invoke(
        app, ["import", "archimate", str(source), "-o", str(tmp_path / "m"), "--force"]
    )
    assert f"{source}: warning: applications without a kind, set to khusus: 1 (a1)\n" in (
        result.stderr
    )


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "tidak berada dalam repositori git; --from membandingkan revisi model yang disimpan "
     "di git (bandingkan dua folder dengan `spbe-arch diff OLD NEW`)"),
    ("en", "not in a git repository; --from compares revisions of a model kept in git (compare "
     "two folders with `spbe-arch diff OLD NEW`)"),
])
def test_diff_from_outside_a_git_repository_in_the_language_asked(
    runner, make_model, lang, expected
):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    model = make_model({})
    result = runner.invoke(app, ["diff", str(model), "--from", "HEAD", "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"spbe-arch: {model}: {expected}\n"


def test_diff_without_git_says_so_in_indonesian(runner, make_model, monkeypatch):
    monkeypatch.setattr("spbe_arch.io.git.shutil.which", lambda name: None)
    monkeypatch.setenv("SPBE_LANG", "id")
    result = runner.invoke(app, ["diff", str(make_model({})), "--from", "HEAD"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "spbe-arch: git tidak terpasang (atau tidak ada di PATH); --from memerlukannya\n"
    )


TYPE_ERRORS = {
    "model.yaml": """\
        units: [{id: dinkes, name: Dinas Kesehatan, kind: dinas}]
        applications:
          - {id: simpus, name: SIMPUS, kind: Umum, owner: dinkes}
        assessment:
          - {indicator: "1", year: tahun-ini, level: 12}
        waivers:
          - {code: SPBE-A001, element: simpus, reason: lama, until: 2024/01/31}
        """
}


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", [
        "model.yaml:3:32: kesalahan SPBE-R003 kind: isian harus 'umum' atau 'khusus', tertulis "
        "'Umum'",
        "    saran: maksud Anda 'umum'?",
        "model.yaml:5:22: kesalahan SPBE-R003 year: isian harus berupa bilangan bulat, teks tidak "
        "dapat dibaca sebagai bilangan bulat, tertulis 'tahun-ini'",
        "model.yaml:5:39: kesalahan SPBE-R003 level: isian harus lebih kecil dari atau sama dengan "
        "9, tertulis 12",
        "model.yaml:7:54: kesalahan SPBE-R003 until: isian harus berupa tanggal yang valid dengan "
        "format YYYY-MM-DD, pemisah tanggal tidak valid, seharusnya `-`, tertulis '2024/01/31'",
        "    saran: tulis tanggal dengan tahun di depan, YYYY-MM-DD: 2024-01-31",
    ]),
    ("en", [
        "model.yaml:3:32: error SPBE-R003 kind: input should be 'umum' or 'khusus', got 'Umum'",
        "    hint: did you mean 'umum'?",
        "model.yaml:5:22: error SPBE-R003 year: input should be a valid integer, unable to "
        "parse string as an integer, got 'tahun-ini'",
        "model.yaml:5:39: error SPBE-R003 level: input should be less than or equal to 9, got "
        "12",
        "model.yaml:7:54: error SPBE-R003 until: input should be a valid date in the format "
        "YYYY-MM-DD, invalid date separator, expected `-`, got '2024/01/31'",
        "    hint: write the date year first, YYYY-MM-DD: 2024-01-31",
    ]),
])
def test_type_errors_in_the_language_asked(runner, make_model, lang, expected):
    model = make_model(TYPE_ERRORS)
    result = runner.invoke(app, ["validate", str(model), "--lang", lang])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        line if line.startswith(" ") else f"{model}/{line}" for line in expected]


MINI_FRAMEWORK = ROOT / "tests" / "maturity" / "frameworks" / "mini.yaml"


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "kerangka tidak konsisten: indikator 4 berada di domain 2 tetapi aspeknya 1 berada "
     "di domain 1"),
    ("en", "inconsistent framework: indicator 4 is in domain 2 but its aspect 1 is in domain 1"),
])
def test_inconsistent_framework_in_the_language_asked(
    runner, tmp_path, monkeypatch, lang, expected
):
    framework = tmp_path / "kerangka.yaml"
    framework.write_text(MINI_FRAMEWORK.read_text().replace(
        "domain: 2, aspect: 3, weight: 2", "domain: 2, aspect: 1, weight: 2"))
    monkeypatch.setenv("SPBE_LANG", lang)
    result = runner.invoke(app, ["maturity", str(EXAMPLE), "--framework", str(framework)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"spbe-arch: {framework}: {expected}\n"


ENGLISH = re.compile(
    r"\b(the|of|and|with|without|has|is|not|should|through|instead|missing|owns|reads|"
    r"writes|hosted|bypass(es)?|failing)\b"
)
"""Words a sentence in English can hardly do without, and Indonesian never uses."""


def _finding_texts(html: str) -> list[str]:
    """The message and hint of every finding row, and each rule's summary, as plain text."""
    import html as entities

    texts = re.findall(r'<p class="summary">(.*?)</p>', html)
    texts += re.findall(r'<td>([^<]*)<div class="hint">(.*?)</div></td>', html)
    flat = [part for text in texts for part in ([text] if isinstance(text, str) else text)]
    cleaned = [re.sub(r"<code>.*?</code>|'[^']*'|`[^`]*`|\*[^*]*\*", "",
                      entities.unescape(text)) for text in flat]
    return [text for text in cleaned if text.strip()]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_findings_speak_the_report_language(runner, tmp_path, lang):
    out = tmp_path / "laporan"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    texts = _finding_texts((out / "index.html").read_text())
    assert len(texts) > 40
    english = [text for text in texts if ENGLISH.search(text)]
    if lang == "id":
        assert english == []
    else:  # the check can tell: in English nearly every text has one of the words
        assert len(english) > len(texts) / 2
    assert Path(out / "report.md").exists()


def test_impact_in_indonesian_with_lang_id(runner):
    result = runner.invoke(app, ["impact", str(EXAMPLE), "pdn", "--lang", "id"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "dampak bila 'pdn' gagal (nasional)"
    assert [line for line in lines if line and not line.startswith(" ")][1:] == [
        "berhenti: 26", "terganggu: 31", "integrasi terputus: 20", "unit kerja terdampak: 11",
        "13 aplikasi, 10 layanan, 2 proses bisnis berhenti; 31 terganggu; 20 integrasi "
        "terputus; 11 unit kerja terdampak",
        "1 aplikasi yang gagal atau berhenti belum mencatat data yang dibaca dan ditulisnya "
        "(website-kabupaten): "
        "aplikasi yang ikut kehilangan data belum diketahui",  # the example's website
    ]
    assert "  proses bisnis" in lines


def test_roadmap_and_diff_in_indonesian_with_lang_id(runner):
    result = runner.invoke(app, ["roadmap", str(EXAMPLE), "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Peta Rencana SPBE: Pemerintah Kabupaten Lembah Hijau, 11 kegiatan 2025-2029\n"
        "dinilai: 2023 2,31 (Cukup, terverifikasi), 2024 2,68 (Baik, estimasi); kondisi saat ini "
        "adalah hasil penilaian terakhir\n"
    )
    assert "      menambah int-simbg-eretribusi; mengubah int-simbg-simpel-izin\n" in result.stdout
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(EXAMPLE), "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert "  integrasi melalui SPLP: 24 dari 46 (52%) -> 24 dari 46 (52%) (=)\n" in (
        result.stdout
    )
    assert result.stdout.endswith(
        "0 ditambah, 0 dihapus, 0 diubah, 0 dialihkan, 0 temuan baru, 0 terselesaikan, "
        "indeks 2,68 -> 2,68\n"
    )
    later = ROOT / "examples" / "kabupaten-lembah-hijau-2029"
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(later), "--lang", "id"])
    assert "  ~ e-perpus (aplikasi)\n" in result.stdout


def test_portfolio_text_in_indonesian_with_lang_id(runner, tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "lembah-hijau")
    result = runner.invoke(app, ["portfolio", str(tmp_path), "--lang", "id"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "portofolio: 1 instansi, 1 diperingkat menurut estimasi indeks"
    assert "┃ peringkat ┃ instansi" in lines[2]
    assert (
        "semua instansi: 1 instansi, 264 elemen, rata-rata indeks 2,68; predikat: Memuaskan 0, "
        "Sangat Baik 0, Baik 1, Cukup 0, Kurang 0"
    ) in lines
    assert ("integrasi dengan sistem yang dijalankan instansi lain (dideklarasikan di "
            "`platforms:`; platform nasional tidak termasuk): tidak ada yang tercatat melalui "
            "SPLP; tidak melalui SPLP (0)") in lines


def test_framework_breaking_its_schema_in_indonesian(runner, tmp_path):
    framework = tmp_path / "kerangka.yaml"
    framework.write_text(MINI_FRAMEWORK.read_text().replace(
        "weight: 3, evidence", "weight: -3, wieght: 2, evidence"))
    result = runner.invoke(
        app, ["maturity", str(EXAMPLE), "--framework", str(framework), "--lang", "id"]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"spbe-arch: {framework}: kerangka tidak valid di 'indicators[1]': Kunci tambahan tidak "
        "diizinkan ('wieght' tidak dikenal) (dan 1 lainnya)\n"
    )


def test_portfolio_html_in_indonesian_with_lang_id(runner, tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "models" / "lembah-hijau")
    page = tmp_path / "portofolio.html"
    result = runner.invoke(app, ["portfolio", str(tmp_path / "models"), "--format", "html",
                                 "-o", str(page), "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ditulis {page}\n"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="id">' in html
    assert "<h1>Portofolio 1 instansi, 1 diperingkat</h1>" in html
    assert "<h2>Peringkat menurut estimasi indeks" in html
    assert '<th class="num">peringkat</th>' in html
    assert 'data-shown="{count} ditampilkan"' in html
    text = re.sub(r"(?s)<script>.*?</script>|<style>.*?</style>|<[^>]+>", " ", html)
    assert not re.search(r"\b(Ranking|Totals|estimated|could not|bypassing|none)\b", text)


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ["YAML tidak valid: tab tidak boleh dipakai untuk indentasi di sini",
            "YAML tidak valid: kurung '{' tidak ditutup"]),
    ("en", ["invalid YAML: tabs disallowed within this context (block indentation)",
            "invalid YAML: unclosed bracket '{'"]),
])
def test_the_parsers_reasons_come_in_the_language_asked(runner, make_model, lang, expected):
    root = make_model({"u.yaml": "units:\n\t- id: a\n", "v.yaml": "units:\n  - {id: b, name: B\n"})
    result = runner.invoke(app, ["validate", str(root), "--lang", lang])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stdout.splitlines() if "SPBE-R001" in line]
    assert [line.split("SPBE-R001 ", 1)[1] for line in lines] == expected
