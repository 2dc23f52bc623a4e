"""Pipeline and deal routes with behaviour of their own: a pipeline is written with its whole
stage list (kept by id, created without one, deleted when left out, indexed by position),
its list searches names with LIKE, and deals join their stage (for `where[stage][name]`
and `relations[]=stage`)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.specials.finance import find_all
from adapters.outbound.in_memory_gauzy.store import Caller, Store, matches, page, require, scoped_where
from domain.errors import PermissionDeniedError

PIPELINES = "pipelines"
DEALS = "deals"


def _scope(fields: Mapping[str, Any], caller: Caller) -> None:
    if fields.get("tenantId") not in (None, caller.credential.tenant_id):
        raise PermissionDeniedError("Forbidden resource")
    scoped_where({"where": {"organizationId": fields.get("organizationId")}}, caller)


def _stages(pipeline_id: str, stages: Any, caller: Caller) -> list[dict[str, Any]]:
    """Pipeline.__before_persist: each stage gets the pipeline's id and its position as index."""
    rows = []
    for position, stage in enumerate(stages or [], start=1):
        stage_id = stage.get("id") or str(uuid.uuid4())
        rows.append({**stage, "id": stage_id, "pipelineId": pipeline_id, "index": position,
                     "tenantId": caller.credential.tenant_id})
    return rows


def create_pipeline(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    fields = dict(body or {})
    _scope(fields, caller)
    require(fields, "name")
    stages = fields.pop("stages", None)
    pipeline = store.insert(PIPELINES, caller, fields)
    return store.update(PIPELINES, caller, pipeline["id"], {"stages": _stages(pipeline["id"], stages, caller)})


def update_pipeline(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    fields = dict(body or {})
    _scope(fields, caller)
    require(fields, "name")
    store.get(PIPELINES, caller, params["id"])
    fields["stages"] = _stages(params["id"], fields.get("stages"), caller)  # stages left out are deleted
    pipeline = store.update(PIPELINES, caller, params["id"], fields)
    return {key: value for key, value in pipeline.items() if key != "stages"}


def search_pipelines(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                     body: Any) -> Any:
    where = scoped_where(query, caller)
    name = str(where.pop("name", "") or "").lower()
    rows = [row for row in store.find(PIPELINES, caller, where) if name in str(row.get("name", "")).lower()]
    return page(rows, query, skip_is_page=True)


def _with_stage(store: Store, caller: Caller, deal: dict[str, Any]) -> dict[str, Any]:
    for pipeline in store.rows(PIPELINES, caller):
        for stage in pipeline.get("stages") or []:
            if stage.get("id") == deal.get("stageId"):
                return {**deal, "stage": stage}
    return {**deal, "stage": None}


def _relations(query: Mapping[str, Any]) -> list[str]:
    value = query.get("relations") or []
    return list(value) if isinstance(value, list | tuple) else [str(value)]


def list_deals(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """GET /deals (findAll): skip is an offset; where may reach into the stage relation."""
    where = scoped_where(query, caller)
    joined = [_with_stage(store, caller, deal) for deal in store.rows(DEALS, caller)]
    rows = [row for row in joined if matches(row, where)]
    if "stage" not in _relations(query):
        rows = [{k: v for k, v in row.items() if k != "stage"} for row in rows]
    if query.get("take") is None:
        return {"items": rows, "total": len(rows)}
    return page(rows, query, skip_is_page=False)


def get_deal(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    deal = store.get(DEALS, caller, params["id"])
    return _with_stage(store, caller, deal) if "stage" in _relations(query) else deal


SPECIAL: dict[tuple[str, str], Handler] = {
    ("POST", "/api/pipelines"): create_pipeline,
    ("PUT", "/api/pipelines/:id"): update_pipeline,
    ("GET", "/api/pipelines/pagination"): search_pipelines,
    ("GET", "/api/pipelines"): find_all(PIPELINES),
    ("GET", "/api/employee-award"): find_all("employee-award"),
    ("GET", "/api/deals"): list_deals,
    ("GET", "/api/deals/:id"): get_deal,
}
