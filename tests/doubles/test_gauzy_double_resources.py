"""Resource behaviour of the Gauzy double: lists, counts, CRUD, timer and the *me* routes."""

from __future__ import annotations

import httpx

from adapters.outbound.gauzy_model import GauzyDouble
from tests.doubles.support import EMPLOYEE, tenant_headers


def test_whitelist_strips_unknown_fields(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    body = {
        "title": "Strip",
        "status": "open",
        "organizationId": gauzy_double.seed.organization_id,
        "bogus": 1,
    }
    created = gauzy_client.post("/api/tasks", headers=headers, json=body)
    assert created.status_code == 202
    assert "bogus" not in created.json()
    assert created.json()["tenantId"] == gauzy_double.seed.tenant_id


def test_crud_roundtrip(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    org = gauzy_double.seed.organization_id
    project = gauzy_client.post(
        "/api/organization-projects", headers=headers, json={"name": "New", "organizationId": org}
    )
    assert project.status_code == 201
    project_id = project.json()["id"]
    updated = gauzy_client.put(f"/api/organization-projects/{project_id}", headers=headers, json={"name": "Renamed"})
    assert (updated.status_code, updated.json()["name"]) == (202, "Renamed")
    assert gauzy_client.delete(f"/api/organization-projects/{project_id}/soft", headers=headers).json()["deletedAt"]
    assert gauzy_client.get(f"/api/organization-projects/{project_id}", headers=headers).status_code == 404
    assert gauzy_client.put(f"/api/organization-projects/{project_id}/recover", headers=headers).status_code == 202
    deleted = gauzy_client.delete(f"/api/organization-projects/{project_id}", headers=headers)
    assert (deleted.status_code, deleted.content) == (204, b"")  # @HttpCode(204): the DeleteResult is dropped
    assert gauzy_client.get(f"/api/organization-projects/{project_id}", headers=headers).status_code == 404
    again = gauzy_client.delete(f"/api/tasks/{gauzy_double.seed.other_task_id}", headers=headers)
    assert again.json() == {"raw": [], "affected": 0}


def test_timer_start_status_stop(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    org = {"organizationId": gauzy_double.seed.organization_id}
    seeded = gauzy_client.get("/api/timesheet/timer/status", headers=headers, params=org).json()
    assert seeded["running"] is True and seeded["lastLog"]["description"] == "Demo work"  # the seed's timer
    idle_headers = tenant_headers(gauzy_client, gauzy_double, EMPLOYEE)
    idle = gauzy_client.get("/api/timesheet/timer/status", headers=idle_headers, params=org).json()
    assert idle == {"duration": 0, "running": False, "lastLog": None}
    start = gauzy_client.post(
        "/api/timesheet/timer/start", headers=headers, json={**org, "source": "BROWSER", "logType": "TRACKED"}
    )
    assert start.status_code == 201 and start.json()["isRunning"] is True
    assert start.json()["employeeId"] == gauzy_double.seed.admin_employee_id
    restart = gauzy_client.post(
        "/api/timesheet/timer/start", headers=headers, json={**org, "source": "BROWSER", "logType": "TRACKED"}
    )
    status = gauzy_client.get("/api/timesheet/timer/status", headers=headers, params=org).json()
    assert status["running"] is True and status["lastLog"]["id"] == restart.json()["id"]
    stop = gauzy_client.post("/api/timesheet/timer/stop", headers=headers, json=org)
    assert stop.status_code == 201 and stop.json()["isRunning"] is False
    twice = gauzy_client.post("/api/timesheet/timer/stop", headers=headers, json=org)
    assert twice.json() == {
        "statusCode": 406,
        "message": "No running log found. Can't stop timer because it was already stopped.",
    }


def test_me_routes(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double, EMPLOYEE)
    me = gauzy_client.get("/api/user/me", headers=headers, params={"includeEmployee": "true"}).json()
    assert me["employee"]["id"] == gauzy_double.seed.employee_employee_id
    org = gauzy_double.seed.organization_id
    mine = gauzy_client.get("/api/tasks/me", headers=headers, params={"where[organizationId]": org}).json()
    assert {t["number"] for t in mine["items"]} == {2, 3, 11, 21, 31, 41}  # the seed's tasks with the employee
    employee = gauzy_double.seed.admin_employee_id
    tasks = gauzy_client.get(f"/api/tasks/employee/{employee}", headers=headers, params={"where[organizationId]": org})
    assert {t["number"] for t in tasks.json()} == {1, 2, 10, 20, 30, 40, 50}  # the admin's in the seed
    projects = gauzy_client.get(
        f"/api/organization-projects/employee/{employee}", headers=headers, params={"organizationId": org}
    )
    assert {p["name"] for p in projects.json()} == {"Gauzy Platform", "Ever Teams", "Website Redesign"}


def test_pagination_count_and_find(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    org = gauzy_double.seed.organization_id
    page1 = gauzy_client.get(
        "/api/tasks/pagination",
        headers=headers,
        params={"where[organizationId]": org, "take": 2, "skip": 1, "order[number]": "ASC"},
    ).json()
    page2 = gauzy_client.get(
        "/api/tasks/pagination",
        headers=headers,
        params={"where[organizationId]": org, "take": 2, "skip": 2, "order[number]": "ASC"},
    ).json()
    assert (page1["total"], [t["number"] for t in page1["items"]]) == (50, [1, 2])
    assert [t["number"] for t in page2["items"]] == [3, 4]
    filtered = gauzy_client.get(
        "/api/tasks",
        headers=headers,
        params={"where[organizationId]": org, "where[status]": "done", "relations[]": "project"},
    )
    assert filtered.json()["total"] == 7  # task 3 and the seed's tasks 5, 13, ..., 45
    assert "Ever Teams" in {item["project"]["name"] for item in filtered.json()["items"]}
    count = gauzy_client.get("/api/tasks/count", headers=headers, params={"organizationId": org})
    assert (count.status_code, count.text) == (200, "50")
    task = gauzy_client.get(f"/api/tasks/{gauzy_double.seed.task_ids[0]}", headers=headers).json()
    assert task["title"] == "Set up the MCP server"
