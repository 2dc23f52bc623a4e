"""The shape of one request to the Gauzy REST API, independent of any HTTP library."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class QueryStyle(StrEnum):
    """How a route reads its query string (gauzy-contracts `query.shape`)."""

    BRACKETS = "brackets"  # where[status]=open&relations[]=project&take=10 (qs extended syntax)
    DATA_JSON = "data-json"  # ?data=<URL-encoded JSON>


@dataclass(frozen=True)
class GauzyRequest:
    """A call to one Gauzy route. `path` is concrete (`/api/tasks/<uuid>`), `/api` included.

    `query` is a nested mapping; adapters encode it according to `query_style`.
    `idempotent` says whether repeating the request is harmless (retries rely on it).
    """

    method: str
    path: str
    query: Mapping[str, Any] = field(default_factory=dict)
    body: Any = None
    query_style: QueryStyle = QueryStyle.BRACKETS
    idempotent: bool | None = None

    @property
    def safe_to_repeat(self) -> bool:
        if self.idempotent is not None:
            return self.idempotent
        return self.method.upper() in {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
