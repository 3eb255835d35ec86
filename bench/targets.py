"""The targets the issue sets, checked against the results."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

THROUGHPUT_RATIO = 0.5  # ours / bare baseline, delivered messages per second
P99_MS = 50.0  # at 1000 subscribers and 200 messages/s on one process
P99_AT = (1000, 1, 200.0)
IDLE_KB = 40.0  # per idle subscription
READ_RATIO = 1.5  # 100 000 vs 1 000 chats, 100 000 vs 100 messages


@dataclass(frozen=True)
class Check:
    what: str
    target: str
    value: str
    met: bool

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _pairs(delivery: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(ours, baseline) runs with the same subscribers, processes and mode."""

    def key(run: dict[str, Any]) -> tuple[int, int, bool]:
        return run["subscribers_requested"], run["processes"], run["publish_directly"]

    baselines = {key(run): run for run in delivery if run["endpoint"] == "baseline"}
    return [
        (run, baselines[key(run)])
        for run in delivery
        if run["endpoint"] == "graphql" and key(run) in baselines
    ]


def ratios(delivery: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for ours, bare in _pairs(delivery):
        rows.append(
            {
                "subscribers": ours["subscribers_requested"],
                "processes": ours["processes"],
                "fan_out_only": ours["publish_directly"],
                "throughput": round(
                    ours["delivered_per_s"] / max(bare["delivered_per_s"], 1e-9), 2
                ),
                "p99": round(ours["latency_ms"]["p99"] / max(bare["latency_ms"]["p99"], 1e-9), 1),
            }
        )
    return rows


def check(results: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    delivery: list[dict[str, Any]] = results.get("delivery", [])
    for row in ratios(delivery):
        mode = "fan-out only" if row["fan_out_only"] else "sendMessage"
        where = f"S={row['subscribers']}, {row['processes']} proc, {mode}"
        checks.append(
            Check(
                f"delivered/s ours/baseline, {where}",
                f">= {THROUGHPUT_RATIO}",
                f"{row['throughput']:.2f}",
                row["throughput"] >= THROUGHPUT_RATIO,
            )
        )
    subscribers, processes, rate = P99_AT
    for run in delivery:
        if (
            run["endpoint"] == "graphql"
            and run["subscribers_requested"] == subscribers
            and run["processes"] == processes
            and run["target_rate"] == rate
        ):
            mode = "fan-out only" if run["publish_directly"] else "sendMessage"
            p99 = run["latency_ms"]["p99"]
            checks.append(
                Check(
                    f"p99 at S={subscribers}, {rate:.0f} msg/s, 1 proc, {mode}",
                    f"<= {P99_MS:.0f} ms",
                    f"{p99:.1f} ms",
                    p99 <= P99_MS,
                )
            )
    for stage in results.get("idle", {}).get("stages", []):
        checks.append(
            Check(
                f"memory per idle subscription, N={stage['subscriptions']}",
                f"<= {IDLE_KB:.0f} kB",
                f"{stage['kb_per_subscription']:.1f} kB",
                stage["kb_per_subscription"] <= IDLE_KB,
            )
        )
    reads = results.get("reads", {})
    for name, label in (("chats", "chats(first: 30)"), ("messages", "messages(last: 50)")):
        if name in reads:
            read = reads[name]
            checks.append(
                Check(
                    f"{label} median, {read['large']:,} vs {read['small']:,}",
                    f"<= {READ_RATIO}x",
                    f"{read['ratio']:.2f}x",
                    read["ratio"] <= READ_RATIO,
                )
            )
    return checks
