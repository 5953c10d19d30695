"""The shared visual vocabulary: one legend, one style per kind, ASCII-safe labels."""

from diagram_helpers import dot_nodes, tiny

from spbe_arch.diagrams import impact_view, integration_view, landscape_view, layered_view
from spbe_arch.diagrams.style import (
    EDGE_STYLES,
    NODE_STYLES,
    integration_category,
    label,
    network_class,
    node_style_key,
)


def test_every_view_carries_the_legend(make_model):
    _, graph = tiny(make_model)
    for view in (
        landscape_view(graph),
        integration_view(graph),
        layered_view(graph),
        impact_view(graph, "pdd"),
    ):
        legend = dot_nodes(view.source)["legend"]
        assert legend["shape"] == "plaintext"
        assert legend["label"].startswith("<<TABLE")
        assert "<B>Legenda</B>" in legend["label"]


def _glosses(source: str) -> list[str]:
    """The English glosses a diagram carries: every legend entry's, and the labels'."""
    words = [s.legend_en for s in [*NODE_STYLES.values(), *EDGE_STYLES.values()]]
    words += ["Legend", "national platforms", "no other element affected", "business processes"]
    source = source.replace('<BR ALIGN="LEFT"/>', " ")  # a note's last word alone on its line
    return sorted({w for w in words if f">{w}<" in source or f"({w}" in source})


def test_every_view_without_glosses_is_in_indonesian_only(make_model):
    """A report in Indonesian is in one language; the `diagram` command keeps the glosses."""
    from spbe_arch.diagrams import diagram

    _, graph = tiny(make_model)
    views = [("landscape", {}), ("integration", {}), ("overview", {}), ("layered", {}),
             ("impact", {"element": "pdd"}), ("impact", {"element": "sipd-kab"})]
    for view, options in views:
        glossed = diagram(graph, view, **options).source
        assert "Legend" in _glosses(glossed), view
        assert _glosses(diagram(graph, view, glosses=False, **options).source) == [], view
    # (SIMPUS, e-Pajak's login, degrades it; the planned dashboard touches nothing yet)
    lone = diagram(graph, "impact", element="dashboard", glosses=False).source
    assert "Tidak ada elemen lain yang terdampak" in lone.replace('<BR ALIGN="LEFT"/>', " ")
    assert "affected" not in lone


def test_legend_texts_are_ascii_so_png_renderers_draw_them():
    for style in [*NODE_STYLES.values(), *EDGE_STYLES.values()]:
        assert style.legend_id.isascii() and style.legend_en.isascii()


def test_node_style_key_follows_kind_and_status(make_model):
    _, graph = tiny(make_model)
    assert [
        node_style_key(graph, n)
        for n in ("epajak", "sipd-kab", "dashboard", "pdd", "inet", "data-izin", "sipd")
    ] == [
        "applications",
        "applications_umum",
        "applications_planned",
        "datacentre",
        "network",
        "data",
        "national",
    ]


def test_integration_category_of_each_mechanism():
    assert [
        integration_category(via)
        for via in ("splp", "api_direct", "database_link", "file_transfer", "manual",
                    "shared_login")
    ] == ["splp", "direct", "direct", "direct", "weak", "weak"]


def test_network_class_tells_jip_from_internet(make_model):
    _, graph = tiny(make_model)
    assert [network_class(graph, n) for n in ("jip", "inet", None, "nope")] == [
        "JIP",
        "internet",
        None,
        None,
    ]


def test_label_wraps_and_escapes():
    assert label("Sistem Informasi Manajemen Puskesmas") == "Sistem Informasi\\nManajemen Puskesmas"
    assert label('a "b" c\\d') == 'a \\"b\\" c\\\\d'


def test_views_do_not_depend_on_the_order_of_files_and_elements(make_model, tmp_path):
    from diagram_helpers import TINY

    from spbe_arch.graph import build_graph
    from spbe_arch.validate import load_model

    text = TINY["model.yaml"]
    head, apps = text.split("        applications:\n")
    apps, rest = apps.split("        infrastructure:\n")
    entries = ["          - " + e for e in apps.split("          - ") if e.strip()]
    reordered = {
        "b.yaml": "        applications:\n" + "".join(reversed(entries)),
        "a.yaml": head + "        infrastructure:\n" + rest,
    }
    first = build_graph(load_model(make_model(TINY)).architecture)
    (tmp_path / "model" / "model.yaml").unlink()
    result = load_model(make_model(reordered))
    assert result.ok and len(result.architecture.applications) == 5
    assert next(iter(result.architecture.applications)) == "dashboard"  # really reordered
    second = build_graph(result.architecture)
    for view in (landscape_view, integration_view, layered_view):
        assert view(first).source == view(second).source
    assert impact_view(first, "pdd").source == impact_view(second, "pdd").source
