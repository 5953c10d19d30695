"""`spbe-arch diagram` with an id the model does not have: 'did you mean' the close one."""

import re

import pytest
from tiny_model import TINY

from spbe_arch.cli import app


@pytest.mark.parametrize(("view", "option", "lang", "message"), [
    ("integration", "--unit", "en", "spbe-arch: unknown unit 'dinkesx'; did you mean 'dinkes'?"),
    ("integration", "--unit", "id",
     "spbe-arch: unit kerja 'dinkesx' tidak dikenal; maksud Anda 'dinkes'?"),
    ("layered", "--unit", "en", "spbe-arch: unknown unit 'dinkesx'; known units: 'bapenda', "
     "'dinkes', 'dpmptsp', 'kesbangpol'; did you mean 'dinkes'?"),
    ("layered", "--service", "en", "spbe-arch: unknown service 'lay-izinx'; known services: "
     "'lay-izin', 'lay-pajak'; did you mean 'lay-izin'?"),
])
def test_an_unknown_id_gets_did_you_mean(runner, make_model, tmp_path, view, option, lang,
                                         message):
    wrong = "lay-izinx" if option == "--service" else "dinkesx"
    result = runner.invoke(app, ["diagram", str(make_model(TINY)), "--view", view, option,
                                 wrong, "-o", str(tmp_path / "x.dot"), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"{message}\n"


def test_an_id_in_capitals_gets_did_you_mean(runner, make_model, tmp_path):
    """'DINKES' as an inventory writes it, for the unit id 'dinkes'."""
    result = runner.invoke(app, ["diagram", str(make_model(TINY)), "--view", "integration",
                                 "--unit", "DINKES", "-o", str(tmp_path / "x.dot")])
    assert result.exit_code == 2, result.output
    assert result.stderr == "spbe-arch: unknown unit 'DINKES'; did you mean 'dinkes'?\n"


INVENTORY = {
    "units.yaml": "units:\n  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n",
    "apps.yaml": "applications:\n"
                 "  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd}\n"
                 "  - {id: simrs, name: SIMRS, kind: khusus, owner: dinkes}\n",
    "infra.yaml": "infrastructure:\n"
                  "  - {id: pdd, name: Pusat Data Daerah, kind: pusat_data_daerah}\n",
}


def test_the_impact_legend_says_what_the_model_does_not_tell(runner, make_model, tmp_path):
    """An inventory: no integration, no service, one hosting unknown. The legend does not
    say 'none degraded' (unknown, not none), as `impact` does not."""
    dot = tmp_path / "dampak.dot"
    result = runner.invoke(app, ["diagram", str(make_model(INVENTORY)), "--view", "impact",
                                 "--element", "pdd", "-o", str(dot)])
    assert result.exit_code == 0, result.output
    text = dot.read_text(encoding="utf-8")
    assert "Terganggu: belum diketahui" in text
    assert "Terganggu: tidak ada" not in text
    for note in ("Aplikasi yang kehilangan data: belum diketahui",
                 "Penempatan 1 aplikasi belum tercatat: mungkin ikut berhenti",
                 "Layanan yang berhenti: belum diketahui"):
        assert note in " ".join(re.sub(r"<[^>]+>", " ", text).split()), note
