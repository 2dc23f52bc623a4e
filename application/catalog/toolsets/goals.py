"""Goals (`/api/goals`) and goal templates (`/api/goal-templates`). The reference's
`/goals/me`, `/goals/statistics`, `/goals/:id/progress` and `/goals/:id/align` do not exist:
they map to filtered lists, a summary of the goal list and goal updates."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from application.catalog.client_query import ClientQuery, Result
from application.catalog.enums_goals import GoalLevel
from application.catalog.fields import DateRangeInput, IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ContextValue, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write
from domain.gauzy import QueryStyle

TOOLSET = "goals"
BASE = "/api/goals"
# UpdateGoalDTO requires the name, so every PUT carries it (taken from the goal when absent).
REQUIRED = ("name",)
Hidden = SkipJsonSchema[None]  # a field the model neither sees nor sets; a row's `defaults` fill it


class GoalData(ToolInput):
    """Fields of CreateGoalDTO; other fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    deadline: str | None = Field(None, min_length=1, description="Time frame the goal is due in, e.g. 'Q4 2026' "
                                                                 "or an ISO date.")
    level: GoalLevel | None = None
    progress: float | None = Field(None, ge=0, le=100, description="Percent done.")
    ownerEmployeeId: Uuid | None = Field(None, description="Owner of an Employee-level goal.")  # noqa: N815
    ownerTeamId: Uuid | None = Field(None, description="Owner of a Team-level goal.")  # noqa: N815
    leadId: Uuid | None = None  # noqa: N815


class NewGoalData(GoalData):
    name: str = Field(min_length=1)
    deadline: str = Field(min_length=1, description="Time frame the goal is due in, e.g. 'Q4 2026' or an ISO date.")
    level: GoalLevel = Field(description="Organization, Team (give ownerTeamId) or Employee (give ownerEmployeeId).")


class Filters(ToolInput):
    level: GoalLevel | None = None
    ownerEmployeeId: Uuid | None = None  # noqa: N815
    ownerTeamId: Uuid | None = None  # noqa: N815


class GetGoals(PageInput, RelationsInput, Filters):
    search: str | None = Field(None, description="Exact goal name to match.")


class GetGoal(IdInput, RelationsInput):
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where=same("id"), paging=None),
        Result.FIRST, noun="goal with that id")


class CreateGoal(ToolInput):
    goal_data: NewGoalData


class UpdateGoal(IdInput):
    goal_data: GoalData


class GoalProgress(IdInput):
    progress: float = Field(ge=0, le=100, description="Percent done.")


class MyGoals(PageInput):
    level: GoalLevel | None = None
    ownerEmployeeId: Hidden = None  # noqa: N815 - the signed-in employee, from the row's defaults


class TeamGoals(PageInput):
    teamId: Uuid  # noqa: N815


class GoalStatistics(DateRangeInput, Filters):
    # The ?data= findAll returns every goal (/pagination would stop at its default 10).
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", BASE, Shape.PAGE, Tenancy.DATA, paging=None, query_style=QueryStyle.DATA_JSON,
                     query={key: f"findInput.{key}" for key in ("level", "ownerEmployeeId", "ownerTeamId")}),
        Result.SUMMARY, groups={"level": "level"}, averages=("progress",))


class AlignGoals(ToolInput):
    parentGoalId: Uuid  # noqa: N815
    childGoalId: Uuid  # noqa: N815
    keyResultId: Uuid | None = Field(  # noqa: N815
        None, description="The parent's key result the child supports; defaults to the parent's first one.")


class GoalTemplates(PageInput):
    search: str | None = Field(None, description="Exact template name to match.")
    level: GoalLevel | None = None


def page(**where: str) -> ResourceCall:
    return ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where=where)


def goal_update(**body: str) -> ResourceCall:
    return ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body=body, merge_current=REQUIRED)


# NOT NULL columns of the goal table without a default, which CreateGoalDTO leaves optional.
NOT_NULL = {"description": "", "progress": 0}

TOOLS = (
    read("get_goals", "List goals",
         "The organization's goals (OKR objectives). Use to find a goal's id.",
         TOOLSET, GetGoals, page(search="name", level="level", ownerEmployeeId="ownerEmployeeId",
                                 ownerTeamId="ownerTeamId")),
    read("get_goal_count", "Count goals",
         "Count the organization's goals, optionally filtered.",
         TOOLSET, Filters,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY,
                      query=same("level", "ownerEmployeeId", "ownerTeamId"))),
    read("get_goal", "Get a goal",
         "One goal by id; relations e.g. 'keyResults', 'ownerEmployee', 'lead'.",
         TOOLSET, GetGoal, UseCaseCall("client_query", (f"GET {BASE}/pagination",)), RECORD),
    write("create_goal", "Create a goal",
          "Create a goal with a name, a deadline and a level; a Team or Employee goal needs its owner.",
          TOOLSET, CreateGoal,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="goal_data", body_defaults=NOT_NULL),
          output=RECORD),
    write("update_goal", "Update a goal",
          "Change the given fields of a goal.",
          TOOLSET, UpdateGoal,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="goal_data",
                       merge_current=REQUIRED),
          idempotent=True),
    write("update_goal_progress", "Set goal progress",
          "Set how far a goal is done, in percent (0-100).",
          TOOLSET, GoalProgress, goal_update(progress="progress"), idempotent=True),
    delete("delete_goal", "Delete a goal", "Delete a goal permanently by id; this cannot be undone.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_my_goals", "My goals",
         "The goals the signed-in employee owns, optionally by level.",
         TOOLSET, MyGoals,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                      where=same("level", "ownerEmployeeId"),
                      defaults={"ownerEmployeeId": ContextValue.EMPLOYEE_ID})),
    read("get_team_goals", "Goals of a team",
         "The goals one team owns.",
         TOOLSET, TeamGoals, page(teamId="ownerTeamId")),
    read("get_goal_statistics", "Goal statistics",
         "Goals per level and their average progress.",
         TOOLSET, GoalStatistics, UseCaseCall("client_query", (f"GET {BASE}",))),
    write("align_goals", "Align a goal under another",
          "Make a goal support another: the child is aligned to a key result of the parent.",
          TOOLSET, AlignGoals,
          UseCaseCall("align_goals", ("GET /api/key-results", f"GET {BASE}/:id", f"PUT {BASE}/:id")),
          idempotent=True),
    read("get_goal_templates", "List goal templates",
         "Goal templates (ready-made objectives with key results).",
         TOOLSET, GoalTemplates,
         ResourceCall("GET", "/api/goal-templates/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"search": "name", "level": "level"})),
)
