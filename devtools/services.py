"""The real services the product needs in development and tests, started on loopback.

Each service picks a free port unless given one, can be stopped and started
again on the same port (tests restart Redis and the SMTP sink), and says in
one line what to install when it cannot start.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from pymongo import MongoClient

from devtools.processes import ManagedProcess, SetupError, free_port, tcp_answers

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
FERRETDB_SOURCE = ROOT / "devtools" / "ferretdb"
FERRETDB_BINARY = VAR / "bin" / "ferretdb-dev"
HOST = "127.0.0.1"


class Service:
    name = "service"

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.process: ManagedProcess | None = None

    @property
    def url(self) -> str:
        raise NotImplementedError

    def argv(self) -> list[str]:
        raise NotImplementedError

    def answers(self) -> bool:
        raise NotImplementedError

    def prepare(self) -> None:
        """Install or build what the service needs; idempotent."""

    def start(self) -> None:
        self.prepare()
        self.process = ManagedProcess(
            self.name, self.argv(), log_path=VAR / "log" / f"{self.name}-{self.port}.log"
        )
        self.process.start()
        self.process.wait_until(self.answers)

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()


class FerretDB(Service):
    """MongoDB wire protocol on SQLite, embedded in a small Go program of ours."""

    name = "ferretdb"

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        super().__init__(port)
        self.data_dir = data_dir

    @property
    def url(self) -> str:
        return f"mongodb://{HOST}:{self.port}/"

    def prepare(self) -> None:
        build_ferretdb()

    def argv(self) -> list[str]:
        return [str(FERRETDB_BINARY), "-listen", f"{HOST}:{self.port}", "-data", str(self.data_dir)]

    def answers(self) -> bool:
        if not tcp_answers(HOST, self.port):
            return False
        client: MongoClient[dict[str, object]]
        with MongoClient(self.url, serverSelectionTimeoutMS=1000) as client:
            try:
                client.admin.command("ping")
            except Exception:
                return False
            return True


class RedisServer(Service):
    name = "redis"

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def prepare(self) -> None:
        ensure_debian_package("redis-server", "redis-server", url_variable="REDIS_URL")

    def argv(self) -> list[str]:
        return [
            "redis-server",
            "--bind", HOST,
            "--port", str(self.port),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(VAR),
        ]  # fmt: skip

    def answers(self) -> bool:
        return _greets(self.port, b"PING\r\n", b"+PONG")


class SmtpSink(Service):
    """An SMTP server that stores every message it receives as an .eml file."""

    name = "smtp-sink"

    def __init__(self, mail_dir: Path, port: int | None = None) -> None:
        super().__init__(port)
        self.mail_dir = mail_dir

    @property
    def url(self) -> str:
        return f"smtp://{HOST}:{self.port}"

    def argv(self) -> list[str]:
        return [
            sys.executable, "-m", "devtools.smtp_sink",
            "--port", str(self.port),
            "--mail-dir", str(self.mail_dir),
        ]  # fmt: skip

    def answers(self) -> bool:
        return _greets(self.port, b"", b"220")


def _greets(port: int, hello: bytes, expected: bytes) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1) as sock:
            if hello:
                sock.sendall(hello)
            return sock.recv(64).startswith(expected)
    except OSError:
        return False


def build_ferretdb() -> None:
    """Build the FerretDB program when its sources changed since the last build."""
    sources = [
        *sorted(FERRETDB_SOURCE.glob("*.go")),
        FERRETDB_SOURCE / "go.mod",
        FERRETDB_SOURCE / "go.sum",
    ]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()
    stamp = FERRETDB_BINARY.with_suffix(".sha256")
    if FERRETDB_BINARY.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if shutil.which("go") is None:
        raise SetupError("Go is missing: install Go 1.22+ (https://go.dev/dl/) or set MONGODB_URL")
    print("building the dev database (FerretDB), about a minute the first time...", flush=True)
    FERRETDB_BINARY.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["go", "build", "-o", str(FERRETDB_BINARY), "."], cwd=FERRETDB_SOURCE, check=True
    )
    stamp.write_text(digest)


def ensure_debian_package(command: str, package: str, *, url_variable: str | None) -> None:
    if shutil.which(command):
        return
    alternative = f" or set {url_variable}" if url_variable else ""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise SetupError(
            f"{command} is missing: install it (apt-get install {package}){alternative}"
        )
    print(f"installing {package} with apt-get...", flush=True)
    _apt_get("update", "-qq")
    _apt_get("install", "-y", "-qq", package)
    if not shutil.which(command):
        raise SetupError(f"{command} is still missing after installing {package}{alternative}")


def _apt_get(*args: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", *args], check=True, stdout=subprocess.DEVNULL, env=env)


FAKETIME_LIBRARIES = (
    Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
    Path("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
    Path("/usr/lib/faketime/libfaketime.so.1"),
)


def skewed_clock_env(env: dict[str, str], seconds: float) -> dict[str, str]:
    """The environment of a process whose wall clock is off by `seconds` (libfaketime;
    Debian `faketime`, installed if missing). Monotonic clocks stay true."""
    ensure_debian_package("faketime", "faketime", url_variable=None)
    library = next((path for path in FAKETIME_LIBRARIES if path.exists()), None)
    if library is None:
        raise SetupError("libfaketime.so.1 not found after installing faketime")
    return {
        **env,
        "LD_PRELOAD": str(library),
        "FAKETIME": f"{seconds:+g}s",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
