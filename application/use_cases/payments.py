"""Payment statistics: counts and sums per day, client or project, kept per currency, over
every payment matching the filters (the payment-date range is applied here, since the
list route without paging knows only equality filters)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets.payments import ALL, PaymentStatistics
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from application.use_cases.deals import in_range

GROUP_FIELDS = {"client": "organizationContactId", "project": "projectId"}


def group_key(payment: dict[str, Any], grouping: str) -> str:
    if grouping == "date":
        return str(payment.get("paymentDate") or "")[:10] or "none"
    return str(payment.get(GROUP_FIELDS[grouping]) or "none")


def totals(payments: list[dict[str, Any]]) -> dict[str, float]:
    sums: defaultdict[str, float] = defaultdict(float)
    for payment in payments:
        sums[str(payment.get("currency") or "none")] += float(payment.get("amount") or 0)
    return {currency: round(amount, 2) for currency, amount in sorted(sums.items())}


class PaymentTotals:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        asked = arguments_as(PaymentStatistics, arguments)
        values = asked.model_dump(include={"organizationContactId", "projectId", "currency"}, exclude_none=True)
        payments = in_range(await self._runner.all_items(ALL, values, invocation), "paymentDate",
                            asked.startDate, asked.endDate)
        groups: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        for payment in payments:
            groups[group_key(payment, asked.groupBy)].append(payment)
        return {"count": len(payments), "totals": totals(payments), "groupBy": asked.groupBy,
                "groups": [{"key": key, "count": len(rows), "totals": totals(rows)}
                           for key, rows in sorted(groups.items())]}
