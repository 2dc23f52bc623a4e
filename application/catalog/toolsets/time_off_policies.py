"""Time-off policies (`/api/time-off-policy`; the reference called `/api/time-off-policies`),
and the balance and statistics the reference invented routes for, computed from requests.

Gauzy saves a policy update by deleting the policy and creating a new one (new id); its
requests go with it (ON DELETE CASCADE). Those tools are marked destructive and say so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from pydantic import ConfigDict, Field

from application.catalog.client_query import ClientQuery, Result
from application.catalog.enums_teamwork import TimeOffGroupBy
from application.catalog.fields import DateRangeInput, IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, write

TOOLSET = "time-off"
BASE = "/api/time-off-policy"
REQUESTS = "GET /api/time-off-request"
REPLACE_ROUTES = (f"GET {BASE}/pagination", f"PUT {BASE}/:id")


class PolicyFilters(ToolInput):
    requiresApproval: bool | None = None  # noqa: N815
    paid: bool | None = None


class GetPolicies(PageInput, RelationsInput, PolicyFilters):
    search: str | None = Field(None, description="Exact policy name to match.")


class GetPolicy(IdInput):
    """`GET /time-off-policy/:id` loads no relations, so the policy is read from the list with its employees."""

    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where={"id": "id"},
                     defaults={"relations": ["employees"], "limit": 1}),
        Result.FIRST, noun="time-off policy with that id")


class PolicyData(ToolInput):
    """ITimeOffPolicyCreateInput. Gauzy takes the members as a list of employee ids."""

    model_config = ConfigDict(serialize_by_alias=True)
    name: str | None = Field(None, min_length=1)
    requiresApproval: bool | None = Field(None, description="Requests need approval; default false.")  # noqa: N815
    paid: bool | None = Field(None, description="Paid time off; default true.")
    employeeIds: list[Uuid] | None = Field(  # noqa: N815
        None, serialization_alias="employees", description="Employees the policy applies to."
    )
    type: str | None = Field(None, exclude=True,
                             description="Ignored: Gauzy policies have no type.")


class NewPolicyData(PolicyData):
    name: str = Field(min_length=1)


class CreatePolicy(ToolInput):
    policy_data: NewPolicyData


class UpdatePolicy(IdInput):
    policy_data: PolicyData


class AssignEmployees(ToolInput):
    policyId: Uuid  # noqa: N815
    employeeIds: list[Uuid] = Field(min_length=1, max_length=100)  # noqa: N815


class Balance(ToolInput):
    employeeId: Uuid  # noqa: N815
    policyId: Uuid | None = None  # noqa: N815
    year: int | None = Field(None, ge=2000, le=2100, description="Calendar year; defaults to the current one.")


class MyBalance(ToolInput):
    policyId: Uuid | None = None  # noqa: N815
    year: int | None = Field(None, ge=2000, le=2100, description="Calendar year; defaults to the current one.")


class Statistics(DateRangeInput):
    employeeId: Uuid | None = None  # noqa: N815
    policyId: Uuid | None = None  # noqa: N815
    groupBy: TimeOffGroupBy = Field("policy", description="How to group the days off.")  # noqa: N815


TOOLS = (
    read("get_time_off_policies", "List time-off policies",
         "The organization's time-off policies. Use to find a policyId for a request.",
         TOOLSET, GetPolicies,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"search": "name", "requiresApproval": "requiresApproval", "paid": "paid"})),
    read("get_time_off_policy", "Get a time-off policy",
         "One time-off policy by id: name, paid, requires approval and its employees.",
         TOOLSET, GetPolicy, UseCaseCall("client_query", (f"GET {BASE}/pagination",)), RECORD),
    write("create_time_off_policy", "Create a time-off policy",
          "Create a time-off policy; only policy_data.name is required.",
          TOOLSET, CreatePolicy,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="policy_data",
                       body_defaults={"requiresApproval": False, "paid": True, "employees": []}),
          output=RECORD),
    replace(delete("update_time_off_policy", "Update a time-off policy",
           "Change the given fields of a policy. Warning: Gauzy replaces the policy, so it gets a new id and its "
           "time-off requests are deleted.",
           TOOLSET, UpdatePolicy, UseCaseCall("replace_time_off_policy", REPLACE_ROUTES)), output_model=RECORD),
    delete("delete_time_off_policy", "Delete a time-off policy",
           "Delete a time-off policy permanently, with the requests filed under it.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    replace(delete("assign_employees_to_time_off_policy", "Add employees to a time-off policy",
           "Add employees to a policy, keeping the current ones. Warning: Gauzy replaces the policy, so it gets a "
           "new id and its requests are deleted.",
           TOOLSET, AssignEmployees, UseCaseCall("assign_time_off_policy_employees", REPLACE_ROUTES)),
            output_model=RECORD),
    read("get_time_off_balance", "Time off taken by an employee",
         "Days of time off an employee had approved, pending and denied in a year, per policy: days taken, not left "
         "(Gauzy policies have no allowance).",
         TOOLSET, Balance, UseCaseCall("time_off_balance", (REQUESTS,))),
    read("get_my_time_off_balance", "My time off taken",
         "Days of time off the signed-in employee had approved, pending and denied in a year, per policy (days "
         "taken, not left).",
         TOOLSET, MyBalance, UseCaseCall("my_time_off_balance", (REQUESTS,))),
    read("get_time_off_statistics", "Time-off statistics",
         "Requests and days off in a date range (default: all time), grouped as asked.",
         TOOLSET, Statistics, UseCaseCall("time_off_statistics", (REQUESTS,))),
)
