"""Sales pipelines, their stages and deals, modelled from Gauzy's services.

Facts (ever-gauzy ``packages/core/src/lib``):

* ``pipeline/pipeline.entity.ts``: ``stages`` is ``OneToMany(PipelineStage, { cascade: ['insert'] })``; a
  pipeline row holds no stages, they are rows of ``pipeline_stage`` (``pipeline-stage.entity.ts``:
  ``name``, ``description``, ``index`` >= 1, ``pipelineId``; ``onDelete: 'CASCADE'`` from the pipeline).
* ``pipeline/pipeline.subscriber.ts``: on create every stage gets ``index`` 1..n in the order sent;
  stages are sorted by ``index`` whenever a pipeline is loaded with them (``relations[]=stages``).
  Stages are shown only when the relation is asked for.
* ``core/entities/subscribers/base.entity.subscriber.ts``: every inserted row gets
  ``createdByUserId`` = the caller; nothing fills a cascaded stage's ``tenantId`` /
  ``organizationId`` (``tenant-organization-base-entity.subscriber.ts`` only links ids that were
  sent), so a stage sent without them is stored with ``null``.
* ``pipeline/pipeline.service.ts`` ``update`` (PUT /pipelines/:id), in one transaction:
  ``findOneByOrFail({id, tenantId})``; ``Pipeline.__before_persist`` gives the sent stages
  ``pipelineId`` and ``index`` 1..n; existing stages (``findBy({pipelineId, tenantId})`` - stages
  stored without the tenant are not found) whose id is not sent are removed; stages without an id
  are inserted and those with one saved (upsert); the pipeline is saved without ``stages`` and that
  saved object (the body's fields, ``id``, ``tenantId``, ``updatedAt``) is the answer. A body
  without ``stages`` therefore removes every stage. Any error rolls back and is swallowed: the
  answer is then 202 with no body.
* ``pipeline/pipeline.service.ts`` ``pagination``: ``where[name]``, ``where[description]`` and
  ``where[stages]`` (a stage name) match with LIKE ``%value%`` (ILIKE on PostgreSQL).
* ``pipeline/pipeline.service.ts`` ``getPipelineDeals``: the deals whose stage belongs to the
  pipeline, ordered by the stage's index, as ``{items, total}``.
* ``deal/deal.entity.ts``: ``stage`` ManyToOne PipelineStage (``onDelete: 'CASCADE'``: removing a
  stage deletes its deals), ``client`` OneToOne OrganizationContact; ``where[stage][name]=...`` and
  ``relations[]=stage`` join the stage. ``deal/deal.service.ts`` ``create``: a failed insert (here:
  a ``stageId`` naming no stage, the foreign key) is a 400 ``Error occurred while creating deal: ...``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors
from .call import EMPTY, Call, Reply, as_dict, present, relation_names
from .handlers import create_row, find_options, find_row
from .store import apply_order, iso, matches, paginate, select

if TYPE_CHECKING:
    from .api import Api

PIPELINES = "Pipeline"
STAGES = "PipelineStage"
DEALS = "Deal"
CONTACTS = "OrganizationContact"
STAGE_FIELDS = ("name", "description", "isActive", "isArchived", "tenantId", "organizationId")


def stages_of(call: Call, pipeline_id: str, same_tenant: bool = False) -> list[dict[str, Any]]:
    """The pipeline's stages by index; ``same_tenant`` as PipelineService.update's findBy."""
    rows = [r for r in call.store.rows(STAGES) if r.get("pipelineId") == pipeline_id and not r.get("deletedAt")]
    if same_tenant:
        rows = [r for r in rows if r.get("tenantId") == call.tenant_id]
    return sorted(rows, key=lambda r: r.get("index") or 0)


def _pipeline_view(call: Call, row: dict[str, Any], relations: Any) -> dict[str, Any]:
    view = present(call.store, row, relations)
    if "stages" in relation_names(relations):
        view["stages"] = stages_of(call, str(row["id"]))
    return view


def _stage_values(call: Call, stage: dict[str, Any], pipeline_id: str, index: int) -> dict[str, Any]:
    values = {k: stage[k] for k in STAGE_FIELDS if k in stage}
    return {"tenantId": None, "organizationId": None, **values, "pipelineId": pipeline_id, "index": index}


def _remove_stage(call: Call, stage_id: str) -> None:
    """Delete a stage and, by the foreign key's CASCADE, the deals in it."""
    call.store.delete(STAGES, stage_id)
    for deal in call.store.rows(DEALS):
        if deal.get("stageId") == stage_id:
            call.store.delete(DEALS, str(deal["id"]))


