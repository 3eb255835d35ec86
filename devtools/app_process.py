"""A web process of ours on a free loopback port, ready once /healthz answers 200."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from pathlib import Path

from devtools.processes import ManagedProcess, free_port
from devtools.services import VAR


class AppProcess:
    """`python -m <module...> --port P`; it can be stopped, killed and started again."""

    def __init__(
        self,
        module: str,
        env: dict[str, str],
        *,
        name: str,
        port: int | None = None,
        log_dir: Path = VAR / "log",
    ) -> None:
        self.module = module
        self.port = port or free_port()
        self.env = {**env, "PORT": str(self.port)}
        self.name = name
        self.log_dir = log_dir
        self.process: ManagedProcess | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} was never started"
        return self.process.pid

    def start(self, timeout: float = 60) -> AppProcess:
        argv = [sys.executable, "-m", *self.module.split(), "--port", str(self.port)]
        self.process = ManagedProcess(
            f"{self.name}:{self.port}",
            argv,
            env=self.env,
            log_path=self.log_dir / f"{self.name}-{self.port}.log",
        )
        self.process.start()
        self.process.wait_until(self.healthy, timeout=timeout)
        return self

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
