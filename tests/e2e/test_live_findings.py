"""What a real Gauzy API showed that the double did not, as tool calls over MCP: each test runs
on the Gauzy API double and, with GAUZY_REAL_URL set, on the real API (skipped otherwise), so
the double keeps failing where the real one does and the tools keep coping with it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.outbound.gauzy_model import GauzyDouble
from tests.demo import demo_client
from tests.e2e.tool_calls import ok, refused
from tests.live import LIVE, LIVE_EMAIL, LIVE_PASSWORD, live_url

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]


@pytest.fixture(params=["double", LIVE])
async def client(request: pytest.FixtureRequest) -> AsyncIterator[Client]:
    """An MCP client signed in as the admin, on the double or on the real API."""
    if request.param == "live":
        url = live_url()
    else:
        double: GauzyDouble = request.getfixturevalue("double_backend")
        double.reset_throttle()
        url = double.base_url
    async with demo_client(api_base_url=url, auth_email=LIVE_EMAIL, auth_password=LIVE_PASSWORD) as opened:
        yield opened


async def my_employee(client: Client) -> str:
    return str((await ok(client, "get_current_employee", {}))["id"])


async def test_auth_status_of_a_configured_account_is_the_account_it_signs_in_as(client: Client) -> None:
    status = await ok(client, "get_auth_status", {})
    assert status["authenticated"] is True and status["email"] == LIVE_EMAIL


async def test_update_task_answers_the_task_as_stored(client: Client) -> None:
    project = (await ok(client, "create_project", {"project_data": {"name": "Stored fields"}}))["id"]
    task = await ok(client, "create_task", {"task_data": {"title": "Keep my fields", "priority": "high",
                                                          "issueType": "bug", "projectId": project}})
    answer = await ok(client, "update_task", {"id": task["id"], "task_data": {"description": "Changed"}})
    assert (answer["priority"], answer["issueType"], answer["projectId"]) == ("high", "bug", project)
    stored = await ok(client, "get_task", {"id": task["id"]})
    assert {key: answer.get(key) for key in stored} == stored


async def test_update_employee_profile_answers_the_employee_as_stored(client: Client) -> None:
    before = await ok(client, "get_current_employee", {})
    answer = await ok(client, "update_employee_profile", {"employee_data": {"description": "Stored"}})
    assert answer["description"] == "Stored"
    assert (answer["isActive"], answer["userId"]) == (before["isActive"], before["userId"])


async def test_a_task_comment_is_written_as_the_signed_in_employee(client: Client) -> None:
    task = (await ok(client, "create_task", {"task_data": {"title": "Commented"}}))["id"]
    comment = await ok(client, "add_comment_to_task", {"taskId": task, "comment": "Looks good"})
    stored = await ok(client, "get_comment", {"id": comment["id"]})
    assert stored["employeeId"] == await my_employee(client)


async def test_timer_refused_for_disabled_tracking_says_how_to_switch_it_on(client: Client) -> None:
    await ok(client, "update_employee_profile", {"employee_data": {"isTrackingEnabled": False}})
    text = await refused(client, "start_timer", {})
    assert "isTrackingEnabled" in text and "update_employee_profile" in text
    await ok(client, "update_employee_profile", {"employee_data": {"isTrackingEnabled": True}})
    assert (await ok(client, "get_current_employee", {}))["isTrackingEnabled"] is True


async def test_delete_project_says_what_it_deleted(client: Client) -> None:
    project = (await ok(client, "create_project", {"project_data": {"name": "Short-lived"}}))["id"]
    assert await ok(client, "delete_project", {"id": project}) == {
        "deleted": True, "id": project, "path": f"/api/organization-projects/{project}"}
    assert project not in {p["id"] for p in (await ok(client, "get_projects", {"limit": 100}))["items"]}


async def test_employees_come_with_their_names(client: Client) -> None:
    first = (await ok(client, "get_employees", {}))["items"][0]
    assert first["user"]["firstName"]


async def test_contact_fields_change_through_update_organization_contact_by_employee(client: Client) -> None:
    contact = (await ok(client, "create_organization_contact", {"contact_data": {"name": "Old name"}}))["id"]
    organization = (await ok(client, "get_current_employee", {}))["organizationId"]
    await ok(client, "update_organization_contact_by_employee",
             {"id": contact, "organizationId": organization, "contact_data": {"name": "New name"}})
    assert (await ok(client, "get_organization_contact", {"id": contact}))["name"] == "New name"


def names(page: dict[str, Any]) -> set[str]:
    return {str(item.get("name")) for item in page["items"]}


async def test_merchant_tools_say_plainly_that_this_gauzy_cannot_serve_merchants(client: Client) -> None:
    for tool, arguments in (("get_merchants", {}), ("get_merchant_count", {}), ("search_merchants", {"query": "a"}),
                            ("create_merchant", {"merchant_data": {"name": "Never stored"}})):
        text = await refused(client, tool, arguments)
        assert "gauzy_failed" in text and "cannot serve merchants" in text, (tool, text)
    outcome = await ok(client, "bulk_create_merchants", {"merchants": [{"name": "Never stored either"}]})
    assert outcome["failed"] == 1 and "cannot serve merchants" in outcome["results"][0]["error"]
