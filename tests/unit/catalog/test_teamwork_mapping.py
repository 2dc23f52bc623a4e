"""The teamwork tools' rows pinned to the real API: method, path, query and body of the
GauzyRequest each builds (time off, daily plans, contacts, comments, skills, reports), and
the requests of the use cases that combine calls."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import anyio
import pytest

from application.catalog import full_catalog
from application.catalog.model import ResourceCall
from application.invocation import Invocation
from application.requests import build_request
from application.use_cases.activity_logs import FindActivityLogs
from application.use_cases.contact_invites import InviteContact
from application.use_cases.time_off import ReplaceTimeOffPolicy
from application.use_cases.time_off_requests import ListTimeOffRequests
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest, QueryStyle
from domain.principal import CallerContext, GauzyCredential

CREDENTIAL = GauzyCredential(access_token="a", refresh_token="r", tenant_id="t-1", organization_id="o-1",
                             user_id="u-1", employee_id="e-1", expires_at=datetime(2030, 1, 1, tzinfo=UTC))
SCOPE = {"tenantId": "t-1", "organizationId": "o-1"}
CATALOG = full_catalog()
ID = "11111111-1111-4111-8111-111111111111"
OTHER = "22222222-2222-4222-8222-222222222222"


def request(tool: str, arguments: dict[str, Any]) -> GauzyRequest:
    spec = CATALOG.get(tool)
    assert isinstance(spec.operation, ResourceCall)
    values = spec.input_model.model_validate(arguments).model_dump(exclude_none=True)
    return build_request(spec.operation, values, CREDENTIAL)


def test_a_time_off_request_is_sent_under_gauzys_field_names() -> None:
    data = {"startDate": "2026-12-21", "endDate": "2026-12-24", "employeeId": ID, "policyId": OTHER,
            "requestDate": "2026-11-01"}
    sent = request("create_time_off_request", {"request_data": data})
    assert (sent.method, sent.path) == ("POST", "/api/time-off-request")
    assert sent.body == {"start": "2026-12-21T00:00:00Z", "end": "2026-12-24T00:00:00Z", "employees": [{"id": ID}],
                         "policyId": OTHER, "requestDate": "2026-11-01T00:00:00Z", "status": "REQUESTED", **SCOPE}


def test_deciding_and_cancelling_a_time_off_request() -> None:
    assert request("approve_time_off_request", {"id": ID}).path == f"/api/time-off-request/approval/{ID}"
    assert request("deny_time_off_request", {"id": ID}).path == f"/api/time-off-request/denied/{ID}"
    cancel = request("cancel_time_off_request", {"id": ID})
    assert (cancel.method, cancel.path, cancel.body) == ("PUT", f"/api/time-off-request/{ID}",
                                                          {"isArchived": True, **SCOPE})


def test_a_time_off_policy_gets_gauzys_defaults_and_no_type() -> None:
    sent = request("create_time_off_policy", {"policy_data": {"name": "Leave", "type": "VACATION"}})
    assert (sent.method, sent.path) == ("POST", "/api/time-off-policy")
    assert sent.body == {"name": "Leave", "requiresApproval": False, "paid": True, "employees": [], **SCOPE}


def test_daily_plans_list_without_paging_and_with_api_statuses() -> None:
    sent = request("get_daily_plans", {"status": "IN_PROGRESS", "employeeId": ID, "relations": ["tasks"]})
    assert (sent.method, sent.path) == ("GET", "/api/daily-plan")
    assert sent.query == {"where": {"status": "in-progress", "employeeId": ID, **SCOPE}, "relations": ["tasks"]}


def test_tasks_move_on_a_daily_plan_with_the_plans_employee() -> None:
    arguments = {"planId": ID, "taskId": OTHER, "employeeId": "33333333-3333-4333-8333-333333333333"}
    added, removed = request("add_task_to_daily_plan", arguments), request("remove_task_from_daily_plan", arguments)
    assert (added.method, added.path, removed.method, removed.path) == (
        "POST", f"/api/daily-plan/{ID}/task", "PUT", f"/api/daily-plan/{ID}/task")
    assert added.body == {"taskId": OTHER, "employeeId": arguments["employeeId"], **SCOPE}


def test_contacts_list_honours_the_given_organization_and_member_filter() -> None:
    sent = request("get_organization_contacts", {"organizationId": OTHER, "name": "glo", "employeeId": ID})
    assert (sent.method, sent.path) == ("GET", "/api/organization-contact/pagination")
    assert sent.query == {"where": {"organizationId": OTHER, "tenantId": "t-1", "name": "glo", "members": [ID]},
                          "take": 10, "skip": 1}


def test_one_contact_is_read_through_the_data_json_parameter() -> None:
    sent = request("get_organization_contact", {"id": ID, "relations": ["members"]})
    assert (sent.path, sent.query_style, sent.query) == (f"/api/organization-contact/{ID}", QueryStyle.DATA_JSON,
                                                          {"relations": ["members"]})


def test_contact_membership_goes_through_the_edit_by_member_route() -> None:
    sent = request("assign_contact_to_employee", {"contactId": ID, "employeeId": OTHER})
    assert (sent.method, sent.path) == ("PUT", "/api/organization-contact/employee")
    assert sent.body == {"addedEntityIds": [ID], "removedEntityIds": [], "member": {"id": OTHER}, **SCOPE}


def test_comments_use_base_entity_names() -> None:
    sent = request("create_comment", {"comment_data": {"comment": "Hi", "entity": "TASK", "entityId": ID}})
    assert (sent.method, sent.path, sent.body) == ("POST", "/api/comment", {"comment": "Hi", "entity": "Task",
                                                                            "entityId": ID, "employeeId": "e-1",
                                                                            **SCOPE})
    project = request("add_comment_to_project", {"projectId": ID, "comment": "Go"})
    assert project.body == {"entityId": ID, "comment": "Go", "entity": "OrganizationProject",
                            "employeeId": "e-1", **SCOPE}


def test_comment_count_and_recent_comments_read_the_offset_list() -> None:
    count = request("get_comment_count", {"entity": "Task"})
    assert (count.path, count.query) == ("/api/comment", {"where": {"entity": "Task", **SCOPE}, "take": 1, "skip": 0})
    recent = request("get_recent_comments", {"limit": 5})
    assert recent.query == {"where": SCOPE, "take": 5, "skip": 0, "order": {"createdAt": "DESC"}}


def test_skills_of_an_employee_and_the_report_menu() -> None:
    skills = request("get_skills_by_employee", {"employeeId": ID})
    assert (skills.path, skills.query["where"]) == ("/api/skills/pagination", {"employees": {"id": ID}, **SCOPE})
    menu = request("update_report_menu", {"reportId": ID, "isEnabled": False})
    assert (menu.method, menu.path, menu.body) == ("POST", "/api/report/menu-item",
                                                   {"reportId": ID, "isEnabled": False, **SCOPE})


class FakeKeeper:
    """Answers every request from `answers` (by path) and records what was sent."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.sent: list[GauzyRequest] = []

    async def current(self, caller: CallerContext) -> GauzyCredential:
        return CREDENTIAL

    async def send(self, caller: CallerContext, sent: GauzyRequest) -> Any:
        self.sent.append(sent)
        return self.answers.get(sent.path, {"items": [], "total": 0})


