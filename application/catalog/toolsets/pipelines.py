"""Sales pipelines and their stages (`/api/pipelines`).

Gauzy has no stage routes: a pipeline's PUT carries its whole stage list (stages with an id
are kept, new ones created, missing ones deleted). The stage tools and update_pipeline are
use cases that read the current list first, so a change never drops stages by accident.
create_pipeline is a use case too: Gauzy stores the stages it cascades without a tenant or
organization unless each stage carries them, and a later PUT cannot delete such stages.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, write

TOOLSET = "pipelines"
BASE = "/api/pipelines"


class StageData(ToolInput):
    name: str = Field(min_length=1)
    description: str | None = None


class StagePatch(ToolInput):
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    position: int | None = Field(None, ge=1, description="Move the stage to this 1-based position.")


class NewStage(StageData):
    position: int | None = Field(None, ge=1, description="1-based position; defaults to the end.")


class ListedStage(StageData):
    id: Uuid | None = Field(None, description="An existing stage's id; leave out for a new stage.")


class PipelineData(ToolInput):
    """Fields of CreatePipelineDTO / UpdatePipelineDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    isActive: bool | None = None  # noqa: N815
    stages: list[ListedStage] | None = Field(
        None, max_length=50,
        description="The full stage list in order. On update, stages left out are deleted; omit to keep them.")


class NewPipelineData(PipelineData):
    name: str = Field(min_length=1)


class GetPipelines(PageInput, RelationsInput):
    search: str | None = Field(None, description="Text contained in the pipeline name.")


class GetPipeline(IdInput, RelationsInput):
    pass


class CreatePipeline(ToolInput):
    pipeline_data: NewPipelineData


class UpdatePipeline(IdInput):
    pipeline_data: PipelineData


class AddStage(ToolInput):
    pipelineId: Uuid  # noqa: N815
    stage_data: NewStage


class UpdateStage(ToolInput):
    pipelineId: Uuid  # noqa: N815
    stageId: Uuid  # noqa: N815
    stage_data: StagePatch


class RemoveStage(ToolInput):
    pipelineId: Uuid  # noqa: N815
    stageId: Uuid  # noqa: N815


GET = ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.WHERE)
PUT = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="pipeline")
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="pipeline_data")
LIST = ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where={"search": "name"})
STAGE_ROUTES = (GET.route, PUT.route)

TOOLS = (
    read("get_pipelines", "List sales pipelines",
         "The organization's sales pipelines; relations ['stages'] adds their stages.",
         TOOLSET, GetPipelines, LIST),
    read("get_pipeline", "Get a pipeline",
         "One sales pipeline by id; relations ['stages'] adds its stages in order.",
         TOOLSET, GetPipeline, GET, RECORD),
    write("create_pipeline", "Create a pipeline",
          "Create a sales pipeline, optionally with its stages in order.",
          TOOLSET, CreatePipeline, UseCaseCall("create_pipeline", (CREATE.route,)), output=RECORD),
    write("update_pipeline", "Update a pipeline",
          "Rename or describe a pipeline; its stages change only if pipeline_data.stages is given.",
          TOOLSET, UpdatePipeline, UseCaseCall("update_pipeline", STAGE_ROUTES), idempotent=True, output=RECORD),
    delete("delete_pipeline", "Delete a pipeline",
           "Delete a sales pipeline and its stages permanently; move or delete its deals first.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    write("add_pipeline_stage", "Add a pipeline stage",
          "Add a stage to a pipeline, at the end or at stage_data.position.",
          TOOLSET, AddStage, UseCaseCall("add_pipeline_stage", STAGE_ROUTES), output=RECORD),
    write("update_pipeline_stage", "Update a pipeline stage",
          "Rename, describe or move one stage of a pipeline.",
          TOOLSET, UpdateStage, UseCaseCall("update_pipeline_stage", STAGE_ROUTES), idempotent=True,
          output=RECORD),
    delete("remove_pipeline_stage", "Remove a pipeline stage",
           "Delete one stage of a pipeline; the others keep their order. Returns the rest.",
           TOOLSET, RemoveStage, UseCaseCall("remove_pipeline_stage", STAGE_ROUTES)),
)
