"""Daily-plan routes with behaviour of their own (DailyPlanService): the lists (all, mine,
team, employee, task), creation (team required, same-day plan reused) and the task moves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.specials.core import own_employee_id
from adapters.outbound.in_memory_gauzy.store import (
    Caller,
    Store,
    check_organization,
    matches,
    one_of,
    require,
    scoped_where,
)
from adapters.outbound.in_memory_gauzy.teamwork_rules import listed, moment, with_relations
from domain.errors import GauzyValidationError, NotFoundError

PLANS = "daily-plan"
STATUSES = ("open", "in-progress", "completed")


def _plans(store: Store, caller: Caller, query: Mapping[str, Any], **fixed: str) -> dict[str, Any]:
    """getAllPlans: every plan matching `where` (no paging), with the relations asked for."""
    where = scoped_where(query, caller) | fixed
    rows = [plan for plan in store.rows(PLANS, caller) if _same_day_matches(plan, where)]
    items = with_relations(store, caller, rows, query.get("relations"), {})
    return {"items": items, "total": len(items)}


def _same_day_matches(plan: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    others = {key: value for key, value in where.items() if key not in ("date", "tenantId")}
    if where.get("date") and moment(plan.get("date")) != moment(where["date"]):
        return False
    return matches(plan, others)


def all_plans(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    return _plans(store, caller, query)


def my_plans(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    return _plans(store, caller, query, employeeId=own_employee_id(caller))


def employee_plans(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    return _plans(store, caller, query, employeeId=params["id"])


def task_plans(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """Only the organization and the task count here; other filters are ignored, as in Gauzy."""
    where = scoped_where(query, caller)
    rows = [plan for plan in store.find(PLANS, caller, {"organizationId": where["organizationId"]})
            if any(task["id"] == params["id"] for task in plan.get("tasks") or [])]
    return {"items": with_relations(store, caller, rows, ["employee"], {}), "total": len(rows)}


def create_plan(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    fields = dict(body or {})
    check_organization(str(fields.get("organizationId")), caller)
    require(fields, "date", "workTimePlanned", "status")
    one_of(fields, "status", STATUSES)
    if not fields.get("organizationTeamId"):
        raise GauzyValidationError(["organizationTeam must be an object", "organizationTeamId must be a UUID"])
    employee_id = str(fields.get("employeeId") or "")
    store.get("employee", caller, employee_id)
    existing = next((plan for plan in store.find(PLANS, caller, {"employeeId": employee_id,
                                                                 "organizationTeamId": fields["organizationTeamId"]})
                     if moment(plan["date"]) == moment(fields["date"])), None)
    plan = existing or store.insert(PLANS, caller, {**{k: v for k, v in fields.items() if k != "taskId"},
                                                    "tasks": []})
    if fields.get("taskId"):
        _add_task(store, caller, plan, str(fields["taskId"]))
    return plan


def _managed_plan(store: Store, caller: Caller, plan_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
    plan = store.get(PLANS, caller, plan_id)
    if body.get("employeeId") and plan.get("employeeId") != body["employeeId"]:
        raise NotFoundError("Daily plan not found")
    return plan


def _add_task(store: Store, caller: Caller, plan: dict[str, Any], task_id: str) -> None:
    task = store.get("tasks", caller, task_id)
    tasks = [t for t in plan.get("tasks") or [] if t["id"] != task_id]
    store.update(PLANS, caller, plan["id"], {"tasks": [*tasks, {"id": task["id"], "title": task.get("title")}]})


def add_task(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    fields = dict(body or {})
    plan = _managed_plan(store, caller, params["id"], fields)
    _add_task(store, caller, plan, str(fields.get("taskId")))
    return plan


def remove_task(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    fields = dict(body or {})
    plan = _managed_plan(store, caller, params["id"], fields)
    store.get("tasks", caller, str(fields.get("taskId")))
    tasks = [t for t in plan.get("tasks") or [] if t["id"] != fields.get("taskId")]
    return store.update(PLANS, caller, plan["id"], {"tasks": tasks})


def remove_from_many(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                     body: Any) -> Any:
    """PUT /daily-plan/:taskId/remove: the employee's plans in one team, dated today or later."""
    fields = dict(body or {})
    require(fields, "employeeId")
    if not isinstance(fields.get("plansIds"), list):
        raise GauzyValidationError(["Cannot read properties of undefined (reading 'length')"])
    today = caller.now.date()
    chosen = set(listed(fields["plansIds"]))
    plans = [plan for plan in store.find(PLANS, caller, {"employeeId": fields["employeeId"],
                                                         "organizationTeamId": fields.get("organizationTeamId")})
             if (moment(plan["date"]) or caller.now).date() >= today
             and (plan["id"] in chosen if chosen else any(t["id"] == params["taskId"] for t in plan["tasks"]))]
    if not plans:
        raise GauzyValidationError(["Daily plans not found"])
    store.get("tasks", caller, params["taskId"])
    task_id = params["taskId"]
    return [store.update(PLANS, caller, plan["id"], {"tasks": [t for t in plan["tasks"] if t["id"] != task_id]})
            for plan in plans]


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/daily-plan"): all_plans,
    ("GET", "/api/daily-plan/me"): my_plans,
    ("GET", "/api/daily-plan/team"): all_plans,  # organizationTeamId, when given, is one of the where keys
    ("GET", "/api/daily-plan/employee/:id"): employee_plans,
    ("GET", "/api/daily-plan/task/:id"): task_plans,
    ("POST", "/api/daily-plan"): create_plan,
    ("POST", "/api/daily-plan/:id/task"): add_task,
    ("PUT", "/api/daily-plan/:id/task"): remove_task,
    ("PUT", "/api/daily-plan/:taskId/remove"): remove_from_many,
}
