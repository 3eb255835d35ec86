"""How big each scenario is: the full run (`make bench`) and a quick one (`--quick`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    # Live delivery
    send_subscriber_counts: tuple[int, ...]  # sendMessage runs (HTTP + database write)
    fan_out_subscriber_counts: tuple[int, ...]  # fan-out only runs (published into Redis)
    process_counts: tuple[int, ...]  # fan-out only runs
    send_process_counts: tuple[int, ...]
    rate: float  # messages sent per second
    subscribers_per_chat: int  # messageAdded: the user's widget and a staff member's chat view
    max_chats: int  # past this, more subscribers share a chat (more tabs and chat views)
    staff_watchers: int  # newUserMessage subscribers (staff dashboards)
    warmup_s: float
    measure_s: float
    drain_s: float
    # Saturation: fan-out only, one process, the rate raised step by step
    saturation_subscribers: int
    saturation_rates: tuple[float, ...]  # messages per second, stopped at the first miss
    saturation_measure_s: float
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
    storm_widgets: tuple[int, ...]  # widgets resubscribing at once
    storm_timeout_s: float  # per storm; past it the storm is reported as not finished
    # The whole run
    budget_s: float  # no scenario starts after this; a hard stop follows 45 s later


def _steps(first: float, factor: float, count: int) -> tuple[float, ...]:
    return tuple(round(first * factor**n) for n in range(count))


FULL = Profile(
    name="full",
    send_subscriber_counts=(1000,),
    fan_out_subscriber_counts=(1000, 5000),
    process_counts=(1, 2),
    send_process_counts=(1, 2),
    rate=200,
    subscribers_per_chat=2,
    max_chats=500,
    staff_watchers=5,
    warmup_s=2,
    measure_s=10,
    drain_s=20,
    saturation_subscribers=1000,
    saturation_rates=_steps(200, 1.5, 8),
    saturation_measure_s=4,
    idle_stages=(1000, 5000, 10000),
    idle_users=250,
    chat_counts=(1_000, 100_000),
    message_counts=(100, 100_000),
    read_samples=5,
    read_budget_s=20,
    write_seconds=5,
    write_clients=50,
    storm_widgets=(1000, 5000),
    storm_timeout_s=100,
    budget_s=1380,
)

QUICK = Profile(
    name="quick",
    send_subscriber_counts=(200,),
    fan_out_subscriber_counts=(200, 500),
    process_counts=(1, 2),
    send_process_counts=(1,),
    rate=100,
    subscribers_per_chat=2,
    max_chats=100,
    staff_watchers=3,
    warmup_s=1,
    measure_s=3,
    drain_s=10,
    saturation_subscribers=200,
    saturation_rates=_steps(100, 2, 3),
    saturation_measure_s=2,
    idle_stages=(200, 500, 1000),
    idle_users=100,
    chat_counts=(1_000, 10_000),
    message_counts=(100, 10_000),
    read_samples=3,
    read_budget_s=10,
    write_seconds=2,
    write_clients=20,
    storm_widgets=(200, 500),
    storm_timeout_s=60,
    budget_s=300,
)
