"""Key results (`/api/key-results`) and their progress updates (`/api/key-result-updates`).

`GET /key-results/:id` takes any string, so it shadows `/key-results/count` and
`/key-results/pagination` (likewise for key-result updates): lists read every key result of
the tenant (`GET /key-results`, which takes no filters) and filter, page and count here,
keeping the caller's organization. The reference's `/keyresult-updates`, `/key-results/me`,
`/statistics` and `/:id/progress` paths do not exist.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ConfigDict, Field, model_validator

from application.catalog.client_query import ClientQuery, Result
from application.catalog.enums_goals import KeyResultDeadline, KeyResultStatus, KeyResultType
from application.catalog.fields import DateRangeInput, IdInput, IsoDate, PageInput, ToolInput, Uuid
from application.catalog.model import ContextValue, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import CountOutput, PageOutput
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "key-results"
BASE = "/api/key-results"
UPDATES = "/api/key-result-updates"
ALL = ResourceCall("GET", BASE, Shape.PAGE, paging=None)
OWN_ORGANIZATION = {"organizationId": ContextValue.ORGANIZATION_ID}
FILTERS = same("goalId", "ownerId", "status")
QUERY = UseCaseCall("client_query", (f"GET {BASE}",))
# What Gauzy's web app fills in for a new key result; the API stores nothing for absent fields.
NEW_KEY_RESULT = {"type": "Numerical", "initialValue": 0, "targetValue": 1, "unit": "items", "update": 0,
                  "progress": 0, "status": "none", "ownerId": ContextValue.EMPLOYEE_ID,
                  "description": ""}  # a NOT NULL column without a default, though the DTO leaves it optional


class KeyResultData(ToolInput):
    """Fields of CreateKeyResultDTO; other fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    goalId: Uuid | None = None  # noqa: N815
    type: KeyResultType | None = Field(None, description="Measured how; default Numerical.")
    initialValue: float | None = None  # noqa: N815
    targetValue: float | None = Field(None, description="Value that means done; default 1.")  # noqa: N815
    unit: str | None = Field(None, description="Unit of a Numerical key result; default 'items'.")
    update: float | None = Field(None, description="Current value.")
    progress: float | None = Field(None, ge=0, le=100, description="Percent done.")
    deadline: KeyResultDeadline | None = Field(
        None, description="Deadline kind; an ISO date here means a Hard Deadline on that date.")
    hardDeadline: IsoDate | None = None  # noqa: N815
    softDeadline: IsoDate | None = None  # noqa: N815
    status: KeyResultStatus | None = None
    ownerId: Uuid | None = Field(None, description="Owning employee; default the signed-in employee.")  # noqa: N815
    leadId: Uuid | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    kpiId: Uuid | None = None  # noqa: N815

    @model_validator(mode="before")
    @classmethod
    def date_as_hard_deadline(cls, data: Any) -> Any:
        """The reference asked for a date as `deadline`; Gauzy's `deadline` is the deadline kind."""
        if isinstance(data, dict) and isinstance(data.get("deadline"), str) and data["deadline"][:1].isdigit():
            return {**data, "deadline": "Hard Deadline", "hardDeadline": data.get("hardDeadline") or data["deadline"]}
        return data


class NewKeyResultData(KeyResultData):
    name: str = Field(min_length=1)
    goalId: Uuid  # noqa: N815
    deadline: KeyResultDeadline = Field(description="Deadline kind, or an ISO date (a Hard Deadline on it).")


class Filters(ToolInput):
    goalId: Uuid | None = None  # noqa: N815
    ownerId: Uuid | None = None  # noqa: N815
    status: KeyResultStatus | None = None


class GetKeyResults(PageInput, Filters):
    search: str | None = Field(None, description="Text the name or description contains (any case).")
    client_query: ClassVar[ClientQuery] = ClientQuery(ALL, equals=FILTERS, mine=OWN_ORGANIZATION,
                                                      search=("name", "description"))


class CountKeyResults(Filters):
    client_query: ClassVar[ClientQuery] = ClientQuery(ALL, Result.COUNT, equals=FILTERS, mine=OWN_ORGANIZATION)


class GetKeyResult(IdInput):
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", f"{BASE}/{{id}}", Shape.PAGE, paging=None), Result.FIRST, noun="key result with that id",
        mine=OWN_ORGANIZATION)


