"""Saturation, inside the load generator process: the same subscribers, the rate raised
step by step until delivery misses (p99 over the limit, deliveries short, a subscriber cut
off) or the generator itself cannot keep up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.fairness import GENERATOR_SHARE_LIMIT, generator_share
from bench.live import DeliverySpec, Session

DELIVERED_SHARE = 0.98  # of the deliveries the target rate asks for


@dataclass
class SaturationSpec:
    delivery: DeliverySpec
    rates: list[float]
    p99_limit_ms: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SaturationSpec:
        return cls(
            DeliverySpec.from_json(data["delivery"]), list(data["rates"]), data["p99_limit_ms"]
        )


def miss(step: dict[str, Any], p99_limit_ms: float) -> str | None:
    """Why this step is past what the endpoint sustains; None when it kept up."""
    wanted = step["target_rate"] * step["fan_out_per_message"]
    if not step["exactly_once"]:
        return f"not exactly once (lost {step['lost']}, duplicated {step['duplicated']})"
    if step["delivered_per_s"] < DELIVERED_SHARE * wanted:
        return f"delivered {step['delivered_per_s']:.0f}/s of {wanted:.0f}/s"
    p99 = step["latency_ms"]["p99"]
    if not p99 <= p99_limit_ms:
        return f"p99 {p99:.1f} ms over {p99_limit_ms:.0f} ms"
    return None


def generator_short(step: dict[str, Any]) -> str | None:
    """Why the generator, not the endpoint, limited this step; None when it did not."""
    share = generator_share(step)
    if share is not None and share > GENERATOR_SHARE_LIMIT:
        return f"generator short of CPU ({share:.0%} of a core)"
    if step["send_rate"] < DELIVERED_SHARE * step["target_rate"]:
        return f"generator sent {step['send_rate']:.0f}/s of {step['target_rate']:.0f}/s"
    return None


async def run(spec: SaturationSpec) -> dict[str, Any]:
    steps: list[dict[str, Any]] = []
    stopped_by = "the last step"
    async with Session(spec.delivery) as session:
        for rate in spec.rates:
            step = await session.step(rate)
            step["miss"] = miss(step, spec.p99_limit_ms)
            step["generator_short"] = generator_short(step)
            steps.append(step)
            if step["miss"] or step["generator_short"]:
                stopped_by = step["generator_short"] or step["miss"] or ""
                break
    return {"steps": steps, "stopped_by": stopped_by}
