"""Deals: behaviour Gauzy has no single route for. A new deal needs a stage (the first stage
of a pipeline by default); moving a deal takes a stage *name* from its pipeline; search,
statistics and the sales board look at every deal matching the filters."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets import deals as rows
from application.catalog.toolsets.deals import ALL, CREATE, GET, PIPELINE, PIPELINE_LIST, UPDATE
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from application.use_cases.pipelines import PipelineStages
from domain.errors import NotFoundError

# The sales pipeline the reference's deal stages (LEAD ... CLOSED_LOST) describe; set up when an
# organization has no pipeline stage at all, so a first deal can be created from its title alone.
DEFAULT_PIPELINE = "Sales"
DEFAULT_STAGES = ("Lead", "Qualified Lead", "Proposal Made", "Negotiation", "Closed Won", "Closed Lost")


def fold(text: str) -> str:
    """Spelling-insensitive stage names: 'Qualified Lead', 'QUALIFIED_LEAD' and 'qualified-lead' agree."""
    return text.strip().lower().replace("_", " ").replace("-", " ")


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def ordered(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: str(row.get(key) or ""))


def stages_in_order(pipeline: Any) -> list[dict[str, Any]]:
    stages = pipeline.get("stages") if isinstance(pipeline, dict) else None
    return sorted((s for s in stages or [] if isinstance(s, dict)), key=lambda s: int(s.get("index") or 0))


def stage_named(pipeline: dict[str, Any], name: str) -> dict[str, Any]:
    stages = stages_in_order(pipeline)
    for stage in stages:
        if fold(str(stage.get("name", ""))) == fold(name):
            return stage
    names = ", ".join(str(s.get("name")) for s in stages) or "none"
    raise NotFoundError(f"Pipeline {pipeline.get('name')!r} has no stage named {name!r}.",
                        hint=f"Its stages: {names}.")


def _filters(arguments: BaseModel, *names: str) -> dict[str, Any]:
    return arguments.model_dump(include=set(names), exclude_none=True)


class CreateDeal:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner
        self._pipelines = PipelineStages(runner)

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        data = arguments_as(rows.CreateDeal, arguments).deal_data.model_dump(exclude_none=True)
        pipeline_id = data.pop("pipelineId", None)
        if not data.get("stageId"):
            data["stageId"] = (await self._first_stage(pipeline_id, invocation))["id"]
        data.setdefault("probability", 0)
        return await self._runner.run(CREATE, {"deal_data": data}, invocation)

    async def _first_stage(self, pipeline_id: str | None, invocation: Invocation) -> dict[str, Any]:
        if pipeline_id:
            pipeline = await self._runner.run(PIPELINE, {"id": pipeline_id, "relations": ["stages"]}, invocation)
            stages = stages_in_order(pipeline)
            if not stages:
                raise NotFoundError(f"Pipeline {pipeline_id} has no stage to put the deal in.",
                                    hint="Add one with add_pipeline_stage, or pass deal_data.stageId.")
            return stages[0]
        pipelines = ordered(await self._runner.all_items(PIPELINE_LIST, {"relations": ["stages"]}, invocation),
                            "createdAt")
        for pipeline in pipelines:
            stages = stages_in_order(pipeline)
            if stages:
                return stages[0]
        return await self._default_pipeline_stage(invocation)

    async def _default_pipeline_stage(self, invocation: Invocation) -> dict[str, Any]:
        """No pipeline has a stage yet: set up the standard sales pipeline and start in its first stage."""
        created = await self._pipelines.create(
            {"name": DEFAULT_PIPELINE, "description": "Standard sales pipeline, set up for the first deal.",
             "stages": [{"name": name} for name in DEFAULT_STAGES]}, invocation)
        stages = [s for s in stages_in_order(created) if s.get("id")]
        if not stages and isinstance(created, dict) and created.get("id"):
            stages = stages_in_order(await self._pipelines.load(str(created["id"]), invocation))
        if not stages:
            raise NotFoundError("There is no pipeline stage to put the deal in, and Gauzy did not return the "
                                "stages of the sales pipeline set up for it.",
                                hint="Create a pipeline with stages (create_pipeline), or pass deal_data.stageId.")
        return stages[0]


class MoveDealToStage:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        move = arguments_as(rows.MoveDeal, arguments)
        deal_id, stage = move.id, move.stage
        stage_id = stage if is_uuid(stage) else await self._stage_id(deal_id, stage, invocation)
        await self._runner.run(UPDATE, {"id": deal_id, "deal_data": {"stageId": stage_id}}, invocation)
        return await self._runner.run(GET, {"id": deal_id, "relations": ["stage"]}, invocation)

    async def _stage_id(self, deal_id: str, name: str, invocation: Invocation) -> str:
        deal = await self._runner.run(GET, {"id": deal_id, "relations": ["stage"]}, invocation)
        pipeline_id = (deal.get("stage") or {}).get("pipelineId") if isinstance(deal, dict) else None
        if not pipeline_id:
            raise NotFoundError("The deal is in no pipeline stage yet, so a stage name cannot be resolved.",
                                hint="Pass the target stage's id instead.")
        pipeline = await self._runner.run(PIPELINE, {"id": pipeline_id, "relations": ["stages"]}, invocation)
        return str(stage_named(pipeline, name)["id"])


class SearchDeals:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        search = arguments_as(rows.SearchDeals, arguments)
        deals = await self._runner.all_items(ALL, _filters(search, "stage", "clientId"), invocation)
        found = [d for d in deals if search.query.casefold() in str(d.get("title", "")).casefold()]
        return {"items": found[: search.limit], "total": len(found)}


def _instant(text: Any) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def in_range(rows: list[dict[str, Any]], field: str, start: Any, end: Any) -> list[dict[str, Any]]:
    """Rows whose `field` (an ISO date-time) lies in [start, end]; all rows without a range."""
    if start is None or end is None:
        return rows
    low, high = _instant(start), _instant(end)
    return [row for row in rows if (at := _instant(row.get(field))) and low and high and low <= at <= high]


def created_between(rows: list[dict[str, Any]], start: Any, end: Any) -> list[dict[str, Any]]:
    return in_range(rows, "createdAt", start, end)


class DealStatistics:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        asked = arguments_as(rows.DealStatistics, arguments)
        values = _filters(asked, "clientId", "createdByUserId") | {"relations": ["stage"]}
        deals = created_between(await self._runner.all_items(ALL, values, invocation), asked.startDate, asked.endDate)
        by_stage = Counter(str((d.get("stage") or {}).get("name") or d.get("stageId") or "none") for d in deals)
        chances = [float(d["probability"]) for d in deals if d.get("probability") is not None]
        return {"total": len(deals), "averageProbability": round(sum(chances) / len(chances), 2) if chances else None,
                "byStage": dict(by_stage)}


class DealsBoard:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        pipelines = await self._runner.all_items(PIPELINE_LIST, {"relations": ["stages"]}, invocation)
        deals = await self._runner.all_items(ALL, _filters(arguments, "clientId", "createdByUserId"), invocation)
        return [self._board(pipeline, deals) for pipeline in ordered(pipelines, "createdAt")]

    @staticmethod
    def _board(pipeline: dict[str, Any], deals: list[dict[str, Any]]) -> dict[str, Any]:
        stages = stages_in_order(pipeline)
        columns = []
        for stage in stages:
            inside = [d for d in deals if d.get("stageId") == stage.get("id")]
            columns.append({"id": stage.get("id"), "name": stage.get("name"), "count": len(inside), "deals": inside})
        return {"id": pipeline.get("id"), "name": pipeline.get("name"), "stages": columns}
