"""The processes under test: API servers and bare baseline servers, on free loopback ports."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass

from bench import usage
from devtools.processes import ManagedProcess, free_port
from devtools.services import VAR

WIDGET_SECRET = "bench-widget-secret-0123456789abcdef-0123"
SECRET_KEY = "bench-secret-key-0123456789abcdef-0123456"
LOG_DIR = VAR / "log" / "bench"
UNLIMITED = "1000000000"


def api_environment(service_env: dict[str, str], database: str) -> dict[str, str]:
    """The environment of the API processes of one scenario: its own database, no rate limits."""
    return {
        **service_env,
        "ENV": "dev",
        "MONGODB_DB": database,
        "WIDGET_SECRET": WIDGET_SECRET,
        "SECRET_KEY": SECRET_KEY,
        # The bench sends from one address at hundreds of messages a second, on purpose.
        "RATE_SEND_PER_USER": UNLIMITED,
        "RATE_SEND_PER_IP": UNLIMITED,
        "RATE_LOGIN_PER_IP": UNLIMITED,
        "MAX_SUBSCRIPTIONS_PER_CONNECTION": "20",
    }


@dataclass
class Server:
    """One server process: `python -m <module> --port P`, healthy when /healthz answers 200."""

    name: str
    module: str
    env: dict[str, str]
    port: int = 0
    process: ManagedProcess | None = None

    def __post_init__(self) -> None:
        self.port = self.port or free_port()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> Server:
        argv = [sys.executable, "-m", *self.module.split(), "--port", str(self.port)]
        self.process = ManagedProcess(
            f"{self.name}:{self.port}",
            argv,
            env=self.env,
            log_path=LOG_DIR / f"{self.name}-{self.port}.log",
        )
        self.process.start()
        self.process.wait_until(self.healthy, timeout=60)
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

    def rss(self) -> int:
        """Resident memory of the server process, in bytes."""
        return usage.rss(self.pid)


def api_server(env: dict[str, str], name: str = "api") -> Server:
    return Server(name, "api.cli serve", env)


def baseline_server(env: dict[str, str], name: str = "baseline") -> Server:
    return Server(name, "bench.baseline", env)


class Group:
    """Servers started together and always stopped together."""

    def __init__(self, servers: Sequence[Server]) -> None:
        self.servers = list(servers)

    def __enter__(self) -> list[Server]:
        try:
            for server in self.servers:
                server.start()
        except BaseException:
            self.__exit__()
            raise
        return self.servers

    def __exit__(self, *exc_info: object) -> None:
        for server in reversed(self.servers):
            server.stop()
