"""`spbe-arch diagram`: views to .dot, .svg or .png files, from the user's side."""

import pytest
from diagram_helpers import TINY

from spbe_arch.cli import app
from spbe_arch.diagrams import find_engine

needs_engine = pytest.mark.skipif(find_engine() is None, reason="no dot or graphviz-pure")


def test_diagram_writes_dot_without_an_engine(runner, make_model, tmp_path):
    out = tmp_path / "map.dot"
    result = runner.invoke(app, ["diagram", str(make_model(TINY)), "--view", "integration",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}\n"
    text = out.read_text()
    assert text.startswith("digraph integration {")
    assert '\tsicantik -> oss [label="SPLP JIP"' in text


@pytest.mark.parametrize(("lang", "words", "not_there"), [
    ("id", ["login bersama", "Bukan integrasi (manual, login bersama)"],
     ["shared", "<I>Legend</I>", "through SPLP"]),
    ("en", ["login bersama (shared login)", "<I>Legend</I>", "through SPLP"], []),
])
def test_diagram_names_mechanisms_in_words_of_the_language(runner, make_model, tmp_path,
                                                           lang, words, not_there):
    """`--lang id` draws the diagram in Indonesian only, as the report in Indonesian does;
    in English its Indonesian labels carry English glosses. No mechanism is a raw code."""
    out = tmp_path / "map.dot"
    result = runner.invoke(app, ["diagram", str(make_model(TINY)), "--view", "integration",
                                 "-o", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    for word in words:
        assert word in text
    for word in [*not_there, "shared_login", "api_direct"]:
        assert word not in text


@needs_engine
@pytest.mark.parametrize(("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG")])
def test_diagram_renders_svg_and_png_and_names_the_engine(runner, make_model, tmp_path,
                                                          suffix, magic):
    out = tmp_path / f"landscape{suffix}"
    result = runner.invoke(app, ["diagram", str(make_model(TINY)), "--view", "landscape",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)
    engine = find_engine()
    assert f"rendered with {engine.name} ({engine.path})" in result.stderr


def test_diagram_refuses_to_overwrite_without_force(runner, make_model, tmp_path):
    model = str(make_model(TINY))
    out = tmp_path / "layered.dot"
    out.write_text("keep")
    result = runner.invoke(app, ["diagram", model, "--view", "layered", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"spbe-arch: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text() == "keep"
    result = runner.invoke(app, ["diagram", model, "--view", "layered", "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("digraph layered {")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--view", "landscape", "-o", "x.pdf"],
         "x.pdf: unknown suffix '.pdf'; use .svg, .png or .dot"),
        (["--view", "layered", "--unit", "nope", "-o", "x.dot"], "unknown unit 'nope'"),
        (["--view", "layered", "--service", "nope", "-o", "x.dot"], "unknown service 'nope'"),
        (["--view", "impact", "--element", "nope", "-o", "x.dot"], "unknown element 'nope'"),
        (["--view", "impact", "-o", "x.dot"], "the impact view needs --element ID"),
        (["--view", "landscape", "--unit", "dinkes", "-o", "x.dot"],
         "--unit filters the layered view and the integration map only"),
        (["--view", "integration", "--service", "lay-izin", "-o", "x.dot"],
         "--service filters the layered view only"),
        (["--view", "integration", "--unit", "nope", "-o", "x.dot"], "unknown unit 'nope'"),
        (["--view", "integration", "--element", "pdd", "-o", "x.dot"],
         "--element applies to the impact view only"),
    ],
)
def test_diagram_bad_option_exits_2_with_a_message(runner, make_model, tmp_path, monkeypatch,
                                                   args, message):
    model = str(make_model(TINY))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diagram", model, *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.glob("x.*")) == []


def test_diagram_filtered_layered_view_and_impact_view(runner, make_model, tmp_path):
    model = str(make_model(TINY))
    layered = tmp_path / "unit.dot"
    result = runner.invoke(app, ["diagram", model, "--view", "layered", "--unit", "dpmptsp",
                                 "-o", str(layered)])
    assert result.exit_code == 0, result.output
    assert "Arsitektur berlapis (Dinas Penanaman Modal dan PTSP)" in layered.read_text()
    impact = tmp_path / "impact.dot"
    result = runner.invoke(app, ["diagram", model, "--view", "impact", "--element", "pdd",
                                 "-o", str(impact)])
    assert result.exit_code == 0, result.output
    assert 'label="Analisis dampak: Pusat Data Daerah gagal"' in impact.read_text()


def test_diagram_of_a_model_with_errors_is_drawn_and_exits_1(runner, make_model, tmp_path):
    files = dict(TINY)
    files["broken.yaml"] = "applications:\n  - {id: x, name: X, kind: khusus, owner: nowhere}\n"
    out = tmp_path / "map.dot"
    result = runner.invoke(app, ["diagram", str(make_model(files)), "--view", "integration",
                                 "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert out.exists()
    assert "the diagram shows the valid elements only" in result.stderr


def test_diagram_help_says_which_engine_runs(runner):
    result = runner.invoke(app, ["diagram", "--help"])
    assert result.exit_code == 0, result.output
    engine = find_engine()
    expected = engine.name if engine else "none found"
    assert expected in " ".join(result.output.split())
    assert "graphviz-pure" in result.output
