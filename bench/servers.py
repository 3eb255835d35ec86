"""The processes under test: API servers and bare baseline servers, on free loopback ports."""

from __future__ import annotations

from collections.abc import Sequence

from bench import usage
from bench.readiness import METRICS_TOKEN
from devtools.app_process import AppProcess
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
        "METRICS_TOKEN": METRICS_TOKEN,  # the generator reads the subscriptions running
    }


class Server(AppProcess):
    """One server process of the bench: `python -m <module> --port P`."""

    def __init__(self, name: str, module: str, env: dict[str, str]) -> None:
        super().__init__(module, env, name=name, log_dir=LOG_DIR)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Server:
        super().start(timeout)
        return self

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
