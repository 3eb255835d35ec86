"""The live-delivery load, run inside the load generator process (`python -m bench.load`).

Subscribers first all connect and subscribe; then messages are sent open-loop on a fixed
schedule (a warm-up, then the measured window) by the chats' users; then the generator
waits until every expected delivery arrived (or a drain timeout) and checks that each
rightful subscriber received each message exactly once. A `Session` can run several such
steps over the same sockets (the saturation scenario raises the rate step by step).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from bench.httpclient import JsonClient
from bench.ledger import Sent, audience, content_for, fan_out, verify
from bench.protocols import Sender, Subscriber, endpoint_named
from bench.publisher import RedisPublisher
from bench.readiness import all_running
from bench.sockets import Subscribers, redis_confirmed
from bench.stats import summarize
from bench.usage import CpuMeter

GRACE = 1.0  # once every subscription runs, for the hub's last confirmations


@dataclass
class DeliverySpec:
    endpoint: str
    subscribers: list[Subscriber]
    senders: list[Sender]
    rate: float
    warmup_s: float
    measure_s: float
    drain_s: float
    redis_url: str
    processes: int
    watched_pids: dict[str, list[int]]
    publish_directly: bool = False  # fan-out only: into Redis, no sendMessage (publisher.py)
    connect_concurrency: int = 50
    send_concurrency: int = 64

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeliverySpec:
        return cls(
            **{
                **data,
                "subscribers": [Subscriber(**item) for item in data["subscribers"]],
                "senders": [Sender(**item) for item in data["senders"]],
            }
        )


@dataclass
class Sending:
    sent: dict[int, Sent] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    expected: int = 0
    most_behind_s: float = 0.0
    window_ns: tuple[int, int] = (0, 0)
    cpu: dict[str, float] = field(default_factory=dict)


async def run(spec: DeliverySpec) -> dict[str, Any]:
    """One step at the spec's rate."""
    async with Session(spec) as session:
        return await session.step(spec.rate)


