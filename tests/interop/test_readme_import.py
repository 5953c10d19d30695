"""The README's "Import an inventory" example is what the command prints."""

import re
import shlex

from conftest import ROOT

from spbe_arch.cli import app


def test_readme_import_example_is_current(runner, tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Import an inventory", 1)[1]
    block = re.search(r"```text\n\$ cat inventaris.csv\n(.*?)\n\n\$ (.*?)\n(.*?)```", section, re.S)
    inventory, command, expected = block.groups()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inventaris.csv").write_text(inventory + "\n", encoding="utf-8")

    result = runner.invoke(app, shlex.split(command)[1:], catch_exceptions=False)

    assert result.exit_code == 1, result.output  # row 8 has no name
    assert result.output == expected


def test_readme_integration_list_example_is_current(runner, tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Import an inventory", 1)[1]
    inventory = re.search(r"```text\n\$ cat inventaris.csv\n(.*?)\n\n\$ ", section, re.S)[1]
    block = re.search(r"```text\n\$ cat integrasi.csv\n(.*?)\n\n\$ (.*?)\n\.\.\..*?\n(.*?)```",
                      section, re.S)
    listed, command, expected = block.groups()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inventaris.csv").write_text(inventory + "\n", encoding="utf-8")
    (tmp_path / "integrasi.csv").write_text(listed + "\n", encoding="utf-8")

    result = runner.invoke(app, shlex.split(command)[1:], catch_exceptions=False)

    assert result.exit_code == 1, result.output  # row 5 of the list names no application
    printed = result.output.splitlines(keepends=True)
    start = next(i for i, line in enumerate(printed) if line.startswith("integrasi.csv: "))
    assert "".join(printed[start:]) == expected
