"""Shared input pieces, written once: enums with aliases, ids, dates, paging, relations."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


def api_enum(values: tuple[str, ...], aliases: Mapping[str, str] | None = None, *, what: str = "value") -> Any:
    """A string field whose schema offers the real API's `values`; `aliases` (other
    spellings, e.g. the reference server's "IN_PROGRESS") are accepted and translated."""
    folded = {_fold(v): v for v in values}
    folded.update({_fold(k): v for k, v in (aliases or {}).items()})

    def translate(raw: object) -> str:
        if isinstance(raw, str) and _fold(raw) in folded:
            return folded[_fold(raw)]
        raise PydanticCustomError(
            "enum", "{value} is not a valid {what}; allowed: {allowed}",
            {"value": repr(raw), "what": what, "allowed": ", ".join(values)},
        )

    return Annotated[str, BeforeValidator(translate), WithJsonSchema({"type": "string", "enum": list(values)})]


def _fold(text: str) -> str:
    """Spelling-insensitive key: 'IN_PROGRESS', 'in progress' and 'in-progress' agree."""
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def _iso_datetime(raw: object) -> str:
    """Accept ISO 8601 dates and date-times; send Gauzy a full ISO 8601 UTC timestamp
    (a date alone is the start of that day)."""
    return _timestamp(raw, time.min)


def _iso_end(raw: object) -> str:
    """The end of a range: a date alone means the whole day, so it becomes the day's last
    millisecond; as midnight, the range would drop the day the user named."""
    return _timestamp(raw, time(23, 59, 59, 999000))


def _timestamp(raw: object, day_time: time) -> str:
    if isinstance(raw, datetime):
        return raw.isoformat()
    if isinstance(raw, date):
        return _on_day(raw, day_time)
    if isinstance(raw, str):
        text = raw.strip().upper()  # RFC 3339 allows a lower-case "t" and "z"
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            return text if "T" in text else _on_day(parsed.date(), day_time)
    raise PydanticCustomError(
        "iso_date", "{value} is not an ISO 8601 date; use e.g. 2026-11-21 or 2026-11-21T09:30:00Z",
        {"value": repr(raw)},
    )


def _on_day(day: date, day_time: time) -> str:
    stamp = datetime.combine(day, day_time)
    return stamp.isoformat(timespec="milliseconds" if day_time.microsecond else "seconds") + "Z"


Uuid = Annotated[str, Field(pattern=UUID_PATTERN, description="A Gauzy id (UUID).")]
# Formats, asserted on our side, say "ISO date or date-time" without repeating it in words on every field.
ISO_DATE_SCHEMA = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]}
IsoDate = Annotated[str, BeforeValidator(_iso_datetime), WithJsonSchema(ISO_DATE_SCHEMA)]
# A date alone means the end of that day: the server's instructions say it once, not on every end date.
IsoEndDate = Annotated[str, BeforeValidator(_iso_end), WithJsonSchema(ISO_DATE_SCHEMA)]


class ToolInput(BaseModel):
    """Base of every tool's input model: unknown arguments are an error, not ignored,
    so a misspelt parameter is reported instead of silently dropped."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class PageInput(ToolInput):
    page: int = Field(1, ge=1)  # name, default and bounds say it all: no words on every list tool
    limit: int = Field(10, ge=1, le=100)


class RelationsInput(ToolInput):
    # The name says what it is and each tool's description names its relations; no words on every list tool.
    relations: list[str] | None = Field(None, max_length=20)


class IdInput(ToolInput):
    id: Uuid


class DateRangeInput(ToolInput):
    startDate: IsoDate | None = None  # noqa: N815 - the reference's parameter name
    endDate: IsoEndDate | None = None  # noqa: N815
