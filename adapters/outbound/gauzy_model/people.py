"""Candidates, time off, employee skills and contact members, modelled from Gauzy's services
(ever-gauzy ``packages/core/src/lib``); their answers are not the generic CRUD ones.

* ``candidate/commands/handlers/candidate.create.handler.ts`` (``POST /candidate``, CreateCandidateDTO): the
  tenant's CANDIDATE role, then ``UserCreateCommand({...input.user, role, hash, preferredLanguage,
  preferredComponentLayout: TABLE})``, then ``candidateService.create({...input, status: APPLIED, user})`` -
  TypeORM keeps only columns and relations, so ``password`` is not stored - and the user joins the
  candidate's organization (UserOrganization). The answer (201) is the saved candidate: its columns, the
  ``user`` it was given and ``userId`` (TypeORM writes join columns back after a save). Every Gauzy tenant
  has the CANDIDATE and EMPLOYEE roles; the double adds one the seed lacks when it is first needed.
* ``candidate.controller.ts`` ``PUT /candidate/:id/:status`` (202): ``hired`` runs
  ``CandidateHiredHandler``: the candidate by id (404 ``The requested record was not found``), 409 ``The
  candidate is already hired, you cannot hire them again.`` when ``alreadyHired`` (``candidate.subscriber.ts``:
  status HIRED and a valid ``hiredDate``); else an employee is created from the candidate (bill rate, pay
  period, tenant, organization, user, ``isActive``, ``startedWorkOn`` now), the user's role becomes EMPLOYEE,
  and ``save({id, status: HIRED, hiredDate, rejectDate: null, employee, isActive: true, isArchived: false})``
  is answered (with ``employeeId``). ``rejected`` runs ``CandidateRejectedHandler``: 409 ``The candidate is
  already hired, you cannot reject it.`` when hired, else ``update(id, {status: REJECTED, rejectDate:
  rejectDate || now, hiredDate: null})`` and the answer is the candidate (with ``user`` and
  ``organization``) merged with those fields. Any other status matches no case: 202 with no body.
* ``time-off-request.controller.ts`` ``PUT /time-off-request/approval/:id`` and ``/denied/:id`` (202,
  ``TimeOffStatusHandler``): ``findOneBy({id})`` (no tenant condition; none: 404 ``Request time off not
  found``), the status set to APPROVED / DENIED (and its RequestApproval's to 2 / 3), the saved request.
* ``time-off-request.service.ts`` ``pagination`` (``GET /time-off-request/pagination``, TypeORM branch): the
  JWT tenant and ``where[organizationId]``; ``where[employeeIds]`` (``"employees"."id" IN (...)``),
  ``where[user][name]`` (each word in ``"user"."firstName"`` / ``lastName``) and ``where[policy][name]``
  (``"policy"."name"`` LIKE) name join aliases that exist only when the query's ``join[leftJoin]`` declares
  them (as Gauzy's web app does): without one PostgreSQL fails, caught as a 400. Requests whose ``start``
  or ``end`` lies in ``[startDate, endDate]`` (both given, else the current month); any non-empty
  ``isHoliday`` keeps ``isHoliday = false`` only; ``includeArchived`` compares ``isArchived``; ``status``
  equals; ``description`` LIKE. ``take`` (default 10) per page, ``skip`` a 1-based page; relations as asked.
* ``time-off-policy.service.ts`` ``create`` (``POST /time-off-policy``, 201) and ``update`` (``PUT
  /time-off-policy/:id``, 202; it first deletes the policy - its requests go by ``onDelete: CASCADE`` -
  and then creates a new one, so the id changes): a policy of ``name``, ``requiresApproval``, ``paid``, the
  body's organization and the JWT tenant, whose ``employees`` are those of the tenant and organization
  among the ids in ``employees`` (with their ``user``). The saved policy is the answer. ``name``, ``paid``
  and ``requiresApproval`` are NOT NULL: without one the save fails, answered as 400 ``Error while
  creating|updating time-off policy: ...``.
* ``skills/skill.entity.ts``: ``employees`` is ManyToMany Employee (junction ``skill_employee``) and
  ``Employee.skills`` its inverse, saved by ``PUT /employee/:id`` (``EmploymentDTO.skills``). The double
  keeps the links on the employee row; ``GET /skills/pagination`` resolves ``where[employees][id]`` through
  them (then ``CrudService.paginate``).
* ``organization-contact.service.ts`` ``findByEmployee`` (``GET /organization-contact/employee/:employeeId``):
  ``id``, ``name`` and ``imageUrl`` of the contacts of the tenant and the queried organization that have
  the employee as member, as an array. ``PUT /organization-contact/employee`` (202,
  ``shared/handlers/update-entity.by-member.handler.ts``): contacts ``id IN addedEntityIds`` of the body's
  organization (and tenant) gain ``member``, those ``IN removedEntityIds`` lose it; answers ``true``.
  ``pagination`` (``GET /organization-contact/pagination``): truthy ``where[name]``, ``[primaryPhone]`` and
  ``[primaryEmail]`` match with ``LIKE_OPERATOR`` (ILIKE) ``%text%``, ``where[members]`` is ``members.id IN
  (...)``; then ``CrudService.paginate``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from . import errors
from .call import EMPTY, Call, Reply, as_dict, present
from .handlers import find_options
from .store import apply_order, iso, paginate, parse_iso, select, to_int

if TYPE_CHECKING:
    from .api import Api

Handler = Callable[[Call, "Api"], Reply]
CANDIDATES = "Candidate"
EMPLOYEES = "Employee"
USERS = "User"
REQUESTS = "TimeOffRequest"
POLICIES = "TimeOffPolicy"
CONTACTS = "OrganizationContact"
APPROVAL_STATUS = {"REQUESTED": 1, "APPROVED": 2, "DENIED": 3}  # StatusTypesMapRequestApprovalEnum
NOT_FOUND = "The requested record was not found"
USER_FIELDS = ("firstName", "lastName", "email", "username", "phoneNumber", "imageUrl", "timeZone",
               "preferredLanguage", "thirdPartyId")
HIRED_FIELDS = ("billRateValue", "billRateCurrency", "reWeeklyLimit", "payPeriod", "tenantId", "organizationId",
                "userId", "contactId", "organizationPositionId")


def _role_id(call: Call, name: str) -> str:
    roles = select(call.store.rows("Role"), call.tenant_id, {"name": name})
    if roles:
        return str(roles[0]["id"])
    return str(call.store.insert("Role", {"tenantId": call.tenant_id, "name": name})["id"])  # every tenant has it


# -- candidates ---------------------------------------------------------------------------------------------
def create_candidate(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    given = as_dict(body.get("user"))
    names = [given.get("firstName"), given.get("lastName")]
    user = call.store.insert(USERS, {
        **{key: given.get(key) for key in USER_FIELDS}, "tenantId": call.tenant_id,
        "name": " ".join(str(n) for n in names if n) or None, "roleId": _role_id(call, "CANDIDATE"),
        "preferredLanguage": given.get("preferredLanguage") or "en", "preferredComponentLayout": "TABLE",
        "isEmailVerified": False, "emailVerifiedAt": None, "lastLoginAt": None, "imageId": None,
    })
    fields = {k: v for k, v in body.items()
              if k not in ("id", "user", "password", "documents", "tenant", "organization", "createdAt")}
    candidate = call.store.insert(CANDIDATES, {**fields, "tenantId": call.tenant_id, "status": "APPLIED",
                                               "userId": user["id"]})
    if candidate.get("organizationId"):
        call.store.insert("UserOrganization", {"tenantId": call.tenant_id, "userId": user["id"],
                                               "organizationId": candidate["organizationId"], "isDefault": True})
    return Reply(call.route.success_status, {**present(call.store, candidate), "user": present(call.store, user)})


def _already_hired(candidate: dict[str, Any]) -> bool:
    return candidate.get("status") == "HIRED" and parse_iso(candidate.get("hiredDate")) is not None


def _hire(call: Call, candidate: dict[str, Any]) -> Reply:
    if _already_hired(candidate):
        raise errors.plain(409, "The candidate is already hired, you cannot hire them again.")
    hired_date = iso()
    employee = call.store.insert(EMPLOYEES, {
        **{key: candidate.get(key) for key in HIRED_FIELDS}, "isActive": True, "startedWorkOn": hired_date,
        "endWork": None, "isTrackingEnabled": False, "isOnline": False, "isAway": False, "isDeleted": False,
    })
    if candidate.get("userId"):
        call.store.update(USERS, str(candidate["userId"]), {"roleId": _role_id(call, "EMPLOYEE")})
    changes = {"status": "HIRED", "hiredDate": hired_date, "rejectDate": None, "employeeId": employee["id"],
               "isActive": True, "isArchived": False}
    saved = call.store.update(CANDIDATES, str(candidate["id"]), changes) or candidate
    answer = {"id": candidate["id"], **changes, "employee": present(call.store, employee),
              "updatedAt": saved.get("updatedAt")}
    return Reply(call.route.success_status, answer)


def _reject(call: Call, candidate: dict[str, Any]) -> Reply:
    if _already_hired(candidate):
        raise errors.plain(409, "The candidate is already hired, you cannot reject it.")
    changes = {"status": "REJECTED", "rejectDate": candidate.get("rejectDate") or iso(), "hiredDate": None}
    call.store.update(CANDIDATES, str(candidate["id"]), changes)
    view = present(call.store, candidate, ["user", "organization"])
    return Reply(call.route.success_status, {**view, **changes})


def candidate_status(call: Call, api: Api) -> Reply:
    candidate = call.store.get(CANDIDATES, call.params.get("id"), call.tenant_id)
    if candidate is None:
        raise errors.record_not_found()
    status = call.params.get("status")
    if status == "hired":
        return _hire(call, dict(candidate))
    if status == "rejected":
        return _reject(call, dict(candidate))
    return Reply(call.route.success_status, EMPTY)


# -- time off -----------------------------------------------------------------------------------------------
def time_off_status(status: str) -> Handler:
    def handle(call: Call, api: Api) -> Reply:
        request = call.store.get(REQUESTS, call.params.get("id"))
        if request is None:
            raise errors.plain(404, "Request time off not found")
        for approval in select(call.store.rows("RequestApproval"), None, {"requestId": request["id"]})[:1]:
            call.store.update("RequestApproval", str(approval["id"]), {"status": APPROVAL_STATUS[status]})
        saved = call.store.update(REQUESTS, str(request["id"]), {"status": status}) or request
        return Reply(call.route.success_status, present(call.store, saved))

    return handle


def _not_empty(value: Any) -> bool:
    """Gauzy's ``isNotEmpty``."""
    return value is not None and value != "" and value != [] and value != {}


