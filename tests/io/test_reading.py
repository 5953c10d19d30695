"""A large model's files parsed aside: the same model, the same findings, in order."""

import os

import pytest

from spbe_arch.io import reading
from spbe_arch.io.files import model_files

forks = pytest.mark.skipif(
    os.uname().sysname != "Linux" or (os.cpu_count() or 1) < 2,
    reason="work runs aside only on Linux with two cores or more",
)

FILES = {
    "units.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
          - {id: dinkes, name: Dinas Kesehatan lagi, kind: dinas}
    """,
    "apps/a.yaml": """\
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, since: 2024-01-31}
    """,
    "apps/b.yaml": "applications:\n  - {id: sikda, name: SIKDA\n",  # a syntax error
    "apps/c.json": '{"applications": [{"id": "simpus", "name": "SIMPUS 2", "kind": "khusus"}]}',
    "data.yaml": """\
        data:
          - {id: data-pasien, name: Data pasien, steward: dinkes, producer: sikda}
    """,
}


def _parsed(root):
    return [(p.relative, p.data, p.error, p.line, p.column, p.hint) for p in
            reading.parse_files(*reversed(model_files(root)))]


@forks
def test_files_parsed_aside_come_back_as_parsed_here(monkeypatch, make_model):
    root = make_model(FILES)
    (root / "gone.yaml").symlink_to(root / "missing.yaml")  # a dangling link: no model file
    (root / "latin1.yaml").write_bytes("units:\n  - {id: x, name: Dinas Pekerjaan Umum \xb7}\n"
                                       .encode("latin-1"))
    monkeypatch.setenv("SPBE_ASIDE", "0")
    here = _parsed(root)
    monkeypatch.setenv("SPBE_ASIDE", "1")
    monkeypatch.setattr(reading, "ASIDE_FROM", 0)
    assert reading._worth_it(model_files(root)[1])  # parsed aside
    assert _parsed(root) == here
    assert here[0][0] == "spbe.yaml"


@forks
def test_a_file_whose_data_would_not_pack_is_parsed_again_here(monkeypatch, make_model):
    root = make_model(FILES)
    monkeypatch.setenv("SPBE_ASIDE", "0")
    here = _parsed(root)
    monkeypatch.setenv("SPBE_ASIDE", "1")
    monkeypatch.setattr(reading, "ASIDE_FROM", 0)
    again = []

    class Marshal:  # what the forked child packs with: refuses one file's data
        dumps = staticmethod(lambda fields: _refuse_json(fields))
        loads = staticmethod(reading.marshal.loads)

    monkeypatch.setattr(reading, "marshal", Marshal)
    parse_file = reading.parse_file
    monkeypatch.setattr(reading, "parse_file",
                        lambda file, root: again.append(file.name) or parse_file(file, root))
    assert _parsed(root) == here
    assert again == ["c.json"]  # only the one the child could not pack is parsed here


def _refuse_json(fields):
    import marshal

    if isinstance(fields[0], dict) and "SIMPUS 2" in str(fields[0]):
        raise ValueError("unmarshallable object")
    return marshal.dumps(fields)


@forks
@pytest.mark.parametrize("command", [["validate", "--format", "json"], ["audit"]])
def test_commands_say_the_same_when_files_are_parsed_aside(
    runner, monkeypatch, make_model, command
):
    from spbe_arch.cli import app

    root = make_model(FILES)
    outputs = []
    for setting, aside_from in (("0", 10**12), ("1", 0)):
        monkeypatch.setenv("SPBE_ASIDE", setting)
        monkeypatch.setattr(reading, "ASIDE_FROM", aside_from)
        result = runner.invoke(app, [command[0], str(root), *command[1:]])
        assert result.exit_code == 1, result.output  # the duplicate id, the syntax error
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert "already used in apps/a.yaml" in outputs[0]  # read in order: c.json's is the second
