"""Rendering DOT to SVG and PNG with the system `dot` or the pip-installed `graphviz-pure`."""

import importlib
import sys
import time
from pathlib import Path

import pytest
from diagram_helpers import tiny

from spbe_arch.diagrams import diagram, find_engine, landscape_view, render
from spbe_arch.graph import build_graph
from spbe_arch.io import SpbeError
from spbe_arch.validate import load_model

render_module = importlib.import_module("spbe_arch.diagrams.engine")


@pytest.fixture
def engine():
    found = find_engine()
    if found is None:
        pytest.skip("neither `dot` nor `graphviz-pure` is installed")
    return found


def test_find_engine_prefers_the_system_dot(monkeypatch):
    monkeypatch.setattr(render_module.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert find_engine() == render_module.Engine("dot", "/usr/bin/dot")


def test_find_engine_falls_back_to_graphviz_pure_next_to_python(monkeypatch, tmp_path):
    (tmp_path / "graphviz-pure").write_text("")
    monkeypatch.setattr(render_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert find_engine() == render_module.Engine("graphviz-pure", str(tmp_path / "graphviz-pure"))


def test_find_engine_finds_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(render_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert find_engine() is None
    with pytest.raises(SpbeError, match="no Graphviz engine found"):
        render("digraph { a }", "svg")


def test_render_svg_and_png_with_clusters_and_html_labels(make_model, engine):
    _, graph = tiny(make_model)
    source = diagram(graph, "integration").source
    svg = render(source, "svg", engine=engine)
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert b"cluster_unit_0000" in svg and b"Legenda" in svg and b"SPLP" in svg
    png = render(source, "png", engine=engine)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_reports_an_engine_failure(engine):
    with pytest.raises(SpbeError, match=f"{engine.name} failed"):
        render("digraph { a -> }", "svg", engine=engine)


def test_render_rejects_an_unknown_format():
    with pytest.raises(SpbeError, match="cannot render format 'pdf'"):
        render("digraph { a }", "pdf")


def _synthetic(make_model, applications: int = 300, units: int = 30, owners: int = 20) -> Path:
    """`applications` spread over the first `owners` of `units` units, half of them linked."""
    unit_lines = "\n".join(
        f"  - {{id: u{i:02d}, name: Dinas Nomor {i:02d}, kind: dinas, networks: [jip]}}"
        for i in range(units)
    )
    app_lines = "\n".join(
        f"  - {{id: a{k:03d}, name: Aplikasi Nomor {k:03d}, kind: khusus, "
        f"owner: u{(k % owners):02d}}}"
        for k in range(applications)
    )
    links = "\n".join(
        f"  - {{id: i{k:03d}, source: a{k:03d}, target: a{(k * 13 + 5) % applications:03d}, "
        f"via: {'splp' if k % 2 else 'api_direct'}, network: jip}}"
        for k in range(applications // 2)
    )
    return make_model(
        {
            "model.yaml": f"units:\n{unit_lines}\napplications:\n{app_lines}\n"
            f"integrations:\n{links}\n"
        }
    )


def test_landscape_of_300_applications_renders_readably(make_model, engine, record_property):
    arch = load_model(_synthetic(make_model)).architecture
    graph = build_graph(arch)
    dot = landscape_view(graph)
    drawn = [n for n in graph.nodes() if n.startswith("a") and f"\t{n} [" in dot.source]
    assert len(drawn) == 20 * 11  # 20 units with 15 applications each; a box shows 11
    assert dot.source.count('label="+4 aplikasi lainnya"') == 20
    start = time.perf_counter()
    svg = render(dot.source, "svg", engine=engine)
    seconds = time.perf_counter() - start
    record_property("landscape_300_svg_seconds", round(seconds, 2))
    print(f"\nlandscape of 300 applications: DOT -> SVG in {seconds:.2f} s ({engine.name})")
    assert svg.count(b'class="cluster"') == 20 + 1  # unit boxes + the legend box


def test_integration_map_of_300_applications_renders(make_model, engine, record_property):
    arch = load_model(_synthetic(make_model)).architecture
    source = diagram(build_graph(arch), "integration").source
    start = time.perf_counter()
    svg = render(source, "svg", engine=engine)
    seconds = time.perf_counter() - start
    record_property("integration_300_svg_seconds", round(seconds, 2))
    print(f"\nintegration map of 300 applications: DOT -> SVG in {seconds:.2f} s ({engine.name})")
    assert svg.count(b'class="edge"') >= 150  # one edge per integration, SPLP as the route


def test_every_view_of_an_empty_model_renders(make_model, engine):
    arch = load_model(make_model({})).architecture
    for view in ("landscape", "integration", "layered"):
        svg = render(diagram(build_graph(arch), view).source, "svg", engine=engine)
        assert b"Legenda" in svg, view


def test_no_view_copies_the_whole_diagram_for_each_box(make_model, monkeypatch):
    """graphviz's `Digraph.subgraph()` context copies the parent's body for every subgraph: a
    diagram of thousands of units or rows built that way is quadratic (17 s instead of 8 for a
    national integration map). The views must add their boxes without it."""
    import graphviz

    graph = build_graph(load_model(_synthetic(make_model)).architecture)
    expected = {view: diagram(graph, view, element="u00" if view == "impact" else None).source
                for view in ("landscape", "integration", "layered", "impact")}

    def copy_forbidden(self, **kwargs):
        raise AssertionError("a view copied the whole diagram to add one subgraph")

    monkeypatch.setattr(graphviz.Digraph, "_copy_kwargs", copy_forbidden)
    for view, source in expected.items():
        element = "u00" if view == "impact" else None
        assert diagram(graph, view, element=element).source == source
        assert source.count("{") >= 2  # boxes (clusters, rows, the legend) were added
