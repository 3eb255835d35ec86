"""The bench's output: a table on stdout, results/latest.json, results/latency.png and
results/saturation.png."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from bench.fairness import SHORT_OF_CPU
from bench.targets import (
    CPU_PER_MESSAGE_RATIO,
    FAN_OUT_DELIVERED_RATIO,
    FAN_OUT_P99_RATIO,
    IDLE_KB,
    P99_MS,
    SATURATION_RATIO,
    STORM_RATIO,
    THROUGHPUT_RATIO,
    Check,
    ratios,
)

RESULTS = Path(__file__).resolve().parent / "results"
FAIRNESS = (
    "The load generator is one process (asyncio + uvloop + websockets) sharing the 2 cores with "
    "the API, FerretDB and Redis. The same generator, with the same subscribers, senders, "
    "schedule, HTTP client and frame handling, drives the API and the bare baseline, so the "
    "ratios compare like with like; its hot path only stamps and stores frames (parsed after "
    "the run) and it sends over a minimal keep-alive HTTP client. The CPU seconds each side "
    "used during every measured window are in the table (gen / srv / db), so a run where the "
    "generator itself was short of CPU would show; such a row is marked GENERATOR SHORT OF CPU."
)


def _clean(value: Any) -> Any:
    """JSON without NaN (which is not JSON)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_clean(results), indent=2) + "\n")


