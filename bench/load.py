"""The load generator: a process of its own, so that the API is measured from outside.

    python -m bench.load SPEC.json RESULT.json

The spec's "kind" is "delivery" (bench/live.py), "idle" (bench/holding.py), "saturation"
(bench/saturating.py) or "storm" (bench/storming.py).
"""

from __future__ import annotations

import argparse
import json
import resource
from pathlib import Path
from typing import Any

import uvloop

from bench import holding, live, saturating, storming


def raise_open_file_limit() -> int:
    """As many sockets as the hard limit allows (the API children inherit it the same way)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


async def generate(spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec.pop("kind")
    if kind == "delivery":
        return await live.run(live.DeliverySpec.from_json(spec))
    if kind == "idle":
        return await holding.run(holding.IdleSpec.from_json(spec))
    if kind == "saturation":
        return await saturating.run(saturating.SaturationSpec.from_json(spec))
    if kind == "storm":
        return await storming.run(storming.StormSpec.from_json(spec))
    raise ValueError(f"unknown load kind {kind!r}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("spec", type=Path)
    parser.add_argument("result", type=Path)
    args = parser.parse_args()
    raise_open_file_limit()
    spec = json.loads(args.spec.read_text())
    result = uvloop.run(generate(spec))
    args.result.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
