"""At most one announcement per key per window, and the latest one always goes out.

One client toggling a chat fast must not flood every dashboard: the first change of a
chat is announced at once; further changes within `window` seconds only replace what is
pending, and the newest is announced when the window ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LatestPerWindow(Generic[K, V]):
    def __init__(self, window: float, send: Callable[[V], Awaitable[None]]) -> None:
        self._window = window
        self._send = send
        self._open: dict[K, asyncio.Task[None]] = {}  # keys announced within the window
        self._pending: dict[K, V] = {}

    async def offer(self, key: K, value: V) -> None:
        if self.first_of_window(key, value):
            await self._send(value)

    def first_of_window(self, key: K, value: V) -> bool:
        """True: the caller announces `value` now; False: it waits for the window's end."""
        if key in self._open:
            self._pending[key] = value
            return False
        self._open[key] = asyncio.create_task(self._hold(key))
        return True

    async def close(self) -> None:
        """Announce what is pending now, and stop."""
        for task in list(self._open.values()):
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        pending, self._pending = self._pending, {}
        for value in pending.values():
            await self._send(value)

    async def _hold(self, key: K) -> None:
        try:
            while True:
                await asyncio.sleep(self._window)
                if key not in self._pending:
                    return
                await self._send(self._pending.pop(key))
        finally:
            del self._open[key]
