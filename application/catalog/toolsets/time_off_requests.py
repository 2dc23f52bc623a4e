"""Time-off requests (`/api/time-off-request`; the reference called `/api/time-off-requests`,
which does not exist). Approving and denying have routes of their own; Gauzy has no
"cancelled" status, so cancelling archives the request. Lists and counts are filtered by the
`time_off_requests` use cases: Gauzy's pagination route fails on current versions (see there)."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import ConfigDict, Field, field_serializer

from application.catalog.enums_teamwork import TimeOffStatus
from application.catalog.fields import IdInput, IsoDate, IsoEndDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.fields_teamwork import Hidden
from application.catalog.model import ResourceCall, Tenancy, UseCaseCall
from application.catalog.outputs import CountOutput, PageOutput
from application.catalog.rows import RECORD, delete, read, write

TOOLSET = "time-off"
BASE = "/api/time-off-request"
LISTED = (f"GET {BASE}",)  # the route the listing use cases read


def _now() -> str:
    return datetime.now(UTC).isoformat()


class RequestFilters(ToolInput):
    status: TimeOffStatus | None = None
    startDate: IsoDate | None = Field(None, description="Only requests overlapping this range (with endDate).")  # noqa: N815
    endDate: IsoEndDate | None = None  # noqa: N815
    policyName: str | None = Field(None, description="Part of the policy's name.")  # noqa: N815
    employeeName: str | None = Field(None, description="Part of the employee's first or last name.")  # noqa: N815
    includeArchived: bool = Field(  # noqa: N815
        False, description="List the archived (cancelled) requests instead."
    )


class GetRequests(PageInput, RelationsInput, RequestFilters):
    employeeId: Uuid | None = None  # noqa: N815
    search: str | None = Field(None, description="Text to find in the request's description.")


class CountRequests(RequestFilters):
    employeeId: Uuid | None = None  # noqa: N815


class MyRequests(PageInput, RelationsInput, RequestFilters):
    employeeId: Hidden = None  # noqa: N815 - the caller's own employee


class PendingRequests(PageInput, RelationsInput):
    employeeId: Uuid | None = None  # noqa: N815
    policyName: str | None = Field(None, description="Part of the policy's name.")  # noqa: N815
    startDate: IsoDate | None = Field(None, description="Only requests overlapping this range (with endDate).")  # noqa: N815
    endDate: IsoEndDate | None = None  # noqa: N815
    status: Hidden = None
    includeArchived: Hidden = None  # noqa: N815


class RequestChanges(ToolInput):
    """A time-off request in the tool's words; serialised under Gauzy's names (start, end,
    employees) so it can be sent as the request body as it is."""

    model_config = ConfigDict(serialize_by_alias=True)
    startDate: IsoDate | None = Field(None, serialization_alias="start", description="First day off.")  # noqa: N815
    endDate: IsoDate | None = Field(None, serialization_alias="end", description="Last day off.")  # noqa: N815
    employeeId: Uuid | None = Field(None, serialization_alias="employees")  # noqa: N815
    policyId: Uuid | None = Field(None, description="See get_time_off_policies.")  # noqa: N815
    description: str | None = None
    status: TimeOffStatus | None = None
    isHoliday: bool | None = Field(None, description="A public holiday rather than a personal request.")  # noqa: N815
    documentUrl: str | None = None  # noqa: N815

    @field_serializer("employeeId")
    def _as_employees(self, employee_id: str | None) -> list[dict[str, str]] | None:
        return None if employee_id is None else [{"id": employee_id}]


class NewRequest(RequestChanges):
    startDate: IsoDate = Field(serialization_alias="start", description="First day off.")  # noqa: N815
    endDate: IsoDate = Field(serialization_alias="end", description="Last day off.")  # noqa: N815
    employeeId: Uuid = Field(serialization_alias="employees")  # noqa: N815
    policyId: Uuid = Field(description="See get_time_off_policies.")  # noqa: N815
    requestDate: IsoDate = Field(default_factory=_now, description="When it was asked for; defaults to now.")  # noqa: N815


class CreateRequest(ToolInput):
    request_data: NewRequest


class UpdateRequest(IdInput):
    request_data: RequestChanges


class GetRequest(IdInput):
    pass


TOOLS = (
    read("get_time_off_requests", "List time-off requests",
         "Time-off requests, newest first, with policy and employees.",
         TOOLSET, GetRequests, UseCaseCall("time_off_requests", LISTED), PageOutput),
    read("get_time_off_request_count", "Count time-off requests",
         "Count time-off requests; filters as get_time_off_requests.",
         TOOLSET, CountRequests, UseCaseCall("time_off_request_count", LISTED), CountOutput),
    read("get_time_off_request", "Get a time-off request",
         "One time-off request by id: dates, status, policy id and description.",
         TOOLSET, GetRequest, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_time_off_request", "Request time off",
          "Request time off for an employee under a policy, from startDate to endDate.",
          TOOLSET, CreateRequest,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="request_data",
                       body_defaults={"status": "REQUESTED"}),
          output=RECORD),
    write("update_time_off_request", "Update a time-off request",
          "Change the given fields of a time-off request.",
          TOOLSET, UpdateRequest,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="request_data"),
          idempotent=True, output=RECORD),
    delete("delete_time_off_request", "Delete a time-off request",
           "Delete a time-off request permanently; cancel_time_off_request keeps a record.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    write("approve_time_off_request", "Approve a time-off request",
          "Approve a pending time-off request (needs an admin role in Gauzy).",
          TOOLSET, IdInput, ResourceCall("PUT", f"{BASE}/approval/{{id}}"), idempotent=True, output=RECORD),
    write("deny_time_off_request", "Deny a time-off request",
          "Deny a pending time-off request (needs an admin role in Gauzy).",
          TOOLSET, IdInput, ResourceCall("PUT", f"{BASE}/denied/{{id}}"), idempotent=True, output=RECORD),
    write("cancel_time_off_request", "Cancel a time-off request",
          "Withdraw a time-off request. Gauzy has no cancelled status, so it is archived, keeps its status and is "
          "listed only with includeArchived=true.",
          TOOLSET, IdInput,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_defaults={"isArchived": True}),
          idempotent=True, output=RECORD),
    read("get_my_time_off_requests", "My time-off requests",
         "The signed-in employee's own time-off requests.",
         TOOLSET, MyRequests, UseCaseCall("my_time_off_requests", LISTED), PageOutput),
    read("get_pending_time_off_requests", "Pending time-off requests",
         "Time-off requests awaiting a decision (REQUESTED). Use before approving.",
         TOOLSET, PendingRequests, UseCaseCall("pending_time_off_requests", LISTED), PageOutput),
)
