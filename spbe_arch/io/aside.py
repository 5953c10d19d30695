"""Work done aside, in a forked process, while this one goes on: the second core of a machine.

A command that has loaded a large model asks several independent questions of it (the report:
audit, maturity, explorer data; diff: two versions). `aside(work, *args)` forks a child that
already holds the model in memory (nothing is pickled on the way in), runs `work(*args)` there
and pipes back its result, which should be compact (findings, a JSON string), not the model.
Where fork is missing (Windows, macOS's default) or there is one core, the work runs at once
in this process: the same answer, only not at the same time.
"""

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from ..model.i18n import gettext as _
from .files import SpbeError

__all__ = ["WORTH_IT", "Aside", "aside", "aside_each", "works_aside"]

T = TypeVar("T")

WORTH_IT = 10_000
"""Model elements (graph nodes) from which work is worth doing aside: forking costs ~20 ms,
and a smaller model's work takes less than that to do here."""


class Aside(Generic[T]):
    """The result of work started by `aside`; `result()` waits for it."""

    def __init__(self, work: Callable[..., T], args: tuple[Any, ...], here: bool) -> None:
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None
        if here or not works_aside():
            try:
                self._value = work(*args)
            except Exception as exc:  # raised by result(), as when the work runs aside
                self._error = exc
            self._done = True
            return
        self._receive, self._process = _fork(_child, work, args)

    def result(self) -> T:
        """The work's return value; its exception is raised here, as if it ran here."""
        if not self._done:
            self._value = _received(self._receive, self._process, last=True)[1]
            self._done = True
        if self._error is not None:
            raise self._error
        return self._value


def aside(work: Callable[..., T], *args: Any, size: int | None = None) -> Aside[T]:
    """Start `work(*args)` in a forked child; `.result()` of what is returned gives its value.

    With `size` (the nodes of the graph the work reads) under `WORTH_IT`, the work is done
    here at once.

    Examples
    --------
    >>> pending = aside(sum, [1, 2, 3])
    >>> pending.result()
    6
    """
    return Aside(work, args, here=size is not None and size < WORTH_IT)


def aside_each(work: Callable[..., Iterable[T]], *args: Any) -> Iterator[T]:
    """The items of `work(*args)` made in a forked child, each handed over as soon as it is
    made: this process works on one item while the child makes the next ones.

    The child runs ahead by what the pipe holds (widened to 1 MiB where Linux allows). Where
    work cannot run aside (`works_aside`), the items are made here, one by one.

    Examples
    --------
    >>> list(aside_each(range, 3))
    [0, 1, 2]
    """
    if not works_aside():
        yield from work(*args)
        return
    receive, process = _fork(_child_each, work, args)
    _widen(receive)
    try:
        while (received := _received(receive, process))[0] == "value":
            yield received[1]
    finally:
        if process.is_alive():  # the caller stopped early: the child would wait forever
            receive.close()
            process.kill()  # not terminate: a SIGTERM handler the child inherited may block
            process.join()


def works_aside() -> bool:
    """True when work given to `aside` runs in a second process (Linux, two cores or more,
    not turned off with SPBE_ASIDE=0, not already aside); otherwise it runs at once here."""
    return (
        sys.platform.startswith("linux")
        and not multiprocessing.current_process().daemon  # work aside is done in one child
        and (os.cpu_count() or 1) > 1
        and os.environ.get("SPBE_ASIDE", "1") != "0"
    )


def _fork(target: Callable[..., None], work: Callable[..., Any], args: tuple[Any, ...]
          ) -> tuple[Any, Any]:
    """Start `target(work, args, send)` in a forked daemonic child: the receiving end of its
    pipe, and the process. The child closes its copy of the receiving end at once, so that
    its writes fail (and it ends) once this process is gone or has dropped the pipe."""
    for stream in (sys.stdout, sys.stderr):  # or the child would write their buffers again
        if stream is not None:
            stream.flush()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    # daemonic: a command that fails before asking for the result does not wait for it
    process = context.Process(target=_in_child, args=(target, work, args, send, receive),
                              daemon=True)
    process.start()
    send.close()
    return receive, process


def _in_child(target: Callable[..., None], work: Callable[..., Any], args: tuple[Any, ...],
              send: Any, receive: Any) -> None:
    from contextlib import suppress

    receive.close()
    with suppress(OSError):  # the parent is gone, or no longer reads: nobody to tell
        target(work, args, send)


def _received(receive: Any, process: Any, *, last: bool = False) -> tuple[str, Any]:
    """What the child sent next: ("value", its value), or ("end", None) after the last item
    of `_child_each`; its exception is raised here. With `last`, or once the child has said
    all, the child is waited for."""
    try:
        outcome, value = receive.recv()
    except EOFError:  # the child died without a word (killed, out of memory)
        outcome, value = "died", None
    if last or outcome != "value":
        receive.close()  # a child still writing stops at once
        process.join()
    if outcome == "died":  # the machine's doing, not the model's nor a bug's
        raise SpbeError(_(
            "work done aside in a second process ended with exit {code} without a "
            "result (killed, or out of memory?); run again, or with SPBE_ASIDE=0 to do "
            "it all in one process"
        ).format(code=process.exitcode))
    if outcome == "raised":
        error, cause = value
        raise error from cause
    return outcome, value


def _child(work: Callable[..., Any], args: tuple[Any, ...], send: Any) -> None:
    try:
        value = work(*args)
    except BaseException as exc:  # carried to the parent, raised there with its cause
        _raised(send, exc)
        return
    _sent(send, ("value", value))


def _child_each(work: Callable[..., Iterable[Any]], args: tuple[Any, ...], send: Any) -> None:
    try:
        for item in work(*args):
            if not _sent(send, ("value", item)):
                return
    except BaseException as exc:  # the parent gone as well (OSError): `_raised` raises it again
        _raised(send, exc)
        return
    _sent(send, ("end", None))


def _sent(send: Any, message: tuple[str, Any]) -> bool:
    """Send `message`; False, once the parent is told, when its value would not pickle. An
    `OSError` (the parent gone) goes up: the child ends (`_in_child`)."""
    try:
        send.send(message)
    except OSError:
        raise
    except Exception as exc:
        _raised(send, RuntimeError(f"work done aside could not report: {exc}"))
        return False
    return True


def _raised(send: Any, exc: BaseException) -> None:
    """Tell the parent the work raised `exc` (with its cause)."""
    send.send(("raised", (_portable(exc), exc.__cause__ and _portable(exc.__cause__))))


def _widen(receive: Any) -> None:
    """Let the pipe hold 1 MiB (Linux's limit for a user) instead of 64 KiB, so that the
    child of `aside_each` can run ahead of this process by a few dozen items."""
    import fcntl
    from contextlib import suppress

    with suppress(OSError, AttributeError):  # a lower limit, or an older kernel: 64 KiB does
        fcntl.fcntl(receive.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


def _portable(exc: BaseException) -> BaseException:
    """`exc` if it comes back whole through pickle, else an exception of the nearest class
    that does (an error class whose constructor takes other arguments than its message)."""
    import pickle

    for cls in type(exc).__mro__:
        candidate = exc if cls is type(exc) else _plain(cls, exc)
        if candidate is None:
            continue
        try:
            pickle.loads(pickle.dumps(candidate))
        except Exception:
            continue
        return candidate
    return RuntimeError(str(exc))


def _plain(cls: type, exc: BaseException) -> BaseException | None:
    try:
        return cls(str(exc))
    except Exception:
        return None
