"""Generic resource behaviour, chosen from the route's handler name, method and ``returns.shape``.

Facts: contracts ``returns.shape`` and ``successStatus``; ``legend.query.shape`` (where-brackets,
data-json, flat-where, flat-dto, none); ``legend.paginationSemantics``; crud.service /
tenant-aware-crud.service behaviour (``findOneByIdString`` -> 404 ``The requested record was not found``;
``delete`` -> TypeORM DeleteResult ``{"raw": [], "affected": n}``, ``affected: 0`` - not 404 - when
nothing matched; CrudController ``update`` -> UpdateResult; ``softRemove``/``softRecover`` set/unset
``deletedAt`` and return the entity; NotFound there reads ``An error occurred during soft removal: ...``).

Modelled per handler (the list the module promises; anything else falls back by shape):

* list (``findAll``, ``pagination``, shape ``pagination {items, total}``): tenant rows filtered by
  ``where`` / ``?data`` findInput / flat query keys, ordered, then paged (``pagination`` handlers
  use page semantics, others offset/limit as given), relations loaded when asked;
* ``number`` shapes -> a bare count of the same filter; ``array`` -> the filtered rows;
* ``findById`` / ``GET .../:id`` -> the row or 404;
* ``create`` and other POSTs to a collection -> a stored row (new UUID, JWT tenant, timestamps);
* ``update`` (PUT/PATCH ``:id``) -> merged row, or UpdateResult when the shape says so;
* ``delete`` -> DeleteResult; ``softRemove`` / ``softRecover``;
* ``boolean`` -> ``true``; ``empty`` / ``unknown`` writes -> the stored row or no body.
"""

from __future__ import annotations

import json
from typing import Any

from . import errors
from .call import EMPTY, Call, Reply, present
from .store import apply_order, iso, new_id, paginate, select, to_int

LIST_KEYS = {"take", "skip", "order", "relations", "select", "withDeleted", "where", "data", "page", "_limit"}
SELECTOR_SUFFIXES = ("Ids", "Date", "Start", "End")


def query_shape(call: Call) -> str:
    """The query shape of the route (contracts), guessed from the query for uncovered routes."""
    for spec in call.route.queries:
        if spec.get("shape"):
            shape = str(spec["shape"])
            return "flat-where" if shape.startswith("flat (") else shape
    if "where" in call.query:
        return "where-brackets"
    if "data" in call.query:
        return "data-json"
    return "none" if call.route.covered else "flat-where"


def find_options(call: Call) -> dict[str, Any]:
    """``{"where", "relations", "order", "take", "skip", "withDeleted"}`` from the query."""
    shape = query_shape(call)
    query = call.query
    options: dict[str, Any] = {
        "where": {},
        "relations": query.get("relations"),
        "order": query.get("order"),
        "take": query.get("take"),
        "skip": query.get("skip"),
        "withDeleted": str(query.get("withDeleted")).lower() == "true",
    }
    if shape == "where-brackets":
        where = query.get("where")
        options["where"] = dict(where) if isinstance(where, dict) else {}
    elif shape == "data-json":
        try:
            data = json.loads(query.get("data") or "{}")
        except ValueError:
            data = {}  # ParseJsonPipe: invalid JSON -> {}
        data = data if isinstance(data, dict) else {}
        find = data.get("findInput")
        options["where"] = dict(find) if isinstance(find, dict) else {}
        options["relations"] = data.get("relations")
    elif shape.startswith("flat"):
        options["where"] = {
            k: v
            for k, v in query.items()
            if k not in LIST_KEYS and not k.endswith(SELECTOR_SUFFIXES) and not isinstance(v, dict)
        }
    options["where"].pop("tenant", None)
    return options


