"""Query strings the Gauzy API parses: qs bracket syntax, or one `data` parameter holding JSON.

Gauzy sets Express' `query parser` to `extended` (the `qs` library), so nested mappings are
written `where[project][id]=...`, scalar lists `relations[]=a&relations[]=b` and lists of
mappings by index (`where[members][0][id]=...`). `qs` turns an indexed list longer than
`arrayLimit` (20) into an object; recent `qs` versions do the same for `[]` lists, so a
longer list is refused here, clearly, rather than reaching Gauzy as an object it misreads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from domain.errors import InvalidInputError
from domain.gauzy import QueryStyle

Pair = tuple[str, str]
QS_ARRAY_LIMIT = 20


def encode_query(query: Mapping[str, Any], style: QueryStyle) -> list[Pair]:
    """The (name, value) pairs of `query`, ready for URL encoding, in the route's style."""
    if not query:
        return []
    if style is QueryStyle.DATA_JSON:
        return [("data", to_json(query))]
    return list(_pairs(query, ""))


def to_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), default=json_default)


def json_default(value: Any) -> Any:
    """Dates as ISO 8601 (what class-validator's IsDate/IsDateString accept); enums by value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return str(value)


def scalar(value: Any) -> str:
    """qs keeps every value a string; booleans are spelled the way the API's transforms parse them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return scalar(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _pairs(value: Any, prefix: str) -> Iterator[Pair]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _pairs(item, f"{prefix}[{key}]" if prefix else str(key))
    elif isinstance(value, list | tuple | set | frozenset):
        yield from _list_pairs(list(value), prefix)
    elif value is not None:  # qs would send `key=`, which Gauzy reads as "equals the empty string"
        yield prefix, scalar(value)


def _list_pairs(items: list[Any], prefix: str) -> Iterator[Pair]:
    if len(items) > QS_ARRAY_LIMIT:
        raise InvalidInputError([f"{prefix}: Gauzy reads at most {QS_ARRAY_LIMIT} values of one list in a "
                                 f"query; got {len(items)}, so ask in smaller batches"])
    if any(isinstance(item, Mapping | list | tuple) for item in items):
        for index, item in enumerate(items):
            yield from _pairs(item, f"{prefix}[{index}]")
    else:
        for item in items:
            yield from _pairs(item, f"{prefix}[]")
