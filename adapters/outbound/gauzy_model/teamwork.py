"""Team tasks, working employees, daily plans, contact invitations and reports, modelled from Gauzy's
services (ever-gauzy ``packages/core/src/lib``); these routes are not CRUD, so their generic shape is
not what Gauzy answers.

* ``GET /api/tasks/team`` (``tasks/task.service.ts`` ``findTeamTasks``, TaskQueryDTO): ``where[teams]``
  is a list of team ids (``"organizationTeamId" IN (:...teams)``; anything else than a list reaches
  PostgreSQL as one value and fails: 400). A task is listed when one of its teams is among them and
  has as member the caller's employee (or, for a caller holding CHANGE_SELECTED_EMPLOYEE,
  ``where[members][id]`` when given); then organization, tenant, ``projectId`` (OR-ed in when teams are
  given), ``status``, ``isDraft``, ``title`` / ``prefix`` (ILIKE), ``isScreeningTask`` (default false).
  Paged only when ``skip`` is given (``(take||10)*(skip-1)``). ``{items, total}``.
* ``GET /api/employee/working`` and ``/working/count`` (``employee/employee.controller.ts``,
  ``employee.service.ts`` ``findWorkingEmployees`` / ``findWorkingEmployeesCount`` /
  ``getFilterQuery``): ``?data={"findInput": {organizationId, forRange: {startDate, endDate},
  withUser}}`` (no findInput: TypeError, 500). Active, unarchived employees of the organization whose
  user is active and unarchived; with ``forRange``, ``startedWorkOn <= end`` (NULL never is) and
  ``endWork`` NULL or ``>= start``; without CHANGE_SELECTED_EMPLOYEE only the caller's employee. The list
  answers the selected columns (``user`` only with ``withUser``) as ``{items, total}``, the count
  ``{total}``; a range ending before it starts is swallowed by the service (200, no body).
* Daily plans (``tasks/daily-plan/daily-plan.service.ts``); a plan's ``tasks`` are a ManyToMany kept on
  the row as ``[{id}]`` and shown (as Task rows) only when asked for:
  ``POST /api/daily-plan`` ``createDailyPlan``: the employee must exist; the plan of that employee, team
  and day (``DATE(date)``) is reused, else a new one is made; ``taskId`` (not a column) adds that task;
  201 with the plan and its tasks. ``POST /:id/task`` ``addTaskToPlan`` / ``PUT /:id/task``
  ``removeTaskFromPlan``: the plan by id with the body's ``employeeId`` / ``organizationId`` (absent
  keys are no condition) and the task of the organization, else 400 ``The requested record was not
  found``; answer the saved plan with its tasks. ``PUT /:taskId/remove`` ``removeTaskFromManyPlans``:
  plans of the tenant, organization, team and employee dated today (UTC) or later, limited to
  ``plansIds`` when non-empty, else to plans holding the task (none: 400 ``Daily plans not found``);
  answers the changed plans with employee, user and tasks. ``GET /task/:id`` ``getDailyPlansByTask``:
  the organization's plans holding the task, with employee, user and tasks, as ``{items, total}``.
* ``PUT /api/invite/organization-contact/:id`` (``invite/invite.controller.ts`` ``@HttpCode(202)``,
  ``invite/commands/handlers/invite.organization-contact.handler.ts``): the contact (tenant), a primary
  email, and no user of the tenant with that email, else 500 with the handler's message; stores an
  Invite, sets the contact's ``inviteStatus`` INVITED and answers the contact with it. (The VIEWER
  role lookup is not modelled: every tenant has that role.)
* Reports (``reports/report.service.ts``, ``report-organization.service.ts``, ``report-category.*``):
  the catalogue has no tenant. ``GET /api/report`` ``findAllReports``: every report with the asked
  relations and ``showInMenu`` true when the organization (``?organizationId``) of the JWT tenant has an
  enabled, active, unarchived ReportOrganization row, as ``{items, total}``; ``GET /menu-items``
  ``getMenuItems``: those reports, as an array; ``POST /menu-item`` ``updateReportMenu``: assigns the
  body to the organization's row for ``reportId`` or creates it (201, the row; an unknown report fails
  the foreign key: 500); ``GET /category`` ``findAll``: every category as ``{items, total}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from . import errors
from .call import EMPTY, Call, Reply, as_dict, present, relation_names
from .handlers import find_options
from .store import apply_order, iso, matches, new_id, parse_iso, select, to_int
from .validators import js_truthy

if TYPE_CHECKING:
    from .api import Api

PLANS = "DailyPlan"
NOT_FOUND = "The requested record was not found"
WORKING_EMPLOYEE_FIELDS = (
    "id", "isActive", "short_description", "description", "averageIncome", "averageExpenses", "averageBonus",
    "startedWorkOn", "isTrackingEnabled", "billRateCurrency", "billRateValue", "minimumBillingRate", "userId",
    "isAway", "isOnline",
)
WORKING_USER_FIELDS = ("id", "firstName", "lastName", "email", "imageUrl", "timeZone", "timeFormat")


# -- team tasks ---------------------------------------------------------------------------------------------
def _is_true(value: Any) -> bool:
    return str(value).lower() == "true"


def _team_members(call: Call, team_id: Any) -> set[str]:
    team = call.store.get("OrganizationTeam", team_id, call.tenant_id) or {}
    return {str(m.get("employeeId")) for m in team.get("members") or [] if isinstance(m, dict)}


def _in_team_subquery(call: Call, task: dict[str, Any], teams: list[Any], employee_id: Any) -> bool:
    for link in task.get("teams") or []:
        team_id = link.get("id") if isinstance(link, dict) else link
        if teams and team_id not in teams:
            continue
        if employee_id and str(employee_id) not in _team_members(call, team_id):
            continue
        return True
    return False


def _task_filters(task: dict[str, Any], where: dict[str, Any], teams: list[Any]) -> bool:
    if js_truthy(where.get("projectId")) and not teams and task.get("projectId") != where["projectId"]:
        return False
    if js_truthy(where.get("status")) and task.get("status") != where["status"]:
        return False
    if where.get("isDraft") not in (None, "") and bool(task.get("isDraft")) != _is_true(where["isDraft"]):
        return False
    for key in ("title", "prefix"):
        if js_truthy(where.get(key)) and str(where[key]).lower() not in str(task.get(key) or "").lower():
            return False
    screening = where.get("isScreeningTask", False)
    return bool(task.get("isScreeningTask")) == _is_true(screening)


def team_tasks(call: Call, api: Api) -> Reply:
    assert call.principal is not None
    options = find_options(call)
    where = options["where"]
    teams = where.get("teams") or []
    if not isinstance(teams, list):
        raise errors.with_error(400, f'invalid input syntax for type uuid: "{json.dumps(teams)}"')
    members = as_dict(where.get("members"))
    if call.principal.has("CHANGE_SELECTED_EMPLOYEE"):
        employee_id = members.get("id") if js_truthy(members.get("id")) else None
    else:
        employee_id = call.principal.employee_id
    rows = select(call.store.rows("Task"), call.tenant_id, {})
    project = where.get("projectId") if js_truthy(where.get("projectId")) and teams else None

    def listed(task: dict[str, Any]) -> bool:
        in_team = _in_team_subquery(call, task, teams, employee_id)
        in_team = in_team and task.get("organizationId") == where.get("organizationId")
        if project is None:
            return in_team and _task_filters(task, where, teams)
        # `sub AND org OR projectId = :projectId AND (filters)`: SQL precedence, as Gauzy builds it
        return in_team or (task.get("projectId") == project and _task_filters(task, where, teams))

    chosen = [task for task in rows if listed(task)]
    chosen = apply_order(chosen, options["order"])
    total = len(chosen)
    if "skip" in call.query:
        limit = to_int(call.query.get("take")) or 10
        offset = limit * ((to_int(call.query.get("skip")) or 0) - 1)
        chosen = chosen[max(offset, 0) : max(offset, 0) + limit]
    return Reply(200, {"items": [present(call.store, t, options["relations"]) for t in chosen], "total": total})


# -- working employees --------------------------------------------------------------------------------------
def _find_input(call: Call) -> dict[str, Any]:
    try:
        data = json.loads(call.query.get("data") or "{}")
    except ValueError:
        data = {}  # ParseJsonPipe
    find_input = data.get("findInput") if isinstance(data, dict) else None
    if not isinstance(find_input, dict):
        raise errors.internal_error()  # destructuring undefined findInput: TypeError
    return find_input


def _working(call: Call) -> list[dict[str, Any]] | None:
    """getFilterQuery; None when getDateRangeFormat throws (the service logs it and returns undefined)."""
    assert call.principal is not None
    find_input = _find_input(call)
    store, tenant = call.store, call.tenant_id
    rows = select(store.rows("Employee"), tenant, {"organizationId": find_input.get("organizationId"),
                                                   "isActive": True, "isArchived": False})
    working = []
    for row in rows:
        user = store.get("User", row.get("userId"), tenant)
        if user is None or not user.get("isActive") or user.get("isArchived"):
            continue
        if not select(store.rows("UserOrganization"), tenant, {"userId": user["id"]}):
            continue
        working.append(row)
    range_ = find_input.get("forRange")
    if js_truthy(range_):
        range_ = range_ if isinstance(range_, dict) else {}
        now = datetime.now(UTC)
        start = parse_iso(range_.get("startDate")) or now
        end = parse_iso(range_.get("endDate")) or now
        if end < start:
            return None
        working = [row for row in working if _works_within(row, start, end)]
    if not call.principal.has("CHANGE_SELECTED_EMPLOYEE"):
        working = [row for row in working if row.get("id") == call.principal.employee_id]
    return working


def _works_within(employee: dict[str, Any], start: datetime, end: datetime) -> bool:
    started = parse_iso(employee.get("startedWorkOn"))  # NULL <= end is not true in SQL
    ended = parse_iso(employee.get("endWork"))
    return started is not None and started <= end and (employee.get("endWork") is None or (ended or start) >= start)


def working_employees(call: Call, api: Api) -> Reply:
    working = _working(call)
    if working is None:
        return Reply(200, EMPTY)
    with_user = js_truthy(_find_input(call).get("withUser"))
    items = []
    for row in working:
        item = {key: row.get(key) for key in WORKING_EMPLOYEE_FIELDS if key in row}
        user = call.store.get("User", row.get("userId"), call.tenant_id) if with_user else None
        if user is not None:
            item["user"] = {key: user.get(key) for key in WORKING_USER_FIELDS}
        items.append(item)
    return Reply(200, {"items": items, "total": len(items)})


def working_employees_count(call: Call, api: Api) -> Reply:
    working = _working(call)
    return Reply(200, EMPTY if working is None else {"total": len(working)})


# -- daily plans --------------------------------------------------------------------------------------------
def _plan_view(call: Call, plan: dict[str, Any], relations: list[str]) -> dict[str, Any]:
    view = present(call.store, plan, relations)
    employee = view.get("employee")
    if "employee.user" in relations and isinstance(employee, dict):
        employee["user"] = call.store.get("User", employee.get("userId"), call.tenant_id)
    return view


def _day(value: Any) -> str | None:
    moment = parse_iso(value)
    return moment.astimezone(UTC).date().isoformat() if moment else None


def _task_of(call: Call, task_id: Any, organization_id: Any, message: str = NOT_FOUND) -> dict[str, Any]:
    task = call.store.get("Task", task_id, call.tenant_id)
    if task is None or (organization_id is not None and task.get("organizationId") != organization_id):
        raise errors.with_error(400, message)
    return dict(task)


def create_daily_plan(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    tenant = call.tenant_id
    employee = call.store.get("Employee", body.get("employeeId"), tenant)
    if employee is None:
        raise errors.with_error(400, NOT_FOUND)
    team_id = body.get("organizationTeamId")
    if team_id is not None and call.store.get("OrganizationTeam", team_id, tenant) is None:
        raise errors.with_error(400, "insert or update on table \"daily_plan\" violates foreign key constraint")
    day = _day(body.get("date"))
    same_day = [
        plan for plan in select(call.store.rows(PLANS), tenant, {"organizationId": body.get("organizationId"),
                                                                 "organizationTeamId": team_id,
                                                                 "employeeId": employee["id"]})
        if _day(plan.get("date")) == day
    ]
    task = _task_of(call, body["taskId"], None, "Task not found") if body.get("taskId") else None
    if same_day:
        plan = same_day[0]
    else:
        fields = {k: v for k, v in body.items() if k not in ("taskId", "employee", "organizationTeam", "tenant",
                                                              "organization")}
        moment = parse_iso(body.get("date"))
        plan = {**fields, "date": iso(moment) if moment else body.get("date"), "employeeId": employee["id"],
                "tasks": [], "tenantId": tenant}
    if task is not None:
        plan["tasks"] = [*(plan.get("tasks") or []), {"id": task["id"]}]
    if same_day:
        saved = call.store.update(PLANS, str(plan["id"]), {"tasks": plan["tasks"]}) or plan
    else:
        saved = call.store.insert(PLANS, plan)
    return Reply(201, _plan_view(call, saved, ["tasks"]))


def _plan_for_task_change(call: Call) -> tuple[dict[str, Any], dict[str, Any]]:
    """findOneByIdString(planId, {where: {employeeId, tenantId, organizationId}}) and the task."""
    body = call.body_dict()
    plan = call.store.get(PLANS, call.params.get("id"), call.tenant_id)
    where = {key: body[key] for key in ("employeeId", "organizationId") if body.get(key) is not None}
    if plan is None or not matches(plan, where):
        raise errors.with_error(400, NOT_FOUND)
    return dict(plan), _task_of(call, body.get("taskId"), body.get("organizationId"))


def add_task_to_plan(call: Call, api: Api) -> Reply:
    plan, task = _plan_for_task_change(call)
    tasks = [link for link in plan.get("tasks") or [] if link.get("id") != task["id"]]
    saved = call.store.update(PLANS, str(plan["id"]), {"tasks": [*tasks, {"id": task["id"]}]}) or plan
    return Reply(201, _plan_view(call, saved, ["tasks"]))


def remove_task_from_plan(call: Call, api: Api) -> Reply:
    plan, task = _plan_for_task_change(call)
    tasks = [link for link in plan.get("tasks") or [] if link.get("id") != task["id"]]
    saved = call.store.update(PLANS, str(plan["id"]), {"tasks": tasks}) or plan
    return Reply(200, _plan_view(call, saved, ["tasks"]))


def _holds(plan: dict[str, Any], task_id: Any) -> bool:
    return any(link.get("id") == task_id for link in plan.get("tasks") or [] if isinstance(link, dict))


def remove_task_from_plans(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    task_id = call.params.get("taskId")
    plan_ids = body.get("plansIds")
    if not isinstance(plan_ids, list):
        raise errors.with_error(400, "Cannot read properties of undefined (reading 'length')")
    keys = ("organizationId", "organizationTeamId", "employeeId")
    today = datetime.now(UTC).date().isoformat()
    plans = [] if any(body.get(k) is None for k in keys) else [
        plan for plan in select(call.store.rows(PLANS), call.tenant_id, {k: body[k] for k in keys})
        if (_day(plan.get("date")) or "") >= today
        and (plan["id"] in plan_ids if plan_ids else _holds(plan, task_id))
    ]
    if not plans:
        raise errors.with_error(400, "Daily plans not found")
    _task_of(call, task_id, body.get("organizationId"), "The task to remove not found")
    changed = []
    for plan in plans:
        tasks = [link for link in plan.get("tasks") or [] if link.get("id") != task_id]
        changed.append(call.store.update(PLANS, str(plan["id"]), {"tasks": tasks}) or plan)
    return Reply(200, [_plan_view(call, plan, ["employee", "employee.user", "tasks"]) for plan in changed])


def plans_for_task(call: Call, api: Api) -> Reply:
    task_id = call.params.get("id")
    organization = find_options(call)["where"].get("organizationId")
    rows = select(call.store.rows(PLANS), call.tenant_id, {"organizationId": organization}) if organization else []
    rows = [plan for plan in rows if _holds(plan, task_id)]
    items = [_plan_view(call, plan, ["employee", "employee.user", "tasks"]) for plan in rows]
    return Reply(200, {"items": items, "total": len(items)})


# -- contact invitation -------------------------------------------------------------------------------------
def invite_contact(call: Call, api: Api) -> Reply:
    assert call.principal is not None
    contact_id = call.params.get("id")
    contact = call.store.get("OrganizationContact", contact_id, call.tenant_id)
    if contact is None:
        raise errors.plain(500, NOT_FOUND)
    email = contact.get("primaryEmail")
    if not email:
        raise errors.plain(
            500,
            f"Organization contact with id {contact['id']} does not have a primary email address. A valid primary "
            "email is required to send the invitation. Please update the contact's email information and try again.",
        )
    users = select(call.store.rows("User"), call.tenant_id, {})
    if any(str(user.get("email")).lower() == str(email).lower() for user in users):
        raise errors.plain(500, "Contact email already exists in the account as a user")
    call.store.insert("Invite", {
        "tenantId": call.tenant_id, "organizationId": contact.get("organizationId"), "email": email,
        "organizationContactId": contact["id"], "invitedByUserId": call.principal.user_id, "status": "INVITED",
        "token": new_id(),
    })
    call.store.update("OrganizationContact", str(contact["id"]), {"inviteStatus": "INVITED"})
    return Reply(202, {**present(call.store, contact), "inviteStatus": "INVITED"})


# -- reports ------------------------------------------------------------------------------------------------
def _enabled_reports(call: Call, organization_id: Any) -> set[str]:
    rows = select(call.store.rows("ReportOrganization"), call.tenant_id,
                  {"organizationId": organization_id, "isEnabled": True, "isActive": True, "isArchived": False})
    return {str(row.get("reportId")) for row in rows} if organization_id else set()


def _report_view(call: Call, report: dict[str, Any], relations: Any) -> dict[str, Any]:
    view = present(call.store, report, relations)
    if "category" in {name.split(".")[0] for name in relation_names(relations)}:
        view["category"] = call.store.get("ReportCategory", report.get("categoryId"))
    return view


def reports(call: Call, api: Api) -> Reply:
    enabled = _enabled_reports(call, call.query.get("organizationId"))
    relations = call.query.get("relations")
    items = [
        {**_report_view(call, report, relations), "showInMenu": str(report["id"]) in enabled}
        for report in select(call.store.rows("Report"), None, {})
    ]
    return Reply(200, {"items": items, "total": len(items)})


def menu_items(call: Call, api: Api) -> Reply:
    enabled = _enabled_reports(call, call.query.get("organizationId"))
    rows = select(call.store.rows("Report"), None, {})
    return Reply(200, [present(call.store, report) for report in rows if str(report["id"]) in enabled])


def update_menu(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    fields = {k: v for k, v in body.items() if k not in ("id", "tenant", "organization", "createdAt", "updatedAt")}
    found = select(call.store.rows("ReportOrganization"), call.tenant_id,
                   {"reportId": body.get("reportId"), "organizationId": body.get("organizationId")})
    if found:
        saved = call.store.update("ReportOrganization", str(found[0]["id"]), {**fields, "tenantId": call.tenant_id})
        return Reply(201, present(call.store, saved or found[0]))
    if call.store.get("Report", body.get("reportId")) is None:
        raise errors.internal_error()  # report_organization.reportId foreign key
    row = call.store.insert("ReportOrganization", {"isEnabled": True, **fields, "tenantId": call.tenant_id})
    return Reply(201, present(call.store, row))


def report_categories(call: Call, api: Api) -> Reply:
    options = find_options(call)
    rows = apply_order(select(call.store.rows("ReportCategory"), None, options["where"]), options["order"])
    return Reply(200, {"items": [present(call.store, r, options["relations"]) for r in rows], "total": len(rows)})


TEAMWORK: dict[str, Callable[[Call, Api], Reply]] = {
    "GET /api/tasks/team": team_tasks,
    "GET /api/employee/working": working_employees,
    "GET /api/employee/working/count": working_employees_count,
    "POST /api/daily-plan": create_daily_plan,
    "POST /api/daily-plan/:id/task": add_task_to_plan,
    "PUT /api/daily-plan/:id/task": remove_task_from_plan,
    "PUT /api/daily-plan/:taskId/remove": remove_task_from_plans,
    "GET /api/daily-plan/task/:id": plans_for_task,
    "PUT /api/invite/organization-contact/:id": invite_contact,
    "GET /api/report": reports,
    "GET /api/report/menu-items": menu_items,
    "POST /api/report/menu-item": update_menu,
    "GET /api/report/category": report_categories,
}
