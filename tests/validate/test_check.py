"""`load_model` reports progress per file through a callback, and the CLI draws no bar off a TTY."""

from spbe_arch.cli import app
from spbe_arch.validate import load_model

UNIT = "units:\n  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}\n"
APP = "applications:\n  - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes}\n"


def test_load_model_progress_is_called_once_per_file(make_model):
    root = make_model({"units.yaml": UNIT, "apps/simpus.yaml": APP, "bad.yaml": "units: [\n"})
    calls: list[tuple[int, int]] = []
    result = load_model(root, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(result.architecture.applications) == ["simpus"]


def test_load_model_progress_single_file_model(make_model):
    root = make_model({"units.yaml": UNIT}, manifest=None)  # no model folder around it
    calls: list[tuple[int, int]] = []
    load_model(root / "units.yaml", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]


def test_load_model_keeps_the_garbage_collector_on(make_model):
    import gc

    load_model(make_model({"units.yaml": UNIT}))
    assert gc.isenabled()


def test_validate_cli_prints_no_progress_when_not_a_terminal(runner, make_model, monkeypatch):
    import spbe_arch.cli as cli

    monkeypatch.setattr(cli, "PROGRESS_AFTER", 0.0)  # a bar would show at once on a terminal
    root = make_model({"units.yaml": UNIT, "apps.yaml": APP})
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    assert result.output == "0 errors, 0 warnings in 3 files (2 elements)\n"


class _Terminal:
    """A stand-in for a terminal's stderr: a text buffer that says it is a TTY."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_for_text_output_only(monkeypatch):
    import spbe_arch.cli as cli

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(cli, "PROGRESS_AFTER", 0.0)
    with cli._progress_bar(False) as progress:
        assert progress is None
    with cli._progress_bar(True) as progress:
        assert progress is not None
        progress(1, 2)
        progress(2, 2)
    assert "reading model files" in terminal.text


def test_progress_bar_waits_before_showing(monkeypatch):
    import spbe_arch.cli as cli

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(cli, "PROGRESS_AFTER", 3600.0)
    with cli._progress_bar(True) as progress:
        progress(1, 2)
        progress(2, 2)
    assert terminal.text == ""
