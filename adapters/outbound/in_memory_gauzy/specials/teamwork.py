"""Routes with behaviour of their own for comments (written as the signed-in employee, edited
only by their author), activity logs (GetActivityLogsDTO), skills (the employee relation,
CRUD update's UpdateResult) and reports (global catalogue, per-organization menu)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import (
    Caller,
    Store,
    check_organization,
    one_of,
    order,
    page,
    require,
)
from adapters.outbound.in_memory_gauzy.teamwork_rules import truthy, with_relations
from domain.errors import GauzyValidationError

ENTITIES = (
    "Broadcast", "Candidate", "Comment", "Contact", "Currency", "DailyPlan", "Dashboard", "DashboardWidget",
    "Employee", "Expense", "Invoice", "Income", "Language", "Organization", "OrganizationContact",
    "OrganizationDepartment", "OrganizationDocument", "OrganizationProject", "OrganizationTeam",
    "OrganizationProjectModule", "OrganizationSprint", "OrganizationVendor", "ResourceLink", "ScreeningTask",
    "OrganizationStrategicInitiative", "Task", "TaskLinkedIssue", "TaskView", "User", "Tenant",
)


def create_comment(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    fields = dict(body or {})
    require(fields, "entity", "entityId", "comment")
    one_of(fields, "entity", ENTITIES)
    one_of(fields, "actorType", ("System", "User"))
    if fields.get("organizationId"):
        check_organization(str(fields["organizationId"]), caller)
    employee_id = caller.credential.employee_id or fields.get("employeeId")
    store.get("employee", caller, str(employee_id))
    fields.pop("mentionEmployeeIds", None)
    return store.insert("comment", caller, {**fields, "employeeId": employee_id})


def update_comment(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    comment = store.get("comment", caller, params["id"])
    if comment.get("employeeId") != caller.credential.employee_id:
        raise GauzyValidationError(["Comment update failed"])
    fields = {k: v for k, v in dict(body or {}).items() if k not in ("entity", "entityId", "mentionEmployeeIds")}
    return store.update("comment", caller, params["id"], fields)


def activity_logs(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    """ActivityLogService.findActivityLogs: newest first, 100 per page by default, skip a page number."""
    if not query.get("organizationId"):
        raise GauzyValidationError(["organizationId must be a UUID"])
    check_organization(str(query["organizationId"]), caller)
    one_of(query, "entity", ENTITIES)
    one_of(query, "action", ("Created", "Updated", "Deleted"))
    one_of(query, "orderBy", ("createdAt", "updatedAt", "entity", "action"))
    where = {key: query[key] for key in ("organizationId", "entity", "entityId", "action", "actorType")
             if query.get(key)}
    rows = [log for log in store.find("activity-log", caller, where)
            if bool(log.get("isActive", True)) == truthy(query.get("isActive", True))
            and bool(log.get("isArchived")) == truthy(query.get("isArchived", False))]
    take = int(query.get("take") or 100)
    direction = str(query.get("order") or "DESC").upper()
    paging = {"take": take, "skip": max(int(query.get("skip") or 1), 1),
              "order": {str(query.get("orderBy") or "createdAt"): direction}}
    return page(with_relations(store, caller, rows, query.get("relations"), {}), paging, skip_is_page=True)


def skill_page(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """CRUD pagination of skills; `employees.id` follows the employee-skill relation."""
    where = dict(query.get("where") or {})
    if where.get("organizationId"):
        check_organization(str(where["organizationId"]), caller)
    employee_id = (where.pop("employees", None) or {}).get("id")
    where.pop("tenantId", None)
    rows = store.find("skills", caller, where)
    if employee_id:
        employee = store.get("employee", caller, str(employee_id))
        owned = {skill["id"] for skill in employee.get("skills") or []}
        rows = [skill for skill in rows if skill["id"] in owned]
    return page(rows, query, skip_is_page=True)


def update_skill(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """CrudService.update answers TypeORM's UpdateResult, not the record."""
    store.update("skills", caller, params["id"], dict(body or {}))
    return {"generatedMaps": [], "raw": [], "affected": 1}


def _enabled(store: Store, caller: Caller, organization_id: Any) -> set[str]:
    return {row["reportId"] for row in store.rows("report-organization", caller)
            if row.get("organizationId") == organization_id and row.get("isEnabled")}


def reports(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    enabled = _enabled(store, caller, query.get("organizationId"))
    rows = [{**report, "showInMenu": report["id"] in enabled}
            for report in with_relations(store, caller, store.rows("report", caller), query.get("relations"),
                                         {"category": ("categoryId", "report-category")})]
    return {"items": rows, "total": len(rows)}


def report_categories(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                      body: Any) -> Any:
    rows = order(store.rows("report-category", caller), {"name": "ASC"})
    return {"items": rows, "total": len(rows)}


def menu_items(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    enabled = _enabled(store, caller, query.get("organizationId"))
    return [report for report in store.rows("report", caller) if report["id"] in enabled]


def update_menu(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """ReportOrganizationService.updateReportMenu: update the organization's row, or create it."""
    fields = dict(body or {})
    store.get("report", caller, str(fields.get("reportId")))
    found = store.find("report-organization", caller, {"reportId": fields["reportId"],
                                                        "organizationId": fields.get("organizationId")})
    if found:
        return store.update("report-organization", caller, found[0]["id"], fields)
    return store.insert("report-organization", caller, fields)


SPECIAL: dict[tuple[str, str], Handler] = {
    ("POST", "/api/comment"): create_comment,
    ("PUT", "/api/comment/:id"): update_comment,
    ("GET", "/api/activity-log"): activity_logs,
    ("GET", "/api/skills/pagination"): skill_page,
    ("PUT", "/api/skills/:id"): update_skill,
    ("GET", "/api/report"): reports,
    ("GET", "/api/report/category"): report_categories,
    ("GET", "/api/report/menu-items"): menu_items,
    ("POST", "/api/report/menu-item"): update_menu,
}
