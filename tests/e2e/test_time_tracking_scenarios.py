"""The requests the product page sells, each answered through an MCP client with at most three tool
calls, the figures checked against totals computed here from the backend's own rows."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import pytest

from tests.e2e.time_tracking import (
    TimeTrackingBackend,
    backend,
    day_bounds,
    moment,
    monday,
    time_double,
    today,
    within,
)

__all__ = ["backend", "time_double"]
pytestmark = [pytest.mark.e2e, pytest.mark.anyio]
MAX_CALLS = 3


def seconds_by_employee(logs: list[dict]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for log in logs:
        totals[log["employeeId"]] += int(log["duration"] or 0)
    return dict(totals)


def logs_between(backend: TimeTrackingBackend, first, last, **where) -> list[dict]:
    start, end = day_bounds(first, last)
    return [log for log in backend.rows("TimeLog", **where) if within(log, start, end)]


async def test_the_teams_time_logs_in_the_last_sprint(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        teams = (await mcp.ok("get_teams", {}))["items"]
        team = next(t for t in teams if t["name"] == "Backend Team")
        last = (await mcp.ok("get_sprints", {}))["last"]
        logs = await mcp.ok("get_time_logs", {"teamIds": [team["id"]], "startDate": last["startDate"],
                                              "endDate": last["endDate"]})
    assert len(mcp.calls) <= MAX_CALLS
    start, end = moment(last["startDate"]), moment(last["endDate"])
    assert end < moment(f"{today().isoformat()}T00:00:00Z") + timedelta(days=1) and start < end
    expected = [r for r in backend.rows("TimeLog", organizationTeamId=team["id"]) if within(r, start, end)]
    assert {log["id"] for log in logs["items"]} == {r["id"] for r in expected} and expected
    assert logs["totalSeconds"] == sum(r["duration"] for r in expected)
    assert {log["employeeName"] for log in logs["items"]} == {m["name"] for m in team["members"]}


async def test_weekly_timesheet_for_all_employees_honours_the_week(backend: TimeTrackingBackend) -> None:
    reports = {}
    for weeks_ago in (1, 2):
        first = monday(weeks_ago)
        async with backend.request() as mcp:
            reports[weeks_ago] = await mcp.ok("weekly_time_report", {
                "startDate": first.isoformat(), "endDate": (first + timedelta(days=6)).isoformat()})
        assert len(mcp.calls) == 1
        expected = seconds_by_employee(logs_between(backend, first, first + timedelta(days=6)))
        got = {row["employeeId"]: row["seconds"] for row in reports[weeks_ago]["rows"]}
        assert got == expected and len(got) == len(backend.rows("Employee"))
        assert all(row["hours"] == round(row["seconds"] / 3600, 2) and row["employeeName"] and row["days"]
                   for row in reports[weeks_ago]["rows"])
    assert reports[1]["totalSeconds"] != reports[2]["totalSeconds"]


async def test_a_date_only_end_date_means_the_whole_day(backend: TimeTrackingBackend) -> None:
    friday = monday(1) + timedelta(days=4)
    async with backend.request() as mcp:
        day = await mcp.ok("daily_time_report", {"startDate": friday.isoformat(), "endDate": friday.isoformat()})
    expected = logs_between(backend, friday, friday)
    assert expected and day["totalSeconds"] == sum(log["duration"] for log in expected)
    assert {row["date"] for row in day["rows"]} == {friday.isoformat()}


async def test_who_worked_most_on_a_named_project(backend: TimeTrackingBackend) -> None:
    first, last = today() - timedelta(weeks=8), today()
    async with backend.request() as mcp:
        project = (await mcp.ok("get_projects", {"name": "Frontend Portal"}))["items"][0]
        top = await mcp.ok("top_by_hours", {"projectIds": [project["id"]], "startDate": first.isoformat(),
                                            "endDate": last.isoformat(), "limit": 1})
    assert len(mcp.calls) <= MAX_CALLS
    totals = seconds_by_employee(logs_between(backend, first, last, projectId=project["id"]))
    leader = max(totals, key=lambda employee: totals[employee])
    (row,) = top["rows"]
    assert (row["employeeId"], row["seconds"]) == (leader, totals[leader])
    assert row["employeeName"] == backend.one("Employee", id=leader)["fullName"]


async def test_high_priority_tasks_due_this_week(backend: TimeTrackingBackend) -> None:
    start, end = day_bounds(monday(0), monday(0) + timedelta(days=6))
    async with backend.request() as mcp:
        tasks = (await mcp.ok("get_tasks", {"priority": "high", "limit": 100}))["items"]
    due = {t["id"] for t in tasks if t.get("dueDate") and within(t, start, end, "dueDate")}
    high = backend.rows("Task", priority="high")
    expected = {t["id"] for t in high if t["dueDate"] and within(t, start, end, "dueDate")}
    assert len(mcp.calls) == 1 and due == expected


async def test_bulk_assign_a_teams_qa_tasks(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        qa = next(t for t in (await mcp.ok("get_teams", {}))["items"] if t["name"] == "QA Team")
        open_tasks = (await mcp.ok("get_team_tasks", {"teamId": qa["id"], "status": "open", "limit": 100}))["items"]
        members = [{"id": m["employeeId"]} for m in qa["members"]]
        done = await mcp.ok("bulk_update_tasks", {"updates": [{"id": t["id"], "data": {"members": members}}
                                                              for t in open_tasks]})
    assert len(mcp.calls) <= MAX_CALLS
    expected = {t["id"] for t in backend.rows("Task", status="open") if {"id": qa["id"]} in t["teams"]}
    assert {t["id"] for t in open_tasks} == expected and done["succeeded"] == len(expected) == 3
    for task_id in expected:
        assert backend.one("Task", id=task_id)["members"] == members


async def test_approve_pending_timesheets(backend: TimeTrackingBackend) -> None:
    period = {"startDate": monday(8).isoformat(), "endDate": today().isoformat()}
    pending = {r["id"] for r in backend.rows("Timesheet", status="PENDING")}
    async with backend.request() as mcp:
        listed = (await mcp.ok("get_timesheets", {**period, "status": ["PENDING"]}))["items"]
        await mcp.ok("review_timesheets", {"ids": [s["id"] for s in listed], "decision": "approve"})
        left = await mcp.ok("get_timesheets", {**period, "status": ["PENDING"]})
    assert len(mcp.calls) <= MAX_CALLS and pending and {s["id"] for s in listed} == pending
    assert left["total"] == 0
    assert all(backend.one("Timesheet", id=i)["status"] == "APPROVED" for i in pending)


async def test_draft_invoices_for_the_completed_projects_of_a_month(backend: TimeTrackingBackend) -> None:
    last_day = today().replace(day=1) - timedelta(days=1)
    first_day = last_day.replace(day=1)
    async with backend.request() as mcp:
        run = await mcp.ok("draft_invoices_from_time", {"startDate": first_day.isoformat(),
                                                        "endDate": last_day.isoformat()})
    assert len(mcp.calls) == 1
    completed = backend.rows("OrganizationProject", status="completed")
    assert {p["projectId"] for p in run["projects"]} == {p["id"] for p in completed}
    for project in completed:
        outcome = next(p for p in run["projects"] if p["projectId"] == project["id"])
        if not project["organizationContactId"]:
            assert outcome["outcome"] == "skipped" and "client" in outcome["reason"]
            continue
        totals = seconds_by_employee(logs_between(backend, first_day, last_day, projectId=project["id"]))
        rates = {e: backend.one("Employee", id=e)["billRateValue"] for e in totals}
        amounts = {e: round(round(s / 3600, 2) * rates[e], 2) for e, s in totals.items()}
        assert outcome["outcome"] == "drafted", outcome
        assert {line["employeeId"]: line["amount"] for line in outcome["lines"]} == amounts
        invoice = backend.one("Invoice", id=outcome["invoiceId"])
        assert invoice["totalValue"] == outcome["total"] == round(sum(amounts.values()), 2)
        assert invoice["toContactId"] == project["organizationContactId"]
    assert run["drafted"] == sum(bool(p["organizationContactId"]) for p in completed) >= 1


async def test_who_on_a_team_is_tracking_time_now(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        qa = next(t for t in (await mcp.ok("get_teams", {}))["items"] if t["name"] == "QA Team")
        timers = await mcp.ok("get_active_timers", {"teamId": qa["id"]})
    assert len(mcp.calls) <= MAX_CALLS
    members = {m["employeeId"] for m in qa["members"]}
    running = {r["employeeId"] for r in backend.rows("TimeLog", isRunning=True) if r["employeeId"] in members}
    assert running and {t["employeeId"] for t in timers["items"]} == running
    assert all(t["employeeName"] and t["minutes"] >= 0 and t["projectName"] for t in timers["items"])


async def test_a_teams_availability_shows_work_and_leave(backend: TimeTrackingBackend) -> None:
    next_week = (monday(0) + timedelta(weeks=1)).isoformat(), (monday(0) + timedelta(days=13)).isoformat()
    last_week = monday(1).isoformat(), (monday(1) + timedelta(days=6)).isoformat()
    async with backend.request() as mcp:
        team = next(t for t in (await mcp.ok("get_teams", {}))["items"] if t["name"] == "Backend Team")
        ahead = await mcp.ok("get_team_availability", {"teamId": team["id"], "startDate": next_week[0],
                                                       "endDate": next_week[1]})
        past = await mcp.ok("get_team_availability", {"teamId": team["id"], "startDate": last_week[0],
                                                      "endDate": last_week[1]})
    assert len(mcp.calls) <= MAX_CALLS
    status = {m["name"]: (m["status"], [leave["status"] for leave in m["leave"]]) for m in ahead["members"]}
    assert status["Tom Becker"] == ("no time logged", ["REQUESTED"])
    assert status["Priya Shah"][1] == []
    expected = seconds_by_employee(logs_between(backend, monday(1), monday(1) + timedelta(days=6)))
    assert {m["employeeId"]: m["loggedSeconds"] for m in past["members"]} == {
        m["employeeId"]: expected.get(m["employeeId"], 0) for m in team["members"]}
    assert {m["status"] for m in past["members"]} == {"working"}


async def test_someone_on_approved_leave_is_on_leave(backend: TimeTrackingBackend) -> None:
    start = monday(0) + timedelta(weeks=1)
    async with backend.request() as mcp:
        qa = next(t for t in (await mcp.ok("get_teams", {}))["items"] if t["name"] == "QA Team")
        ahead = await mcp.ok("get_team_availability", {"teamId": qa["id"], "startDate": start.isoformat(),
                                                       "endDate": (start + timedelta(days=4)).isoformat()})
    assert {m["name"]: m["status"] for m in ahead["members"]}["Ken Adams"] == "on leave"


async def test_a_projects_progress_against_its_estimate(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        project = (await mcp.ok("get_projects", {"name": "Backend API"}))["items"][0]
        progress = await mcp.ok("get_project_progress", {"projectId": project["id"]})
    assert len(mcp.calls) <= MAX_CALLS
    tasks = backend.rows("Task", projectId=project["id"])
    logged = sum(r["duration"] for r in backend.rows("TimeLog", projectId=project["id"]))
    by_status: dict[str, int] = defaultdict(int)
    for task in tasks:
        by_status[task["status"]] += 1
    assert (progress["tasksTotal"], progress["tasksByStatus"]) == (len(tasks), dict(by_status))
    assert progress["estimateSeconds"] == sum(t["estimate"] for t in tasks)
    assert progress["loggedSeconds"] == logged > 0
    assert progress["percentOfEstimate"] == round(100 * logged / progress["estimateSeconds"], 1)