def _listed_stages(body: dict[str, Any]) -> list[dict[str, Any]]:
    stages = body.get("stages")
    if stages is None:
        return []
    if not isinstance(stages, list) or not all(isinstance(s, dict) for s in stages):
        raise errors.plain(400, "stages must be a list of stage objects")  # TypeORM cannot map it
    return list(stages)


def create_pipeline(call: Call, api: Api) -> Reply:
    """POST /api/pipelines: the pipeline, then its stages cascaded in the order sent."""
    body = call.body_dict()
    stages = _listed_stages(body)
    creator = call.principal.user_id if call.principal else None
    pipeline = create_row(call.with_body({k: v for k, v in body.items() if k != "stages"}))
    pipeline = call.store.update(PIPELINES, str(pipeline["id"]), {"createdByUserId": creator}) or pipeline
    saved = []
    for index, stage in enumerate(stages, start=1):
        given = stage.get("id")
        row = {**_stage_values(call, stage, str(pipeline["id"]), index), "createdByUserId": creator}
        if given and call.store.get(STAGES, given) is None:
            row["id"] = given
        saved.append(call.store.insert(STAGES, row))
    return Reply(call.route.success_status, {**present(call.store, pipeline), "stages": saved})


def update_pipeline(call: Call, api: Api) -> Reply:
    """PUT /api/pipelines/:id: PipelineService.update (see the module notes)."""
    pipeline_id = call.params["id"]
    if call.store.get(PIPELINES, pipeline_id, call.tenant_id) is None or call.tenant_id is None:
        return Reply(call.route.success_status, EMPTY)  # findOneByOrFail threw; the service swallowed it
    body = call.body_dict()
    try:
        sent = _listed_stages(body)
    except errors.HttpError:
        return Reply(call.route.success_status, EMPTY)
    for stage in sent:
        existing = call.store.get(STAGES, stage.get("id")) if stage.get("id") else None
        if existing is not None and existing.get("tenantId") not in (call.tenant_id, None):
            return Reply(call.route.success_status, EMPTY)  # the save fails; the transaction rolls back
    kept = {str(s["id"]) for s in sent if s.get("id")}
    for stage in stages_of(call, pipeline_id, same_tenant=True):
        if stage["id"] not in kept:
            _remove_stage(call, str(stage["id"]))
    user = call.principal.user_id if call.principal else None
    for index, stage in enumerate(sent, start=1):
        values = {k: stage[k] for k in STAGE_FIELDS if k in stage} | {"pipelineId": pipeline_id, "index": index}
        stage_id = stage.get("id")
        if stage_id and call.store.get(STAGES, stage_id) is not None:
            call.store.update(STAGES, str(stage_id), {**values, "updatedByUserId": user})
        else:
            row = {**_stage_values(call, stage, pipeline_id, index), "createdByUserId": user}
            call.store.insert(STAGES, {**row, "id": stage_id} if stage_id else row)
    fields = {k: v for k, v in body.items() if k not in ("stages", "id", "tenant", "organization", "createdAt")}
    fields = {**fields, "tenantId": call.tenant_id, "updatedByUserId": user}
    updated = call.store.update(PIPELINES, pipeline_id, fields) or {}
    answer = {k: v for k, v in body.items() if k != "stages"}
    return Reply(call.route.success_status, {**answer, "id": pipeline_id, "tenantId": call.tenant_id,
                                             "updatedAt": updated.get("updatedAt", iso())})


def delete_pipeline(call: Call, api: Api) -> Reply:
    """DELETE /api/pipelines/:id: DeleteResult; the stages (and their deals) go by CASCADE."""
    row = call.store.get(PIPELINES, call.params["id"], call.tenant_id, with_deleted=True)
    if row is None:
        return Reply(call.route.success_status, {"raw": [], "affected": 0})
    for stage in stages_of(call, str(row["id"])):
        _remove_stage(call, str(stage["id"]))
    call.store.delete(PIPELINES, str(row["id"]))
    return Reply(call.route.success_status, {"raw": [], "affected": 1})


def _like(value: Any, wanted: Any) -> bool:
    return str(wanted).lower() in str(value or "").lower()


