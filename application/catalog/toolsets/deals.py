"""Deals (`/api/deals`). A deal sits in a stage of a sales pipeline (`stageId`); stages are
named per pipeline, so `stage` filters by a stage's name.

In the real API `GET /api/deals/:id` is declared before the inherited `/count` and
`/pagination`, which it captures; lists and counts therefore use `GET /api/deals`
(skip is an offset there). The reference's deal "properties" do not exist in Gauzy (see
REMOVED below); "me", statistics, pipeline board and search are use cases.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.business_fields import DatePair
from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ContextValue, Paging, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.rows import RECORD, delete, read, same, write
from application.catalog.toolsets.pipelines import CREATE as PIPELINE_CREATE

TOOLSET = "deals"
BASE = "/api/deals"
PIPELINES = "/api/pipelines"


class DealData(ToolInput):
    """Fields of CreateDealDTO; other entity fields are passed through."""

    model_config = ConfigDict(extra="allow")
    title: str | None = Field(None, min_length=1)
    probability: int | None = Field(None, ge=0, le=5, description="Chance of winning, 0 (none) to 5 (certain).")
    stageId: Uuid | None = None  # noqa: N815
    clientId: Uuid | None = Field(None, description="The client (organization contact).")  # noqa: N815
    isActive: bool | None = None  # noqa: N815


class NewDealData(DealData):
    title: str = Field(min_length=1)
    pipelineId: Uuid | None = Field(  # noqa: N815
        None, description="Without stageId: start in the first stage of this pipeline (default: the first pipeline).")


class DealFilters(ToolInput):
    stage: str | None = Field(None, min_length=1, description="Name of a pipeline stage, e.g. 'Negotiation'.")
    stageId: Uuid | None = None  # noqa: N815
    clientId: Uuid | None = None  # noqa: N815


class GetDeals(PageInput, RelationsInput, DealFilters):
    search: str | None = Field(None, description="Exact deal title to find (search_deals matches parts).")
    createdByUserId: Uuid | None = None  # noqa: N815


class CountDeals(DealFilters):
    createdByUserId: Uuid | None = None  # noqa: N815


class GetDeal(IdInput, RelationsInput):
    pass


class CreateDeal(ToolInput):
    deal_data: NewDealData


class UpdateDeal(IdInput):
    deal_data: DealData


class MoveDeal(IdInput):
    stage: str = Field(min_length=1, description="The target stage: its name in the deal's pipeline, or its id.")


class DealsByClient(PageInput, RelationsInput):
    clientId: Uuid  # noqa: N815
    stage: str | None = Field(None, min_length=1, description="Name of a pipeline stage.")


class MyDeals(PageInput, RelationsInput):
    stage: str | None = Field(None, min_length=1, description="Name of a pipeline stage.")
    createdByUserId: Uuid | None = Field(None, description="Defaults to you.")  # noqa: N815


class DealStatistics(DatePair):
    clientId: Uuid | None = None  # noqa: N815
    createdByUserId: Uuid | None = None  # noqa: N815


class DealsBoard(ToolInput):
    clientId: Uuid | None = None  # noqa: N815
    createdByUserId: Uuid | None = None  # noqa: N815


class SearchDeals(ToolInput):
    query: str = Field(min_length=1, description="Text contained in the deal title (any case).")
    limit: int = Field(10, ge=1, le=100)
    stage: str | None = Field(None, min_length=1, description="Name of a pipeline stage.")
    clientId: Uuid | None = None  # noqa: N815


FILTERS = {"stage": "stage.name", **same("stageId", "clientId", "createdByUserId")}
LIST = ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where={**FILTERS, "search": "title"},
                    paging=Paging.OFFSET)
# Every deal matching the filters, for the use cases that look at all of them.
ALL = ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where=FILTERS, paging=None)
GET = ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.WHERE)
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="deal_data")
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="deal_data")
PIPELINE_LIST = ResourceCall("GET", PIPELINES, Shape.PAGE, Tenancy.WHERE, paging=None)
PIPELINE = ResourceCall("GET", f"{PIPELINES}/{{id}}", tenancy=Tenancy.WHERE)


def listing(where: dict[str, str], **defaults: object) -> ResourceCall:
    return ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where=where, paging=Paging.OFFSET, defaults=defaults)


TOOLS = (
    read("get_deals", "List deals",
         "The organization's deals; relations ['stage', 'client'] add details.",
         TOOLSET, GetDeals, LIST),
    read("get_deal_count", "Count deals",
         "Count the organization's deals, optionally filtered.",
         TOOLSET, CountDeals,
         ResourceCall("GET", BASE, Shape.COUNT, Tenancy.WHERE, where=FILTERS, paging=Paging.OFFSET,
                      defaults={"limit": 1})),
    read("get_deal", "Get a deal", "One deal by id; relations e.g. 'stage', 'client'.",
         TOOLSET, GetDeal, GET, RECORD),
    write("create_deal", "Create a deal",
          "Create a deal (deal_data.title required); without stageId it starts in the first stage of pipelineId. An "
          "organization without pipelines first gets a 'Sales' pipeline.",
          TOOLSET, CreateDeal,
          UseCaseCall("create_deal", (PIPELINE_LIST.route, PIPELINE.route, PIPELINE_CREATE.route, CREATE.route)),
          output=RECORD),
    write("update_deal", "Update a deal",
          "Change the given fields of a deal, e.g. its stage.",
          TOOLSET, UpdateDeal, UPDATE, idempotent=True),
    write("update_deal_stage", "Move a deal to a stage",
          "Move a deal to another stage of its pipeline, by name (e.g. 'Negotiation') or id.",
          TOOLSET, MoveDeal, UseCaseCall("update_deal_stage", (GET.route, PIPELINE.route, UPDATE.route)),
          idempotent=True, output=RECORD),
    delete("delete_deal", "Delete a deal",
           "Delete a deal permanently; to keep it as lost, move it to a closing stage.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_deals_by_client", "Deals of a client",
         "The deals with one client, optionally in one stage.",
         TOOLSET, DealsByClient, listing(same("clientId") | {"stage": "stage.name"})),
    read("get_my_deals", "My deals",
         "The deals the signed-in user created, optionally in one stage.",
         TOOLSET, MyDeals,
         listing({"stage": "stage.name", "createdByUserId": "createdByUserId"}, createdByUserId=ContextValue.USER_ID)),
    read("get_deal_statistics", "Deal statistics",
         "Deals per stage and their average probability.",
         TOOLSET, DealStatistics, UseCaseCall("get_deal_statistics", (ALL.route,))),
    read("get_deals_pipeline", "Deals board",
         "The sales board: each pipeline with its stages in order and the deals in each.",
         TOOLSET, DealsBoard, UseCaseCall("get_deals_pipeline", (PIPELINE_LIST.route, ALL.route))),
    read("search_deals", "Search deals",
         "Deals whose title contains some text (any case).",
         TOOLSET, SearchDeals, UseCaseCall("search_deals", (ALL.route,)), PageOutput),
)

REMOVED = {
    "add_deal_property": "Gauzy deals have no custom properties (only title, probability, stage and client) and "
                         "no /api/deals/:id/properties routes.",
    "update_deal_property": "Gauzy deals have no custom properties and no /api/deals/:id/properties routes; "
                            "change a deal's own fields with update_deal.",
    "remove_deal_property": "Gauzy deals have no custom properties and no /api/deals/:id/properties routes.",
}
