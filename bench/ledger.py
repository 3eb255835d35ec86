"""Exactly-once accounting for live delivery: who must receive each sent message, who did.

Each sent message carries its sequence number and send time in its content
(`bench <seq> <time_ns>`), so a receiver's copy says which message it is and how long it
took. Every (subscriber, message) pair that should happen must happen exactly once, and
no subscriber may receive a message that is not meant for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.protocols import Endpoint, ProtocolError, Subscriber

MAX_LISTED = 10


def content_for(sequence: int, sent_ns: int) -> str:
    return f"bench {sequence} {sent_ns}"


def parse_content(content: str) -> tuple[int, int] | None:
    parts = content.split()
    if len(parts) != 3 or parts[0] != "bench":
        return None
    return int(parts[1]), int(parts[2])


@dataclass(frozen=True, slots=True)
class Sent:
    sequence: int
    chat_id: str
    message_id: str
    sent_ns: int
    answered_ns: int
    measured: bool


@dataclass
class Verdict:
    expected: int = 0
    received: int = 0
    lost: int = 0
    duplicated: int = 0
    unexpected: int = 0
    problems: list[str] = field(default_factory=list)
    # (receive time ns, latency ms, subscriber index) of every delivery of a measured message
    measured: list[tuple[int, float, int]] = field(default_factory=list)

    @property
    def exactly_once(self) -> bool:
        return not (self.lost or self.duplicated or self.unexpected or self.problems)

    def note(self, problem: str) -> None:
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)


def audience(subscribers: Sequence[Subscriber]) -> dict[str | None, list[int]]:
    """Subscriber indexes by the chat they follow; None: the staff notifications."""
    by_chat: dict[str | None, list[int]] = {}
    for index, subscriber in enumerate(subscribers):
        by_chat.setdefault(subscriber.chat_id, []).append(index)
    return by_chat


def fan_out(by_chat: dict[str | None, list[int]], chat_id: str) -> int:
    return len(by_chat.get(chat_id, ())) + len(by_chat.get(None, ()))


def verify(
    endpoint: Endpoint,
    subscribers: Sequence[Subscriber],
    sent: dict[int, Sent],
    frames: Iterable[tuple[int, int, str]],
) -> Verdict:
    """Check every received frame against what was sent and to whom."""
    verdict = Verdict()
    by_chat = audience(subscribers)
    counts: Counter[tuple[int, int]] = Counter()
    for subscriber_index, received_ns, frame in frames:
        verdict.received += 1
        try:
            message = endpoint.read(frame)
        except (ProtocolError, ValueError, KeyError, TypeError) as error:
            verdict.unexpected += 1
            verdict.note(f"subscriber {subscriber_index}: {error}")
            continue
        parsed = parse_content(message.content)
        original = sent.get(parsed[0]) if parsed else None
        if parsed is None or original is None:
            verdict.unexpected += 1
            verdict.note(f"subscriber {subscriber_index} got a message nobody sent: {message}")
            continue
        follows = subscribers[subscriber_index].chat_id
        if follows is not None and follows != original.chat_id:
            verdict.unexpected += 1
            verdict.note(
                f"subscriber {subscriber_index} of chat {follows} got message {original.sequence}"
                f" of chat {original.chat_id}"
            )
            continue
        if message.message_id != original.message_id:
            verdict.note(f"message {original.sequence} arrived with id {message.message_id}")
        counts[subscriber_index, original.sequence] += 1
        if original.measured:
            latency_ms = (received_ns - parsed[1]) / 1e6
            verdict.measured.append((received_ns, latency_ms, subscriber_index))
    for sequence, original in sent.items():
        for subscriber_index in [*by_chat.get(original.chat_id, ()), *by_chat.get(None, ())]:
            verdict.expected += 1
            times = counts.get((subscriber_index, sequence), 0)
            if times == 0:
                verdict.lost += 1
                verdict.note(f"subscriber {subscriber_index} never got message {sequence}")
            elif times > 1:
                verdict.duplicated += times - 1
                verdict.note(f"subscriber {subscriber_index} got message {sequence} {times} times")
    return verdict
