"""The README's settings table lists every setting, with its default."""

from __future__ import annotations

import re
from pathlib import Path

from core.settings import Settings

README = Path(__file__).parents[1] / "README.md"


def settings_table() -> dict[str, str]:
    section = README.read_text().split("### Settings", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \|", section, re.MULTILINE)
    return {name: default.strip() for name, default in rows}


def documented_default(value: object) -> str | None:
    """How the table writes a plain default; None when it explains it in words."""
    if value in (None, "", []):
        return None
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return f"`{','.join(map(str, value))}`"
    return f"`{value}`"


def test_every_setting_is_in_the_readme_table_with_its_default() -> None:
    table = settings_table()

    assert list(table) == [name.upper() for name in Settings.model_fields]
    for name, field in Settings.model_fields.items():
        expected = documented_default(field.default)
        if expected is None:
            assert table[name.upper()].startswith("("), name
        else:
            assert table[name.upper()] == expected, name
