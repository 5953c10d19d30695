"""`spbe-arch diff --lang id`: the index and its changes with a decimal comma in text and
Markdown; JSON and English keep the point."""

import json

from conftest import EXAMPLE, ROOT

from spbe_arch.cli import app

TO_BE = ROOT / "examples" / "kabupaten-lembah-hijau-2029"


def test_diff_lang_id_writes_the_index_with_a_decimal_comma(runner):
    result = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE), "--lang", "id"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "indeks: 2,68 (Baik) -> 2,75 (Baik), +0,070" in lines
    assert "  indikator 43 Layanan data terbuka: 2 -> 3 (+0,030)" in lines
    assert lines[-1].endswith(", indeks 2,68 -> 2,75")
    markdown = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE), "--lang", "id",
                                   "-f", "markdown"]).stdout
    assert "| **Indeks SPBE** | 2,68 (Baik) | 2,75 (Baik) | +0,070 |" in markdown
    english = runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE)]).stdout
    assert "index: 2.68 (Baik) -> 2.75 (Baik), +0.070" in english.splitlines()
    data = json.loads(runner.invoke(app, ["diff", str(EXAMPLE), str(TO_BE), "--lang", "id",
                                          "-f", "json"]).stdout)
    assert isinstance(data["index"]["new"], float)
