"""Scenario 4: reads at scale, as the dashboard sends them.

Three databases: a small one (1 000 chats, one of them with 100 messages), one with
100 000 chats, and one whose chat has 100 000 messages (1 000 chats). The median latency of
the dashboard's chat list (`chats(first: 30)`) and of its chat view (`chat.messages(last:
50)`) on the large one over the small one says whether the indexes carry the load:
with an index the ratio stays near 1, with a collection scan it grows with the data.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import httpx

from bench.accounts import staff_token
from bench.seed import Seeder, drop_database
from bench.servers import Group, api_environment, api_server
from bench.stack import Stack
from bench.stats import median
from bench.usage import CpuMeter

SLOW_WARMUP_MS = 1000.0
CHAT_FIELDS = (
    "id user { id email name } archived archivedAt lastMessageAt lastMessagePreview"
    " lastMessageSender messageCount unread createdAt"
)
MESSAGE_FIELDS = "id chatId content senderType readAt createdAt clientId"
# clients/dashboard/src/graphql/operations.ts: CHATS and CHAT_MESSAGES
CHATS = (
    "query($archived: Boolean!, $first: Int!, $after: String, $search: String) {"
    " chats(archived: $archived, first: $first, after: $after, search: $search) {"
    f" edges {{ cursor node {{ {CHAT_FIELDS} }} }} pageInfo {{ hasNextPage endCursor }} }} }}"
)
CHAT_MESSAGES = (
    "query($id: ID!, $last: Int!, $before: ID) { chat(id: $id) {"
    f" {CHAT_FIELDS} messages(last: $last, before: $before) {{ nodes {{ {MESSAGE_FIELDS} }}"
    " hasMore } } }"
)


@dataclass(frozen=True)
class Dataset:
    purpose: str
    chats: int
    messages: int  # in the first chat
    queries: tuple[str, ...]


def datasets(chat_counts: tuple[int, int], message_counts: tuple[int, int]) -> list[Dataset]:
    (few_chats, many_chats), (few_messages, many_messages) = chat_counts, message_counts
    return [
        Dataset("small", few_chats, few_messages, ("chats", "messages")),
        Dataset("many_chats", many_chats, 0, ("chats",)),
        Dataset("many_messages", few_chats, many_messages, ("messages",)),
    ]


def run(stack: Stack) -> dict[str, Any]:
    profile = stack.profile
    timings: dict[str, dict[str, Any]] = {}
    for dataset in datasets(profile.chat_counts, profile.message_counts):
        stack.check_time(f"before the {dataset.purpose} reads")
        timings[dataset.purpose] = _measure(stack, dataset)
    return {
        "datasets": timings,
        "chats": _ratio(timings, "chats", "many_chats", profile.chat_counts),
        "messages": _ratio(timings, "messages", "many_messages", profile.message_counts),
    }


def _ratio(
    timings: dict[str, Any], query: str, large_dataset: str, counts: tuple[int, int]
) -> dict[str, Any]:
    """One query's median on the small dataset against the large one."""
    small_ms = timings["small"][query]["median_ms"]
    large_ms = timings[large_dataset][query]["median_ms"]
    return {
        "small": counts[0],
        "large": counts[1],
        "small_ms": small_ms,
        "large_ms": large_ms,
        "ratio": round(large_ms / small_ms, 2),
    }


def _measure(stack: Stack, dataset: Dataset) -> dict[str, Any]:
    database = stack.database(f"reads_{dataset.purpose}")
    url = stack.env["MONGODB_URL"]
    try:
        started = time.monotonic()
        chat_id = asyncio.run(_seed(url, database, dataset))
        result: dict[str, Any] = {
            "chat_count": dataset.chats,
            "message_count": dataset.messages,
            "seed_seconds": round(time.monotonic() - started, 1),
        }
        server = api_server(api_environment(stack.env, database), f"api-reads-{dataset.purpose}")
        with Group([server]), httpx.Client(base_url=server.url, timeout=120) as http:
            http.headers["Authorization"] = f"Bearer {staff_token(server.url)}"
            documents: dict[str, tuple[str, dict[str, Any]]] = {
                "chats": (CHATS, {"archived": False, "first": 30}),
                "messages": (CHAT_MESSAGES, {"id": chat_id, "last": 50}),
            }
            watched = {"api": [server.pid], **stack.service_pids()}
            for name in dataset.queries:
                query, variables = documents[name]
                result[name] = _sample(http, query, variables, stack, watched)
        return result
    finally:
        asyncio.run(drop_database(url, database))


def _sample(
    http: httpx.Client,
    query: str,
    variables: dict[str, Any],
    stack: Stack,
    watched: dict[str, list[int]],
) -> dict[str, Any]:
    """One warm-up, then up to `read_samples` timed requests within the read budget (at
    least three). A warm-up slower than a second is a sample too: then what it warms up
    (connections, first-use caches) is lost in the noise, and each request counts."""
    meter = CpuMeter(watched)
    meter.start()
    durations = [_timed_post(http, query, variables)]
    if durations[0] < SLOW_WARMUP_MS:
        meter.start()
        durations.clear()
    deadline = time.monotonic() + stack.profile.read_budget_s
    while len(durations) < stack.profile.read_samples and (
        len(durations) < 3 or time.monotonic() < deadline
    ):
        durations.append(_timed_post(http, query, variables))
    cpu = meter.stop()
    return {
        "median_ms": round(median(durations), 2),
        "samples_ms": [round(duration, 2) for duration in durations],
        "cpu_ms_per_request": {
            name: round(seconds * 1000 / len(durations), 1) for name, seconds in cpu.items()
        },
    }


def _timed_post(http: httpx.Client, query: str, variables: dict[str, Any]) -> float:
    """The request's round trip in ms."""
    started = time.perf_counter()
    answer = http.post("/graphql", json={"query": query, "variables": variables}).json()
    elapsed = (time.perf_counter() - started) * 1000
    if answer.get("errors"):
        raise RuntimeError(f"read failed: {answer['errors']}")
    return elapsed


async def _seed(mongodb_url: str, database: str, dataset: Dataset) -> str:
    async with Seeder(mongodb_url, database) as seeder:
        await seeder.staff()
        chats = await seeder.chats(dataset.chats, prefix=dataset.purpose)
        if dataset.messages:
            await seeder.history(chats[0], dataset.messages)
        return str(chats[0].chat_id)
