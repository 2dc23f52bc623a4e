"""Key-result routes whose answer is not their generic declared shape.

Facts (ever-gauzy ``packages/core/src/lib``):

* ``keyresult/keyresult.controller.ts`` ``GET /key-results/:id`` is ``getAll(@Param('id') findInput)``:
  no UUID pipe, and it answers ``keyResultService.findAll({where: {id}, relations: ['updates', 'goal',
  'lead', 'owner']})`` - an IPagination ``{items, total}`` (contracts list the shape as ``unknown``), empty
  when no key result of the tenant has that id (TenantAwareCrudService adds the JWT tenant to ``where``).
* ``keyresult/keyresult.entity.ts``: ``goal`` / ``owner`` / ``lead`` are ManyToOne (``goalId``,
  ``ownerId``, ``leadId``; owner and lead are employees); ``updates`` is OneToMany KeyResultUpdate
  (``keyresult-update.entity.ts``: ``keyResultId``).
* ``keyresult-update/keyresult-update.controller.ts`` ``GET /key-result-updates/:id`` is likewise
  ``getAll(@Param('id') id)``: ``findAll({where: {keyResultId: id}, relations: ['keyResult']})``, the
  tenant's updates of that key result as ``{items, total}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .call import Call, Reply, present
from .store import select

if TYPE_CHECKING:
    from .api import Api

KEY_RESULTS = "KeyResult"
TO_ONE = {"goal": "Goal", "owner": "Employee", "lead": "Employee"}


def _with_relations(call: Call, row: dict[str, Any]) -> dict[str, Any]:
    view = present(call.store, row)
    for name, table in TO_ONE.items():
        view[name] = call.store.get(table, row.get(f"{name}Id"), call.tenant_id) if row.get(f"{name}Id") else None
    updates = select(call.store.rows("KeyResultUpdate"), call.tenant_id, {"keyResultId": row["id"]})
    view["updates"] = [present(call.store, update) for update in updates]
    return view


def key_result_by_id(call: Call, api: Api) -> Reply:
    """GET /api/key-results/:id (KeyResultController.getAll): a page of the key result with that id."""
    rows = select(call.store.rows(KEY_RESULTS), call.tenant_id, {"id": call.params.get("id")})
    return Reply(call.route.success_status, {"items": [_with_relations(call, r) for r in rows], "total": len(rows)})


def updates_of_key_result(call: Call, api: Api) -> Reply:
    """GET /api/key-result-updates/:id (KeyResultUpdateController.getAll): a page of that key result's updates."""
    rows = select(call.store.rows("KeyResultUpdate"), call.tenant_id, {"keyResultId": call.params.get("id")})
    items = []
    for row in rows:
        view = present(call.store, row)
        view["keyResult"] = call.store.get(KEY_RESULTS, row.get("keyResultId"), call.tenant_id)
        items.append(view)
    return Reply(call.route.success_status, {"items": items, "total": len(items)})


GOALS = {
    "GET /api/key-results/:id": key_result_by_id,
    "GET /api/key-result-updates/:id": updates_of_key_result,
}