class Session:
    """Subscribers connected once, then measured steps, each at its own rate."""

    def __init__(self, spec: DeliverySpec) -> None:
        self.spec = spec
        self.endpoint = endpoint_named(spec.endpoint)
        self.subscribers = Subscribers(self.endpoint)
        self.connect_seconds = 0.0
        self._clients = {
            server: JsonClient(server, spec.send_concurrency)
            for server in {sender.server for sender in spec.senders}
        }
        self._publisher = RedisPublisher(spec.redis_url) if spec.publish_directly else None
        self._next_sequence = 0  # unique over all steps: a late frame of one is no other's

    async def __aenter__(self) -> Session:
        started = time.monotonic()
        try:
            await self.subscribers.connect(self.spec.subscribers, self.spec.connect_concurrency)
            if self.endpoint.name == "graphql":
                retry = self.subscribers.retry_refused
                await redis_confirmed(self.spec.redis_url, self.spec.subscribers, retry)
                await all_running(self.spec.subscribers, retry)
                await asyncio.sleep(GRACE)
        except BaseException:
            await self.close()
            raise
        self.connect_seconds = time.monotonic() - started
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self.subscribers.stop()
        for client in self._clients.values():
            client.close()
        if self._publisher is not None:
            await self._publisher.close()

    def mean_fan_out(self) -> float:
        """Deliveries per message, averaged over the senders' round robin."""
        by_chat = audience(self.spec.subscribers)
        senders = self.spec.senders
        return sum(fan_out(by_chat, sender.chat_id) for sender in senders) / len(senders)

    async def step(self, rate: float) -> dict[str, Any]:
        """Send at `rate` for the warm-up and the measured window, drain, and account."""
        spec, subscribers = self.spec, self.subscribers
        subscribers.frames.clear()  # in place: the receivers hold this very list
        sending = await self._send_all(rate)
        await _drain(spec, subscribers, sending.expected)
        frames = list(subscribers.frames)
        verdict = verify(self.endpoint, spec.subscribers, sending.sent, frames)
        for failure in [*subscribers.failures, *sending.errors][:10]:
            verdict.note(failure)
        measured = [item for item in sending.sent.values() if item.measured]
        first_ns, last_ns = sending.window_ns
        window_s = (last_ns - first_ns) / 1e9
        in_window = sum(1 for _, received_ns, _ in frames if first_ns <= received_ns <= last_ns)
        answered = sum(
            1 for item in sending.sent.values() if first_ns <= item.answered_ns <= last_ns
        )
        server_cpu = sending.cpu.get("server")
        return {
            "endpoint": self.endpoint.name,
            "publish_directly": spec.publish_directly,
            "subscribers": len(spec.subscribers),
            "processes": spec.processes,
            "connect_seconds": round(self.connect_seconds, 2),
            "subscribe_retries": subscribers.retries,
            "target_rate": rate,
            "fan_out_per_message": round(self.mean_fan_out(), 2),
            "sent": len(sending.sent),
            "sent_in_window": len(measured),
            "answered_in_window": answered,
            "send_errors": len(sending.errors),
            "send_rate": round(len(measured) / window_s, 1),
            "most_behind_schedule_ms": round(sending.most_behind_s * 1000, 1),
            "send_answer_ms": summarize([(m.answered_ns - m.sent_ns) / 1e6 for m in measured]),
            "latency_ms": summarize([latency for _, latency, _ in verdict.measured]),
            "latency_by_subscription_ms": {
                kind: summarize(
                    [
                        latency
                        for _, latency, index in verdict.measured
                        if (spec.subscribers[index].chat_id is None) == (kind == "newUserMessage")
                    ]
                )
                for kind in ("messageAdded", "newUserMessage")
            },
            "delivered_per_s": round(in_window / window_s, 1),
            "expected_deliveries": verdict.expected,
            "received": verdict.received,
            "lost": verdict.lost,
            "duplicated": verdict.duplicated,
            "unexpected": verdict.unexpected,
            "exactly_once": verdict.exactly_once
            and not sending.errors
            and not subscribers.failures,
            "problems": verdict.problems,
            "cpu_seconds": sending.cpu,
            # The API processes' CPU in the window per send answered in it (the database
            # excluded): what each message the servers got through cost them.
            "server_cpu_ms_per_message": None
            if server_cpu is None or not answered
            else round(1000 * server_cpu / answered, 3),
            "window_s": round(window_s, 2),
        }

    async def _send_all(self, rate: float) -> Sending:
        """Send on a fixed schedule: message k is due at start + k / rate, whatever came back."""
        spec, endpoint, subscribers = self.spec, self.endpoint, self.subscribers
        sending = Sending()
        by_chat = audience(spec.subscribers)
        outstanding = asyncio.Semaphore(spec.send_concurrency)
        tasks: set[asyncio.Task[None]] = set()
        meter = CpuMeter(spec.watched_pids)
        publisher = self._publisher

        async def send(sequence: int, measured: bool) -> None:
            sender = spec.senders[sequence % len(spec.senders)]
            try:
                sent_ns = time.time_ns()
                content = content_for(sequence, sent_ns)
                if publisher is not None:
                    message_id = await publisher.send(sender, content, f"b{sequence}")
                else:
                    message_id = await endpoint.send(
                        self._clients[sender.server], sender, content, f"b{sequence}"
                    )
                sending.sent[sequence] = Sent(
                    sequence, sender.chat_id, message_id, sent_ns, time.time_ns(), measured
                )
                sending.expected += fan_out(by_chat, sender.chat_id)
            except Exception as error:
                sending.errors.append(f"send {sequence}: {type(error).__name__}: {error}")
            finally:
                outstanding.release()

        start = time.monotonic()
        measure_from = start + spec.warmup_s
        end = measure_from + spec.measure_s
        opened: list[int] = []

        async def open_window() -> None:
            await asyncio.sleep(max(0.0, measure_from - time.monotonic()))
            opened.append(time.time_ns())
            meter.start()

        window = asyncio.create_task(open_window())
        first = self._next_sequence
        sequence = first
        # Due times past the end are never sent, even when sends are running behind: then the
        # achieved rate is lower than the target, and says so.
        while (due := start + (sequence - first) / rate) < end and not subscribers.failures:
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            await outstanding.acquire()
            if time.monotonic() >= end:
                outstanding.release()
                break
            sending.most_behind_s = max(sending.most_behind_s, time.monotonic() - due)
            # Measured: issued within the window (when behind schedule, late ones count too).
            task = asyncio.create_task(send(sequence, time.monotonic() >= measure_from))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            sequence += 1
        self._next_sequence = sequence
        await asyncio.sleep(max(0.0, end - time.monotonic()))
        await window
        sending.window_ns = (opened[0], time.time_ns())
        sending.cpu = meter.stop()
        await asyncio.gather(*tasks)
        return sending


async def _drain(spec: DeliverySpec, subscribers: Subscribers, expected: int) -> None:
    """Until every expected delivery arrived (then a little longer, to catch duplicates)."""
    deadline = time.monotonic() + spec.drain_s
    while len(subscribers.frames) < expected and time.monotonic() < deadline:
        if subscribers.failures:
            return
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
