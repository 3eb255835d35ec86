"""Documents from raw pymongo results (findOneAndUpdate returns plain dicts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from beanie import Document

D = TypeVar("D", bound=Document)


def load(model: type[D], document: Mapping[str, Any]) -> D:
    loaded: D = model.model_validate(document)
    return loaded