def list_rows(call: Call, table: str | None = None, extra: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Filtered and ordered rows (no paging) of the route's table."""
    options = find_options(call)
    where = {**options["where"], **(extra or {})}
    rows = select(call.store.rows(table or call.route.collection), call.tenant_id, where, options["withDeleted"])
    return apply_order(rows, options["order"])


def _page(call: Call, rows: list[dict[str, Any]]) -> dict[str, Any]:
    options = find_options(call)
    items, total = paginate(rows, options["take"], options["skip"], page=call.route.handler == "pagination")
    return {"items": [present(call.store, r, options["relations"]) for r in items], "total": total}


def target_id(call: Call) -> str | None:
    """The path parameter naming the record (``id``, else the last one)."""
    if not call.params:
        return None
    return call.params.get("id") or list(call.params.values())[-1]


def find_row(call: Call, with_deleted: bool = False) -> dict[str, Any]:
    """The addressed row of the caller's tenant, or 404 ``The requested record was not found``."""
    row = call.store.get(call.route.collection, target_id(call), call.tenant_id, with_deleted)
    if row is None:
        raise errors.record_not_found()
    return dict(row)


# NOT NULL columns without a default that the create DTOs leave optional (the entities' plain
# @MultiORMColumn()); on a real API (SQLite) an insert without one fails, and crud.service answers
# 400 with the TypeORM QueryFailedError serialised: query, parameters, driverError and code only
# (the message naming the column is not enumerable). SQLite inserts a missing column as NULL.
NOT_NULL = {"Goal": ("goal", ("description", "progress")),
            "KeyResult": ("key_result", ("description", "type", "update", "progress", "status", "ownerId")),
            "Invoice": ("invoice", ("discountValue", "terms")),
            "Equipment": ("equipment", ("type", "serialNumber", "autoApproveShare")),
            "Skill": ("skill", ("color",)), "ImageAsset": ("image_asset", ("url",))}


def check_not_null(collection: str, row: dict[str, Any]) -> None:
    table, columns = NOT_NULL.get(collection, ("", ()))
    if all(row.get(column) is not None for column in columns):
        return
    names = [*(key for key in row if key not in columns), *columns]
    values = ["NULL" if row.get(name) is None else "?" for name in names]
    # The text of the statement TypeORM reports in Gauzy's 400 body; it is shown, never executed.
    columns_sql = ", ".join(f'"{n}"' for n in names)
    query = f'INSERT INTO "{table}"({columns_sql}) VALUES ({", ".join(values)})'  # noqa: S608
    code = "SQLITE_CONSTRAINT_NOTNULL"
    raise errors.HttpError(400, {"query": query, "parameters": [row[n] for n in names if row.get(n) is not None],
                                 "driverError": {"code": code}, "code": code})


def create_row(call: Call, table: str | None = None, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """Store the body as a new row: JWT tenant forced, organization taken from the body."""
    body = call.body_dict()
    org_object = body.get("organization")
    organization = body.get("organizationId") or (org_object.get("id") if isinstance(org_object, dict) else None)
    for key in ("id", "tenant", "organization", "createdAt", "updatedAt", "deletedAt"):
        body.pop(key, None)
    members = body.pop("members", None)
    row: dict[str, Any] = {**(defaults or {}), **body, "tenantId": call.tenant_id}
    if organization:
        row["organizationId"] = organization
    if isinstance(members, list):
        row["members"] = [{"id": m.get("id")} if isinstance(m, dict) else {"id": m} for m in members]
    if "memberIds" in body:
        ids = body.get("memberIds") or []
        row["members"] = [{"id": new_id(), "employeeId": e, "isManager": False} for e in ids]
    check_not_null(table or call.route.collection, row)
    return call.store.insert(table or call.route.collection, row)


# TaskService.update and EmployeeUpdateHandler save through crud.service create({...input, id}): the
# answer is the object saved (what was sent, the id, the timestamps), not the stored record. Seen on a
# real API as the fields a call left out reading null.
ANSWERS_AS_SENT = ("PUT /api/tasks/:id", "PUT /api/employee/:id")


def _update(call: Call) -> Reply:
    row = find_row(call)
    changes = {k: v for k, v in call.body_dict().items() if k not in ("id", "tenantId", "tenant", "createdAt")}
    if isinstance(changes.get("members"), list):
        changes["members"] = [{"id": m.get("id")} if isinstance(m, dict) else {"id": m} for m in changes["members"]]
    updated = call.store.update(call.route.collection, str(row["id"]), changes) or row
    if call.route.shape.startswith("UpdateResult"):
        return Reply(call.route.success_status, {"generatedMaps": [], "raw": [], "affected": 1})
    if call.route.key in ANSWERS_AS_SENT:
        saved = dict.fromkeys(updated) | changes | {key: updated.get(key) for key in ("id", "updatedAt")}
        return Reply(call.route.success_status, saved)
    return Reply(call.route.success_status, present(call.store, updated))


def _delete(call: Call) -> Reply:
    row = call.store.get(call.route.collection, target_id(call), call.tenant_id, with_deleted=True)
    affected = 1 if row is not None and call.store.delete(call.route.collection, str(row["id"])) else 0
    return Reply(call.route.success_status, {"raw": [], "affected": affected})


def _soft(call: Call, remove: bool) -> Reply:
    row = call.store.get(call.route.collection, target_id(call), call.tenant_id, with_deleted=True)
    if row is None or (remove and row.get("deletedAt")):
        what = "soft removal" if remove else "restoring entity"
        raise errors.plain(404, f"An error occurred during {what}: The requested record was not found")
    updated = call.store.update(call.route.collection, str(row["id"]), {"deletedAt": iso() if remove else None})
    return Reply(call.route.success_status, present(call.store, updated or row))


def handle(call: Call) -> Reply:
    """Answer ``call`` with the generic behaviour for its handler / shape."""
    route, method = call.route, call.method
    shape, handler, status = route.shape, route.handler, route.success_status
    if handler == "softRemove":
        return _soft(call, remove=True)
    if handler == "softRecover":
        return _soft(call, remove=False)
    if method == "DELETE" and (handler == "delete" or shape.startswith("DeleteResult")) and call.params:
        return _delete(call)
    if method == "GET":
        if shape.startswith("pagination") or handler in ("findAll", "pagination"):
            return Reply(status, _page(call, list_rows(call)))
        if shape.startswith("number") or handler in ("getCount", "count"):
            return Reply(status, len(list_rows(call)))
        if shape == "array":
            return Reply(status, [present(call.store, r, find_options(call)["relations"]) for r in list_rows(call)])
        if shape == "boolean":
            return Reply(status, True)
        if call.params and (handler.startswith("find") or shape.startswith("object")):
            return Reply(status, present(call.store, find_row(call), find_options(call)["relations"]))
        return Reply(status, EMPTY if shape in ("empty", "unknown | null") else {})
    if method in ("PUT", "PATCH") and call.params and (handler == "update" or "object" in shape or "Update" in shape):
        return _update(call)
    if method == "POST" and not call.params and (handler.startswith("create") or shape.startswith("object")):
        if isinstance(call.body, list):
            return Reply(status, [create_row(call.with_body(item)) for item in call.body])
        return Reply(status, present(call.store, create_row(call)))
    if shape == "boolean":
        return Reply(status, True)
    if shape.startswith("number"):
        return Reply(status, to_int(len(list_rows(call))))
    return Reply(status, EMPTY if shape.startswith(("empty", "unknown")) else {})
