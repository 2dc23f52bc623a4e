"""Output models for results whose shape is stable (outputSchema + structuredContent)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class PageOutput(BaseModel):
    """A page of records, as Gauzy's IPagination returns it."""

    items: list[dict[str, Any]]
    total: int  # matching records across all pages


class CountOutput(BaseModel):
    count: int


class RecordOutput(BaseModel):
    """One Gauzy record; fields beyond `id` vary by resource and relations asked for."""

    model_config = ConfigDict(extra="allow")
    id: str


class BulkItemOutcome(BaseModel):
    index: int
    ok: bool
    id: str | None = None
    error: str | None = None


class BulkOutput(BaseModel):
    succeeded: int
    failed: int
    results: list[BulkItemOutcome]
