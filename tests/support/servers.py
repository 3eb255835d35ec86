"""Real API and worker processes for tests, on free loopback ports."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx

from devtools.processes import ManagedProcess, free_port
from devtools.services import VAR


class ApiServer:
    """`support-chat serve` in a child process; can be stopped, killed and started again."""

    def __init__(self, env: dict[str, str], port: int | None = None, name: str = "api") -> None:
        self.port = port or free_port()
        self.env = {**env, "PORT": str(self.port)}
        self.name = name
        self.process: ManagedProcess | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    def start(self) -> ApiServer:
        self.process = ManagedProcess(
            f"{self.name}:{self.port}",
            [sys.executable, "-m", "api.cli", "serve", "--port", str(self.port)],
            env=self.env,
            log_path=VAR / "log" / f"test-{self.name}-{self.port}.log",
        )
        self.process.start()
        self.process.wait_until(self.healthy, timeout=30)
        return self

    def healthy(self) -> bool:
        try:
            return httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()


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
