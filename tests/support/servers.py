"""Real API and worker processes for tests, on free loopback ports."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from devtools.app_process import AppProcess
from devtools.processes import ManagedProcess
from devtools.services import VAR


class ApiServer(AppProcess):
    """`support-chat serve` in a child process."""

    def __init__(self, env: dict[str, str], port: int | None = None, name: str = "api") -> None:
        super().__init__("api.cli serve", env, name=f"test-{name}", port=port)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    def start(self, timeout: float = 30) -> ApiServer:
        super().start(timeout)
        return self

    def log_text(self) -> str:
        """What the process wrote to stdout and stderr so far."""
        path = self.process.log_path if self.process is not None else None
        return path.read_text(errors="replace") if path is not None and path.exists() else ""


class Worker:
    """`support-chat worker`: the real Dramatiq worker."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.log_path: Path = VAR / "log" / f"test-worker-{time.monotonic_ns()}.log"
        self.process = ManagedProcess(
            "worker",
            [sys.executable, "-m", "api.cli", "worker", "--processes", "1", "--threads", "2"],
            env=env,
            log_path=self.log_path,
        )

    def start(self) -> Worker:
        self.process.start()
        self.process.wait_until(self._booted, timeout=30)
        return self

    def _booted(self) -> bool:
        return self.log_path.exists() and "is ready for action" in self.log_path.read_text()

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def stop(self) -> None:
        self.process.stop()

    def kill(self) -> None:
        self.process.kill()


def own_redis_database(env: dict[str, str], number: int) -> dict[str, str]:
    """The environment with REDIS_URL on database `number`: Redis keys (rate limits,
    presence) of its own, while pub/sub, which ignores databases, still reaches everyone."""
    url = urlsplit(env["REDIS_URL"])._replace(path=f"/{number}")
    return {**env, "REDIS_URL": urlunsplit(url)}
