"""What processes use: CPU seconds over a window, resident memory, and what they are.

The only module that touches psutil (it ships no type hints).
"""

from __future__ import annotations

import os

import psutil  # type: ignore[import-untyped]


def rss(pid: int) -> int:
    """Resident memory in bytes."""
    return int(psutil.Process(pid).memory_info().rss)


def name_of(pid: int) -> str | None:
    try:
        return str(psutil.Process(pid).name())
    except psutil.Error:
        return None


def cpu_seconds(pid: int) -> float:
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


class CpuMeter:
    """CPU seconds of this process ("generator": the side that makes the load) and of named
    groups of other processes, between start() and stop()."""

    def __init__(self, watched: dict[str, list[int]]) -> None:
        self._pids = {**watched, "generator": [os.getpid()]}
        self._start: dict[str, float] = {}

    def _now(self) -> dict[str, float]:
        return {name: sum(cpu_seconds(pid) for pid in pids) for name, pids in self._pids.items()}

    def start(self) -> None:
        self._start = self._now()

    def stop(self) -> dict[str, float]:
        end = self._now()
        return {name: round(end[name] - self._start.get(name, 0.0), 3) for name in end}
