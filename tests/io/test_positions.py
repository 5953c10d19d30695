"""`element_lines`: the line and column of an element's `id:`, in YAML and JSON text."""

from spbe_arch.io import element_lines


def test_element_lines_block_flow_and_json_styles(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "units:\n"
        "  - id: dinkes\n"
        "    name: Dinas Kesehatan\n"
        "  - {id: rsud, name: RSUD}\n"
        '  - {"id": "bapenda", "name": "x"}\n'
        "  - name: Dinas Sosial\n"
        "    paid: dinsos\n"  # `id` ending another key is not an id
        "    kind: dinas\n"
        "    id: 'dinsos'\n"
    )
    assert element_lines(path, {"dinkes", "rsud", "bapenda", "dinsos"}) == {
        "dinkes": (2, 5),
        "rsud": (4, 6),
        "bapenda": (5, 7),
        "dinsos": (9, 5),
    }


def test_element_lines_first_line_wins_and_other_keys_on_the_line_are_skipped(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("a:\n  - {name: x, id: hidden}\n  - id: twice\n  - id: twice\n")
    assert element_lines(path, {"hidden", "twice"}) == {"twice": (3, 5)}


def test_element_lines_counts_lines_across_a_long_file(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("units:\n" + "".join(f"  - id: u{i}\n    name: U\n" for i in range(3000)))
    found = element_lines(path, {f"u{i}" for i in range(3000)})
    assert len(found) == 3000
    assert found["u0"] == (2, 5)
    assert found["u2999"] == (2 + 2 * 2999, 5)


def test_element_lines_places_only_the_wanted_ids(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("units:\n" + "".join(f"  - id: u{i}\n    name: U\n" for i in range(100)))
    assert element_lines(path, {"u7", "u70", "absent"}) == {"u7": (16, 5), "u70": (142, 5)}
