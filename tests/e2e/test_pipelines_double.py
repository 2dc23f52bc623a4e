"""Deals and pipeline stages through MCP and the real HTTP adapter against the Gauzy double,
where stages behave as in Gauzy (rows of their own, rewritten by the pipeline's PUT)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from tests.demo import demo_client
from tests.doubles.support import tenant_headers
from tests.e2e.test_finance_effects import ok

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]


@pytest.fixture
def double():
    with GauzyDouble() as running:
        yield running


def _client(double: GauzyDouble):
    return demo_client(api_base_url=double.base_url, auth_email="admin@ever.co", auth_password="admin")


async def test_a_first_deal_sets_up_the_sales_pipeline(double: GauzyDouble) -> None:
    async with _client(double) as client:
        deal = await ok(client, "create_deal", {"deal_data": {"title": "First order"}})
        moved = await ok(client, "update_deal_stage", {"id": deal["id"], "stage": "NEGOTIATION"})
        assert moved["stage"]["name"] == "Negotiation"
        second = await ok(client, "create_deal", {"deal_data": {"title": "Second order"}})
        pipelines = await ok(client, "get_pipelines", {})
        assert [p["name"] for p in pipelines["items"]] == ["Sales"]  # set up once, then reused
        shown = await ok(client, "get_deal", {"id": second["id"], "relations": ["stage"]})
        assert shown["stage"]["name"] == "Lead"


def _pipeline_with_bare_stages(double: GauzyDouble, *names: str) -> dict[str, Any]:
    """Created as a client that sends stages without tenant and organization would."""
    with httpx.Client(base_url=double.base_url) as http:
        scope = {"tenantId": double.seed.tenant_id, "organizationId": double.seed.organization_id}
        created = http.post("/api/pipelines", headers=tenant_headers(http, double),
                            json={"name": "Imported", **scope, "stages": [{"name": name} for name in names]})
    return dict(created.json())


async def test_stages_are_removed_even_when_another_client_left_them_without_a_tenant(double: GauzyDouble) -> None:
    created = _pipeline_with_bare_stages(double, "Old", "Keep")
    old, keep = created["stages"]
    async with _client(double) as client:
        left = await ok(client, "remove_pipeline_stage", {"pipelineId": created["id"], "stageId": old["id"]})
        assert [s["id"] for s in left["stages"]] == [keep["id"]]


async def test_stages_made_with_the_pipeline_can_be_changed_one_by_one(double: GauzyDouble) -> None:
    async with _client(double) as client:
        pipeline = await ok(client, "create_pipeline", {"pipeline_data": {"name": "Partners", "stages": [
            {"name": "Contacted"}, {"name": "Meeting"}]}})
        contacted, meeting = sorted(pipeline["stages"], key=lambda s: s["index"])
        await ok(client, "update_pipeline_stage", {"pipelineId": pipeline["id"], "stageId": meeting["id"],
                                                   "stage_data": {"position": 1}})
        left = await ok(client, "remove_pipeline_stage", {"pipelineId": pipeline["id"], "stageId": contacted["id"]})
        assert [(s["name"], s["index"]) for s in left["stages"]] == [("Meeting", 1)]
