"""Input pieces shared by the invoices, payments, expenses, incomes, deals, candidates and
awards toolsets: date ranges Gauzy only honours as a pair, years, money amounts."""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from application.catalog.fields import IsoDate, IsoEndDate, PageInput, RelationsInput, ToolInput


def _year_text(raw: Any) -> Any:
    """Gauzy stores an award's year as text; models often send it as a number."""
    return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw


YEAR_PATTERN = r"^\d{4}$"
Year = Annotated[
    str, BeforeValidator(_year_text), Field(pattern=YEAR_PATTERN),
    # The schema says what _year_text accepts: a four-digit text or number.
    WithJsonSchema({"type": ["string", "integer"], "pattern": YEAR_PATTERN, "minimum": 1000, "maximum": 9999}),
]
Amount = Annotated[float, Field(ge=0)]


class DatePair(ToolInput):
    """A range Gauzy applies only when both ends are given (one end alone falls back to the
    current month on the server), so one end alone is refused here instead."""

    model_config = ConfigDict(json_schema_extra={"dependentRequired": {"startDate": ["endDate"],
                                                                       "endDate": ["startDate"]}})

    # dependentRequired tells a model "both or neither"; no words needed on every range.
    startDate: IsoDate | None = None  # noqa: N815
    endDate: IsoEndDate | None = None  # noqa: N815

    @model_validator(mode="after")
    def _both_or_neither(self) -> Self:
        if (self.startDate is None) != (self.endDate is None):
            raise ValueError("give both startDate and endDate, or neither")
        return self


class PagedList(PageInput, RelationsInput):
    """Page, page size and relations, the usual list parameters."""
