"""The supervisor starts the services, hands out their URLs and leaves nothing running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from devtools.services import ROOT

SERVICE_URLS = ("MONGODB_URL", "REDIS_URL", "SMTP_URL")
PRINT_ENV = "import os; print(os.environ['DEVTOOLS_PIDS'], os.environ['MONGODB_URL'], flush=True)"


def _own_services_env() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name not in SERVICE_URLS}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _stack(*command: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "devtools.stack", "exec", "--", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_exec_starts_every_service_and_stops_exactly_those() -> None:
    run = _stack(sys.executable, "-c", PRINT_ENV, env=_own_services_env())
    output, _ = run.communicate(timeout=180)

    assert run.returncode == 0
    pids_text, mongodb_url = output.split("\n")[-2].rsplit(" ", 1)
    pids = [int(pid) for pid in pids_text.split()]
    assert len(pids) == 3
    assert mongodb_url.startswith("mongodb://127.0.0.1:")
    assert not [pid for pid in pids if _alive(pid)]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_services_stop_when_the_supervisor_is_interrupted(sig: signal.Signals) -> None:
    run = _stack("sh", "-c", 'echo "$DEVTOOLS_PIDS"; exec sleep 60', env=_own_services_env())
    assert run.stdout is not None
    pids = [int(pid) for pid in run.stdout.readline().split()]
    assert len(pids) == 3
    assert all(_alive(pid) for pid in pids)

    run.send_signal(sig)
    run.wait(timeout=30)

    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if _alive(pid)]


def test_configured_urls_are_used_and_nothing_is_started() -> None:
    env = {
        **_own_services_env(),
        "MONGODB_URL": "mongodb://db.example.test:27017/",
        "REDIS_URL": "redis://cache.example.test:6379/0",
        "SMTP_URL": "smtp://mail.example.test:25",
    }
    output = subprocess.run(
        [sys.executable, "-m", "devtools.stack", "exec", "--", sys.executable, "-c", PRINT_ENV],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout

    assert output.strip() == "mongodb://db.example.test:27017/"
