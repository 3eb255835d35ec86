"""Scenario 6: what a browser downloads, gzipped (level 9, as clients/widget/scripts/size.mjs)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

from devtools.services import ROOT

WIDGET = ROOT / "clients" / "widget" / "dist" / "widget.js"
DASHBOARD = ROOT / "clients" / "dashboard" / "dist"
# Scripts and module preloads that index.html references: what the first page load fetches.
INITIAL_JS = re.compile(r"""<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)\"""")


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def run() -> dict[str, Any]:
    widget: dict[str, Any] = {"built": WIDGET.exists()}
    if WIDGET.exists():
        widget |= {"bytes": WIDGET.stat().st_size, "gzip_bytes": gzipped(WIDGET)}
    index = DASHBOARD / "index.html"
    dashboard: dict[str, Any] = {"built": index.exists()}
    if index.exists():
        files = [
            DASHBOARD / reference.removeprefix("/admin/").lstrip("/")
            for reference in INITIAL_JS.findall(index.read_text())
        ]
        missing = [str(path) for path in files if not path.exists()]
        present = [path for path in files if path.exists()]
        dashboard |= {
            "built": not missing,
            "files": [path.name for path in present],
            "bytes": sum(path.stat().st_size for path in present),
            "gzip_bytes": sum(gzipped(path) for path in present),
        }
        if missing:
            dashboard["missing"] = missing
    return {"widget": widget, "dashboard": dashboard}
