"""`Sequenced`: in order, each number once, missing numbers read back, skipped ones let go."""

from __future__ import annotations

import asyncio
import time
from uuid import uuid4

import pytest

from api.live import streams
from api.live.streams import Sequenced
from documents import Message, SenderType

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("beanie_ready")]

CHAT = uuid4()


class Stored:
    """What storage holds, by seq: the stream reads it the way it reads MongoDB."""

    def __init__(self) -> None:
        self.messages: dict[int, Message] = {}
        self.reads = 0

    def add(self, seq: int) -> Message:
        message = Message(
            chat_id=CHAT,
            content=f"m{seq}",
            sender_type=SenderType.USER,
            sender_id=uuid4(),
            client_id=str(seq),
            seq=seq,
        )
        self.messages[seq] = message
        return message

    async def after(self, seq: int, limit: int) -> list[Message]:
        self.reads += 1
        return [self.messages[n] for n in sorted(self.messages) if n > seq][:limit]


def seqs(messages: list[Message]) -> list[int]:
    return [message.seq for message in messages]


def stream(stored: Stored, after: int = 0) -> Sequenced:
    return Sequenced(stored.after, lambda message: message.seq, after)


async def test_in_order_each_once() -> None:
    stored = Stored()
    sequenced = stream(stored)
    first, second = stored.add(1), stored.add(2)

    assert seqs(await sequenced.accept(first)) == [1]
    assert seqs(await sequenced.accept(first)) == []
    assert seqs(await sequenced.accept(second)) == [2]
    assert seqs(await sequenced.catch_up()) == []
    assert stored.reads == 1  # in-order live messages need no read


async def test_a_number_seen_early_brings_the_missing_ones_first() -> None:
    stored = Stored()
    sequenced = stream(stored)
    stored.add(1)
    stored.add(2)
    third = stored.add(3)

    assert seqs(await sequenced.accept(third)) == [1, 2, 3]
    assert sequenced.delivered_through == 3


async def test_a_number_never_stored_is_let_go_and_delivered_late_if_it_shows_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(streams, "HOLE_WAIT", 0.3)
    monkeypatch.setattr(streams, "HOLE_RETRY", 0.05)
    stored = Stored()
    sequenced = stream(stored)
    later = stored.add(2)

    started = time.monotonic()
    assert seqs(await sequenced.accept(later)) == [2]
    assert 0.3 <= time.monotonic() - started < 2

    late = stored.add(1)
    assert seqs(await sequenced.accept(late)) == [1]
    assert seqs(await sequenced.accept(late)) == []


async def test_a_run_of_missing_numbers_is_let_go_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streams, "HOLE_WAIT", 0.3)
    monkeypatch.setattr(streams, "HOLE_RETRY", 0.05)
    stored = Stored()
    sequenced = stream(stored)
    later = stored.add(50)

    started = time.monotonic()
    assert seqs(await sequenced.accept(later)) == [50]
    assert time.monotonic() - started < 1  # one wait, not one per missing number
    assert seqs(await sequenced.accept(stored.add(7))) == [7]


async def test_a_number_stored_while_waiting_is_delivered_in_order() -> None:
    stored = Stored()
    sequenced = stream(stored)
    later = stored.add(2)

    async def store_the_missing_one() -> None:
        await asyncio.sleep(0.3)
        stored.add(1)

    storing = asyncio.create_task(store_the_missing_one())
    assert seqs(await sequenced.accept(later)) == [1, 2]
    await storing


async def test_catch_up_reads_every_page_after_where_it_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(streams, "PAGE", 4)
    stored = Stored()
    for seq in range(1, 12):
        stored.add(seq)

    assert seqs(await stream(stored, after=5).catch_up()) == list(range(6, 12))
