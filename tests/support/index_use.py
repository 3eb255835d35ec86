"""MongoDB's `notablescan`, emulated: is each logged query served by a declared index?

A query is served when, in each of its `$or` branches, the filter constrains the
first field of one of the collection's indexes (a prefix, as the planner needs),
and every field it sorts on is in that index (`_id` may break ties); or when its
sort follows an index from its first field (an index scan in that order, filtered
as it goes, is no collection scan). An empty filter is served only through its sort,
except the one probe a GridFS driver
makes before it writes (is the bucket empty? one document of `<bucket>.files`
or `.chunks`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from documents import DOCUMENT_MODELS

Index = tuple[str, ...]

# Indexes MongoDB's GridFS creates on its own collections.
GRIDFS_INDEXES: dict[str, list[Index]] = {
    ".files": [("filename", "uploadDate")],
    ".chunks": [("files_id", "n")],
}


def declared_indexes() -> dict[str, list[Index]]:
    indexes: dict[str, list[Index]] = {}
    for model in DOCUMENT_MODELS:
        settings: Any = model.Settings  # Beanie documents declare name and indexes here
        keys = [tuple(dict(index.document["key"])) for index in getattr(settings, "indexes", [])]
        indexes[settings.name] = [("_id",), *keys]
    return indexes


@dataclass(frozen=True)
class Query:
    command: str
    collection: str
    filter: Mapping[str, Any]
    sort: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.command} {self.collection} filter={json.dumps(self.filter)} sort={self.sort}"


def logged_queries(directory: Path) -> Iterator[Query]:
    for path in sorted(directory.glob("commands-*.jsonl")):
        for line in path.read_text().splitlines():
            shape = json.loads(line)
            yield Query(
                shape["command"], shape["collection"], shape["filter"], tuple(shape["sort"])
            )


def unserved(queries: Iterable[Query], indexes: Mapping[str, list[Index]]) -> list[Query]:
    """The distinct queries that no declared index serves."""
    missing: dict[str, Query] = {}
    for query in queries:
        available = indexes.get(query.collection) or _gridfs_indexes(query.collection)
        if _is_gridfs_probe(query):
            continue
        if _sorted_by_index(query.sort, available):
            continue
        if not all(_served(branch, query.sort, available) for branch in _branches(query.filter)):
            missing.setdefault(str(query), query)
    return list(missing.values())


def _is_gridfs_probe(query: Query) -> bool:
    gridfs = any(query.collection.endswith(suffix) for suffix in GRIDFS_INDEXES)
    return gridfs and query.command == "find" and not query.filter and not query.sort


def _gridfs_indexes(collection: str) -> list[Index]:
    for suffix, indexes in GRIDFS_INDEXES.items():
        if collection.endswith(suffix):
            return [("_id",), *indexes]
    return [("_id",)]


def _branches(query: Mapping[str, Any]) -> list[set[str]]:
    """The fields each alternative of the filter constrains (the filter in disjunctive form)."""
    branches: list[set[str]] = [set()]
    for key, value in query.items():
        if key == "$or" and isinstance(value, list):
            alternatives = [branch for item in value for branch in _branches(item)]
            branches = [mine | theirs for mine in branches for theirs in alternatives]
        elif key == "$and" and isinstance(value, list):
            for item in value:
                parts = _branches(item)
                branches = [mine | theirs for mine in branches for theirs in parts]
        elif not key.startswith("$"):
            branches = [branch | {key} for branch in branches]
    return branches


def _sorted_by_index(sort: tuple[str, ...], indexes: list[Index]) -> bool:
    return bool(sort) and any(index[: len(sort)] == sort for index in indexes)


def _served(fields: set[str], sort: tuple[str, ...], indexes: list[Index]) -> bool:
    for index in indexes:
        leads = index[0] in fields if fields else bool(sort) and sort[0] == index[0]
        if leads and all(field in index or field == "_id" for field in sort):
            return True
    return False
