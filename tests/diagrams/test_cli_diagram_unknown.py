"""`spbe-arch diagram` with an id the model does not have: 'did you mean' the close one."""

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
