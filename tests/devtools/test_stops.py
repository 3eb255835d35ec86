"""Ctrl-C or SIGTERM stops `make run` and the worker within 5 s, and leaves nothing running.

Every process here is real. The tests signal and check only the processes they
started: the top process they launch (in its own session, as a terminal gives one
to `make run`) and what it started, listed while it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import psutil  # type: ignore[import-untyped]
import pytest
from redis import Redis

from api.jobs import EmailScheduler
from core.jobs import redis_broker
from core.settings import Settings
from devtools.processes import ManagedProcess, free_port
from devtools.services import ROOT, RedisServer
from tests.support import operations as ops
from tests.support.graphql import Http, acknowledged, close_code

STOP_SECONDS = 5.0
# A stopping API closes open WebSockets with 1001 "going away" (uvicorn alone says 1012);
# the widget and the dashboard (graphql-ws) reconnect and resume.
GOING_AWAY = 1001
SERVICE_URLS = ("MONGODB_URL", "REDIS_URL", "SMTP_URL")
# Below the supervisor: FerretDB, Redis, the SMTP sink, the API, the worker and its process.
STACK_PROCESSES = 6
MAKEFILE = "run:\n\t$(PY) -m devtools.stack run --data-dir $(DATA)\n"

Send = Callable[[ManagedProcess, list[psutil.Process]], None]


def sigterm_to_the_top(top: ManagedProcess, below: list[psutil.Process]) -> None:
    """What a process manager that knows one pid does."""
    os.kill(top.pid, signal.SIGTERM)


def sigterm_to_the_group(top: ManagedProcess, below: list[psutil.Process]) -> None:
    """`kill -TERM -PGID`: make gets it, and forwards it to the supervisor, which got it too."""
    os.killpg(top.pid, signal.SIGTERM)


def ctrl_c(top: ManagedProcess, below: list[psutil.Process]) -> None:
    """The terminal sends SIGINT to its foreground process group."""
    os.killpg(top.pid, signal.SIGINT)


def sigterm_to_every_process(top: ManagedProcess, below: list[psutil.Process]) -> None:
    """What systemd does: SIGTERM to each process, in no set order. The ones below first
    here, so that each hears it again, a moment later, from the process that started it."""
    for process in below:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    os.kill(top.pid, signal.SIGTERM)


@pytest.mark.parametrize(
    ("through_make", "send"),
    [
        pytest.param(False, sigterm_to_the_top, id="SIGTERM to the supervisor"),
        pytest.param(True, sigterm_to_the_group, id="SIGTERM to make's process group"),
        pytest.param(True, ctrl_c, id="Ctrl-C in make's terminal"),
        pytest.param(False, sigterm_to_every_process, id="SIGTERM to every process"),
    ],
)
def test_run_stops_everything_within_5s_and_tells_websockets(
    tmp_path: Path, through_make: bool, send: Send
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    top = _run(tmp_path, port, through_make)
    below: list[psutil.Process] = []
    try:
        top.start()
        top.wait_until(lambda: _healthy(base), timeout=180)
        below = _processes_below(top, STACK_PROCESSES + (1 if through_make else 0))
        token = httpx.get(f"{base}/demo/token?user=stopper", timeout=5).json()["token"]

        stopping = _stop_with_a_live_subscription(base, token, top, below, send)
        code, stopped_in = asyncio.run(stopping)

        assert code == GOING_AWAY
        assert stopped_in < STOP_SECONDS, _tail(tmp_path / "run.log")
    finally:
        _kill_what_is_left(top, below)


@pytest.mark.parametrize(
    ("redis_gone", "send"),
    [
        pytest.param("stopped", sigterm_to_the_top, id="Redis stopped"),
        pytest.param("frozen", sigterm_to_the_top, id="Redis unreachable"),
        pytest.param("stopped", sigterm_to_every_process, id="Redis stopped, every process"),
    ],
)
def test_a_worker_stops_within_5s_when_its_redis_is_gone(
    env: dict[str, str], tmp_path: Path, redis_gone: str, send: Send
) -> None:
    redis = RedisServer()
    log = tmp_path / "worker.log"
    worker = ManagedProcess(
        "worker",
        [sys.executable, "-m", "api.cli", "worker", "--processes", "1", "--threads", "2"],
        env={**env, "REDIS_URL": redis.url},
        log_path=log,
    )
    below: list[psutil.Process] = []
    try:
        redis.start()
        worker.start()
        worker.wait_until(lambda: "is ready for action" in _text(log))
        below = psutil.Process(worker.pid).children(recursive=True)
        _hold_a_delayed_email(redis.url)
        _make_gone(redis, redis_gone)
        time.sleep(1)  # the consumers meet the lost Redis and start retrying

        started = time.monotonic()
        send(worker, below)
        stopped_in = _stopped_in(started, worker, below)

        assert stopped_in < STOP_SECONDS, _tail(log)
    finally:
        _kill_what_is_left(worker, below)
        _bring_back(redis, redis_gone)
        redis.stop()


async def _stop_with_a_live_subscription(
    base: str, token: str, top: ManagedProcess, below: list[psutil.Process], send: Send
) -> tuple[int | None, float]:
    """The close code the WebSocket got, and the seconds until every process had exited."""
    ws_url = base.replace("http://", "ws://") + "/graphql"
    async with acknowledged(ws_url, token) as connection:
        subscribe = {"id": "1", "type": "subscribe", "payload": {"query": ops.MESSAGE_ADDED}}
        await connection.send(json.dumps(subscribe))
        await asyncio.to_thread(Http(base, token).execute, ops.SEND, {"content": "still there?"})
        frame = json.loads(await asyncio.wait_for(connection.recv(), 10))
        assert frame["type"] == "next", frame

        started = time.monotonic()
        send(top, below)
        try:
            code = await close_code(connection, within=STOP_SECONDS)
        except TimeoutError:
            code = None  # still open
    return code, await asyncio.to_thread(_stopped_in, started, top, below)


def _run(tmp_path: Path, port: int, through_make: bool) -> ManagedProcess:
    """`python -m devtools.stack run`, or `make run` around it, in a session of its own."""
    data = tmp_path / "data"
    command = [sys.executable, "-m", "devtools.stack", "run", "--data-dir", str(data)]
    if through_make:
        (tmp_path / "Makefile").write_text(MAKEFILE)
        command = ["make", "-s", "-f", str(tmp_path / "Makefile"), f"PY={sys.executable}"]
        command.append(f"DATA={data}")
    env = {name: value for name, value in os.environ.items() if name not in SERVICE_URLS}
    env["PORT"] = str(port)
    return ManagedProcess("make run", command, env=env, log_path=tmp_path / "run.log", cwd=ROOT)


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _processes_below(top: ManagedProcess, count: int) -> list[psutil.Process]:
    below: list[psutil.Process] = []

    def all_started() -> bool:
        below[:] = psutil.Process(top.pid).children(recursive=True)
        return len(below) >= count

    top.wait_until(all_started, timeout=30)
    return below


def _stopped_in(started: float, top: ManagedProcess, below: list[psutil.Process]) -> float:
    """Seconds from `started` until the top process and all below it had exited."""
    deadline = started + 2 * STOP_SECONDS
    while top.running() or any(_running(process) for process in below):
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    return time.monotonic() - started


def _running(process: psutil.Process) -> bool:
    try:
        return bool(process.is_running() and process.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


def _kill_what_is_left(top: ManagedProcess, below: list[psutil.Process]) -> None:
    top.kill()
    for process in below:
        if _running(process):
            process.kill()


def _hold_a_delayed_email(redis_url: str) -> None:
    """Queue an unread-reply email for later, as a staff reply does, and wait until the
    worker holds it in memory, from where a stopping worker gives it back to Redis."""
    broker = redis_broker(Settings(env="dev", redis_url=redis_url))
    asyncio.run(EmailScheduler(broker, delay_seconds=300).schedule_unread_reply(uuid.uuid4()))
    redis = Redis.from_url(redis_url)
    deadline = time.monotonic() + 10
    while not redis.keys("dramatiq:__acks__.*.emails.DQ"):
        assert time.monotonic() < deadline, "the worker did not take the delayed email"
        time.sleep(0.05)
    redis.close()
    broker.client.close()


def _make_gone(redis: RedisServer, how: str) -> None:
    assert redis.process is not None
    if how == "frozen":
        os.kill(redis.process.pid, signal.SIGSTOP)  # connections open, no answers
    else:
        redis.stop()


def _bring_back(redis: RedisServer, how: str) -> None:
    if how == "frozen" and redis.process is not None and redis.process.running():
        os.kill(redis.process.pid, signal.SIGCONT)


def _text(path: Path) -> str:
    return path.read_text() if path.exists() else ""


def _tail(path: Path) -> str:
    return _text(path)[-3000:]
