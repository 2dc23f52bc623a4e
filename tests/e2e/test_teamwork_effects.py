"""Time off, daily plans, contacts, comments, skills and reports: each write tool's effect
shows through the matching read tool, over MCP on the demo Gauzy and on the Gauzy API double."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from mcp import Client

from tests.e2e.conftest import BackendClient
from tests.e2e.tool_calls import ok, refused

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]




async def me(client: Client) -> str:
    """The signed-in user's own employee id."""
    return str((await ok(client, "get_current_employee", {}))["id"])


def ids(page: dict[str, Any]) -> set[str]:
    return {item["id"] for item in page["items"]}


def day(offset: int) -> str:
    return (datetime.now(UTC) + timedelta(days=offset)).date().isoformat()


async def new_task(client: Client, title: str) -> str:
    return str((await ok(client, "create_task", {"task_data": {"title": title}}))["id"])


async def new_request(client: Client, policy_id: str, employee_id: str) -> str:
    data = {"startDate": day(30), "endDate": day(32), "employeeId": employee_id, "policyId": policy_id}
    return str((await ok(client, "create_time_off_request", {"request_data": data}))["id"])


async def test_time_off_requests_are_created_decided_cancelled_and_deleted(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await me(client)
        policy = (await ok(client, "create_time_off_policy", {"policy_data": {"name": "Effects leave"}}))["id"]
        assert (await ok(client, "get_time_off_policy", {"id": policy}))["name"] == "Effects leave"
        first, second, third = [await new_request(client, policy, employee) for _ in range(3)]
        shown = await ok(client, "get_time_off_request", {"id": first})
        assert (shown["status"], shown["start"][:10]) == ("REQUESTED", day(30))
        await ok(client, "update_time_off_request", {"id": first, "request_data": {"description": "Trip"}})
        assert (await ok(client, "get_time_off_request", {"id": first}))["description"] == "Trip"
        await ok(client, "approve_time_off_request", {"id": first})
        await ok(client, "deny_time_off_request", {"id": second})
        assert (await ok(client, "get_time_off_request", {"id": first}))["status"] == "APPROVED"
        assert (await ok(client, "get_time_off_request", {"id": second}))["status"] == "DENIED"
        assert third in ids(await ok(client, "get_pending_time_off_requests", {}))
        await ok(client, "cancel_time_off_request", {"id": third})
        assert third not in ids(await ok(client, "get_my_time_off_requests", {}))
        assert third in ids(await ok(client, "get_my_time_off_requests", {"includeArchived": True}))
        await ok(client, "delete_time_off_request", {"id": first})
        assert "not found" in (await refused(client, "get_time_off_request", {"id": first})).lower()


async def test_time_off_policy_updates_replace_the_policy(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await me(client)
        policy = (await ok(client, "create_time_off_policy", {"policy_data": {"name": "Replaced leave"}}))["id"]
        members = {"policyId": policy, "employeeIds": [employee]}
        joined = await ok(client, "assign_employees_to_time_off_policy", members)
        assert joined["id"] != policy and [e["id"] for e in joined["employees"]] == [employee]
        await refused(client, "get_time_off_policy", {"id": policy})
        renamed = await ok(client, "update_time_off_policy", {"id": joined["id"], "policy_data": {"name": "Renamed"}})
        shown = await ok(client, "get_time_off_policy", {"id": renamed["id"]})
        assert (shown["name"], shown["paid"], [e["id"] for e in shown["employees"]]) == ("Renamed", True, [employee])
        await ok(client, "delete_time_off_policy", {"id": renamed["id"]})
        await refused(client, "get_time_off_policy", {"id": renamed["id"]})


async def test_daily_plans_and_their_tasks(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await me(client)
        task = await new_task(client, "Planned task")
        data = {"date": day(3), "workTimePlanned": 5}
        plan = (await ok(client, "create_daily_plan", {"daily_plan_data": data}))["id"]
        shown = await ok(client, "get_daily_plan", {"id": plan})
        assert (shown["status"], shown["employeeId"], bool(shown["organizationTeamId"])) == ("open", employee, True)
        await ok(client, "update_daily_plan", {"id": plan, "plan_data": {"status": "completed"}})
        assert (await ok(client, "get_daily_plan", {"id": plan}))["status"] == "completed"
        moves = {"planId": plan, "taskId": task, "employeeId": employee}
        await ok(client, "add_task_to_daily_plan", moves)
        assert plan in ids(await ok(client, "get_daily_plans_for_task", {"taskId": task}))
        await ok(client, "remove_task_from_daily_plan", moves)
        assert plan not in ids(await ok(client, "get_daily_plans_for_task", {"taskId": task}))
        await ok(client, "add_task_to_daily_plan", moves)
        removed = await ok(client, "remove_task_from_many_daily_plans", {"taskId": task, "employeeId": employee})
        assert plan in {p["id"] for p in removed["plans"]}
        assert plan not in ids(await ok(client, "get_daily_plans_for_task", {"taskId": task}))
        await ok(client, "delete_daily_plan", {"id": plan})
        await refused(client, "get_daily_plan", {"id": plan})


async def test_daily_plans_in_bulk(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        made = await ok(client, "bulk_create_daily_plans", {"plans": [{"date": day(40), "workTimePlanned": 2},
                                                                      {"date": day(41), "workTimePlanned": 3}]})
        plans = [r["id"] for r in made["results"]]
        assert made["succeeded"] == 2 and (await ok(client, "get_daily_plan", {"id": plans[1]}))["workTimePlanned"] == 3
        await ok(client, "bulk_update_daily_plans", {"plans": [{"id": plans[0], "workTimePlanned": 8}]})
        assert (await ok(client, "get_daily_plan", {"id": plans[0]}))["workTimePlanned"] == 8
        assert (await ok(client, "bulk_delete_daily_plans", {"ids": plans}))["succeeded"] == 2
        await refused(client, "get_daily_plan", {"id": plans[0]})


async def test_contacts_their_members_and_invitation(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await me(client)
        data = {"name": "Effects Ltd", "primaryEmail": "hello@effects.example", "contactType": "lead"}
        contact = (await ok(client, "create_organization_contact", {"contact_data": data}))["id"]
        assert (await ok(client, "get_organization_contact", {"id": contact}))["contactType"] == "LEAD"
        await ok(client, "update_organization_contact", {"id": contact, "contact_data": {"notes": "Warm lead"}})
        shown = await ok(client, "get_organization_contact", {"id": contact})
        assert (shown["name"], shown["notes"]) == ("Effects Ltd", "Warm lead")
        member = {"contactId": contact, "employeeId": employee}
        by_employee = {"employeeId": employee}
        await ok(client, "assign_contact_to_employee", member)
        assert contact in ids(await ok(client, "get_organization_contacts_by_employee", by_employee))
        await ok(client, "unassign_contact_from_employee", member)
        assert contact not in ids(await ok(client, "get_organization_contacts_by_employee", by_employee))
        await ok(client, "update_organization_contact_by_employee",
                 {"id": employee, "contact_data": {"addedEntityIds": [contact]}})
        assert contact in ids(await ok(client, "get_organization_contacts", {"employeeId": employee}))
        await ok(client, "invite_organization_contact", {"contactId": contact})
        assert (await ok(client, "get_organization_contact", {"id": contact}))["inviteStatus"] == "INVITED"
        await ok(client, "delete_organization_contact", {"id": contact})
        await refused(client, "get_organization_contact", {"id": contact})


async def test_contacts_in_bulk(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        names = [{"name": "Bulk A"}, {"name": "Bulk B"}]
        made = await ok(client, "bulk_create_organization_contacts", {"contacts": names})
        contacts = [r["id"] for r in made["results"]]
        await ok(client, "bulk_update_organization_contacts", {"contacts": [{"id": contacts[0], "notes": "Updated"}]})
        shown = await ok(client, "get_organization_contact", {"id": contacts[0]})
        assert (shown["name"], shown["notes"]) == ("Bulk A", "Updated")
        await ok(client, "bulk_delete_organization_contacts", {"ids": contacts})
        await refused(client, "get_organization_contact", {"id": contacts[1]})


async def test_comments_replies_and_deletion(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        task = await new_task(client, "Discussed task")
        project = (await ok(client, "create_project", {"project_data": {"name": "Discussed project"}}))["id"]
        on_task = {"entity": "Task", "entityId": task}
        comment = (await ok(client, "create_comment", {"comment_data": {"comment": "First!", **on_task}}))["id"]
        assert (await ok(client, "get_comment", {"id": comment}))["comment"] == "First!"
        await ok(client, "update_comment", {"id": comment, "comment_data": {"comment": "First, edited"}})
        assert (await ok(client, "get_comment", {"id": comment}))["comment"] == "First, edited"
        reply = (await ok(client, "reply_to_comment", {"parentId": comment, "comment": "Second", **on_task}))["id"]
        assert reply in ids(await ok(client, "get_comment_replies", {"parentId": comment}))
        noted = (await ok(client, "add_comment_to_task", {"taskId": task, "comment": "Noted"}))["id"]
        assert {comment, reply, noted} <= ids(await ok(client, "get_comments_by_entity", {**on_task, "limit": 100}))
        kicked = (await ok(client, "add_comment_to_project", {"projectId": project, "comment": "Kick-off"}))["id"]
        assert kicked in ids(await ok(client, "get_comments_by_entity",
                                      {"entity": "OrganizationProject", "entityId": project}))
        await ok(client, "delete_comment", {"id": comment})
        await refused(client, "get_comment", {"id": comment})


async def test_skills_and_employee_skills(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await me(client)
        skill = (await ok(client, "create_skill", {"skill_data": {"name": "Rust"}}))["id"]
        assert (await ok(client, "get_skill", {"id": skill}))["name"] == "Rust"
        await ok(client, "update_skill", {"id": skill, "skill_data": {"color": "#000000"}})
        assert (await ok(client, "get_skill", {"id": skill}))["color"] == "#000000"
        link = {"skillId": skill, "employeeId": employee}
        await ok(client, "assign_skill_to_employee", link)
        assert skill in ids(await ok(client, "get_skills_by_employee", {"employeeId": employee}))
        await ok(client, "remove_skill_from_employee", link)
        assert skill not in ids(await ok(client, "get_skills_by_employee", {"employeeId": employee}))
        made = await ok(client, "bulk_create_skills", {"skills": [{"name": "Go"}, {"name": "Elixir"}]})
        assert (await ok(client, "get_skill", {"id": made["results"][1]["id"]}))["name"] == "Elixir"
        await ok(client, "delete_skill", {"id": skill})
        await refused(client, "get_skill", {"id": skill})


async def test_report_menu_toggles(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        report = (await ok(client, "get_reports", {"limit": 100}))["items"][0]["id"]  # the catalogue, not seed data
        await ok(client, "update_report_menu", {"reportId": report, "isEnabled": True})
        assert report in ids(await ok(client, "get_report_menu_items", {}))
        assert report in ids(await ok(client, "get_reports", {"showInMenu": True, "limit": 100}))
        await ok(client, "update_report_menu", {"reportId": report, "isEnabled": False})
        assert report not in ids(await ok(client, "get_report_menu_items", {}))
        assert report in ids(await ok(client, "get_reports", {"showInMenu": False, "limit": 100}))
        await ok(client, "update_report_menu", {"reportId": report, "isEnabled": True})
        assert report in ids(await ok(client, "get_report_menu_items", {}))


async def test_a_daily_plan_for_an_employee_without_a_team_says_what_to_pass(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        user = {"firstName": "Solo", "lastName": "Worker", "email": "solo.worker@example.com"}
        employee = (await ok(client, "create_employee", {"employee_data": {"user": user, "password": "Solo-pass-1"}}))
        message = await refused(client, "create_daily_plan", {"daily_plan_data": {
            "date": day(5), "workTimePlanned": 4, "employeeId": employee["id"]}})
        assert "organizationTeamId" in message and "no team" in message
