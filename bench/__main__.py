"""`python -m bench` (make bench): run every scenario, print the table, write the results.

    python -m bench            the full run (under 25 minutes)
    python -m bench --quick    a smaller, faster run

Services (FerretDB, Redis, SMTP sink) start on free loopback ports through
devtools.stack.services unless MONGODB_URL / REDIS_URL / SMTP_URL are set; every process
the bench starts is stopped before it exits, also on failure, Ctrl-C or SIGTERM.
Exit status: 0 when every scenario ran and every message was delivered exactly once
to each rightful subscriber; 1 otherwise (2 with --strict when a target was missed).
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from bench import assets, delivery, idle, reads, round_trips, saturation, storm, writes
from bench.fairness import load_average
from bench.load import raise_open_file_limit
from bench.meta import describe
from bench.profile import FULL, QUICK, Profile
from bench.report import RESULTS, plot, plot_saturation, table, write_json
from bench.servers import LOG_DIR
from bench.stack import OutOfTime, Stack, timed
from bench.targets import check
from devtools.services import VAR
from devtools.stack import services

# In order of priority: when the budget runs out, the scenarios left are skipped.
SCENARIOS = ("round_trips", "delivery", "idle", "storm", "saturation", "writes", "reads")
OVERRUN_GRACE_S = 45  # past the budget, the alarm stops whatever is still running


class Alarm(BaseException):
    """The hard time limit: raised in the main thread to unwind and stop everything."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Alarm("the bench ran over its hard time limit")


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def run_delivery(stack: Stack, results: dict[str, Any]) -> None:
    profile = stack.profile
    runs: list[dict[str, Any]] = results.setdefault("delivery", [])
    plan = [
        (subscribers, processes, fan_out_only)
        for fan_out_only, counts, process_counts in (
            (True, profile.fan_out_subscriber_counts, profile.process_counts),
            (False, profile.send_subscriber_counts, profile.send_process_counts),
        )
        for subscribers in counts
        for processes in process_counts
    ]
    for subscribers, processes, fan_out_only in plan:
        for endpoint in delivery.ENDPOINTS:
            name = (
                f"delivery {endpoint} S={subscribers} P={processes}"
                f"{' fan-out' if fan_out_only else ''}"
            )
            stack.check_time(f"before {name}")
            try:
                result = delivery.run(
                    stack, subscribers, processes, endpoint, fan_out_only=fan_out_only
                )
            except (OutOfTime, Alarm):
                raise
            except Exception as error:
                traceback.print_exc()
                results.setdefault("failures", []).append(f"{name}: {error}")
                continue
            runs.append(result)
            _progress(
                f"{name}: p99 {result['latency_ms']['p99']:.1f} ms, "
                f"{result['delivered_per_s']:.0f} delivered/s, "
                f"exactly once: {result['exactly_once']}"
            )
            if not result["exactly_once"]:
                results.setdefault("failures", []).append(
                    f"{name}: lost {result['lost']}, duplicated {result['duplicated']}, "
                    f"unexpected {result['unexpected']}, send errors {result['send_errors']}: "
                    f"{result['problems'][:5]}"
                )


def _progress(line: str) -> None:
    print(f"  .. {line}", file=sys.stderr, flush=True)


def _scenarios(stack: Stack, results: dict[str, Any]) -> dict[str, Callable[[], None]]:
    def store(name: str, run: Callable[[Stack], dict[str, Any]]) -> Callable[[], None]:
        def go() -> None:
            results[name] = run(stack)

        return go

    return {
        "round_trips": store("round_trips", round_trips.run),
        "delivery": lambda: run_delivery(stack, results),
        "idle": store("idle", idle.run),
        "storm": store("storm", storm.run),
        "saturation": store("saturation", saturation.run),
        "writes": store("writes", writes.run),
        "reads": store("reads", reads.run),
    }


def bench(profile: Profile, only: Sequence[str], results: dict[str, Any]) -> None:
    """Fill `results` scenario by scenario (what was done stays, also past the hard stop)."""
    started = time.monotonic()
    results["meta"] = describe(profile, raise_open_file_limit())
    results["assets"] = assets.run()
    seconds: dict[str, float] = results["meta"]["seconds"]
    _progress(f"load average (1/5/15 min) before: {results['meta']['load_before']}")
    shutil.rmtree(LOG_DIR, ignore_errors=True)  # the previous run's process logs
    VAR.mkdir(exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="bench-", dir=VAR))
    try:
        with timed(seconds, "services"), services(data_dir) as env:
            stack = Stack(env, profile, started + profile.budget_s)
            for name, run in _scenarios(stack, results).items():
                if name not in only:
                    continue
                _progress(f"{name}...")
                try:
                    stack.check_time(f"before {name}")
                    with timed(seconds, name):
                        run()
                except OutOfTime as error:
                    results.setdefault("failures", []).append(str(error))
                    break
                except Exception as error:
                    traceback.print_exc()
                    results.setdefault("failures", []).append(
                        f"{name}: {type(error).__name__}: {error}"
                    )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        results["meta"]["wall_seconds"] = round(time.monotonic() - started, 1)
        results["meta"]["load_after"] = load_average()
        _progress(f"load average (1/5/15 min) after: {results['meta']['load_after']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smaller, faster run")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--strict", action="store_true", help="exit 2 when a target is missed")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where latest.json goes")
    args = parser.parse_args(argv)
    profile = QUICK if args.quick else FULL

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(profile.budget_s + OVERRUN_GRACE_S))
    results: dict[str, Any] = {}
    try:
        bench(profile, args.only, results)
    except Alarm as error:
        print(f"error: {error}", file=sys.stderr)
        results.setdefault("failures", []).append(str(error))
    finally:
        signal.alarm(0)
    checks = check(results)
    results["targets"] = [item.as_json() for item in checks]
    write_json(results, args.out / "latest.json")
    plot(results, args.out / "latency.png")
    plot_saturation(results, args.out / "saturation.png")
    print(table(results, checks))
    print(f"\nwrote {args.out / 'latest.json'}, latency.png and saturation.png there")
    if results.get("failures"):
        print(f"\nBENCH FAILED: {len(results['failures'])} failure(s), see above", file=sys.stderr)
        return 1
    if args.strict and not all(item.met for item in checks):
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
