"""Finance, goals and people routes of the Gauzy double that are not generic CRUD (``finance``,
``goals``, ``people``): the highest invoice number, bulk invoice lines, invoice actions and links,
text and date filters of payment and expense pages, key result updates, candidates, time off,
employee skills and contact members."""

from __future__ import annotations

import json
from typing import Any

import httpx

from adapters.outbound.gauzy_model import GauzyDouble
from tests.doubles.support import tenant_headers

JOIN = {"join[alias]": "time_off_request", "join[leftJoin][employees]": "time_off_request.employees",
        "join[leftJoin][user]": "employees.user", "join[leftJoin][policy]": "time_off_request.policy"}
ALL_TIME = {"where[startDate]": "2000-01-01T00:00:00Z", "where[endDate]": "2100-12-31T00:00:00Z"}


def _setup(client: httpx.Client, double: GauzyDouble) -> tuple[dict[str, str], dict[str, str]]:
    return tenant_headers(client, double), {"tenantId": double.seed.tenant_id,
                                            "organizationId": double.seed.organization_id}


def _where(scope: dict[str, str]) -> dict[str, str]:
    return {f"where[{key}]": value for key, value in scope.items()}


def _ok(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def _invoice(client: httpx.Client, headers: dict[str, str], scope: dict[str, str], number: int) -> str:
    body = {"invoiceNumber": number, "invoiceDate": "2026-01-01", "dueDate": "2026-01-31", "currency": "USD",
            "status": "DRAFT", "totalValue": 0, "fromOrganizationId": scope["organizationId"], "discountValue": 0,
            "terms": "", **scope}
    return str(_ok(client.post("/api/invoices", headers=headers, json=body), 201)["id"])


def test_the_highest_invoice_number_is_the_raw_numeric_text(gauzy_client: httpx.Client,
                                                            gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    assert _ok(gauzy_client.get("/api/invoices/highest", headers=headers), 200) == {"max": "0"}
    _invoice(gauzy_client, headers, scope, 7)
    assert _ok(gauzy_client.get("/api/invoices/highest", headers=headers), 200) == {"max": "7"}


def test_bulk_invoice_lines_replace_the_invoices_lines(gauzy_client: httpx.Client,
                                                        gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    invoice = _invoice(gauzy_client, headers, scope, 1)
    line = {"price": 10, "quantity": 2, "totalValue": 20, "invoiceId": invoice, **scope}
    wrapped = gauzy_client.post(f"/api/invoice-item/bulk/{invoice}", headers=headers, json={"list": [line]})
    assert wrapped.status_code == 400 and "list must be an array" in wrapped.json()["message"]
    for description in ("first", "second"):
        saved = _ok(gauzy_client.post(f"/api/invoice-item/bulk/{invoice}", headers=headers,
                                      json=[{**line, "description": description}]), 201)
        assert [row["description"] for row in saved] == [description]
    data = json.dumps({"findInput": {"invoiceId": invoice}})
    lines = _ok(gauzy_client.get("/api/invoice-item", headers=headers, params={"data": data}), 200)
    assert [row["description"] for row in lines["items"]] == ["second"]


def test_invoice_actions_estimates_and_links_are_saved(gauzy_client: httpx.Client,
                                                        gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    invoice = _invoice(gauzy_client, headers, scope, 3)
    _ok(gauzy_client.put(f"/api/invoices/{invoice}/action", headers=headers, json={"status": "SENT"}), 202)
    _ok(gauzy_client.put(f"/api/invoices/{invoice}/estimate", headers=headers, json={"isAccepted": True}), 202)
    link = _ok(gauzy_client.put(f"/api/invoices/generate/{invoice}", headers=headers), 202)
    shown = _ok(gauzy_client.get(f"/api/invoices/{invoice}", headers=headers), 200)
    assert (shown["status"], shown["isAccepted"], shown["token"]) == ("SENT", True, link["token"])
    unknown = "0b6f5c1e-3a2d-4c8b-9e7f-1a2b3c4d5e6f"
    assert gauzy_client.put(f"/api/invoices/generate/{unknown}", headers=headers).status_code == 400


def test_payment_notes_and_expense_notes_match_in_any_case(gauzy_client: httpx.Client,
                                                           gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    payment = _ok(gauzy_client.post("/api/payments", headers=headers, json={
        "amount": 5, "currency": "USD", "paymentMethod": "CASH", "note": "Deposit for the audit",
        "paymentDate": "2026-03-10T00:00:00Z", **scope}), 201)["id"]
    found = _ok(gauzy_client.get("/api/payments/pagination", headers=headers,
                                 params={**_where(scope), "where[note]": "DEPOSIT for"}), 200)
    assert [row["id"] for row in found["items"]] == [payment]
    in_march = {"where[paymentDate][startDate]": "2026-03-01T00:00:00Z",
                "where[paymentDate][endDate]": "2026-03-31T00:00:00Z"}
    assert _ok(gauzy_client.get("/api/payments/pagination", headers=headers,
                                params={**_where(scope), **in_march}), 200)["total"] == 1
    expense = _ok(gauzy_client.post("/api/expense", headers=headers, json={
        "amount": 3, "currency": "USD", "notes": "Parking", "valueDate": "2026-03-10T00:00:00Z", **scope}), 201)["id"]
    found = _ok(gauzy_client.get("/api/expense/pagination", headers=headers,
                                 params={**_where(scope), "where[notes]": "parK"}), 200)
    assert [row["id"] for row in found["items"]] == [expense]
    only_start = {"where[valueDate][startDate]": "2026-03-01T00:00:00Z"}  # the current month instead
    assert expense not in [row["id"] for row in _ok(gauzy_client.get(
        "/api/expense/pagination", headers=headers, params={**_where(scope), **only_start}), 200)["items"]]


def test_key_result_updates_are_listed_by_key_result(gauzy_client: httpx.Client,
                                                      gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    key_result = _ok(gauzy_client.post("/api/key-results", headers=headers, json={
        "name": "KR", "type": "Numerical", "deadline": "No Custom Deadline", "initialValue": 0, "targetValue": 1,
        "unit": "items", "update": 0, "progress": 0, "status": "none", "description": "",
        "ownerId": gauzy_double.seed.admin_employee_id, **scope}), 201)["id"]
    _ok(gauzy_client.post("/api/key-result-updates", headers=headers, json={
        "keyResultId": key_result, "update": 1, "progress": 100, "status": "on track",
        "owner": gauzy_double.seed.admin_employee_id, **scope}), 201)
    listed = _ok(gauzy_client.get(f"/api/key-result-updates/{key_result}", headers=headers), 200)
    assert [(row["update"], row["keyResult"]["id"]) for row in listed["items"]] == [(1, key_result)]


def test_a_candidate_gets_a_user_and_is_hired_once(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    created = _ok(gauzy_client.post("/api/candidate", headers=headers, json={
        "user": {"email": "ada@example.com", "firstName": "Ada"}, "password": "secret-123", **scope}), 201)
    assert created["status"] == "APPLIED" and created["user"]["email"] == "ada@example.com"
    assert "password" not in created and created["userId"] == created["user"]["id"]
    candidate = created["id"]
    rejected = _ok(gauzy_client.put(f"/api/candidate/{candidate}/rejected", headers=headers), 202)
    assert rejected["status"] == "REJECTED" and rejected["rejectDate"]
    hired = _ok(gauzy_client.put(f"/api/candidate/{candidate}/hired", headers=headers), 202)
    assert hired["status"] == "HIRED" and hired["employee"]["userId"] == created["userId"]
    employee = _ok(gauzy_client.get(f"/api/employee/{hired['employeeId']}", headers=headers), 200)
    assert employee["userId"] == created["userId"]
    again = gauzy_client.put(f"/api/candidate/{candidate}/hired", headers=headers)
    assert again.status_code == 409 and "already hired" in again.json()["message"]


def test_time_off_pagination_refuses_the_join_its_alias_filters_need(gauzy_client: httpx.Client,
                                                                       gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    employee = gauzy_double.seed.admin_employee_id
    policy = _ok(gauzy_client.post("/api/time-off-policy", headers=headers, json={
        "name": "Leave", "paid": True, "requiresApproval": False, "employees": [], **scope}), 201)["id"]
    request = _ok(gauzy_client.post("/api/time-off-request", headers=headers, json={
        "start": "2030-05-01T00:00:00Z", "end": "2030-05-02T00:00:00Z", "requestDate": "2030-04-01T00:00:00Z",
        "status": "REQUESTED", "policyId": policy, "employees": [{"id": employee}], **scope}), 202)["id"]
    by_employee = {**_where(scope), **ALL_TIME, "where[employeeIds][]": employee}
    assert gauzy_client.get("/api/time-off-request/pagination", headers=headers,
                            params=by_employee).status_code == 400  # "employees" is no alias without the join
    assert gauzy_client.get("/api/time-off-request/pagination", headers=headers,  # TypeORM 1.0 refuses `join`
                            params={**by_employee, **JOIN}).status_code == 400
    this_month = _ok(gauzy_client.get("/api/time-off-request/pagination", headers=headers,
                                      params=_where(scope)), 200)
    assert request not in [row["id"] for row in this_month["items"]]
    approved = _ok(gauzy_client.put(f"/api/time-off-request/approval/{request}", headers=headers), 202)
    assert approved["status"] == "APPROVED"


def test_a_time_off_policy_update_replaces_it_and_its_requests(gauzy_client: httpx.Client,
                                                               gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    employee = gauzy_double.seed.admin_employee_id
    created = _ok(gauzy_client.post("/api/time-off-policy", headers=headers, json={
        "name": "Leave", "paid": True, "requiresApproval": False, "employees": [employee], **scope}), 201)
    assert [(e["id"], bool(e["user"])) for e in created["employees"]] == [(employee, True)]
    request = _ok(gauzy_client.post("/api/time-off-request", headers=headers, json={
        "start": "2030-05-01T00:00:00Z", "end": "2030-05-02T00:00:00Z", "requestDate": "2030-04-01T00:00:00Z",
        "status": "REQUESTED", "policyId": created["id"], **scope}), 202)["id"]
    replaced = _ok(gauzy_client.put(f"/api/time-off-policy/{created['id']}", headers=headers, json={
        "name": "Renamed", "paid": False, "requiresApproval": True, "employees": [], **scope}), 202)
    assert replaced["id"] != created["id"] and (replaced["name"], replaced["employees"]) == ("Renamed", [])
    assert gauzy_client.get(f"/api/time-off-policy/{created['id']}", headers=headers).status_code == 404
    assert gauzy_client.get(f"/api/time-off-request/{request}", headers=headers).status_code == 404
    missing = gauzy_client.post("/api/time-off-policy", headers=headers, json={"name": "No flags", **scope})
    assert missing.status_code == 400


def test_skills_of_an_employee_follow_the_employee_update(gauzy_client: httpx.Client,
                                                          gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    employee = gauzy_double.seed.admin_employee_id
    skill = _ok(gauzy_client.post("/api/skills", headers=headers, json={"name": "Rust", "color": "#000000", **scope}),
                201)["id"]
    by_employee = {**_where(scope), "where[employees][id]": employee}
    assert _ok(gauzy_client.get("/api/skills/pagination", headers=headers, params=by_employee), 200)["total"] == 0
    _ok(gauzy_client.put(f"/api/employee/{employee}", headers=headers, json={"skills": [{"id": skill}], **scope}), 202)
    listed = _ok(gauzy_client.get("/api/skills/pagination", headers=headers, params=by_employee), 200)
    assert [row["id"] for row in listed["items"]] == [skill]


def test_contact_members_are_changed_by_employee(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    employee = gauzy_double.seed.admin_employee_id
    contact = _ok(gauzy_client.post("/api/organization-contact", headers=headers,
                                    json={"name": "Acme", **scope}), 201)["id"]
    by_employee = f"/api/organization-contact/employee/{employee}"
    assert _ok(gauzy_client.get(by_employee, headers=headers, params=scope), 200) == []
    change = {"member": {"id": employee}, "addedEntityIds": [contact], "removedEntityIds": [], **scope}
    assert _ok(gauzy_client.put("/api/organization-contact/employee", headers=headers, json=change), 202) is True
    assert _ok(gauzy_client.get(by_employee, headers=headers, params=scope), 200) == [
        {"id": contact, "name": "Acme", "imageUrl": None}]
    members = {**_where(scope), "where[members][]": employee}
    page = _ok(gauzy_client.get("/api/organization-contact/pagination", headers=headers, params=members), 200)
    assert [row["id"] for row in page["items"]] == [contact]
    removal = {**change, "addedEntityIds": [], "removedEntityIds": [contact]}
    _ok(gauzy_client.put("/api/organization-contact/employee", headers=headers, json=removal), 202)
    assert _ok(gauzy_client.get(by_employee, headers=headers, params=scope), 200) == []
