"""Input pieces shared by the invoices, payments, expenses, incomes, deals, candidates and
awards toolsets: date ranges Gauzy only honours as a pair, years, money amounts."""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import BeforeValidator, Field, model_validator

from application.catalog.fields import IsoDate, IsoEndDate, PageInput, RelationsInput, ToolInput


def _year_text(raw: Any) -> Any:
    """Gauzy stores an award's year as text; models often send it as a number."""
    return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw


Year = Annotated[str, BeforeValidator(_year_text), Field(pattern=r"^\d{4}$", description="Four-digit year, e.g. 2026.")]
Amount = Annotated[float, Field(ge=0, description="Amount in the record's currency.")]


class DatePair(ToolInput):
    """A range Gauzy applies only when both ends are given (one end alone falls back to the
    current month on the server), so one end alone is refused here instead."""

    startDate: IsoDate | None = Field(None, description="Start of the range; give endDate too.")  # noqa: N815
    endDate: IsoEndDate | None = Field(None, description="End of the range; give startDate too.")  # noqa: N815

    @model_validator(mode="after")
    def _both_or_neither(self) -> Self:
        if (self.startDate is None) != (self.endDate is None):
            raise ValueError("give both startDate and endDate, or neither")
        return self


class PagedList(PageInput, RelationsInput):
    """Page, page size and relations, the usual list parameters."""
