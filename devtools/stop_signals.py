"""Ctrl-C and SIGTERM in a supervisor of the dev tools: one stop, never cut short.

The first SIGINT or SIGTERM raises (KeyboardInterrupt or SystemExit), so that every
`finally` stops what it started. Later ones are ignored: `make` forwards SIGTERM to
a child that already got it from the process group, and a second exception in the
middle of the stopping would leave processes running. The stopping itself is bounded
(SIGKILL after a grace period), so it never needs a second signal.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import NoReturn

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _State:
    stopping = False
    held = 0
    pending: int | None = None


_state = _State()


def stop_on_signals() -> None:
    """Install the handler (the main thread only, as Python requires)."""
    for each in STOP_SIGNALS:
        signal.signal(each, _on_stop_signal)


@contextmanager
def stop_signals_held() -> Iterator[None]:
    """Raise a stop that arrives in the block only after it: a child process started
    but not yet recorded would be left running."""
    _state.held += 1
    try:
        yield
    finally:
        _state.held -= 1
    if _state.pending is not None and not _state.held:
        signum, _state.pending = _state.pending, None
        _raise_stop(signum)


def _on_stop_signal(signum: int, frame: FrameType | None) -> None:
    if _state.stopping:
        return
    _state.stopping = True
    if _state.held:
        _state.pending = signum
        return
    _raise_stop(signum)


def _raise_stop(signum: int) -> NoReturn:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)
