"""Pipeline stages. Gauzy keeps a pipeline's stages as one ordered list written with the
pipeline (PUT /pipelines/:id): stages sent with an id are kept, stages without one are
created, stages left out are deleted, and each stage's index is its position. So every
change reads the current list, edits it and writes it back whole."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets import pipelines as rows
from application.catalog.toolsets.pipelines import CREATE, GET, PUT
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from domain.errors import NotFoundError

STAGE_FIELDS = ("id", "name", "description")
PIPELINE_FIELDS = ("name", "description", "isActive")


def stages_of(pipeline: Any) -> list[dict[str, Any]]:
    stages = pipeline.get("stages") if isinstance(pipeline, dict) else None
    rows = [s for s in stages or [] if isinstance(s, dict)]
    return sorted(rows, key=lambda s: s.get("index") or 0)


def find_stage(stages: list[dict[str, Any]], stage_id: str) -> int:
    for position, stage in enumerate(stages):
        if stage.get("id") == stage_id:
            return position
    names = ", ".join(f"{s.get('name')} ({s.get('id')})" for s in stages) or "none"
    raise NotFoundError(f"The pipeline has no stage {stage_id}.", hint=f"Its stages: {names}.")


def unowned(stage: dict[str, Any]) -> bool:
    """A stage Gauzy stored without a tenant (cascaded without one): its PUT cannot delete it."""
    return "tenantId" in stage and not stage["tenantId"]


class PipelineStages:
    """Create a pipeline with its stages; load one with its stages; save it with a new stage list.

    Gauzy fills no tenant or organization into the stages it cascades, and its PUT deletes only
    the left-out stages stored with the caller's tenant, so every stage sent carries both."""

    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def _scope(self, invocation: Invocation) -> dict[str, Any]:
        credential = await self._runner.credential(invocation)
        return {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}

    async def create(self, data: dict[str, Any], invocation: Invocation) -> Any:
        stages = data.pop("stages", None)
        if stages:
            scope = await self._scope(invocation)
            data["stages"] = [{**{k: s[k] for k in STAGE_FIELDS if k != "id" and s.get(k) is not None}, **scope}
                              for s in stages]
        return await self._runner.run(CREATE, {"pipeline_data": data}, invocation)

    async def load(self, pipeline_id: str, invocation: Invocation) -> dict[str, Any]:
        answer = await self._runner.run(GET, {"id": pipeline_id, "relations": ["stages"]}, invocation)
        return answer if isinstance(answer, dict) else {"id": pipeline_id}

    async def save(self, current: dict[str, Any], stages: list[dict[str, Any]], invocation: Invocation,
                   changes: dict[str, Any] | None = None) -> dict[str, Any]:
        scope = await self._scope(invocation)
        body = {k: current[k] for k in PIPELINE_FIELDS if current.get(k) is not None} | (changes or {})
        kept = {s.get("id") for s in stages if s.get("id")}
        if any(unowned(s) and s.get("id") not in kept for s in stages_of(current)):
            # Claim the stages first (a PUT saves each stage it lists), so the next PUT can delete them.
            await self._put(current["id"], body, stages_of(current), scope, invocation)
        await self._put(current["id"], body, stages, scope, invocation)
        return await self.load(current["id"], invocation)

    async def _put(self, pipeline_id: str, body: dict[str, Any], stages: list[dict[str, Any]],
                   scope: dict[str, Any], invocation: Invocation) -> None:
        rows = [{**{k: s[k] for k in STAGE_FIELDS if s.get(k) is not None}, "index": position,
                 "pipelineId": pipeline_id, **scope} for position, s in enumerate(stages, start=1)]
        await self._runner.run(PUT, {"id": pipeline_id, "pipeline": {**body, "stages": rows}}, invocation)


class CreatePipeline:
    def __init__(self, runner: RowRunner) -> None:
        self._pipelines = PipelineStages(runner)

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        data = arguments_as(rows.CreatePipeline, arguments).pipeline_data.model_dump(exclude_none=True)
        return await self._pipelines.create(data, invocation)


class UpdatePipeline:
    def __init__(self, runner: RowRunner) -> None:
        self._pipelines = PipelineStages(runner)

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        update = arguments_as(rows.UpdatePipeline, arguments)
        changes = update.pipeline_data.model_dump(exclude_none=True)
        current = await self._pipelines.load(update.id, invocation)
        stages = changes.pop("stages", None)
        return await self._pipelines.save(current, stages_of(current) if stages is None else stages, invocation,
                                          changes)


class AddPipelineStage:
    def __init__(self, runner: RowRunner) -> None:
        self._pipelines = PipelineStages(runner)

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        add = arguments_as(rows.AddStage, arguments)
        data = add.stage_data.model_dump(exclude_none=True)
        current = await self._pipelines.load(add.pipelineId, invocation)
        stages = stages_of(current)
        known = {s.get("id") for s in stages}
        position = min(data.pop("position", len(stages) + 1), len(stages) + 1)
        stages.insert(position - 1, data)
        saved = await self._pipelines.save(current, stages, invocation)
        added = next((s for s in stages_of(saved) if s.get("id") not in known), None)
        if added is None:
            raise NotFoundError("Gauzy saved the pipeline but its answer lacks the new stage.",
                                hint="Look for it with get_pipeline and relations ['stages'].")
        return added


class UpdatePipelineStage:
    def __init__(self, runner: RowRunner) -> None:
        self._pipelines = PipelineStages(runner)

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        update = arguments_as(rows.UpdateStage, arguments)
        stage_id, patch = update.stageId, update.stage_data.model_dump(exclude_none=True)
        current = await self._pipelines.load(update.pipelineId, invocation)
        stages = stages_of(current)
        index = find_stage(stages, stage_id)
        position = patch.pop("position", None)
        stage = {**stages.pop(index), **patch}
        stages.insert(index if position is None else min(position, len(stages) + 1) - 1, stage)
        saved = await self._pipelines.save(current, stages, invocation)
        return stages_of(saved)[find_stage(stages_of(saved), stage_id)]


class RemovePipelineStage:
    def __init__(self, runner: RowRunner) -> None:
        self._pipelines = PipelineStages(runner)

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        remove = arguments_as(rows.RemoveStage, arguments)
        stage_id = remove.stageId
        current = await self._pipelines.load(remove.pipelineId, invocation)
        stages = stages_of(current)
        stages.pop(find_stage(stages, stage_id))
        saved = await self._pipelines.save(current, stages, invocation)
        return {"removed": stage_id, "stages": stages_of(saved)}
