"""Teamwork behaviour of the Gauzy double (``teamwork`` / ``seed_teamwork``): the seeded team, team
tasks, working employees, daily plan tasks, contact invitations and the report menu."""

from __future__ import annotations

import json
from typing import Any

import httpx

from adapters.outbound.gauzy_model import GauzyDouble
from tests.doubles.support import EMPLOYEE, tenant_headers


def _scope(double: GauzyDouble) -> dict[str, str]:
    return {"tenantId": double.seed.tenant_id, "organizationId": double.seed.organization_id}


def test_team_tasks_read_a_list_of_team_ids(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    team, task = gauzy_double.seed.team_ids[0], gauzy_double.seed.task_ids[0]
    where = {f"where[{k}]": v for k, v in _scope(gauzy_double).items()}
    assert gauzy_client.get("/api/tasks/team", headers=headers,
                            params={**where, "where[teams][]": team}).json() == {"items": [], "total": 0}
    body = {"title": "Set up the MCP server", "status": "open", "teams": [{"id": team}], **_scope(gauzy_double)}
    assert gauzy_client.put(f"/api/tasks/{task}", headers=headers, json=body).status_code == 202
    listed = gauzy_client.get("/api/tasks/team", headers=headers, params={**where, "where[teams][]": team}).json()
    assert [item["id"] for item in listed["items"]] == [task]
    as_object = gauzy_client.get("/api/tasks/team", headers=headers, params={**where, "where[teams][id]": team})
    assert as_object.status_code == 400  # `IN (:...teams)` with an object


def _working(client: httpx.Client, headers: dict[str, str], path: str, find_input: dict[str, Any]) -> Any:
    return client.get(path, headers=headers, params={"data": json.dumps({"findInput": find_input})})


def test_working_employees_count_answers_a_total(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    scope = _scope(gauzy_double)
    assert _working(gauzy_client, headers, "/api/employee/working/count", scope).json() == {"total": 10}
    in_range = {**scope, "forRange": {"startDate": "2020-01-01", "endDate": "2030-01-01"}}
    assert _working(gauzy_client, headers, "/api/employee/working/count", in_range).json() == {"total": 0}
    mine = tenant_headers(gauzy_client, gauzy_double, EMPLOYEE)  # no CHANGE_SELECTED_EMPLOYEE: only oneself
    assert _working(gauzy_client, mine, "/api/employee/working", scope).json()["total"] == 1
    no_input = gauzy_client.get("/api/employee/working/count", headers=headers, params={"data": "{}"})
    assert no_input.status_code == 500


def test_a_daily_plan_holds_tasks(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    seed = gauzy_double.seed
    plan_body = {"date": "2099-05-01", "workTimePlanned": 4, "status": "open", "employeeId": seed.admin_employee_id,
                 "organizationTeamId": seed.team_ids[0], "taskId": seed.task_ids[0], **_scope(gauzy_double)}
    plan = gauzy_client.post("/api/daily-plan", headers=headers, json=plan_body).json()
    assert [task["id"] for task in plan["tasks"]] == [seed.task_ids[0]]
    again = gauzy_client.post("/api/daily-plan", headers=headers, json={**plan_body, "taskId": seed.task_ids[1]})
    assert again.json()["id"] == plan["id"]  # same employee, team and day: the plan is reused
    change = {"taskId": seed.task_ids[0], "employeeId": seed.admin_employee_id, **_scope(gauzy_double)}
    removed = gauzy_client.put(f"/api/daily-plan/{plan['id']}/task", headers=headers, json=change).json()
    assert [task["id"] for task in removed["tasks"]] == [seed.task_ids[1]]
    wrong = {**change, "employeeId": seed.employee_employee_id}
    refused = gauzy_client.post(f"/api/daily-plan/{plan['id']}/task", headers=headers, json=wrong)
    assert (refused.status_code, refused.json()["message"]) == (400, "The requested record was not found")
    where = {"where[organizationId]": seed.organization_id}
    holding = gauzy_client.get(f"/api/daily-plan/task/{seed.task_ids[1]}", headers=headers, params=where).json()
    assert [item["id"] for item in holding["items"]] == [plan["id"]]


def test_a_contact_is_invited_by_email(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    scope = _scope(gauzy_double)
    with_email = gauzy_client.post("/api/organization-contact", headers=headers,
                                   json={"name": "Acme", "primaryEmail": "buyer@acme.example", **scope}).json()
    invited = gauzy_client.put(f"/api/invite/organization-contact/{with_email['id']}", headers=headers, json={})
    assert (invited.status_code, invited.json()["inviteStatus"]) == (202, "INVITED")
    without = gauzy_client.post("/api/organization-contact", headers=headers, json={"name": "Nobody", **scope}).json()
    refused = gauzy_client.put(f"/api/invite/organization-contact/{without['id']}", headers=headers, json={})
    assert refused.status_code == 500 and "primary email" in refused.json()["message"]


def test_the_report_menu_is_per_organization(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    org = {"organizationId": gauzy_double.seed.organization_id}
    reports = gauzy_client.get("/api/report", headers=headers, params={**org, "relations[]": "category"}).json()
    assert reports["total"] == 11 and all(item["showInMenu"] for item in reports["items"])
    assert reports["items"][0]["category"]["name"] == "Time Tracking"
    first = reports["items"][0]["id"]
    menu = {"reportId": first, "isEnabled": False, **_scope(gauzy_double)}
    assert gauzy_client.post("/api/report/menu-item", headers=headers, json=menu).status_code == 201
    shown = gauzy_client.get("/api/report/menu-items", headers=headers, params=org).json()
    assert first not in [item["id"] for item in shown] and len(shown) == 10
