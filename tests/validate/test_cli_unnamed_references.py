"""`spbe-arch validate`: the references of an element whose id is missing or is no id (`true`,
a list) are checked in the same run as its type errors (QA5 row 5, N5)."""

import json

from spbe_arch.cli import app

UNITS = """\
    units:
      - {id: bpkad, name: BPKAD, kind: badan}
    infrastructure:
      - {id: ruang-server, name: Ruang Server, kind: on_premise}
      - {id: jip-kab, name: JIP Kabupaten, kind: jip}
    applications:
      - {id: simpus, name: SIMPUS, kind: khusus, owner: bpkad, hosting: ruang-server}
    """
APPS = """\
    applications:
      - name: Tanpa Id
        kind: khusus
        owner: bpkadx
        hosting: ruang-servr
      - {id: true, name: Benar, kind: khusus, owner: bpkadx, hosting: jip-kab}
      - {id: [a, b], name: Daftar, kind: khusus, owner: bpkad, reads: [simpus, data-x],
         platform: esakip}
    integrations:
      - {source: simpus, target: simpus, via: splp}
      - {id: 7.5, source: app-z, target: bpkad, via: splp}
    """


def _found(runner, root):
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    return [(f["code"], f"{f['file']}:{f['line']}:{f['column']}", f["element"], f["message"])
            for f in findings]


def test_validate_checks_the_references_of_elements_without_an_id(runner, make_model):
    root = make_model({"base.yaml": UNITS, "apps.yaml": APPS})
    assert _found(runner, root) == [
        ("SPBE-R005", "apps.yaml:2:5", None, "missing required field 'id'"),
        ("SPBE-R008", "apps.yaml:4:5", None, "owner: 'bpkadx' is not defined in the model"),
        ("SPBE-R008", "apps.yaml:5:5", None,
         "hosting: 'ruang-servr' is not defined in the model"),
        ("SPBE-R003", "apps.yaml:6:6", None, "id: input should be a valid string, got true"),
        ("SPBE-R008", "apps.yaml:6:43", None, "owner: 'bpkadx' is not defined in the model"),
        ("SPBE-R009", "apps.yaml:6:58", None,
         "hosting: 'jip-kab' is a network, expected a data centre"),
        ("SPBE-R003", "apps.yaml:7:6", None,
         "id: input should be a valid string, got ['a', 'b']"),
        ("SPBE-R009", "apps.yaml:7:68", None, "reads: 'simpus' is an application, expected a "
                                              "data set"),
        ("SPBE-R008", "apps.yaml:7:76", None, "reads: 'data-x' is not defined in the model"),
        ("SPBE-R010", "apps.yaml:8:6", None, "platform: unknown national platform 'esakip'"),
        ("SPBE-R005", "apps.yaml:10:5", None, "missing required field 'id'"),
        ("SPBE-R011", "apps.yaml:10:22", None, "an integration connects 'simpus' to itself"),
        ("SPBE-R003", "apps.yaml:11:6", None, "id: input should be a valid string, got 7.5"),
        ("SPBE-R008", "apps.yaml:11:15", None, "source: 'app-z' is not defined in the model"),
        ("SPBE-R009", "apps.yaml:11:30", None, "target: 'bpkad' is a unit, expected an "
                                               "application or national platform"),
    ]


def test_validate_shows_an_id_less_elements_references_at_their_lines(runner, make_model):
    root = make_model({"base.yaml": UNITS, "apps.yaml": APPS})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    at = lines.index(f"{root / 'apps.yaml'}:4:5: error SPBE-R008 owner: 'bpkadx' is not "
                     "defined in the model")
    assert lines[at + 1] == "    hint: did you mean 'bpkad'? define it, or name an existing unit"
    assert (f"{root / 'apps.yaml'}:5:5: error SPBE-R008 hosting: 'ruang-servr' is not defined "
            "in the model") in lines


def test_validate_finds_nothing_more_once_the_ids_and_references_are_fixed(runner, make_model):
    fixed = """\
        applications:
          - {id: tanpa-id, name: Tanpa Id, kind: khusus, owner: bpkad, hosting: ruang-server}
        integrations:
          - {id: int-a, source: tanpa-id, target: simpus, via: splp}
        """
    root = make_model({"base.yaml": UNITS, "apps.yaml": fixed})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
