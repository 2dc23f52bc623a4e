"""Gauzy's own answers, as a real API of the modelled commit gave them, checked on the Gauzy API
double and (with GAUZY_REAL_URL set; skipped otherwise) on the real API: status and body of plain
HTTP calls, before any tool shapes them. Each behaviour here was first seen on the real API."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.doubles.gauzy import GauzyDouble
from tests.doubles.gauzy.inventory import MERCHANT_FAILURE
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
