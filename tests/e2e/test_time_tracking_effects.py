"""Each time-tracking write's effect shows through the matching read tool, over MCP and the real
REST adapter, and bad input is refused naming the field."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.e2e.time_tracking import TimeTrackingBackend, backend, monday, time_double, today
from tests.e2e.tool_calls import refused

__all__ = ["backend", "time_double"]
pytestmark = [pytest.mark.e2e, pytest.mark.anyio]


async def test_manual_time_lifecycle(backend: TimeTrackingBackend) -> None:
    day = (today() - timedelta(days=1)).isoformat()
    async with backend.request() as mcp:
        project = (await mcp.ok("get_projects", {"name": "Backend API"}))["items"][0]
        added = await mcp.ok("add_manual_time", {"startedAt": f"{day}T19:00:00Z", "stoppedAt": f"{day}T20:30:00Z",
                                                 "projectId": project["id"], "reason": "Evening deploy"})
        shown = await mcp.ok("get_time_log", {"id": added["id"]})
        assert (shown["duration"], shown["logType"], shown["project"]["name"]) == (5400, "MANUAL", "Backend API")
        listed = await mcp.ok("get_time_logs", {"startDate": day, "endDate": day, "logType": ["MANUAL"]})
        assert added["id"] in {row["id"] for row in listed["items"]}

        await mcp.ok("update_time_log", {"id": added["id"], "stoppedAt": f"{day}T21:00:00Z"})
        assert (await mcp.ok("get_time_log", {"id": added["id"]}))["duration"] == 7200

        deleted = await mcp.ok("delete_time_logs", {"ids": [added["id"]]})
        assert deleted["affected"] == 1
        listed = await mcp.ok("get_time_logs", {"startDate": day, "endDate": day})
        assert added["id"] not in {row["id"] for row in listed["items"]}


async def test_manual_time_files_under_that_weeks_timesheet(backend: TimeTrackingBackend) -> None:
    day = monday(0).isoformat()
    async with backend.request() as mcp:
        added = await mcp.ok("add_manual_time", {"startedAt": f"{day}T06:00:00Z", "stoppedAt": f"{day}T07:00:00Z"})
        sheets = await mcp.ok("get_timesheets", {"startDate": day, "endDate": day})
    sheet = next(s for s in sheets["items"] if s["id"] == added["timesheetId"])
    assert sheet["employeeId"] == added["employeeId"]
    assert sheet["duration"] == sum(r["duration"] for r in backend.rows("TimeLog", timesheetId=sheet["id"]))


async def test_submit_unsubmit_and_deny_show_in_the_timesheet_list(backend: TimeTrackingBackend) -> None:
    week = {"startDate": monday(0).isoformat(), "endDate": (monday(0) + timedelta(days=6)).isoformat()}
    async with backend.request() as mcp:
        draft = (await mcp.ok("get_timesheets", {**week, "status": ["DRAFT"]}))["items"][0]["id"]
        await mcp.ok("submit_timesheets", {"ids": [draft]})
        assert draft in {s["id"] for s in (await mcp.ok("get_timesheets", {**week, "status": ["PENDING"]}))["items"]}
        await mcp.ok("submit_timesheets", {"ids": [draft], "action": "unsubmit"})
        assert draft in {s["id"] for s in (await mcp.ok("get_timesheets", {**week, "status": ["DRAFT"]}))["items"]}
        denied = await mcp.ok("review_timesheets", {"ids": [draft], "decision": "DENIED"})
        assert [s["status"] for s in denied["items"]] == ["DENIED"]
        assert draft in {s["id"] for s in (await mcp.ok("get_timesheets", {**week, "status": ["DENIED"]}))["items"]}


async def test_team_members_added_and_removed_show_in_the_team_list(backend: TimeTrackingBackend) -> None:
    sam = backend.one("Employee", fullName="Sam Rivera")["id"]
    async with backend.request() as mcp:
        qa = next(t for t in (await mcp.ok("get_teams", {}))["items"] if t["name"] == "QA Team")
        before = {m["employeeId"]: m["isManager"] for m in qa["members"]}
        added = await mcp.ok("add_team_members", {"teamId": qa["id"], "employeeIds": [sam]})
        assert {m["employeeId"]: m["isManager"] for m in added["members"]} == {**before, sam: False}
        listed = next(t for t in (await mcp.ok("get_teams", {}))["items"] if t["id"] == qa["id"])
        assert "Sam Rivera" in {m["name"] for m in listed["members"]}
        removed = await mcp.ok("remove_team_members", {"teamId": qa["id"], "employeeIds": [sam]})
        assert {m["employeeId"]: m["isManager"] for m in removed["members"]} == before


async def test_invoices_are_drafted_only_where_client_and_rates_are_known(backend: TimeTrackingBackend) -> None:
    period = {"startDate": monday(2).isoformat(), "endDate": (monday(1) - timedelta(days=1)).isoformat()}
    async with backend.request() as mcp:
        projects = {p["name"]: p["id"] for p in (await mcp.ok("get_projects", {"limit": 100}))["items"]}
        wanted = [projects["Backend API"], projects["Frontend Portal"]]
        preview = await mcp.ok("draft_invoices_from_time", {**period, "projectIds": wanted, "preview": True})
        run = await mcp.ok("draft_invoices_from_time", {**period, "projectIds": wanted, "groupBy": "task"})
        by_name = {p["projectName"]: p for p in run["projects"]}
        assert by_name["Backend API"]["outcome"] == "skipped" and "Tom Becker" in by_name["Backend API"]["reason"]
        drafted = by_name["Frontend Portal"]
        pairs = [(line["employeeId"], line["taskId"]) for line in drafted["lines"]]
        assert drafted["outcome"] == "drafted" and any(task for _, task in pairs) and len(set(pairs)) == len(pairs)
        assert {p["outcome"] for p in preview["projects"]} == {"skipped"} and preview["drafted"] == 0
        invoice = await mcp.ok("get_invoice", {"id": drafted["invoiceId"]})
        items = await mcp.ok("get_invoice_items", {"invoiceId": drafted["invoiceId"]})
    assert (invoice["totalValue"], invoice["status"]) == (drafted["total"], "DRAFT")
    assert sorted(i["totalValue"] for i in items["items"]) == sorted(line["amount"] for line in drafted["lines"])


async def test_bad_input_is_refused_with_the_field_named(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        wrong_status = await refused(mcp, "get_timesheets", {"startDate": "2026-11-02", "endDate": "2026-11-08",  # type: ignore[arg-type]
                                                              "status": ["FINISHED"]})
        no_dates = await refused(mcp, "weekly_time_report", {"startDate": "last week"})  # type: ignore[arg-type]
    assert "status" in wrong_status and "FINISHED" in wrong_status and "APPROVED" in wrong_status
    assert "startDate" in no_dates and "endDate" in no_dates
