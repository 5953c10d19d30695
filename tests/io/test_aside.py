"""Work done aside: the value or the exception comes back as if the work ran here."""

import os

import pytest
from conftest import EXAMPLE

from spbe_arch.io.aside import aside, aside_each

forks = pytest.mark.skipif(
    os.uname().sysname != "Linux" or (os.cpu_count() or 1) < 2,
    reason="work runs aside only on Linux with two cores or more",
)


def _pid_and(value):
    return os.getpid(), value


def _fail(message):
    try:
        raise KeyError(message)
    except KeyError as exc:
        raise ValueError("section broke") from exc


def _die():
    os._exit(3)


@forks
def test_the_work_runs_in_another_process_and_its_value_comes_back(monkeypatch):
    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    pid, value = aside(_pid_and, {"apps": [1, 2]}).result()
    assert pid != os.getpid()
    assert value == {"apps": [1, 2]}


def test_with_spbe_aside_0_the_work_runs_here(monkeypatch):
    monkeypatch.setenv("SPBE_ASIDE", "0")
    pid, value = aside(_pid_and, "x").result()
    assert (pid, value) == (os.getpid(), "x")


@pytest.mark.parametrize("setting", ["1", "0"])
def test_an_exception_is_raised_by_result_with_its_cause(monkeypatch, setting):
    monkeypatch.setenv("SPBE_ASIDE", setting)
    pending = aside(_fail, "epajak")
    with pytest.raises(ValueError, match="section broke") as caught:
        pending.result()
    assert isinstance(caught.value.__cause__, KeyError)
    assert str(caught.value.__cause__) == "'epajak'"


@forks
def test_a_child_that_dies_is_an_error_not_a_hang(monkeypatch):
    """Killed or out of memory: the command could not run (exit 2, with what to try)."""
    from spbe_arch.io import SpbeError

    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    with pytest.raises(SpbeError, match=r"ended with exit 3 without a result .* SPBE_ASIDE=0"):
        aside(_die).result()


@forks
@pytest.mark.parametrize(
    "command",
    [
        ["audit", "--format", "json"],
        ["report"],
    ],
)
def test_commands_say_the_same_whether_their_work_runs_aside_or_here(
    runner, monkeypatch, tmp_path, command
):
    """The example is small enough to run here; forced aside, its outputs are the same."""
    from spbe_arch.cli import app
    from spbe_arch.io import aside as module

    outputs = []
    for worth_it, setting in ((0, "1"), (10**9, "0")):
        monkeypatch.setattr(module, "WORTH_IT", worth_it)
        monkeypatch.setenv("SPBE_ASIDE", setting)
        out = tmp_path / setting
        args = [command[0], str(EXAMPLE), *command[1:]]
        if command[0] == "report":
            args += ["-o", str(out)]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        written = [(out / name).read_text("utf-8") for name in ("index.html", "report.md")
                   ] if command[0] == "report" else []
        outputs.append((result.exit_code, result.stdout.replace(str(out), "OUT"), written))
    assert outputs[0] == outputs[1]


