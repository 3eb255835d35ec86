"""The soak's short form: mixed traffic across two processes whose clocks disagree,
reconnects, a Redis restart and a killed process lose, repeat and reorder nothing."""

from __future__ import annotations

import asyncio

from tests.support.soak import soak


def test_a_short_soak_loses_and_duplicates_nothing(env: dict[str, str]) -> None:
    report = asyncio.run(soak(env, seconds=20, users=4))

    print(f"\n{report.summary()}")
    assert report.problems == []
    assert report.messages > 40
    assert report.reconnects > 0
    assert report.redis_restarts == 1
    assert report.process_kills == 1
    assert (report.losses, report.duplicates, report.order_violations) == (0, 0, 0)
    assert report.count_mismatches == 0
