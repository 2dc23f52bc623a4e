"""List results carry what a model needs: no nulls, not the caller's own tenant and organization
ids on every item, related records without their bookkeeping; the single record keeps it all."""

from __future__ import annotations

import json

import pytest

from adapters.inbound.stdio import STDIO_CALLER
from application.invocation import Invocation
from application.results import summaries
from tests.demo import demo_container

pytestmark = pytest.mark.anyio


async def call(dispatcher, name: str, arguments: dict) -> dict:
    outcome = await dispatcher.call(name, arguments, Invocation(STDIO_CALLER))
    assert not outcome.is_error, outcome.text
    return json.loads(outcome.text)


async def test_list_items_leave_out_nulls_and_context_ids_the_record_keeps_them() -> None:
    dispatcher = demo_container().dispatcher()
    item = (await call(dispatcher, "get_employees", {"limit": 1}))["items"][0]
    record = await call(dispatcher, "get_employee", {"id": item["id"]})
    assert "tenantId" in record and "organizationId" in record and None in record.values()
    assert not {"tenantId", "organizationId"} & set(item) and None not in item.values()
    assert item["user"]["firstName"] == record["user"]["firstName"], "names of related records stay"
    assert "tenantId" not in item["user"]


def test_related_records_lose_bookkeeping_but_keep_their_content() -> None:
    items = [{"id": "t", "title": "x", "dueDate": None, "tenantId": "me",
              "project": {"id": "p", "name": "P", "createdAt": "2026", "organizationId": "me"},
              "members": [{"id": "e", "updatedAt": "2026", "user": {"firstName": "Ava", "deletedAt": None}}]}]
    assert summaries(items) == [{"id": "t", "title": "x", "project": {"id": "p", "name": "P"},
                                 "members": [{"id": "e", "user": {"firstName": "Ava"}}]}]
