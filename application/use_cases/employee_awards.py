"""Award statistics: Gauzy has no statistics route for awards, so they are counted from
the award list (filtered by employee and year on the server, by date range here)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets.employee_awards import ALL
from application.catalog.toolsets.employee_awards import AwardStatistics as AwardStatisticsInput
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from application.use_cases.deals import created_between


def group_key(award: dict[str, Any], grouping: str) -> str:
    if grouping == "employee":
        return str(award.get("employeeId") or "none")
    if grouping == "year":
        return str(award.get("year") or "none")
    return str(award.get("createdAt") or "")[:7] or "none"  # month recorded, YYYY-MM


class AwardStatistics:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        asked = arguments_as(AwardStatisticsInput, arguments)
        values = asked.model_dump(include={"employeeId", "year"}, exclude_none=True)
        awards = created_between(await self._runner.all_items(ALL, values, invocation), asked.startDate, asked.endDate)
        counts = Counter(group_key(award, asked.groupBy) for award in awards)
        groups = [{"key": key, "count": count} for key, count in sorted(counts.items())]
        return {"total": len(awards), "groupBy": asked.groupBy, "groups": groups}
