"""Messages in Indonesian and English: every message of the package is in both catalogs, and
commands print the language asked for (`--lang`, or SPBE_LANG)."""

import json
import re

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.model.i18n import LANGS, gettext, language, use_language
from spbe_arch.model.rules import RULES, listed
from spbe_arch.report.catalogs import messages, missing

runner = CliRunner()
EXAMPLE = "examples/kabupaten-lembah-hijau"
_FIELDS = re.compile(r"\{(\w*)\}")


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_translates_every_message(lang):
    assert missing(lang) == [], f"run `python -m spbe_arch.report.catalogs` and translate ({lang})"


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_has_a_title_in_words(lang):
    """The report heads each rule's findings with its title: never its slug."""
    with use_language(lang):
        slugs = [code for code, rule in RULES.items() if gettext(rule.name) == rule.name]
    assert slugs == []


def test_translations_keep_the_template_fields():
    for msgid in messages():
        with use_language("id"):
            translated = gettext(msgid)
        assert sorted(set(_FIELDS.findall(translated))) == sorted(set(_FIELDS.findall(msgid))), (
            msgid
        )


def test_every_rule_template_is_a_catalog_message():
    found = messages()
    for rule in RULES.values():
        templates = [template for text in (rule.message, rule.hint)
                     for template in (text.values() if isinstance(text, dict) else [text])]
        for template in templates:
            if template:
                assert template in found, (rule.code, template)


def test_use_language_sets_and_restores():
    assert language() == "en"
    with use_language("id"):
        assert listed(["a", "b", "c"], 1) == "a dan 2 lainnya"
    assert listed(["a", "b", "c"], 1) == "a and 2 more"
    with pytest.raises(ValueError, match="unknown language 'fr'"), use_language("fr"):
        pass


def test_no_internal_constant_name_in_rule_docs():
    for rule in RULES.values():
        assert not re.search(r"\b[A-Z]{2,}_[A-Z_]{2,}\b", rule.doc), rule.code


def test_audit_prints_indonesian_with_lang_id():
    result = runner.invoke(app, ["audit", EXAMPLE, "--lang", "id"])
    assert result.exit_code == 1, result.output
    assert (
        ": kesalahan SPBE-A002 aplikasi 'e-pbb' membaca data 'data-kependudukan' yang "
        "dihasilkan oleh 'siak-lembah-hijau', tetapi belum ada jalur integrasi dari aplikasi "
        "penghasilnya (berdampak pada layanan 'svc-pajak-daerah')\n    saran: integrasikan "
        "'siak-lembah-hijau' -> 'e-pbb' melalui SPLP"
        in result.output
    )


def test_severity_words_follow_the_language_but_not_in_json():
    """Text for people says 'peringatan' in Indonesian; JSON and SARIF, read by machines,
    keep the English value."""
    indonesian = runner.invoke(app, ["audit", EXAMPLE, "--lang", "id"]).output
    english = runner.invoke(app, ["audit", EXAMPLE]).output
    as_json = runner.invoke(app, ["audit", EXAMPLE, "--lang", "id", "--format", "json"]).output

    assert ": peringatan SPBE-A008 " in indonesian and ": warning SPBE-" not in indonesian
    assert ": warning SPBE-A008 " in english
    assert '"severity": "warning"' in as_json


def test_audit_json_follows_spbe_lang(monkeypatch):
    monkeypatch.setenv("SPBE_LANG", "id")
    result = runner.invoke(app, ["audit", EXAMPLE, "--format", "json"])
    assert result.exit_code == 1, result.output
    assert (
        "unit kerja 'kesbangpol' tidak memiliki aplikasi, layanan, proses bisnis, maupun data"
        in result.output
    )
    monkeypatch.setenv("SPBE_LANG", "en")
    result = runner.invoke(app, ["audit", EXAMPLE, "--format", "json"])
    assert "unit 'kesbangpol' owns no application, service, business process or data" in (
        result.output
    )


def test_validate_json_in_indonesian(tmp_path):
    (tmp_path / "spbe.yaml").write_text(
        "instansi: {id: kab-x, name: Kab X, level: kabupaten}\n"
        "aplikasi: []\n"
        "applications:\n"
        "  - {id: app-a, name: A, kind: khusus, owner: dinkes-x, status: active}\n"
    )
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json", "--lang", "id"])
    assert result.exit_code == 1, result.output
    found = {f["code"]: f for f in json.loads(result.output)["findings"]}
    assert found["SPBE-R002"]["message"] == "koleksi 'aplikasi' tidak dikenal"
    assert found["SPBE-R002"]["hint"].startswith("maksud Anda 'applications'? koleksi: instansi")
    assert found["SPBE-R008"]["message"] == "owner: 'dinkes-x' tidak didefinisikan dalam model"
    assert found["SPBE-R008"]["hint"] == "definisikan, atau sebutkan unit kerja yang ada"
    markdown = runner.invoke(app, ["validate", str(tmp_path), "-f", "markdown", "--lang", "id"])
    assert "koleksi 'aplikasi' tidak dikenal" in markdown.output


def test_unknown_lang_is_a_usage_error():
    result = runner.invoke(app, ["audit", EXAMPLE, "--lang", "fr"])
    assert result.exit_code == 2


def test_no_message_is_marked_inside_an_f_string():
    """Babel does not extract `_("...")` written inside an f-string: such a message would
    never reach the catalogs and would show in English whatever the language."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "spbe_arch"
    inside = re.compile(r"""\bf(["'])[^"']*\{[^}]*\b_\(\s*["']""")
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if inside.search(line)
    ]
    assert found == []
