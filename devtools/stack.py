"""Supervisor for the development stack.

    python -m devtools.stack run             # services + API + worker, until Ctrl-C
    python -m devtools.stack exec -- CMD...  # services around one command (tests)

It starts the dev database (FerretDB), Redis and the SMTP sink on free
loopback ports, except those whose URL (MONGODB_URL, REDIS_URL, SMTP_URL) is
already set, exports their URLs to what it runs, and stops exactly the
processes it started: on exit, on Ctrl-C and SIGTERM (within 5 s), and on failure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from devtools.processes import ManagedProcess, SetupError, stop_all, tcp_answers
from devtools.services import VAR, FerretDB, RedisServer, Service, SmtpSink
from devtools.stop_signals import stop_on_signals

# A stop takes at most 5 s: the API and the worker first (uvicorn closes its sockets,
# dramatiq finishes its jobs), then the services they were using.
PROGRAMS_GRACE_SECONDS = 3.5
SERVICES_GRACE_SECONDS = 1.0


@contextmanager
def services(data_dir: Path) -> Iterator[dict[str, str]]:
    """Start the services whose URL is not configured; yield the environment to use."""
    env = dict(os.environ)
    wanted: list[tuple[str, Service]] = []
    if not env.get("MONGODB_URL"):
        wanted.append(("MONGODB_URL", FerretDB(data_dir / "ferretdb")))
    if not env.get("REDIS_URL"):
        wanted.append(("REDIS_URL", RedisServer()))
    if not env.get("SMTP_URL"):
        mail_dir = data_dir / "mail"
        wanted.append(("SMTP_URL", SmtpSink(mail_dir)))
        env["MAIL_DIR"] = str(mail_dir)
    started: list[Service] = []
    try:
        for variable, service in wanted:
            started.append(service)  # first: one whose start is cut short is stopped too
            service.start()
            env[variable] = service.url
        env["DEVTOOLS_PIDS"] = " ".join(
            str(service.process.pid) for service in started if service.process
        )
        yield env
    finally:
        processes = [service.process for service in started if service.process]
        stop_all(processes, SERVICES_GRACE_SECONDS)


def exec_command(command: Sequence[str], data_dir: Path | None) -> int:
    with _data_dir(data_dir) as directory, services(directory) as env:
        return subprocess.run(command, env=env).returncode


def run_product(data_dir: Path) -> int:
    with services(data_dir) as env:
        host = env.get("HOST", "127.0.0.1")
        port = int(env.get("PORT", "8000"))
        if tcp_answers(host, port):
            raise SetupError(f"{host}:{port} is already in use: stop what runs there or set PORT")
        env.setdefault("ENV", "dev")
        subprocess.run([sys.executable, "-m", "api.cli", "ensure-dev-staff"], env=env, check=True)
        log_dir = VAR / "log"
        programs = [
            ManagedProcess("api", [sys.executable, "-m", "api.cli", "serve"], env=env),
            ManagedProcess(
                "worker",
                [sys.executable, "-m", "api.cli", "worker"],
                env=env,
                log_path=log_dir / "worker.log",
            ),
        ]
        try:
            for program in programs:
                program.start()
            programs[0].wait_until(lambda: tcp_answers(host, port))
            _print_welcome(env, f"http://{host}:{port}")
            while all(program.running() for program in programs):
                time.sleep(0.5)
            stopped = next(program.name for program in programs if not program.running())
            print(f"{stopped} stopped; shutting down", file=sys.stderr)
            return 1
        finally:
            stop_all(programs, PROGRAMS_GRACE_SECONDS)


def _print_welcome(env: dict[str, str], base: str) -> None:
    email = env.get("DEV_STAFF_EMAIL", "admin@example.com")
    password = env.get("DEV_STAFF_PASSWORD", "admin")
    mail = (
        f"{base}/dev/mail  (files in {env['MAIL_DIR']})" if "MAIL_DIR" in env else env["SMTP_URL"]
    )
    print(
        f"""
Support chat is running. Open:
  widget demo   {base}/demo            (second user: {base}/demo?user=bob)
  dashboard     {base}/admin/          (log in as {email} / {password})
  GraphiQL      {base}/graphql
  dev mail      {mail}
  health        {base}/healthz
Services: MONGODB_URL={env["MONGODB_URL"]} REDIS_URL={env["REDIS_URL"]} SMTP_URL={env["SMTP_URL"]}
Worker log: {VAR / "log" / "worker.log"}.  Ctrl-C stops everything.
""",
        flush=True,
    )


@contextmanager
def _data_dir(data_dir: Path | None) -> Iterator[Path]:
    if data_dir is not None:
        yield data_dir
        return
    VAR.mkdir(exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix="stack-", dir=VAR))
    try:
        yield temporary
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.stack", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="start the whole product until Ctrl-C")
    run.add_argument("--data-dir", type=Path, default=VAR / "dev")
    execute = commands.add_parser("exec", help="run a command with the services started")
    execute.add_argument("--data-dir", type=Path, default=None, help="default: a fresh one")
    execute.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)

    stop_on_signals()
    try:
        if args.command == "run":
            return run_product(args.data_dir)
        command = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        if not command:
            parser.error("exec needs a command after --")
        return exec_command(command, args.data_dir)
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