@forks
def test_a_command_that_fails_before_asking_for_the_result_does_not_wait_for_it():
    """The child blocks writing a large result nobody reads; the exiting parent ends it."""
    import subprocess
    import sys

    script = (
        "from spbe_arch.io.aside import aside\n"
        "pending = aside(lambda: 'x' * 50_000_000)\n"
        "raise SystemExit(2)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=60, check=False)
    assert done.returncode == 2


@forks
def test_work_aside_inside_work_aside_runs_in_the_child(monkeypatch):
    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    outer, inner = aside(_nested).result()
    assert outer != os.getpid() and inner == outer


def _nested():
    return os.getpid(), aside(_pid_and, None).result()[0]


class _NeedsTwo(ValueError):
    def __init__(self, element: str, matches: list[str]) -> None:
        super().__init__(f"unknown element '{element}'; did you mean: {', '.join(matches)}")


def _unknown():
    raise _NeedsTwo("sikda", ["simda", "sipd"])


@forks
def test_an_exception_that_does_not_pickle_whole_comes_back_as_its_nearest_class(monkeypatch):
    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    with pytest.raises(ValueError, match="unknown element 'sikda'; did you mean: simda, sipd"):
        aside(_unknown).result()


_BROKEN = {
    "model.yaml": """\
        units:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas, parent: setda}
        applications:
          - {id: simpus, name: SIMPUS, kind: khusus, owner: dinkes, hosting: pdd-x}
          - {id: sikda, name: SIKDA, kind: khusus, owner: dinkes, reads: 7}
        integrations:
          - {id: i1, source: simpus, target: sikda, via: splp}
          - {id: i2, source: simpus, target: siak-x, via: splp}
        waivers:
          - {code: SPBE-A001, element: nothing-here, reason: vendor, until: 2027-01-01}
    """,
}


@forks
@pytest.mark.parametrize("command", [
    ["audit", "--format", "json"], ["impact", "simpus", "--format", "json"],
    ["maturity", "--format", "json"],
])
def test_reference_checks_aside_while_the_graph_is_built_say_the_same(
    runner, monkeypatch, make_model, command
):
    """A model with dangling references, a type error and a waiver that matches nothing: its
    validation findings are the same whether the checks across elements run aside (while the
    graph is built, `load_graph`) or here, and the same as `load_model` finds."""
    from spbe_arch.cli import app
    from spbe_arch.graph import build_graph, load_graph
    from spbe_arch.io import aside as module
    from spbe_arch.validate import load_model

    root = make_model(_BROKEN)
    outputs = []
    for worth_it, setting in ((0, "1"), (10**9, "0")):
        monkeypatch.setattr(module, "WORTH_IT", worth_it)
        monkeypatch.setenv("SPBE_ASIDE", setting)
        result = runner.invoke(app, [command[0], str(root), *command[1:]])
        assert result.exit_code == 1, result.output  # the model's errors
        outputs.append(result.stdout)
        loaded, graph = load_graph(root)
        alone = load_model(root)
        assert loaded.findings == alone.findings
        assert {f.code for f in alone.findings} == {"SPBE-R003", "SPBE-R008"}  # type, dangling
        assert graph.nodes() == build_graph(alone.architecture).nodes()
    assert outputs[0] == outputs[1]


def _items(count):
    for n in range(count):
        yield os.getpid(), n


def _items_then_fail(count):
    yield from _items(count)
    _fail("sipd")


@forks
def test_items_made_aside_come_back_in_order_as_they_are_made(monkeypatch):
    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    items = list(aside_each(_items, 60_000))  # more than the pipe holds: the child waits
    assert [n for _, n in items] == list(range(60_000))
    assert {pid for pid, _ in items} != {os.getpid()} and len({pid for pid, _ in items}) == 1


@pytest.mark.parametrize("setting", ["1", "0"])
def test_an_exception_after_some_items_comes_after_them(monkeypatch, setting):
    monkeypatch.setenv("SPBE_ASIDE", setting)
    got = []
    with pytest.raises(ValueError, match="section broke") as caught:
        for _, n in aside_each(_items_then_fail, 5):
            got.append(n)
    assert got == [0, 1, 2, 3, 4]
    assert str(caught.value.__cause__) == "'sipd'"


@forks
def test_a_caller_that_stops_early_ends_the_child(monkeypatch):
    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    items = aside_each(_items, 100_000)
    pid, first = next(items)
    items.close()
    assert first == 0
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@forks
def test_a_child_that_dies_while_making_items_is_an_error(monkeypatch):
    from spbe_arch.io import SpbeError

    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    with pytest.raises(SpbeError, match="ended with exit 3"):
        list(aside_each(_die_after_one))


def _die_after_one():
    yield 1
    os._exit(3)


def _item_that_will_not_pickle_then_many():
    yield 1
    yield lambda: None
    yield from range(200_000)


@forks
def test_an_item_that_will_not_pickle_ends_the_work_with_an_error(monkeypatch):
    """Not a hang: the child stops at it instead of filling the pipe nobody reads."""
    monkeypatch.delenv("SPBE_ASIDE", raising=False)
    got = []
    with pytest.raises(RuntimeError, match="work done aside could not report"):
        for item in aside_each(_item_that_will_not_pickle_then_many):
            got.append(item)
    assert got == [1]