def _aliases(call: Call) -> set[str]:
    join = call.query.get("join")
    left = join.get("leftJoin") if isinstance(join, dict) else None
    inner = join.get("innerJoin") if isinstance(join, dict) else None
    return {str(k) for part in (left, inner) if isinstance(part, dict) for k in part}


def _month_bounds() -> tuple[datetime, datetime]:
    start = datetime.now(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(seconds=1)


def _request_matches(call: Call, request: dict[str, Any], where: dict[str, Any],
                     bounds: tuple[datetime, datetime]) -> bool:
    moments = [parse_iso(request.get(key)) for key in ("start", "end")]
    if not any(m is not None and bounds[0] <= m.replace(microsecond=0) <= bounds[1] for m in moments):
        return False
    employees = {str(e.get("id")) for e in request.get("employees") or [] if isinstance(e, dict)}
    ids = where.get("employeeIds")
    if _not_empty(ids) and not employees & {str(i) for i in (ids if isinstance(ids, list) else [ids])}:
        return False
    if _not_empty(where.get("isHoliday")) and bool(request.get("isHoliday")):
        return False
    if _not_empty(where.get("includeArchived")) and bool(request.get("isArchived")) != _is_true(
            where["includeArchived"]):
        return False
    if _not_empty(where.get("status")) and request.get("status") != where["status"]:
        return False
    if _not_empty(where.get("description")) and str(where["description"]) not in str(request.get("description")
                                                                                      or ""):
        return False
    user = as_dict(where.get("user"))
    if _not_empty(user.get("name")):
        names = []
        for link in request.get("employees") or []:
            employee = call.store.get(EMPLOYEES, link.get("id") if isinstance(link, dict) else link) or {}
            person = call.store.get(USERS, employee.get("userId")) or {}
            names += [str(person.get("firstName") or "").lower(), str(person.get("lastName") or "").lower()]
        words = str(user["name"]).lower().split(" ")
        if not any(word in name for word in words for name in names):
            return False
    policy_filter = as_dict(where.get("policy"))
    if _not_empty(policy_filter.get("name")):
        policy = call.store.get(POLICIES, request.get("policyId")) or {}
        if str(policy_filter["name"]).lower() not in str(policy.get("name") or "").lower():
            return False
    return True


def _is_true(value: Any) -> bool:
    return str(value).lower() == "true"


def time_off_requests_page(call: Call, api: Api) -> Reply:
    if "join" in call.query:  # seen on a real API: TypeORM 1.0's setFindOptions rejects the join option
        raise errors.HttpError(400, {})  # BadRequestException(TypeORMError): the error object, serialised
    options = find_options(call)
    where = options["where"]
    aliases = _aliases(call)
    user = as_dict(where.get("user"))
    policy = as_dict(where.get("policy"))
    for alias, used in (("employees", _not_empty(where.get("employeeIds"))), ("user", _not_empty(user.get("name"))),
                        ("policy", _not_empty(policy.get("name")))):
        if used and alias not in aliases:
            raise errors.plain(400, f'missing FROM-clause entry for table "{alias}"')
    bounds = _month_bounds()
    if _not_empty(where.get("startDate")) and _not_empty(where.get("endDate")):
        start, end = parse_iso(where["startDate"]), parse_iso(where["endDate"])
        if start is None or end is None:
            raise errors.plain(400, "invalid input syntax for type timestamp")
        bounds = start.replace(microsecond=0), end.replace(microsecond=0)
    rows = select(call.store.rows(REQUESTS), call.tenant_id, {})
    if _not_empty(where.get("organizationId")):
        rows = [row for row in rows if row.get("organizationId") == where["organizationId"]]
    rows = [row for row in rows if _request_matches(call, row, where, bounds)]
    total = len(rows)
    limit = to_int(options["take"]) or 10
    page_number = to_int(options["skip"])
    offset = limit * (page_number - 1) if page_number else 0
    items = [present(call.store, row, options["relations"]) for row in rows[max(offset, 0):max(offset, 0) + limit]]
    return Reply(call.route.success_status, {"items": items, "total": total})


def _starts_between(request: dict[str, Any], low: datetime | None, high: datetime | None) -> bool:
    """Gauzy's BETWEEN on the stored 'YYYY-MM-DD HH:mm:ss' start, with bounds on a 12-hour clock."""
    start = parse_iso(request.get("start"))
    if low is None or high is None or start is None:
        return False
    return low.strftime(TWELVE_HOURS) <= start.strftime("%Y-%m-%d %H:%M:%S") <= high.strftime(TWELVE_HOURS)


def all_time_off_requests(call: Call, api: Api) -> Reply:
    """GET /api/time-off-request?data= (getAllTimeOffRequests, TypeORM branch): the JWT tenant's requests of
    ``findInput.organizationId`` (of ``findInput.employeeId`` when given) whose ``start`` lies BETWEEN the
    bounds as moment formats them, 'YYYY-MM-DD hh:mm:ss' (a 12-hour clock: 00:00 reads 12:00), compared with
    the stored 'YYYY-MM-DD HH:mm:ss'; each with ``employees`` (and their ``user``) and ``policy``."""
    find = find_options(call)["where"]
    low, high = (parse_iso(find.get(key)) for key in ("startDate", "endDate"))
    rows = [r for r in select(call.store.rows(REQUESTS), call.tenant_id, {}) if r.get("organizationId") ==
            find.get("organizationId") and (not find.get("employeeId") or find["employeeId"] in _employee_ids(r))]
    rows = [r for r in rows if _starts_between(r, low, high)]
    items = [{**present(call.store, r), "policy": call.store.get(POLICIES, r.get("policyId")),
              "employees": [{**present(call.store, e), "user": call.store.get(USERS, e.get("userId"))}
                            for e in (call.store.get(EMPLOYEES, i) for i in _employee_ids(r)) if e]} for r in rows]
    return Reply(call.route.success_status, {"items": items, "total": len(items)})


TWELVE_HOURS = "%Y-%m-%d %I:%M:%S"


def _employee_ids(request: dict[str, Any]) -> list[str]:
    return [str(e.get("id") if isinstance(e, dict) else e) for e in request.get("employees") or []]


def _new_policy(call: Call, action: str) -> Reply:
    body = call.body_dict()
    organization = body.get("organizationId")
    if any(body.get(key) is None for key in ("name", "paid", "requiresApproval")):
        raise errors.plain(400, f"Error while {action} time-off policy: null value violates not-null constraint")
    wanted = {str(e.get("id")) if isinstance(e, dict) else str(e) for e in body.get("employees") or []}
    employees = [e for e in select(call.store.rows(EMPLOYEES), call.tenant_id, {"organizationId": organization})
                 if str(e["id"]) in wanted]
    row = call.store.insert(POLICIES, {
        "name": body["name"], "organizationId": organization, "tenantId": call.tenant_id,
        "requiresApproval": body["requiresApproval"], "paid": body["paid"],
        "employees": [{"id": e["id"]} for e in employees]})
    shown = [{**present(call.store, e), "user": call.store.get(USERS, e.get("userId"), call.tenant_id)}
             for e in employees]
    return Reply(call.route.success_status, {**present(call.store, row), "employees": shown})


def create_policy(call: Call, api: Api) -> Reply:
    return _new_policy(call, "creating")


def replace_policy(call: Call, api: Api) -> Reply:
    """Delete ``{id, tenantId, organizationId}`` (nothing when another organization's), then create."""
    body = call.body_dict()
    policy = call.store.get(POLICIES, call.params.get("id"), call.tenant_id)
    if policy is not None and policy.get("organizationId") == body.get("organizationId"):
        call.store.delete(POLICIES, str(policy["id"]))
        for request in select(call.store.rows(REQUESTS), None, {"policyId": policy["id"]}, with_deleted=True):
            call.store.delete(REQUESTS, str(request["id"]))  # ON DELETE CASCADE
    return _new_policy(call, "updating")


# -- skills of employees ------------------------------------------------------------------------------------
def skills_page(call: Call, api: Api) -> Reply:
    options = find_options(call)
    where = dict(options["where"])
    employees = where.pop("employees", None)
    rows = select(call.store.rows(call.route.collection), call.tenant_id, where, options["withDeleted"])
    if isinstance(employees, dict) and employees.get("id") is not None:
        employee = call.store.get(EMPLOYEES, employees["id"], call.tenant_id) or {}
        held = {str(link.get("id")) for link in employee.get("skills") or [] if isinstance(link, dict)}
        rows = [row for row in rows if str(row["id"]) in held]
    rows = apply_order(rows, options["order"])
    items, total = paginate(rows, options["take"], options["skip"], page=True)
    body = {"items": [present(call.store, row, options["relations"]) for row in items], "total": total}
    return Reply(call.route.success_status, body)


# -- contact members ----------------------------------------------------------------------------------------
def _member_ids(contact: dict[str, Any]) -> list[str]:
    return [str(m.get("id")) for m in contact.get("members") or [] if isinstance(m, dict)]


def contacts_of_employee(call: Call, api: Api) -> Reply:
    employee_id = call.params.get("employeeId")
    where = {"organizationId": call.query.get("organizationId")}
    if call.query.get("contactType"):
        where["contactType"] = call.query["contactType"]
    rows = [row for row in select(call.store.rows(CONTACTS), call.tenant_id, where)
            if employee_id in _member_ids(row)]
    return Reply(call.route.success_status, [{key: row.get(key) for key in ("id", "name", "imageUrl")}
                                             for row in rows])


def change_contact_members(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    member = as_dict(body.get("member"))
    organization = body.get("organizationId")
    for key, adding in (("addedEntityIds", True), ("removedEntityIds", False)):
        ids = body.get(key) or []
        for contact in select(call.store.rows(CONTACTS), call.tenant_id, {"organizationId": organization}):
            if contact["id"] not in ids:
                continue
            members = [m for m in _member_ids(contact) if m != member.get("id")]
            if adding:
                members.append(str(member.get("id")))
            call.store.update(CONTACTS, str(contact["id"]), {"members": [{"id": m} for m in members]})
    return Reply(call.route.success_status, True)


def contacts_page(call: Call, api: Api) -> Reply:
    options = find_options(call)
    where = dict(options["where"])
    texts = {key: where.pop(key) for key in ("name", "primaryPhone", "primaryEmail") if key in where}
    members = where.pop("members", None)
    rows = select(call.store.rows(CONTACTS), call.tenant_id, where, options["withDeleted"])
    for key, text in texts.items():
        if text not in (None, "", False):
            rows = [row for row in rows if str(text).lower() in str(row.get(key) or "").lower()]
    if members not in (None, "", False):
        wanted = {str(m) for m in (members if isinstance(members, list) else [members])}
        rows = [row for row in rows if wanted & set(_member_ids(row))]
    rows = apply_order(rows, options["order"])
    items, total = paginate(rows, options["take"], options["skip"], page=True)
    body = {"items": [present(call.store, row, options["relations"]) for row in items], "total": total}
    return Reply(call.route.success_status, body)


PEOPLE: dict[str, Handler] = {
    "POST /api/candidate": create_candidate,
    "PUT /api/candidate/:id/:status": candidate_status,
    "GET /api/time-off-request/pagination": time_off_requests_page,
    "GET /api/time-off-request": all_time_off_requests,
    "PUT /api/time-off-request/approval/:id": time_off_status("APPROVED"),
    "PUT /api/time-off-request/denied/:id": time_off_status("DENIED"),
    "POST /api/time-off-policy": create_policy,
    "PUT /api/time-off-policy/:id": replace_policy,
    "GET /api/skills/pagination": skills_page,
    "GET /api/organization-contact/employee/:employeeId": contacts_of_employee,
    "PUT /api/organization-contact/employee": change_contact_members,
    "GET /api/organization-contact/pagination": contacts_page,
}
