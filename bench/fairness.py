"""Whether the load generator had the CPU it needed: a starved generator measures itself.

A delivery row is flagged when, in its measured window, the generator used more than
`GENERATOR_SHARE_LIMIT` of one core, or when the machine's 1-minute load average was
already above its core count as the row started.
"""

from __future__ import annotations

import os
from typing import Any

GENERATOR_SHARE_LIMIT = 0.85  # of one core
SHORT_OF_CPU = "GENERATOR SHORT OF CPU"


def load_average() -> list[float]:
    """The 1, 5 and 15-minute load averages."""
    return [round(value, 2) for value in os.getloadavg()]


def cores() -> int:
    return os.cpu_count() or 1


def generator_share(run: dict[str, Any]) -> float | None:
    """The share of one core the generator used in the row's measured window."""
    seconds = run.get("cpu_seconds", {}).get("generator")
    window = run.get("window_s") or 0
    return None if seconds is None or window <= 0 else seconds / window


def short_of_cpu(run: dict[str, Any], load_at_start: list[float]) -> list[str]:
    """Why the generator of this row may have been short of CPU; empty when it was not."""
    reasons = []
    share = generator_share(run)
    if share is not None and share > GENERATOR_SHARE_LIMIT:
        reasons.append(f"generator used {share:.0%} of a core")
    if load_at_start[0] > cores():
        reasons.append(f"load average {load_at_start[0]:.2f} above {cores()} cores at the start")
    return reasons


def flag(run: dict[str, Any], load_at_start: list[float]) -> dict[str, Any]:
    """The row with its load at the start and, when the generator was starved, the marker."""
    reasons = short_of_cpu(run, load_at_start)
    return {
        **run,
        "load_at_start": load_at_start,
        "generator_short_of_cpu": bool(reasons),
        "short_of_cpu_reasons": reasons,
    }