def _ms(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def _mark(met: bool) -> str:
    return "ok" if met else "MISSED"


def _cpu_percent(run: dict[str, Any], name: str) -> str:
    seconds = run.get("cpu_seconds", {}).get(name)
    return "-" if seconds is None else f"{100 * seconds / run['window_s']:.0f}%"


def _load(values: list[float] | None) -> str:
    """1 / 5 / 15-minute load averages."""
    return "?" if values is None else "/".join(f"{value:.2f}" for value in values)


def _starved(run: dict[str, Any]) -> str:
    return f"  {SHORT_OF_CPU}" if run.get("generator_short_of_cpu") else ""


def _delivery_table(delivery: list[dict[str, Any]]) -> list[str]:
    lines = [
        "path      mode      S     proc  sent/s  deliv/s  answer   p50    p95    p99    max  "
        " exactly-once  cpu gen/srv/db  srv ms/msg  load at start",
    ]
    for run in delivery:
        latency = run["latency_ms"]
        mode = "fan-out" if run["publish_directly"] else "send"
        path = "ours" if run["endpoint"] == "graphql" else "baseline"
        cpu = "/".join(_cpu_percent(run, name) for name in ("generator", "server", "mongodb"))
        lines.append(
            f"{path:9} {mode:8} {run['subscribers_requested']:5} {run['processes']:4} "
            f"{run['send_rate']:7.1f} {run['delivered_per_s']:8.1f} "
            f"{_ms(run['send_answer_ms']['p50']):>7} "
            + " ".join(f"{_ms(latency[key]):>6}" for key in ("p50", "p95", "p99", "max"))
            + f"   {'yes' if run['exactly_once'] else 'NO':12} {cpu:14}"
            + f" {_number(run.get('server_cpu_ms_per_message'), 2):>10}"
            + f" {_load(run.get('load_at_start')):>14}{_starved(run)}"
        )
    return lines


def _number(value: float | None, digits: int, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def _ratio_lines(delivery: list[dict[str, Any]]) -> list[str]:
    lines = []
    for row in ratios(delivery):
        where = f"S={row['subscribers']:<5} {row['processes']} proc"
        if row["fan_out_only"]:
            lines.append(
                f"     {where} fan-out  delivered/s {_number(row['throughput'], 2)}"
                f" (target >= {FAN_OUT_DELIVERED_RATIO})   p99 {_number(row['p99'], 1, 'x')}"
                f" (target <= {FAN_OUT_P99_RATIO:g}x)"
            )
        else:
            ours, bare = row["cpu_ms_per_message"]
            lines.append(
                f"     {where} send     delivered/s {_number(row['throughput'], 2)}"
                f" (target >= {THROUGHPUT_RATIO})   p99 {_number(row['p99'], 1, 'x')}   "
                f"API CPU per sent message {_number(ours, 2)} / {_number(bare, 2)} ms ="
                f" {_number(row['cpu_per_message'], 1, 'x')} (target <= {CPU_PER_MESSAGE_RATIO:g}x)"
            )
    return lines


def _saturation_lines(saturation: dict[str, Any]) -> list[str]:
    limit = saturation["p99_limit_ms"]
    lines = [
        f"3. Saturation: fan-out only, S={saturation['subscribers']}, 1 process, the rate raised"
        f" until p99 passes {limit:.0f} ms (or deliveries fall short, or the generator cannot"
        " keep up)",
        "   path      msg/s  sent/s  deliv/s    p50    p99  cpu gen/srv   result",
    ]
    for name, label in (("ours", "ours"), ("baseline", "baseline")):
        curve = saturation[name]
        for step in curve["steps"]:
            cpu = "/".join(_cpu_percent(step, key) for key in ("generator", "server"))
            verdict = step["generator_short"] or step["miss"] or "kept up"
            lines.append(
                f"   {label:9} {step['target_rate']:6.0f} {step['send_rate']:7.1f} "
                f"{step['delivered_per_s']:8.1f} {_ms(step['latency_ms']['p50']):>6} "
                f"{_ms(step['latency_ms']['p99']):>6}  {cpu:11}   {verdict}"
            )
        bound = "" if curve["limit_reached"] else " (a lower bound: no step missed)"
        lines.append(
            f"   {label}: sustained {_number(curve['sustained_per_s'], 0)} deliveries/s{bound};"
            f" stopped by {curve['stopped_by']}"
        )
    lines += [
        f"   ours / baseline {_number(saturation['ratio'], 2)} ({saturation['ratio_bound']})"
        f" (target >= {SATURATION_RATIO})",
        "",
    ]
    return lines


def _idle_lines(idle: dict[str, Any]) -> list[str]:
    lines = [
        f"4. Idle subscriptions on one process ({idle['users']} users, several tabs each); "
        f"RSS with one: {idle['rss_with_one_mb']} MB (baseline "
        f"{idle.get('baseline', {}).get('rss_with_one_mb', '-')} MB)"
    ]
    for stage in idle["stages"]:
        lines.append(
            f"   N={stage['subscriptions']:<6} RSS {stage['rss_mb']:7.1f} MB   "
            f"{stage['kb_per_subscription']:6.1f} kB per subscription (target <= {IDLE_KB:g})   "
            f"baseline {_number(stage.get('baseline_kb_per_socket'), 1)} kB per socket, "
            f"ours / baseline {_number(stage.get('ratio'), 1, 'x')}   "
            f"connected in {stage['connect_seconds']} s"
        )
    lines.append("")
    return lines


def _storm_lines(storm: dict[str, Any]) -> list[str]:
    lines = [
        "8. Reconnect storm: N widgets resubscribe at once (messageAdded(afterSeq:)),"
        " seconds until all are subscribed"
    ]
    for item in storm["storms"]:
        if "skipped" in item:
            lines.append(f"   N={item['widgets']:<6} not run: {item['skipped']}")
            continue
        ours = _storm_seconds(item["ours_s"], item["timeout_s"], item["ours_failed"])
        bare = _storm_seconds(item["baseline_s"], item["timeout_s"], item["baseline_failed"])
        ratio = _number(item["ratio"], 2, "x")
        if item.get("ratio_above") is not None:
            ratio = f"over {item['ratio_above']:.0f}x"
        lines.append(
            f"   N={item['widgets']:<6} ours {ours} s   baseline {bare} s   ours / baseline"
            f" {ratio} (target <= {STORM_RATIO:g}x)"
        )
    lines.append("")
    return lines


def _storm_seconds(seconds: float | None, timeout_s: float, failed: list[str]) -> str:
    if seconds is not None:
        return f"{seconds:.2f}"
    return f"unfinished ({failed[0]})" if failed else f"over {timeout_s:.0f}"


def table(results: dict[str, Any], checks: list[Check]) -> str:
    meta = results["meta"]
    out = [
        f"Support chat bench ({meta['profile']}): {meta['started']}, {meta['cpus']} CPUs, "
        f"load average (1/5/15 min) {_load(meta['load_before'])} before and "
        f"{_load(meta.get('load_after'))} after, "
        f"wall time {meta.get('wall_seconds', '?')} s",
        f"commit {meta.get('commit', '?')}; database: {meta['database']}",
        "",
    ]
    delivery = results.get("delivery", [])
    if delivery:
        first = delivery[0]
        out += [
            "1-2. Live delivery, send -> receive latency in ms "
            f"(target rate {first['target_rate']:.0f} msg/s; 'send' = sendMessage over HTTP, "
            "'fan-out' = the same events published straight into Redis)",
            *_delivery_table(delivery),
            "     sent/s: achieved send rate; deliv/s: deliveries per second; answer: p50 of the"
            " send's HTTP answer, ms;",
            "     p50..max: send -> receive, ms; cpu: share of one core used in the measured window"
            " by the generator / servers / FerretDB;",
            "     srv ms/msg: the servers' CPU ms in the window per send answered in it"
            " (database excluded);",
            f"     {SHORT_OF_CPU}: the generator used over 85% of a core in the window, or the"
            " 1-minute load average was above the core count as the row started",
            "",
            "     ours / baseline:",
            *_ratio_lines(delivery),
            "",
        ]
    if results.get("saturation"):
        out += _saturation_lines(results["saturation"])
    if results.get("idle"):
        out += _idle_lines(results["idle"])
    reads = results.get("reads")
    if reads:
        out.append("5. Reads at scale, median ms (dashboard queries, staff token)")
        for name, label in (("chats", "chats(first: 30)"), ("messages", "chat.messages(last: 50)")):
            read = reads[name]
            unit = "chats" if name == "chats" else "messages"
            out.append(
                f"   {label:24} {read['small']:>7,} {unit}: {_ms(read['small_ms']):>7}   "
                f"{read['large']:>7,} {unit}: {_ms(read['large_ms']):>7}   "
                f"ratio {read['ratio']:.2f} (target <= 1.5)"
            )
        out.append("")
    writes = results.get("writes")
    if writes:
        out.append("6. Writes (sendMessage)")
        for name in ("sequential", "concurrent"):
            write = writes[name]
            latency = write["latency_ms"]
            out.append(
                f"   {name:10} {write['clients']:3} client(s): {write['per_second']:6.1f} /s   "
                f"p50 {_ms(latency['p50'])} ms  p99 {_ms(latency['p99'])} ms"
            )
        out.append("")
    round_trips = results.get("round_trips")
    if round_trips:
        out.append("7. Round trips per operation (MongoDB commands, background polls left out)")
        out += [f"   {name:12} {count:3}" for name, count in round_trips["commands"].items()]
        out.append("")
    if results.get("storm"):
        out += _storm_lines(results["storm"])
    assets = results.get("assets")
    if assets:
        out.append("9. Clients, gzip -9")
        for name, label in (("widget", "widget.js"), ("dashboard", "dashboard initial JS")):
            asset = assets[name]
            size = (
                f"{asset['gzip_bytes'] / 1000:.1f} kB gzipped ({asset['bytes'] / 1000:.1f} kB raw)"
                if asset["built"]
                else "not built"
            )
            out.append(f"   {label:21} {size}")
        out.append("")
    if checks:
        out.append("Targets")
        out += [
            f"   {_mark(item.met):6} {item.what}: {item.value} (target {item.target})"
            for item in checks
        ]
        out.append("")
    for failure in results.get("failures", []):
        out.append(f"FAILED: {failure}")
    out.append(f"Fairness: {FAIRNESS}")
    return "\n".join(out)


def plot(results: dict[str, Any], path: Path) -> None:
    """One figure: p50 / p95 / p99 per scenario, log scale, with the 50 ms target."""
    groups: list[tuple[str, dict[str, Any]]] = []
    for run in results.get("delivery", []):
        path_name = "ours" if run["endpoint"] == "graphql" else "bare"
        mode = "fan-out" if run["publish_directly"] else "send"
        groups.append(
            (
                f"{path_name} {mode}\nS={run['subscribers_requested']} P={run['processes']}",
                run["latency_ms"],
            )
        )
    for name, write in results.get("writes", {}).items():
        groups.append((f"writes\n{name}", write["latency_ms"]))
    if not groups:
        return
    figure, axes = plt.subplots(figsize=(max(8.0, 1.1 * len(groups)), 5.5))
    width = 0.26
    for offset, (key, colour) in enumerate(
        (("p50", "#4f46e5"), ("p95", "#f59e0b"), ("p99", "#dc2626"))
    ):
        values = [max(0.1, summary[key] or 0.1) for _, summary in groups]
        axes.bar(
            [n + (offset - 1) * width for n in range(len(groups))],
            values,
            width,
            label=key,
            color=colour,
        )
    axes.axhline(
        P99_MS, color="black", linestyle="--", linewidth=1, label=f"{P99_MS:.0f} ms target"
    )
    axes.set_yscale("log")
    axes.set_ylabel("latency, ms (log scale)")
    axes.set_xticks(range(len(groups)))
    axes.set_xticklabels([label for label, _ in groups], fontsize=7)
    axes.set_title(f"Latency percentiles per scenario ({results['meta']['profile']} run)")
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)


def plot_saturation(results: dict[str, Any], path: Path) -> None:
    """The saturation curve: deliveries per second against p99, ours and the baseline."""
    saturation = results.get("saturation")
    if not saturation:
        return
    figure, axes = plt.subplots(figsize=(8.0, 5.0))
    for name, label, colour in (
        ("ours", "ours (GraphQL)", "#dc2626"),
        ("baseline", "bare baseline", "#4f46e5"),
    ):
        steps = saturation[name]["steps"]
        xs = [step["delivered_per_s"] for step in steps]
        ys = [max(0.1, step["latency_ms"]["p99"] or 0.1) for step in steps]
        axes.plot(xs, ys, marker="o", color=colour, label=label)
        for step, x, y in zip(steps, xs, ys, strict=True):
            axes.annotate(
                f"{step['target_rate']:.0f}/s",
                (x, y),
                fontsize=7,
                xytext=(3, 3),
                textcoords="offset points",
            )
    limit = saturation["p99_limit_ms"]
    axes.axhline(limit, color="black", linestyle="--", linewidth=1, label=f"{limit:.0f} ms")
    axes.set_yscale("log")
    axes.set_xlabel("deliveries per second (messages/s x fan-out)")
    axes.set_ylabel("p99 send -> receive, ms (log scale)")
    ratio = saturation["ratio"]
    axes.set_title(
        f"Saturation, fan-out only, S={saturation['subscribers']}, 1 process "
        f"({results['meta']['profile']} run); ours / baseline "
        f"{'-' if ratio is None else f'{ratio:.2f}'}",
        fontsize=9,
    )
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
