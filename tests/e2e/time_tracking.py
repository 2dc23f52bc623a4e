"""The backend of the time-tracking scenarios: an MCP client signed in as the time-tracking demo
tenant's lead, the rows of that tenant (to compute expected figures from the data itself), and a
counter of the tool calls each request took.

Parametrised over backends: the Gauzy model served over HTTP (driven through the real REST adapter)
and the embedded demo (the same model answered in process)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from mcp import Client

from adapters.outbound.gauzy_model import GauzyDouble
from adapters.outbound.gauzy_model.seed.time_tracking import LEAD
from tests.demo import demo_client, demo_container
from tests.e2e.tool_calls import ok

LEAD_EMAIL, LEAD_PASSWORD = LEAD[2], LEAD[3]
Row = dict[str, Any]


@dataclass
class Counted:
    """An MCP client that counts the tool calls made through it."""

    client: Client
    calls: list[str] = field(default_factory=list)

    async def call_tool(self, name: str, arguments: dict[str, Any]) -> Any:
        self.calls.append(name)
        return await self.client.call_tool(name, arguments)

    async def ok(self, name: str, arguments: dict[str, Any]) -> Any:
        return await ok(self, name, arguments)  # type: ignore[arg-type]


@dataclass
class TimeTrackingBackend:
    open_client: Callable[[], AbstractAsyncContextManager[Client]]
    rows_of: Callable[[str], list[Row]]

    @asynccontextmanager
    async def request(self) -> AsyncIterator[Counted]:
        """A client for answering one request; the calls it took are in `.calls`."""
        async with self.open_client() as client:
            yield Counted(client)

    def rows(self, table: str, **where: Any) -> list[Row]:
        """The lead's tenant rows of `table` (soft-deleted ones left out) matching `where`."""
        return [r for r in self.rows_of(table) if not r.get("deletedAt")
                and all(r.get(k) == v for k, v in where.items())]

    def one(self, table: str, **where: Any) -> Row:
        (row,) = self.rows(table, **where)
        return row


def _on_double(double: GauzyDouble) -> TimeTrackingBackend:
    lead = double.seed.accounts[LEAD_EMAIL].user_id
    tenant = double.api.store.get("User", lead)["tenantId"]

    def open_client() -> AbstractAsyncContextManager[Client]:
        double.reset_throttle()
        return demo_client(api_base_url=double.base_url, auth_email=LEAD_EMAIL, auth_password=LEAD_PASSWORD)

    return TimeTrackingBackend(open_client, lambda table: [
        r for r in double.api.store.rows(table) if r.get("tenantId") == tenant])


@pytest.fixture(scope="module")
def time_double() -> Any:
    with GauzyDouble() as running:
        yield running


def _on_demo() -> TimeTrackingBackend:
    container = demo_container(auth_email=LEAD_EMAIL, auth_password=LEAD_PASSWORD)
    store = container.gauzy_demo().model.store
    lead = next(u for u in store.rows("User") if u.get("email") == LEAD_EMAIL)
    return TimeTrackingBackend(lambda: demo_client(container), lambda table: [
        r for r in store.rows(table) if r.get("tenantId") == lead["tenantId"]])


@pytest.fixture(scope="module")
def time_demo() -> TimeTrackingBackend:
    return _on_demo()


@pytest.fixture(params=["double", "demo"])
def backend(request: pytest.FixtureRequest) -> TimeTrackingBackend:
    if request.param == "demo":
        return request.getfixturevalue("time_demo")  # type: ignore[no-any-return]
    return _on_double(request.getfixturevalue("time_double"))


# -- dates as the model would resolve them ------------------------------------------------------------------
def today() -> date:
    return datetime.now(UTC).date()


def monday(weeks_ago: int = 0) -> date:
    day = today()
    return day - timedelta(days=day.weekday(), weeks=weeks_ago)


def moment(text: Any) -> datetime:
    return datetime.fromisoformat(str(text).replace("Z", "+00:00"))


def within(row: Row, start: datetime, end: datetime, key: str = "startedAt") -> bool:
    return start <= moment(row[key]) <= end


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """A date range as the tools read it: from the first day's start to the last day's end."""
    return datetime.combine(first, time.min, tzinfo=UTC), datetime.combine(last, time.max, tzinfo=UTC)
