"""Gauzy's own answers, as a real API of the modelled commit gave them, checked on the Gauzy API
double and (with GAUZY_REAL_URL set; skipped otherwise) on the real API: status and body of plain
HTTP calls, before any tool shapes them. Each behaviour here was first seen on the real API."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from adapters.outbound.gauzy_model.inventory import MERCHANT_FAILURE
from tests.live import LIVE, RawGauzy, live_url

pytestmark = pytest.mark.contract


@pytest.fixture(scope="module", params=["double", LIVE])
def gauzy(request: pytest.FixtureRequest) -> Iterator[RawGauzy]:
    if request.param == "live":
        raw = RawGauzy(live_url())
        yield raw
        raw.close()
        return
    with GauzyDouble() as double:
        raw = RawGauzy(double.base_url, "admin@ever.co", "admin")
        yield raw
        raw.close()


def created(gauzy: RawGauzy, path: str, body: dict[str, Any]) -> dict[str, Any]:
    status, record = gauzy.call("POST", path, body={**body, **gauzy.scoped()})
    assert status in (200, 201, 202) and isinstance(record, dict) and record.get("id"), (status, record)
    return record


def test_every_merchant_route_fails_inside_gauzy_with_its_success_status(gauzy: RawGauzy) -> None:
    failure = {"message": MERCHANT_FAILURE}
    assert gauzy.call("GET", "/api/merchants/pagination", {"where": gauzy.scoped()}) == (200, failure)
    assert gauzy.call("GET", "/api/merchants/count", gauzy.scoped()) == (200, failure)
    new = {"name": "Never stored", "code": "NEVER-STORED", "email": "m@example.com", "currency": "USD",
           **gauzy.scoped()}
    assert gauzy.call("POST", "/api/merchants", body=new) == (201, failure)
    status, _ = gauzy.call("GET", "/api/merchants", {"where": gauzy.scoped()})
    assert status == 400


def test_a_project_delete_answers_204_without_a_body(gauzy: RawGauzy) -> None:
    project = created(gauzy, "/api/organization-projects", {"name": f"Deleted {uuid.uuid4().hex[:6]}"})
    assert gauzy.call("DELETE", f"/api/organization-projects/{project['id']}", gauzy.scoped()) == (204, None)


def test_an_admin_comment_without_employee_id_is_stored_without_an_author(gauzy: RawGauzy) -> None:
    task = created(gauzy, "/api/tasks", {"title": "Commented raw", "status": "open"})
    comment = created(gauzy, "/api/comment", {"comment": "No author", "entity": "Task", "entityId": task["id"]})
    status, stored = gauzy.call("GET", f"/api/comment/{comment['id']}")
    assert status == 200 and stored.get("employeeId") is None, stored
    mine = created(gauzy, "/api/comment", {"comment": "Mine", "entity": "Task", "entityId": task["id"],
                                           "employeeId": gauzy.employee_id})
    assert gauzy.call("GET", f"/api/comment/{mine['id']}")[1]["employeeId"] == gauzy.employee_id


def test_the_timer_refuses_an_employee_whose_tracking_is_disabled(gauzy: RawGauzy) -> None:
    employee = f"/api/employee/{gauzy.employee_id}"
    status, _ = gauzy.call("PUT", employee, body={"isTrackingEnabled": False, **gauzy.scoped()})
    assert status in (200, 202)
    status, body = gauzy.call("POST", "/api/timesheet/timer/start", body={"logType": "TRACKED", "source": "BROWSER",
                                                                          **gauzy.scoped()})
    assert (status, body["message"]) == (403, "The time tracking functionality has been disabled for you.")


def test_time_off_pagination_refuses_the_join_its_filters_need_and_find_all_works(gauzy: RawGauzy) -> None:
    policy = created(gauzy, "/api/time-off-policy", {"name": f"Raw leave {uuid.uuid4().hex[:6]}", "paid": True,
                                                     "requiresApproval": False, "employees": []})
    request = created(gauzy, "/api/time-off-request", {
        "start": "2031-03-03T00:00:00Z", "end": "2031-03-04T00:00:00Z", "requestDate": "2031-02-01T00:00:00Z",
        "employees": [{"id": gauzy.employee_id}], "policyId": policy["id"], "status": "REQUESTED"})
    join = {"alias": "time_off_request", "leftJoin": {"employees": "time_off_request.employees"}}
    status, _ = gauzy.call("GET", "/api/time-off-request/pagination", {
        "where": {**gauzy.scoped(), "employeeIds": [gauzy.employee_id]}, "join": join})
    assert status == 400
    find = {"findInput": {**gauzy.scoped(), "employeeId": gauzy.employee_id,
                          "startDate": "2000-01-01T00:00:00Z", "endDate": "2100-12-31T00:00:00Z"}}
    response = gauzy.http.get("/api/time-off-request", params={"data": json.dumps(find)})
    assert response.status_code == 200, response.text
    found = {item["id"]: item for item in response.json()["items"]}
    assert found[request["id"]]["policy"]["id"] == policy["id"]
    assert [e["id"] for e in found[request["id"]]["employees"]] == [gauzy.employee_id]


def test_time_off_find_all_bounds_the_start_on_a_twelve_hour_clock(gauzy: RawGauzy) -> None:
    """Asked for 00:00-00:59 of a day, the route answers a request starting at 12:30 that day: moment's
    'hh' writes both bounds as 12:xx, compared with the stored 24-hour start."""
    policy = created(gauzy, "/api/time-off-policy", {"name": f"Clock {uuid.uuid4().hex[:6]}", "paid": True,
                                                     "requiresApproval": False, "employees": []})
    request = created(gauzy, "/api/time-off-request", {
        "start": "2032-06-10T12:30:00Z", "end": "2032-06-10T18:00:00Z", "requestDate": "2032-06-01T00:00:00Z",
        "employees": [{"id": gauzy.employee_id}], "policyId": policy["id"], "status": "REQUESTED"})
    find = {"findInput": {**gauzy.scoped(), "startDate": "2032-06-10T00:00:00Z", "endDate": "2032-06-10T00:59:59Z"}}
    response = gauzy.http.get("/api/time-off-request", params={"data": json.dumps(find)})
    assert response.status_code == 200 and request["id"] in [i["id"] for i in response.json()["items"]]


@pytest.mark.parametrize(("path", "body"), [
    ("/api/skills", {"name": "No colour"}),
    ("/api/goals", {"name": "No progress", "deadline": "Q4", "level": "Organization"}),
    ("/api/image-assets", {"name": "no-url.png"}),
])
def test_an_insert_without_a_not_null_column_is_refused_by_the_database(gauzy: RawGauzy, path: str,
                                                                        body: dict[str, Any]) -> None:
    status, refusal = gauzy.call("POST", path, body={**body, **gauzy.scoped()})
    assert status == 400 and "NOTNULL" in str(refusal.get("code")), refusal
    assert "message" not in refusal  # nothing in the answer names the column