def run(use_case: Any, tool: str, arguments: dict[str, Any]) -> Any:
    validated = CATALOG.get(tool).input_model.model_validate(arguments)
    invocation = Invocation(caller=CallerContext(session_key="test"))
    return anyio.run(use_case, validated, invocation)


@pytest.mark.parametrize(("arguments", "scans"), [({"entity": "TASK"}, False), ({"employeeId": ID}, True)])
def test_activity_logs_filter_in_gauzy_or_scan_when_gauzy_cannot(arguments: dict[str, Any], scans: bool) -> None:
    keeper = FakeKeeper({})
    run(FindActivityLogs(keeper, clock=None, mode="list"), "get_activity_logs", arguments)
    (sent,) = keeper.sent
    assert (sent.method, sent.path) == ("GET", "/api/activity-log")
    assert sent.query["take"] == (100 if scans else 10)
    assert {key: sent.query[key] for key in ("orderBy", "order", *SCOPE)} == {
        "orderBy": "createdAt", "order": "DESC", **SCOPE}


def test_a_policy_update_sends_the_whole_policy_with_current_values_kept() -> None:
    current = {"id": ID, "name": "Leave", "paid": True, "requiresApproval": False, "employees": [{"id": OTHER}]}
    keeper = FakeKeeper({"/api/time-off-policy/pagination": {"items": [current], "total": 1}})
    run(ReplaceTimeOffPolicy(keeper, add_members=False), "update_time_off_policy",
        {"id": ID, "policy_data": {"paid": False}})
    lookup, put = keeper.sent
    assert lookup.query == {"where": {**SCOPE, "id": ID}, "relations": ["employees"], "take": 1, "skip": 1}
    assert (put.method, put.path) == ("PUT", f"/api/time-off-policy/{ID}")
    assert put.body == {"name": "Leave", "requiresApproval": False, "paid": False, "employees": [OTHER], **SCOPE}


