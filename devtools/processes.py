"""Child processes that the dev tools start, wait for and always stop."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from devtools.stop_signals import stop_signals_held

STOP_GRACE_SECONDS = 5.0


class SetupError(RuntimeError):
    """Something the dev stack needs is missing; the message says what to do."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def tcp_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


class ManagedProcess:
    """A child process in its own process group, stopped with everything it spawned."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = env
        self.log_path = log_path
        self.cwd = cwd
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None, f"{self.name} was never started"
        return self._process.pid

    def start(self) -> None:
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            log = self.log_path.open("ab")
        else:
            log = None
        try:
            with stop_signals_held():
                self._process = subprocess.Popen(
                    self.argv,
                    env=self.env,
                    cwd=self.cwd,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT if log else None,
                    start_new_session=True,
                )
        finally:
            if log is not None:
                log.close()

    def running(self) -> bool:
        return self._unreaped() and not self._exited()

    def wait_until(self, ready: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if not self.running():
                raise SetupError(f"{self.name} exited at start-up{self._log_hint()}")
            if time.monotonic() > deadline:
                raise SetupError(
                    f"{self.name} did not answer within {timeout:.0f}s{self._log_hint()}"
                )
            time.sleep(0.05)

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """SIGTERM, then SIGKILL to whatever of its process group runs `grace` seconds later."""
        stop_all([self], grace)

    def terminate(self) -> None:
        """Ask the program to stop: SIGTERM to it alone.

        Programs with processes of their own (uvicorn --workers, dramatiq) pass it on, and
        a second SIGTERM tells a dramatiq worker process to quit at once, jobs or not.
        """
        if self._unreaped():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)

    def finish(self, deadline: float) -> None:
        """Wait for the program until `deadline`, then SIGKILL what is left of its group; reap."""
        if not self._unreaped():
            return
        while not self._exited() and time.monotonic() < deadline:
            time.sleep(0.02)
        self._signal_group(signal.SIGKILL)
        assert self._process is not None
        self._process.wait()

    def kill(self) -> None:
        """Stop abruptly, as a crash would."""
        self.finish(deadline=time.monotonic())

    def _unreaped(self) -> bool:
        return self._process is not None and self._process.returncode is None

    def _exited(self) -> bool:
        """Whether the program has exited, without reaping it: until it is reaped, its pid,
        which is its group's id, cannot be reused, so the group can be signalled safely."""
        exited = os.WEXITED | os.WNOHANG | os.WNOWAIT
        return os.waitid(os.P_PID, self.pid, exited) is not None

    def _signal_group(self, sig: signal.Signals) -> None:
        assert self._process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, sig)

    def _log_hint(self) -> str:
        return f" (see {self.log_path})" if self.log_path else ""


def stop_all(processes: Sequence[ManagedProcess], grace: float = STOP_GRACE_SECONDS) -> None:
    """Stop them together: SIGTERM to each, SIGKILL to what still runs `grace` seconds later."""
    with stop_signals_held():  # a Ctrl-C now must not cut the stopping short
        for process in processes:
            process.terminate()
        deadline = time.monotonic() + grace
        for process in processes:
            process.finish(deadline)
