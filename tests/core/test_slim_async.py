"""The slim queue and event behave as asyncio's do for their one reader, and hold nothing idle."""

from __future__ import annotations

import asyncio
import sys

import pytest

from core.slim_async import SlimEvent, SlimQueue

pytestmark = pytest.mark.anyio


async def test_items_come_out_in_order_and_a_waiting_reader_wakes_up() -> None:
    queue: SlimQueue[int] = SlimQueue()
    queue.put_nowait(1)
    queue.put_nowait(2)
    assert len(queue) == 2
    assert [await queue.get(), await queue.get()] == [1, 2]
    assert queue.empty()

    reader = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    assert not reader.done()
    queue.put_nowait(3)
    assert await asyncio.wait_for(reader, 1) == 3


async def test_a_cancelled_reader_leaves_the_queue_usable() -> None:
    queue: SlimQueue[int] = SlimQueue()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(queue.get(), 0.05)
    queue.put_nowait(4)
    assert await asyncio.wait_for(queue.get(), 1) == 4


async def test_a_second_reader_at_once_is_refused() -> None:
    queue: SlimQueue[int] = SlimQueue()
    first = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    with pytest.raises(RuntimeError):
        await queue.get()
    first.cancel()


async def test_clear_drops_what_waits() -> None:
    queue: SlimQueue[int] = SlimQueue()
    queue.put_nowait(5)
    queue.clear()
    assert queue.empty()
    assert len(queue) == 0


async def test_an_idle_queue_and_event_are_far_smaller_than_asyncios() -> None:
    def size(thing: object) -> int:
        slots = getattr(type(thing), "__slots__", ())
        inner = [getattr(thing, name) for name in slots] or list(vars(thing).values())
        return sys.getsizeof(thing) + sum(sys.getsizeof(value) for value in inner)

    queue: SlimQueue[int] = SlimQueue()
    queue.put_nowait(1)
    await queue.get()
    assert size(queue) < size(asyncio.Queue()) / 4
    event = SlimEvent()
    event.set()
    assert size(event) < size(asyncio.Event()) / 4


async def test_the_event_wakes_every_waiter_and_can_be_cleared() -> None:
    event = SlimEvent()
    assert not event.is_set()
    waiters = [asyncio.create_task(event.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    assert not any(waiter.done() for waiter in waiters)
    event.set()
    await asyncio.wait_for(asyncio.gather(*waiters), 1)
    await asyncio.wait_for(event.wait(), 1)  # set: returns at once
    event.clear()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(event.wait(), 0.05)
    event.set()  # the timed-out waiter is gone: nothing left to wake
    assert event.is_set()