def test_a_contact_is_invited_through_the_invite_route_once_its_email_is_known() -> None:
    keeper = FakeKeeper({f"/api/organization-contact/{ID}": {"id": ID, "name": "Acme", "primaryEmail": "a@acme.io"},
                         f"/api/invite/organization-contact/{ID}": {"id": ID, "inviteStatus": "INVITED"}})
    answer = run(InviteContact(keeper), "invite_organization_contact", {"contactId": ID, "organizationId": OTHER})
    lookup, invite = keeper.sent
    assert (lookup.method, lookup.path) == ("GET", f"/api/organization-contact/{ID}")
    assert (invite.method, invite.path, invite.idempotent) == ("PUT", f"/api/invite/organization-contact/{ID}", False)
    assert answer["inviteStatus"] == "INVITED"


def test_a_contact_without_email_is_not_sent_to_gauzy_which_would_answer_500() -> None:
    keeper = FakeKeeper({f"/api/organization-contact/{ID}": {"id": ID, "name": "Acme", "primaryEmail": None}})
    with pytest.raises(InvalidInputError, match="no primary email"):
        run(InviteContact(keeper), "invite_organization_contact", {"contactId": ID, "organizationId": OTHER})
    assert len(keeper.sent) == 1


def time_off_request(rid: str, start: str, end: str, **fields: Any) -> dict[str, Any]:
    return {"id": rid, "start": start, "end": end, "status": "REQUESTED", "isArchived": False, "employees": [],
            "policy": {"name": "Annual leave"}, **fields}


REQUESTS = [
    time_off_request("a", "2026-03-02T00:00:00.000Z", "2026-03-04T00:00:00.000Z", status="APPROVED"),
    time_off_request("b", "2026-03-30T00:00:00.000Z", "2026-04-02T00:00:00.000Z", description="Trip home",
                     employees=[{"id": ID, "user": {"firstName": "Ada", "lastName": "Lovelace"}}]),
    time_off_request("c", "2026-05-10T00:00:00.000Z", "2026-05-10T00:00:00.000Z", isArchived=True),
]


def listed(use_case: Any, tool: str, arguments: dict[str, Any]) -> tuple[Any, GauzyRequest]:
    keeper = FakeKeeper({"/api/time-off-request": {"items": REQUESTS, "total": len(REQUESTS)}})
    answer = run(use_case(keeper), tool, arguments)
    (sent,) = keeper.sent
    return answer, sent


def test_time_off_requests_are_read_from_the_find_all_route_over_all_time() -> None:
    _, sent = listed(ListTimeOffRequests, "get_time_off_requests", {"employeeId": ID})
    assert (sent.method, sent.path, sent.query_style) == ("GET", "/api/time-off-request", QueryStyle.DATA_JSON)
    assert sent.query == {"findInput": {**SCOPE, "employeeId": ID, "startDate": "2000-01-01T00:00:00Z",
                                        "endDate": "2100-12-31T00:00:00Z"}}
    assert "join" not in sent.query and "where" not in sent.query


@pytest.mark.parametrize(("arguments", "ids"), [
    ({}, ["b", "a"]),
    ({"status": "approved"}, ["a"]),
    ({"startDate": "2026-04-01", "endDate": "2026-04-30"}, ["b"]),
    ({"startDate": "2026-03-04", "endDate": "2026-03-04"}, ["a"]),
    ({"includeArchived": True}, ["c"]),
    ({"employeeName": "ada"}, ["b"]),
    ({"policyName": "annual"}, ["b", "a"]),
])
def test_time_off_request_filters_are_applied_to_what_gauzy_returns(arguments: dict[str, Any], ids: list[str]) -> None:
    answer, _ = listed(ListTimeOffRequests, "get_time_off_requests", arguments)
    assert [item["id"] for item in answer["items"]] == ids and answer["total"] == len(ids)


def test_my_pending_and_counted_time_off_requests() -> None:
    _, sent = listed(lambda k: ListTimeOffRequests(k, mine=True), "get_my_time_off_requests", {})
    assert sent.query["findInput"]["employeeId"] == "e-1"
    pending, _ = listed(lambda k: ListTimeOffRequests(k, fixed={"status": "REQUESTED", "includeArchived": False}),
                        "get_pending_time_off_requests", {})
    assert [item["id"] for item in pending["items"]] == ["b"]
    counted, _ = listed(lambda k: ListTimeOffRequests(k, count=True), "get_time_off_request_count", {})
    assert counted == {"count": 2}
