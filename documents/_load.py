"""Documents from raw pymongo results (findOneAndUpdate returns plain dicts), and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from beanie import Document

D = TypeVar("D", bound=Document)


def load(model: type[D], document: Mapping[str, Any]) -> D:
    loaded: D = model.model_validate(document)
    return loaded


def stored(document: Document) -> dict[str, Any]:
    """What `document` stores: its `_id` and fields, for a plain pymongo insert."""
    fields: dict[str, Any] = document.model_dump(by_alias=True, exclude={"revision_id"})
    return fields
