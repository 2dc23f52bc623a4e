"""Time-off routes with behaviour of their own: the request list's date and name filters,
approval and denial, request creation (database NOT NULL columns), and policies, which
Gauzy stores with employee ids and updates by deleting and re-creating."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import Caller, Store, check_organization, page, require, scoped_where
from adapters.outbound.in_memory_gauzy.teamwork_rules import like, listed, moment, truthy, with_relations
from domain.errors import GauzyValidationError, NotFoundError

REQUESTS = "time-off-request"
POLICIES = "time-off-policy"


def request_page(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                 body: Any) -> Any:
    """GET /time-off-request/pagination: TimeOffRequestService.pagination's own filters."""
    where = scoped_where(query, caller)
    low, high = _range(where, caller)
    rows = [r for r in store.find(REQUESTS, caller, {"organizationId": where["organizationId"]})
            if _overlaps(r, low, high) and _matches(store, caller, r, where)]
    loaded = with_relations(store, caller, rows, query.get("relations"), {"policy": ("policyId", POLICIES)})
    return page(loaded, query, skip_is_page=True)


def all_requests(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                 body: Any) -> Any:
    """GET /time-off-request?data= (getAllTimeOffRequests): the organization's requests, of one
    employee when findInput names one, each with its policy and employees (the route joins both)."""
    find = dict(query.get("findInput") or {})
    organization_id = str(find.get("organizationId") or "")
    check_organization(organization_id, caller, field="findInput.organizationId")
    rows = [r for r in store.find(REQUESTS, caller, {"organizationId": organization_id})
            if not find.get("employeeId") or find["employeeId"] in {e["id"] for e in r.get("employees") or []}]
    loaded = with_relations(store, caller, rows, ["policy", "employees"], {"policy": ("policyId", POLICIES)})
    return {"items": loaded, "total": len(loaded)}


def _range(where: Mapping[str, Any], caller: Caller) -> tuple[Any, Any]:
    if where.get("startDate") and where.get("endDate"):
        return moment(where["startDate"]), moment(where["endDate"])
    first = caller.now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)  # Gauzy's default: this month
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(seconds=1)


def _overlaps(request: Mapping[str, Any], low: Any, high: Any) -> bool:
    """Gauzy keeps a request whose start or end falls in the range."""
    return any(low <= moment(request.get(key)) <= high for key in ("start", "end") if request.get(key))


def _matches(store: Store, caller: Caller, request: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    employees = {e["id"] for e in request.get("employees") or []}
    wanted = listed(where.get("employeeIds"))
    if wanted and not employees & set(wanted):
        return False
    if where.get("status") and request.get("status") != where["status"]:
        return False
    if where.get("includeArchived") not in (None, "") and bool(request.get("isArchived")) != truthy(
            where["includeArchived"]):
        return False
    if where.get("description") and not like(request.get("description"), where["description"]):
        return False
    policy_name = (where.get("policy") or {}).get("name")
    if policy_name:
        policy = next((p for p in store.rows(POLICIES, caller) if p["id"] == request.get("policyId")), {})
        return like(policy.get("name"), policy_name)
    return True


def create_request(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    fields = dict(body or {})
    check_organization(str(fields.get("organizationId")), caller)
    if fields.get("policy") and not fields.get("policyId"):
        fields["policyId"] = fields["policy"].get("id")
    require(fields, "start", "end", "requestDate", "status", "policyId")  # NOT NULL columns
    store.get(POLICIES, caller, str(fields["policyId"]))
    return store.insert(REQUESTS, caller, fields)


def set_status(status: str) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        try:
            return store.update(REQUESTS, caller, params["id"], {"status": status})
        except NotFoundError:
            raise NotFoundError("Request time off not found") from None

    return handle


def create_policy(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    fields = dict(body or {})
    check_organization(str(fields.get("organizationId")), caller)
    return store.insert(POLICIES, caller, _policy(store, caller, fields))


def replace_policy(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    """PUT /time-off-policy/:id: Gauzy deletes the policy (its requests cascade) and saves a
    new one from the body."""
    fields = dict(body or {})
    store.get(POLICIES, caller, params["id"])
    store.remove(POLICIES, caller, params["id"])
    for request in store.find(REQUESTS, caller, {"policyId": params["id"]}):
        store.remove(REQUESTS, caller, request["id"])
    return store.insert(POLICIES, caller, _policy(store, caller, fields))


def _policy(store: Store, caller: Caller, fields: Mapping[str, Any]) -> dict[str, Any]:
    if fields.get("name") in (None, "") or fields.get("paid") is None or fields.get("requiresApproval") is None:
        raise GauzyValidationError(["Error while saving time-off policy: name, paid and requiresApproval "
                                    "must not be null"])
    wanted = {str(e.get("id")) if isinstance(e, Mapping) else str(e) for e in fields.get("employees") or []}
    employees = [{"id": e["id"]} for e in store.rows("employee", caller) if e["id"] in wanted]
    return {"name": fields["name"], "paid": fields["paid"], "requiresApproval": fields["requiresApproval"],
            "organizationId": fields.get("organizationId"), "employees": employees}


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/time-off-request/pagination"): request_page,
    ("GET", "/api/time-off-request"): all_requests,
    ("POST", "/api/time-off-request"): create_request,
    ("PUT", "/api/time-off-request/approval/:id"): set_status("APPROVED"),
    ("PUT", "/api/time-off-request/denied/:id"): set_status("DENIED"),
    ("POST", "/api/time-off-policy"): create_policy,
    ("PUT", "/api/time-off-policy/:id"): replace_policy,
}