class CreateKeyResult(ToolInput):
    key_result_data: NewKeyResultData


class UpdateKeyResult(IdInput):
    key_result_data: KeyResultData


class KeyResultProgress(IdInput):
    progress: float = Field(ge=0, le=100, description="Percent done.")
    update: float | None = Field(None, description="The current value, e.g. 7 of a target of 10.")


class ByGoal(PageInput):
    goalId: Uuid  # noqa: N815
    status: KeyResultStatus | None = None
    client_query: ClassVar[ClientQuery] = ClientQuery(ALL, equals=same("goalId", "status"), mine=OWN_ORGANIZATION)


class Mine(PageInput):
    status: KeyResultStatus | None = None
    goalId: Uuid | None = None  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, equals=same("goalId", "status"), mine=OWN_ORGANIZATION | {"ownerId": ContextValue.EMPLOYEE_ID})


class UpdateData(ToolInput):
    update: float = Field(description="The current value.")
    progress: float = Field(ge=0, le=100, description="Percent done.")
    status: KeyResultStatus | None = Field(None, description="How it is going; default 'on track'.")


class CreateUpdate(ToolInput):
    keyResultId: Uuid  # noqa: N815
    update_data: UpdateData


class Updates(PageInput):
    keyResultId: Uuid  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", f"{UPDATES}/{{keyResultId}}", Shape.PAGE, paging=None), mine=OWN_ORGANIZATION)


class Statistics(DateRangeInput):
    goalId: Uuid | None = None  # noqa: N815
    ownerId: Uuid | None = None  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, Result.SUMMARY, equals=same("goalId", "ownerId"), mine=OWN_ORGANIZATION,
        groups={"status": "status", "type": "type"}, averages=("progress",))


TOOLS = (
    read("get_key_results", "List key results",
         "The organization's key results. Use to find a key result's id.",
         TOOLSET, GetKeyResults, QUERY, PageOutput),
    read("get_key_result_count", "Count key results",
         "Count the organization's key results, optionally filtered.",
         TOOLSET, CountKeyResults, QUERY, CountOutput),
    read("get_key_result", "Get a key result",
         "One key result by id, with its goal, owner, lead and progress updates.",
         TOOLSET, GetKeyResult, UseCaseCall("client_query", (f"GET {BASE}/:id",)), RECORD),
    write("create_key_result", "Create a key result",
          "Add a key result to a goal: name, goalId and deadline are required.",
          TOOLSET, CreateKeyResult,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="key_result_data", body_defaults=NEW_KEY_RESULT),
          output=RECORD),
    write("update_key_result", "Update a key result",
          "Change the given fields of a key result.",
          TOOLSET, UpdateKeyResult,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="key_result_data"), idempotent=True),
    write("update_key_result_progress", "Set key result progress",
          "Set a key result's progress in percent and optionally its current value; create_key_result_update also "
          "keeps a history entry.",
          TOOLSET, KeyResultProgress,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body=same("progress", "update")),
          idempotent=True),
    delete("delete_key_result", "Delete a key result", "Delete a key result permanently by id; this cannot be "
                                                       "undone.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_key_results_by_goal", "Key results of a goal",
         "The key results of one goal, optionally by status.",
         TOOLSET, ByGoal, QUERY, PageOutput),
    read("get_my_key_results", "My key results",
         "The key results the signed-in employee owns.",
         TOOLSET, Mine, QUERY, PageOutput),
    write("create_key_result_update", "Record key result progress",
          "Add a progress entry to a key result's history, as the signed-in employee.",
          TOOLSET, CreateUpdate,
          ResourceCall("POST", UPDATES, tenancy=Tenancy.BODY, body_from="update_data", body=same("keyResultId"),
                       body_defaults={"owner": ContextValue.EMPLOYEE_ID, "status": "on track"}),
          output=RECORD),
    read("get_key_result_updates", "Key result history",
         "The progress entries of one key result.",
         TOOLSET, Updates, UseCaseCall("client_query", (f"GET {UPDATES}/:id",)), PageOutput),
    read("get_key_result_statistics", "Key result statistics",
         "Key results per status and type and their average progress.",
         TOOLSET, Statistics, QUERY),
)
