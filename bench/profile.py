"""How big each scenario is: the full run (`make bench`) and a quick one (`--quick`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    # Live delivery
    subscriber_counts: tuple[int, ...]
    process_counts: tuple[int, ...]
    rate: float  # messages sent per second
    subscribers_per_chat: int  # messageAdded: the user's widget and a staff member's chat view
    staff_watchers: int  # newUserMessage subscribers (staff dashboards)
    warmup_s: float
    measure_s: float
    drain_s: float
    # Idle connections
    idle_stages: tuple[int, ...]
    idle_users: int  # distinct users behind the idle sockets
    # Reads at scale
    chat_counts: tuple[int, int]
    message_counts: tuple[int, int]
    read_samples: int
    read_budget_s: float  # per query and size, after which fewer samples are taken
    # Writes
    write_seconds: float
    write_clients: int
    # Reconnect storm
    storm_widgets: int  # widgets resubscribing at once
    # The whole run
    budget_s: float  # no scenario starts after this; a hard stop follows 45 s later


FULL = Profile(
    name="full",
    subscriber_counts=(100, 1000),
    process_counts=(1, 2),
    rate=200,
    subscribers_per_chat=2,
    staff_watchers=5,
    warmup_s=2,
    measure_s=10,
    drain_s=20,
    idle_stages=(1000, 5000),
    idle_users=250,
    chat_counts=(1_000, 100_000),
    message_counts=(100, 100_000),
    read_samples=5,
    read_budget_s=20,
    write_seconds=5,
    write_clients=50,
    storm_widgets=1000,
    budget_s=540,
)

QUICK = Profile(
    name="quick",
    subscriber_counts=(100,),
    process_counts=(1, 2),
    rate=100,
    subscribers_per_chat=2,
    staff_watchers=3,
    warmup_s=1,
    measure_s=4,
    drain_s=10,
    idle_stages=(200, 500),
    idle_users=100,
    chat_counts=(1_000, 10_000),
    message_counts=(100, 10_000),
    read_samples=3,
    read_budget_s=10,
    write_seconds=2,
    write_clients=20,
    storm_widgets=200,
    budget_s=240,
)
