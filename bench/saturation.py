"""Scenario: saturation. Fan-out only (events published straight into Redis), one process,
the same subscribers as the delivery runs; the rate is raised step by step until p99
passes the limit, deliveries fall short, or the generator cannot keep up. The figure is
the highest deliveries per second sustained with p99 within the limit, ours / baseline."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bench.delivery import ENDPOINTS, prepared
from bench.fairness import load_average
from bench.generator import run_generator
from bench.stack import Stack

P99_LIMIT_MS = 50.0
STEP_DRAIN_S = 10.0
STEP_WARMUP_S = 1.0


def run(stack: Stack) -> dict[str, Any]:
    curves = {endpoint: _climb(stack, endpoint) for endpoint in ENDPOINTS}
    ours, bare = curves["graphql"]["sustained_per_s"], curves["baseline"]["sustained_per_s"]
    return {
        "subscribers": stack.profile.saturation_subscribers,
        "processes": 1,
        "p99_limit_ms": P99_LIMIT_MS,
        "ours": curves["graphql"],
        "baseline": curves["baseline"],
        "ratio": None if not ours or not bare else round(ours / bare, 2),
        "ratio_bound": _bound(
            curves["graphql"]["limit_reached"], curves["baseline"]["limit_reached"]
        ),
    }


def _bound(ours_limited: bool, bare_limited: bool) -> str:
    """How exact the ratio is: a side whose limit was not reached gave only a lower bound."""
    if ours_limited and bare_limited:
        return "exact"
    if ours_limited:
        return "at most"  # the baseline would have sustained more
    if bare_limited:
        return "at least"
    return "unknown"


def _climb(stack: Stack, endpoint: str) -> dict[str, Any]:
    profile = stack.profile
    stack.check_time(f"before the {endpoint} saturation")
    subscribers = profile.saturation_subscribers
    with prepared(
        stack, subscribers, 1, endpoint, fan_out_only=True, purpose="saturation"
    ) as delivery:
        delivery.warmup_s = STEP_WARMUP_S
        delivery.measure_s = profile.saturation_measure_s
        delivery.drain_s = STEP_DRAIN_S
        rates = list(profile.saturation_rates)
        spec = {
            "kind": "saturation",
            "delivery": asdict(delivery),
            "rates": rates,
            "p99_limit_ms": P99_LIMIT_MS,
        }
        per_step = STEP_WARMUP_S + profile.saturation_measure_s + STEP_DRAIN_S + 2
        timeout = min(stack.remaining(), 300 + per_step * len(rates))
        load_at_start = load_average()
        result = run_generator(spec, timeout)
    steps = [_point(step) for step in result["steps"]]
    kept_up = [step for step in steps if step["miss"] is None and step["generator_short"] is None]
    best = max(kept_up, key=lambda step: step["delivered_per_s"], default=None)
    return {
        "endpoint": endpoint,
        "load_at_start": load_at_start,
        "connect_seconds": result["steps"][0]["connect_seconds"] if result["steps"] else None,
        "steps": steps,
        "stopped_by": result["stopped_by"],
        # Reached the last step, or the generator gave out, without a miss: a lower bound.
        "limit_reached": any(step["miss"] for step in steps),
        "sustained_per_s": best["delivered_per_s"] if best else None,
    }


def _point(step: dict[str, Any]) -> dict[str, Any]:
    """What the curve and the table need of one step."""
    return {
        "target_rate": step["target_rate"],
        "send_rate": step["send_rate"],
        "delivered_per_s": step["delivered_per_s"],
        "latency_ms": step["latency_ms"],
        "exactly_once": step["exactly_once"],
        "cpu_seconds": step["cpu_seconds"],
        "window_s": step["window_s"],
        "miss": step["miss"],
        "generator_short": step["generator_short"],
    }
