"""Date ranges mean the same on the demo and on the served double (one Gauzy model): a one-week
window and an all-time window give different answers, for lists and for counts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.conftest import BackendClient
from tests.e2e.tool_calls import ok

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]
ALL_TIME = {"startDate": "2000-01-01", "endDate": "2100-01-01"}


def day(offset: int) -> str:
    return (datetime.now(UTC) + timedelta(days=offset)).date().isoformat()


async def test_expenses_of_this_week_differ_from_all_time(backend_client: BackendClient) -> None:
    tag = f"range-{uuid.uuid4().hex[:8]}"
    week = {"startDate": day(-6), "endDate": day(1)}
    async with backend_client() as client:
        recent = await ok(client, "create_expense", {"expense_data": {
            "amount": 10, "notes": f"{tag} recent", "valueDate": day(0)}})
        old = await ok(client, "create_expense", {"expense_data": {
            "amount": 20, "notes": f"{tag} old", "valueDate": day(-40)}})
        in_week = await ok(client, "get_expenses", {"search": tag, **week})
        ever = await ok(client, "get_expenses", {"search": tag, **ALL_TIME})
        counted_week = await ok(client, "get_expense_count", {**week})
        counted_ever = await ok(client, "get_expense_count", {**ALL_TIME})
    assert [e["id"] for e in in_week["items"]] == [recent["id"]]
    assert {e["id"] for e in ever["items"]} == {recent["id"], old["id"]}
    assert counted_ever["count"] >= counted_week["count"] + 1


async def test_working_employees_in_a_week_differ_from_no_range(backend_client: BackendClient) -> None:
    """No seeded employee has a start date, so a range (Gauzy compares startedWorkOn) finds none."""
    async with backend_client() as client:
        now = await ok(client, "get_working_employees_count", {})
        long_ago = await ok(client, "get_working_employees_count", {
            "forRange": {"start": day(-6), "end": day(0)}})
    assert (now, long_ago) == ({"count": 10}, {"count": 0}), (now, long_ago)
