"""What every scenario shares: the running services, the profile, and the time budget."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bench import usage
from bench.profile import Profile

SERVICE_NAMES = {"ferretdb-dev": "mongodb", "redis-server": "redis"}


class OutOfTime(RuntimeError):
    pass


@dataclass
class Stack:
    env: dict[str, str]  # MONGODB_URL, REDIS_URL, SMTP_URL
    profile: Profile
    deadline: float  # time.monotonic() by which everything must be over
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    def database(self, purpose: str) -> str:
        return f"bench_{self.run_id}_{purpose}"

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def check_time(self, before: str) -> None:
        if self.remaining() <= 0:
            raise OutOfTime(f"the bench ran over its {self.profile.budget_s:.0f}s budget {before}")

    def service_pids(self) -> dict[str, list[int]]:
        """The processes of the services started for this run, by what they are."""
        pids: dict[str, list[int]] = {}
        for pid in (int(text) for text in self.env.get("DEVTOOLS_PIDS", "").split()):
            name = SERVICE_NAMES.get(usage.name_of(pid) or "")
            if name is not None:
                pids.setdefault(name, []).append(pid)
        return pids


@contextmanager
def timed(results: dict[str, float], name: str) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    finally:
        results[name] = round(time.monotonic() - started, 1)
