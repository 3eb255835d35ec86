"""Every Prometheus metric the API and the worker keep, in one place.

With PROMETHEUS_MULTIPROC_DIR set (`support-chat serve --workers N` sets it), each process
writes its values there and `/metrics` adds them up; gauges count live processes only.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

PREFIX = "support_chat"

OPEN_SOCKETS = Gauge(
    f"{PREFIX}_open_websockets", "WebSocket connections open now.", multiprocess_mode="livesum"
)
SUBSCRIPTIONS = Gauge(
    f"{PREFIX}_subscriptions",
    "Subscriptions running now, by the kind of channel they follow.",
    ["kind"],
    multiprocess_mode="livesum",
)
EVENTS_PUBLISHED = Counter(
    f"{PREFIX}_events_published", "Live events published to Redis, by type.", ["event"]
)
EVENTS_DELIVERED = Counter(
    f"{PREFIX}_events_delivered",
    "Items sent to subscribers, by how they came: live from Redis or read back after a gap.",
    ["source"],
)
DELIVERY_SECONDS = Histogram(
    f"{PREFIX}_delivery_latency_seconds",
    "From storing a message to sending it on a subscriber's socket (clocks of two hosts).",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
SEND_MESSAGE_SECONDS = Histogram(
    f"{PREFIX}_send_message_seconds",
    "sendMessage resolver time: checks, storage, publishing.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
CATCH_UPS = Counter(f"{PREFIX}_catch_ups", "Catch-ups from MongoDB after a gap in live delivery.")
SLOW_CONSUMER_CLOSES = Counter(
    f"{PREFIX}_slow_consumer_closes",
    "Sockets closed because their client read too slowly to keep up with its events.",
)
RATE_LIMITED = Counter(
    f"{PREFIX}_rate_limited", "Calls refused by a rate limit, by limit.", ["limit"]
)
EMAILS = Counter(
    f"{PREFIX}_emails", "Unread-reply emails, by outcome (sent, failed attempt).", ["outcome"]
)
JOBS_RETRIED = Counter(
    f"{PREFIX}_jobs_retried", "Background jobs that failed and are queued again.", ["actor"]
)
