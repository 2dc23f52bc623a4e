"""The double's time logs, timesheets and teams over HTTP: filters and date ranges, tenancy,
validation, and what each write answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from adapters.outbound.gauzy_model import GauzyDouble
from adapters.outbound.gauzy_model.seed.time_tracking import LEAD
from tests.doubles.support import ADMIN, login

LEAD_LOGIN = {"email": LEAD[2], "password": LEAD[3]}


def lead(client: httpx.Client, double: GauzyDouble) -> tuple[dict[str, str], dict[str, str]]:
    """Headers and {organizationId} of the time-tracking tenant's lead."""
    headers = login(client, LEAD_LOGIN)
    me = client.get("/api/user/me", headers=headers, params={"includeEmployee": "true"}).json()
    return {**headers, "Tenant-Id": me["tenantId"]}, {"organizationId": me["employee"]["organizationId"]}


def test_time_logs_honour_dates_employees_and_the_today_default(gauzy_client: httpx.Client,
                                                               gauzy_double: GauzyDouble) -> None:
    headers, org = lead(gauzy_client, gauzy_double)
    week = {"startDate": "2000-01-01T00:00:00Z", "endDate": "2100-01-01T00:00:00Z"}
    every = gauzy_client.get("/api/timesheet/time-log", headers=headers, params={**org, **week}).json()
    one = every[0]["employeeId"]
    theirs = gauzy_client.get("/api/timesheet/time-log", headers=headers,
                              params={**org, **week, "employeeIds[]": one}).json()
    assert theirs and {log["employeeId"] for log in theirs} == {one} and len(theirs) < len(every)
    today = gauzy_client.get("/api/timesheet/time-log", headers=headers, params=org).json()
    start_of_day = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    assert all(datetime.fromisoformat(log["startedAt"].replace("Z", "+00:00")) >= start_of_day for log in today)
    assert {log["isRunning"] for log in today} == {True}  # only today's running timers


def test_another_tenant_sees_none_of_the_time_tracking_rows(gauzy_client: httpx.Client,
                                                           gauzy_double: GauzyDouble) -> None:
    headers = {**login(gauzy_client, ADMIN), "Tenant-Id": gauzy_double.seed.tenant_id}
    _, org = lead(gauzy_client, gauzy_double)
    week = {"startDate": "2000-01-01T00:00:00Z", "endDate": "2100-01-01T00:00:00Z"}
    mine = gauzy_client.get("/api/timesheet/time-log", headers=headers,
                            params={"organizationId": gauzy_double.seed.organization_id, **week})
    assert mine.status_code == 200 and mine.json()  # tenant 1's own logs (the admin's running timer)
    assert {log["tenantId"] for log in mine.json()} == {gauzy_double.seed.tenant_id}
    foreign = gauzy_client.get("/api/timesheet", headers=headers, params={**org, **week})
    assert foreign.status_code == 400 and "is not associated with the specified organization" in foreign.text


def test_manual_time_is_validated_and_filed_under_its_week(gauzy_client: httpx.Client,
                                                          gauzy_double: GauzyDouble) -> None:
    headers, org = lead(gauzy_client, gauzy_double)
    me = gauzy_client.get("/api/user/me", headers=headers, params={"includeEmployee": "true"}).json()["employee"]
    missing = gauzy_client.post("/api/timesheet/time-log", headers=headers,
                                json={**org, "employeeId": me["id"], "logType": "MANUAL", "source": "BROWSER"})
    assert missing.status_code == 400 and "startedAt should not be empty" in missing.json()["message"]
    day = (datetime.now(UTC) - timedelta(days=30)).strftime("%Y-%m-%d")
    body = {**org, "employeeId": me["id"], "logType": "MANUAL", "source": "BROWSER",
            "startedAt": f"{day}T08:00:00Z", "stoppedAt": f"{day}T09:15:00Z"}
    made = gauzy_client.post("/api/timesheet/time-log", headers=headers, json=body).json()
    assert (made["duration"], made["logType"], made["isRunning"]) == (4500, "MANUAL", False)
    moment = datetime.fromisoformat(f"{day}T00:00:00+00:00")
    monday = (moment - timedelta(days=moment.weekday())).strftime("%Y-%m-%dT%H:%M:%SZ")
    sheets = gauzy_client.get("/api/timesheet", headers=headers, params={
        **org, "startDate": monday, "endDate": monday, "employeeIds[]": me["id"]}).json()
    (sheet,) = [s for s in sheets if s["id"] == made["timesheetId"]]
    assert sheet["duration"] >= 4500 and sheet["employeeId"] == me["id"]
    gone = gauzy_client.delete("/api/timesheet/time-log", headers=headers, params={**org, "logIds[]": made["id"]})
    assert gone.json()["affected"] == 1


def test_team_membership_is_replaced_by_member_and_manager_ids(gauzy_client: httpx.Client,
                                                              gauzy_double: GauzyDouble) -> None:
    headers, org = lead(gauzy_client, gauzy_double)
    relations = {"where[organizationId]": org["organizationId"], "relations[]": ["members", "members.employee"]}
    teams = gauzy_client.get("/api/organization-team", headers=headers, params=relations).json()["items"]
    qa = next(t for t in teams if t["name"] == "QA Team")
    manager, member = (m["employeeId"] for m in qa["members"])
    answer = gauzy_client.put(f"/api/organization-team/{qa['id']}", headers=headers,
                              json={**org, "id": qa["id"], "memberIds": [manager], "managerIds": []})
    assert answer.status_code == 202
    assert [(m["employeeId"], m["isManager"]) for m in answer.json()["members"]] == [(manager, False)]
    assert member not in {m["employeeId"] for m in answer.json()["members"]}