def list_pipelines(call: Call, api: Api) -> Reply:
    """GET /api/pipelines (findAll, offset paging) and /pagination (page paging, LIKE filters)."""
    options = find_options(call)
    where = dict(options["where"])
    paged = call.route.handler == "pagination"
    likes = {k: where.pop(k) for k in ("name", "description", "stages") if paged and k in where}
    stage_where = where.pop("stages", None)
    rows = select(call.store.rows(PIPELINES), call.tenant_id, where, options["withDeleted"])
    for key in ("name", "description"):
        if key in likes:
            rows = [r for r in rows if _like(r.get(key), likes[key])]
    if "stages" in likes or isinstance(stage_where, dict):
        wanted = likes.get("stages") or (stage_where or {}).get("name")
        rows = [r for r in rows if any(_like(s.get("name"), wanted) for s in stages_of(call, str(r["id"])))]
    rows = apply_order(rows, options["order"])
    items, total = paginate(rows, options["take"], options["skip"], page=paged)
    return Reply(call.route.success_status,
                 {"items": [_pipeline_view(call, r, options["relations"]) for r in items], "total": total})


def get_pipeline(call: Call, api: Api) -> Reply:
    """GET /api/pipelines/:id (findOneByIdString): 404 when absent; stages when asked."""
    return Reply(call.route.success_status, _pipeline_view(call, find_row(call), find_options(call)["relations"]))


def _joined(call: Call, deal: dict[str, Any]) -> dict[str, Any]:
    stage = call.store.get(STAGES, deal.get("stageId")) if deal.get("stageId") else None
    client = call.store.get(CONTACTS, deal.get("clientId")) if deal.get("clientId") else None
    return {**deal, "stage": stage, "client": client}


def _deal_view(call: Call, deal: dict[str, Any], relations: Any) -> dict[str, Any]:
    view = present(call.store, deal, relations)
    joined = _joined(call, deal)
    for name in ("stage", "client"):
        if name in {r.split(".")[0] for r in relation_names(relations)}:
            view[name] = joined[name]
    return view


def _deal_rows(call: Call, where: dict[str, Any], with_deleted: bool) -> list[dict[str, Any]]:
    rows = select(call.store.rows(DEALS), call.tenant_id, {}, with_deleted)
    return [deal for deal in rows if matches(_joined(call, deal), where)]


def list_deals(call: Call, api: Api) -> Reply:
    """GET /api/deals (TenantAwareCrudService.findAll): where may reach into the stage and client."""
    options = find_options(call)
    rows = apply_order(_deal_rows(call, options["where"], options["withDeleted"]), options["order"])
    items, total = paginate(rows, options["take"], options["skip"], page=False)
    return Reply(call.route.success_status,
                 {"items": [_deal_view(call, r, options["relations"]) for r in items], "total": total})


def get_deal(call: Call, api: Api) -> Reply:
    """GET /api/deals/:id (findOneByIdString) with ``stage`` / ``client`` relations."""
    return Reply(call.route.success_status, _deal_view(call, find_row(call), find_options(call)["relations"]))


def create_deal(call: Call, api: Api) -> Reply:
    """POST /api/deals (DealService.create): the JWT tenant; the stage must exist (foreign key)."""
    stage_id = call.body_dict().get("stageId")
    if call.store.get(STAGES, stage_id) is None:
        raise errors.plain(400, 'Error occurred while creating deal: insert or update on table "deal" violates '
                                'foreign key constraint on "stageId"')
    row = create_row(call)
    row = call.store.update(DEALS, str(row["id"]), {"createdByUserId": call.principal.user_id if call.principal
                                                    else None}) or row
    return Reply(call.route.success_status, present(call.store, row))


def pipeline_deals(call: Call, api: Api) -> Reply:
    """GET /api/pipelines/:pipelineId/deals (getPipelineDeals)."""
    pipeline_id = call.params["pipelineId"]
    where = as_dict(call.query.get("where"))
    organization = where.get("organizationId")
    rows = _deal_rows(call, {"organizationId": organization} if organization else {}, False)
    rows = [r for r in rows if (_joined(call, r)["stage"] or {}).get("pipelineId") == pipeline_id]
    rows.sort(key=lambda r: (_joined(call, r)["stage"] or {}).get("index") or 0)
    relations = call.query.get("relations")
    return Reply(call.route.success_status,
                 {"items": [_deal_view(call, r, relations) for r in rows], "total": len(rows)})


SALES = {
    "POST /api/pipelines": create_pipeline,
    "PUT /api/pipelines/:id": update_pipeline,
    "DELETE /api/pipelines/:id": delete_pipeline,
    "GET /api/pipelines": list_pipelines,
    "GET /api/pipelines/pagination": list_pipelines,
    "GET /api/pipelines/:id": get_pipeline,
    "GET /api/pipelines/:pipelineId/deals": pipeline_deals,
    "GET /api/deals": list_deals,
    "GET /api/deals/:id": get_deal,
    "POST /api/deals": create_deal,
}
