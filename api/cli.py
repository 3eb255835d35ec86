"""The `support-chat` command."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager

import uvicorn
from redis.asyncio import Redis

from api.auth.keys import hash_key, new_integration_key
from api.auth.passwords import hash_password
from api.auth.revocation import announce
from api.web.websocket_protocol import WebSocketProtocol
from core.logs import logging_config
from core.settings import ConfigError, Settings, is_loopback, load_settings
from documents import connect, init_db
from documents.integration_keys import create_key, revoke_keys
from documents.staff_accounts import create_staff as create_staff_account
from documents.staff_accounts import disable_staff as disable_staff_account
from documents.staff_accounts import normalized_email, set_staff_password


def serve(args: argparse.Namespace, settings: Settings) -> int:
    host = args.host or settings.host
    if settings.is_dev and not is_loopback(host):
        print(
            f"error: ENV=dev listens on loopback only (it hands out test tokens), not {host}",
            file=sys.stderr,
        )
        return 2
    with _metrics_shared_by(args.workers):
        uvicorn.run(
            "api.web.app:app_from_environment",
            factory=True,
            host=host,
            port=args.port or settings.port,
            workers=args.workers,
            proxy_headers=True,
            forwarded_allow_ips=settings.forwarded_allow_ips,
            ws=WebSocketProtocol,  # 1001 to open sockets when the process stops; slim when idle
            ws_max_size=settings.max_ws_frame_bytes,
            # Compression state costs ~45 kB per socket; chat frames are small anyway.
            ws_per_message_deflate=False,
            timeout_graceful_shutdown=5,
            log_config=logging_config(settings),
            log_level=settings.log_level.lower(),
        )
    return 0


@contextmanager
def _metrics_shared_by(workers: int) -> Iterator[None]:
    """Several processes need a directory to add their metrics up in (unless one is set)."""
    if workers <= 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        yield
        return
    with tempfile.TemporaryDirectory(prefix="support-chat-metrics-") as directory:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        try:
            yield
        finally:
            del os.environ["PROMETHEUS_MULTIPROC_DIR"]


def worker(args: argparse.Namespace, settings: Settings) -> int:
    command = [sys.executable, "-m", "dramatiq", "workers.actors"]
    command += ["--processes", str(args.processes), "--threads", str(args.threads)]
    # Stop within 5 s of SIGTERM, even with Redis gone: running jobs get a second to finish
    # (the rest are redelivered), idle threads look for the stop every 0.5 s (not 1), and a
    # consumer that lost Redis retries every second (not 3).
    command += ["--worker-shutdown-timeout", "1000"]
    env = {"dramatiq_worker_timeout": "500", "dramatiq_restart_delay": "1000", **os.environ}
    os.execve(sys.executable, command, env)  # the worker replaces this process


def _with_database(
    job: Callable[[argparse.Namespace, Settings], Awaitable[int]],
) -> Callable[[argparse.Namespace, Settings], int]:
    def run(args: argparse.Namespace, settings: Settings) -> int:
        async def connected() -> int:
            client = connect(settings.mongodb_url, command_log_dir=settings.mongodb_command_log_dir)
            try:
                await init_db(client, settings.mongodb_db)
                return await job(args, settings)
            finally:
                await client.close()

        return asyncio.run(connected())

    return run


def _read_password() -> str:
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Repeat password: "):
            raise SystemExit("error: the passwords differ")
        return password
    return sys.stdin.readline().rstrip("\r\n")


@_with_database
async def create_staff(args: argparse.Namespace, settings: Settings) -> int:
    password = _read_password()
    if len(password) < 8:
        print("error: the password needs at least 8 characters", file=sys.stderr)
        return 2
    staff = await create_staff_account(args.email, args.name, hash_password(password))
    if staff is None:
        print(f"error: {normalized_email(args.email)} already has an account", file=sys.stderr)
        return 1
    print(f"created staff account {staff.email}")
    return 0


@_with_database
async def create_integration_key(args: argparse.Namespace, settings: Settings) -> int:
    key = new_integration_key()
    await create_key(args.name, hash_key(key))
    print(f"integration key for {args.name} (shown once, store it now):\n{key}")
    return 0


async def _announce_revocation(settings: Settings) -> None:
    """Open sockets close at once; without Redis, within a second (API processes poll MongoDB)."""
    redis = Redis.from_url(settings.redis_url, socket_connect_timeout=2, socket_timeout=5)
    try:
        await announce(redis)
    finally:
        await redis.aclose()


@_with_database
async def revoke_integration_key(args: argparse.Namespace, settings: Settings) -> int:
    keys = await revoke_keys(args.name_or_id)
    if not keys:
        print(
            f"error: no integration key is named or has the id {args.name_or_id}", file=sys.stderr
        )
        return 1
    await _announce_revocation(settings)
    for key in keys:
        print(f"revoked integration key {key.name} ({key.id})")
    return 0


@_with_database
async def disable_staff(args: argparse.Namespace, settings: Settings) -> int:
    staff = await disable_staff_account(args.email)
    if staff is None:
        print(f"error: {normalized_email(args.email)} has no staff account", file=sys.stderr)
        return 1
    await _announce_revocation(settings)
    print(f"disabled staff account {staff.email}")
    return 0


@_with_database
async def ensure_dev_staff(args: argparse.Namespace, settings: Settings) -> int:
    """Dev only: make sure DEV_STAFF_EMAIL can log in with DEV_STAFF_PASSWORD."""
    if not settings.is_dev:
        print("error: ensure-dev-staff only runs with ENV=dev", file=sys.stderr)
        return 2
    password_hash = hash_password(settings.dev_staff_password)
    await set_staff_password(settings.dev_staff_email, "Dev Staff", password_hash)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="support-chat", description="Self-hosted support chat.")
    commands = root.add_subparsers(dest="command", required=True)

    serve_command = commands.add_parser("serve", help="run the API (uvicorn)")
    serve_command.add_argument("--host", help="default: HOST or 127.0.0.1")
    serve_command.add_argument("--port", type=int, help="default: PORT or 8000")
    serve_command.add_argument("--workers", type=int, default=1)
    serve_command.set_defaults(run=serve)

    worker_command = commands.add_parser("worker", help="run the Dramatiq worker (emails)")
    worker_command.add_argument("--processes", type=int, default=1)
    worker_command.add_argument("--threads", type=int, default=4)
    worker_command.set_defaults(run=worker)

    staff_command = commands.add_parser(
        "create-staff", help="create a staff account; the password is read from stdin"
    )
    staff_command.add_argument("email")
    staff_command.add_argument("--name")
    staff_command.set_defaults(run=create_staff)

    key_command = commands.add_parser(
        "create-integration-key", help="create a read-only integration key and print it once"
    )
    key_command.add_argument("name")
    key_command.set_defaults(run=create_integration_key)

    revoke_command = commands.add_parser(
        "revoke-integration-key",
        help="revoke an integration key (or every key of that name); its sockets close at once",
    )
    revoke_command.add_argument("name_or_id")
    revoke_command.set_defaults(run=revoke_integration_key)

    disable_command = commands.add_parser(
        "disable-staff",
        help="disable a staff account: no more log-in, its tokens and sockets stop at once",
    )
    disable_command.add_argument("email")
    disable_command.set_defaults(run=disable_staff)

    dev_command = commands.add_parser("ensure-dev-staff", help=argparse.SUPPRESS)
    dev_command.set_defaults(run=ensure_dev_staff)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    result: int = args.run(args, settings)
    return result


if __name__ == "__main__":
    sys.exit(main())
