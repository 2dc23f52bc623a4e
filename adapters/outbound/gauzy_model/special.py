"""Routes whose behaviour the MCP tools rely on, modelled from Gauzy's services.

* ``POST /api/auth/login`` (AuthService.login): active user with that email and password, employee (if
  any) active -> 200 IAuthResponse ``{user (with role and employee), token, refresh_token}``; anything
  else -> 401 ``{"statusCode":401,"message":"Unauthorized"}`` (the service throws
  UnauthorizedException, re-thrown by TransformInterceptor without ``error``).
* ``POST /api/auth/refresh-token`` (AuthRefreshGuard + rotateTokens) -> 200 ``{token, refresh_token}``.
* ``POST /api/auth/logout`` -> 200, no body; revokes the given refresh token and the current token.
* ``GET /api/auth/authenticated`` (public) -> whether the bearer token is still active.
* ``GET /api`` -> ``{"status":200,"message":"Gauzy API"}``; ``GET /api/health`` -> a Terminus
  HealthCheckResult with ``status: "ok"``.
* ``GET /api/user/me`` (UserService.findMeUser): the user; ``includeEmployee`` adds ``employee``
  (``includeOrganization`` its ``organization``).
* ``GET /api/tasks/me`` (TaskService.getEmployeeTasks): tasks of the caller's employee (a caller holding
  CHANGE_SELECTED_EMPLOYEE sees ``where[members][id]``'s tasks, or all), ``isScreeningTask`` false by
  default; paged only when ``skip`` is given (``(take||10)*(skip-1)``).
* ``GET /api/tasks/employee/:id`` (getAllTasksByEmployee): array of that employee's tasks.
* ``GET /api/organization-projects/employee/:employeeId``: array of the projects having the employee
  as member, in the queried organization.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from . import errors, finance, goals, inventory, people, sales, teams, teamwork, time_logs, timer
from .auth import Principal
from .call import EMPTY, Call, Reply, as_dict, present
from .handlers import find_options, list_rows
from .store import iso, select, to_int
from .validators import js_truthy

if TYPE_CHECKING:
    from .api import Api

Handler = Callable[[Call, "Api"], Reply]


def principal_for(api: Api, user_id: str) -> Principal | None:
    """JWT claims for a user: tenant, role, permissions, employee and organization."""
    user = api.store.get("User", user_id)
    if user is None:
        return None
    account = next((a for a in api.seed.accounts.values() if a.user_id == user_id), None)
    role = api.store.get("Role", user.get("roleId"))
    employee = employee_of(api, user_id, user.get("tenantId"))
    organization = (employee or {}).get("organizationId") or user.get("lastOrganizationId")
    return Principal(
        user_id=user_id,
        tenant_id=user.get("tenantId"),
        email=str(user.get("email")),
        employee_id=(employee or {}).get("id"),
        organization_id=organization,
        role=(role or {}).get("name"),
        permissions=account.permissions if account else (),
    )


def employee_of(api: Api, user_id: str, tenant_id: str | None) -> dict[str, Any] | None:
    """EmployeeService.findOneByUserId within the tenant."""
    rows = select(api.store.rows("Employee"), tenant_id, {"userId": user_id})
    return rows[0] if rows else None


def _user_view(api: Api, user: dict[str, Any], employee: dict[str, Any] | None) -> dict[str, Any]:
    view = present(api.store, user, ["role"])
    if employee is not None:
        view["employee"] = present(api.store, employee)
    return view


def login(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    account = api.seed.accounts.get(str(body.get("email")))
    user = api.store.get("User", account.user_id) if account else None
    if account is None or user is None or body.get("password") != account.password:
        raise errors.plain(401, "Unauthorized")
    if not user.get("isActive") or user.get("isArchived"):
        raise errors.plain(401, "Unauthorized")
    employee = employee_of(api, account.user_id, user.get("tenantId"))
    if employee is not None and (not employee.get("isActive") or employee.get("isArchived")):
        raise errors.plain(401, "Unauthorized")
    principal = principal_for(api, account.user_id)
    assert principal is not None
    token, refresh = api.tokens.issue(principal)
    user = api.store.update("User", account.user_id, {"lastLoginAt": iso()}) or user
    return Reply(200, {"user": _user_view(api, user, employee), "token": token, "refresh_token": refresh})


def refresh_token(call: Call, api: Api) -> Reply:
    token, refresh = api.tokens.rotate(
        call.body_dict().get("refresh_token"), lambda old: principal_for(api, old.user_id) or old
    )
    return Reply(200, {"token": token, "refresh_token": refresh})


def logout(call: Call, api: Api) -> Reply:
    api.tokens.revoke(call.body_dict().get("refresh_token"))
    if call.principal is not None and api.strict_logout:
        api.tokens.revoke(call.principal.token)
    return Reply(200, EMPTY)


def authenticated(call: Call, api: Api) -> Reply:
    header = {k.lower(): v for k, v in call.headers}.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    return Reply(200, bool(token) and api.tokens.is_active(token))


def app_status(call: Call, api: Api) -> Reply:
    return Reply(200, {"status": 200, "message": "Gauzy API"})


def health(call: Call, api: Api) -> Reply:
    up = {"database": {"status": "up"}, "storage": {"status": "up"}, "cache": {"status": "up"}}
    return Reply(200, {"status": "ok", "info": up, "error": {}, "details": up})


def user_me(call: Call, api: Api) -> Reply:
    assert call.principal is not None
    user = api.store.get("User", call.principal.user_id)
    if user is None:
        return Reply(200, EMPTY)  # findMe swallows the error and returns undefined
    relations = (
        [r for r in (call.query.get("relations") or []) if r != "employee"]
        if isinstance(call.query.get("relations"), list)
        else call.query.get("relations")
    )
    view = present(api.store, user, relations)
    if str(call.query.get("includeEmployee")).lower() in ("true", "1"):
        employee = employee_of(api, user["id"], user.get("tenantId"))
        if employee is not None:
            include_org = str(call.query.get("includeOrganization")).lower() in ("true", "1")
            view["employee"] = present(api.store, employee, ["organization"] if include_org else None)
    return Reply(200, view)


def my_tasks(call: Call, api: Api) -> Reply:
    assert call.principal is not None
    where = find_options(call)["where"]
    members = as_dict(where.get("members"))
    if call.principal.has("CHANGE_SELECTED_EMPLOYEE"):
        employee_id = members.get("id") if js_truthy(members.get("id")) else None
    else:
        employee_id = call.principal.employee_id
    filters = {k: where[k] for k in ("organizationId", "projectId", "status", "isDraft") if js_truthy(where.get(k))}
    filters["isScreeningTask"] = where.get("isScreeningTask", False)
    rows = select(call.store.rows("Task"), call.tenant_id, filters)
    for key in ("title", "prefix"):
        if js_truthy(where.get(key)):
            rows = [r for r in rows if str(where[key]).lower() in str(r.get(key) or "").lower()]
    if employee_id:
        rows = [r for r in rows if any(m.get("id") == employee_id for m in r.get("members") or [])]
    total = len(rows)
    if "skip" in call.query:
        limit = to_int(call.query.get("take")) or 10
        offset = limit * ((to_int(call.query.get("skip")) or 0) - 1)
        rows = rows[max(offset, 0) : max(offset, 0) + limit]
    relations = find_options(call)["relations"]
    return Reply(200, {"items": [present(api.store, r, relations) for r in rows], "total": total})


def employee_tasks(call: Call, api: Api) -> Reply:
    employee_id = call.params.get("id")
    where = find_options(call)["where"]
    extra = {} if "isScreeningTask" in where else {"isScreeningTask": False}
    rows = [
        r for r in list_rows(call, "Task", extra) if any(m.get("id") == employee_id for m in r.get("members") or [])
    ]
    return Reply(200, [present(api.store, r, find_options(call)["relations"]) for r in rows])


def employee_projects(call: Call, api: Api) -> Reply:
    employee_id = call.params.get("employeeId")
    where = {k: call.query[k] for k in ("organizationId",) if js_truthy(call.query.get(k))}
    rows = select(call.store.rows("OrganizationProject"), call.tenant_id, where)
    rows = [r for r in rows if any(m.get("employeeId") == employee_id for m in r.get("members") or [])]
    return Reply(200, [present(api.store, r, call.query.get("relations")) for r in rows])


CORE: dict[str, Handler] = {
    "POST /api/auth/login": login,
    "POST /api/auth/refresh-token": refresh_token,
    "POST /api/auth/logout": logout,
    "GET /api/auth/authenticated": authenticated,
    "GET /api": app_status,
    "GET /api/health": health,
    "GET /api/user/me": user_me,
    "GET /api/tasks/me": my_tasks,
    "GET /api/tasks/employee/:id": employee_tasks,
    "GET /api/organization-projects/employee/:employeeId": employee_projects,
}

# One mapping "METHOD /reference/path" -> handler per area; a new area is a module and a line here.
AREAS: tuple[tuple[str, Mapping[str, Handler]], ...] = (
    ("core", CORE),  # sign-in, health, the caller's own tasks and projects
    ("timer", timer.TIMER),
    ("finance", finance.FINANCE),  # the highest invoice number; date ranges and text search in paginated lists
    ("goals", goals.GOALS),  # key results by id answer a page with their relations
    ("inventory", inventory.INVENTORY),  # equipment sharing requests, product images
    ("sales", sales.SALES),  # pipelines with their stages, deals joined to their stage
    ("teamwork", teamwork.TEAMWORK),  # team tasks, working employees, daily plan tasks, contact invites, reports
    ("people", people.PEOPLE),  # candidates, time-off decisions and policies, employee skills, contact members
    ("time logs", time_logs.TIME_LOGS),  # time logs, timesheets and their reports
    ("teams", teams.TEAM_ROUTES),  # teams with their members
)


def one_handler_per_route(areas: tuple[tuple[str, Mapping[str, Handler]], ...]) -> dict[str, Handler]:
    """All areas' handlers in one mapping; a route claimed by two areas is a bug, refused at import."""
    merged: dict[str, Handler] = {}
    owner: dict[str, str] = {}
    for area, handlers in areas:
        for route, handler in handlers.items():
            if route in merged:
                raise ValueError(f"{route} is modelled by both {owner[route]} and {area}")
            merged[route], owner[route] = handler, area
    return merged


SPECIAL = one_handler_per_route(AREAS)
