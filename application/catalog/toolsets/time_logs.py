"""Time logs and timesheets (`/api/timesheet/time-log`, `/api/timesheet`): beyond the reference,
which has no tool for either."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import Field

from application.catalog.enums import TimeLogSource, TimeLogType
from application.catalog.enums_time import TimesheetDecision, TimesheetStatus
from application.catalog.fields import DateRangeInput, IdInput, IsoDate, IsoEndDate, ToolInput, Uuid
from application.catalog.model import ContextValue, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.outputs_time import AffectedOutput, TimeLogsOutput
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "time-logs"
LOGS = "/api/timesheet/time-log"
SHEETS = "/api/timesheet"
Ids = list[Uuid]
# UpdateManualTimeLogDTO requires these even to change one field.
REQUIRED_ON_UPDATE = ("startedAt", "stoppedAt", "employeeId")
LOG_RELATIONS = ["employee", "employee.user", "project", "task"]


class LogSelection(ToolInput):
    """Which time logs: Gauzy's TimeLogQueryDTO selectors. Dates bound `startedAt`."""

    startDate: IsoDate  # noqa: N815
    endDate: IsoEndDate  # noqa: N815
    employeeIds: Ids | None = Field(None, max_length=200)  # noqa: N815
    teamIds: Ids | None = Field(None, max_length=50, description="Logs tracked for these teams.")  # noqa: N815
    projectIds: Ids | None = Field(None, max_length=200)  # noqa: N815
    taskIds: Ids | None = Field(None, max_length=200)  # noqa: N815


class GetTimeLogs(LogSelection):
    source: list[TimeLogSource] | None = Field(None, description="Where the time was tracked.")
    logType: list[TimeLogType] | None = Field(None, description="TRACKED or MANUAL (or IDLE, RESUMED).")  # noqa: N815


class TimeLogData(ToolInput):
    employeeId: Uuid | None = Field(None, description="Whose time; defaults to the signed-in employee.")  # noqa: N815
    startedAt: IsoDate | None = None  # noqa: N815
    stoppedAt: IsoDate | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    taskId: Uuid | None = None  # noqa: N815
    organizationTeamId: Uuid | None = None  # noqa: N815
    organizationContactId: Uuid | None = None  # noqa: N815
    description: str | None = Field(None, max_length=2000)
    reason: str | None = Field(None, max_length=500, description="Why the time is entered by hand.")
    isBillable: bool | None = None  # noqa: N815


class AddManualTime(TimeLogData):
    startedAt: IsoDate  # noqa: N815
    stoppedAt: IsoDate  # noqa: N815
    isBillable: bool = True  # noqa: N815


class UpdateTimeLog(IdInput, TimeLogData):
    pass


class DeleteTimeLogs(ToolInput):
    ids: Ids = Field(min_length=1, max_length=100)
    forceDelete: bool = Field(False, description="Erase for good instead of the usual soft delete.")  # noqa: N815


class GetTimesheets(DateRangeInput):
    startDate: IsoDate = Field(description="Timesheets whose week starts at or after this.")  # noqa: N815
    endDate: IsoEndDate = Field(description="...and at or before this.")  # noqa: N815
    status: list[TimesheetStatus] | None = None
    employeeIds: Ids | None = Field(None, max_length=200)  # noqa: N815


class SubmitTimesheets(ToolInput):
    ids: Ids = Field(min_length=1, max_length=100)
    action: Literal["submit", "unsubmit"] = "submit"


class ReviewTimesheets(ToolInput):
    ids: Ids = Field(min_length=1, max_length=100)
    decision: TimesheetDecision


LOG_FIELDS = (*REQUIRED_ON_UPDATE, "projectId", "taskId", "organizationTeamId", "organizationContactId",
              "description", "reason", "isBillable")
LIST_LOGS = ResourceCall("GET", LOGS, Shape.PAGE, Tenancy.QUERY, paging=None,
                         query=same("startDate", "endDate", "employeeIds", "teamIds", "projectIds", "taskIds",
                                    "source", "logType"),
                         defaults={"relations": LOG_RELATIONS})
ADD = ResourceCall("POST", LOGS, tenancy=Tenancy.BODY, body=same(*LOG_FIELDS),
                   body_defaults={"logType": "MANUAL", "source": "BROWSER"},  # what Gauzy forces anyway
                   defaults={"employeeId": ContextValue.EMPLOYEE_ID})
UPDATE = ResourceCall("PUT", f"{LOGS}/{{id}}", tenancy=Tenancy.BODY, body=same(*LOG_FIELDS),
                      merge_current=REQUIRED_ON_UPDATE)
STATUS_CHANGE = {"ids": "ids"}

TOOLS = (
    read("get_time_logs", "List time logs",
         "Time logs started in a date range, with employee, project and task names, durations in seconds and hours, "
         "and totals.",
         TOOLSET, GetTimeLogs, UseCaseCall("list_time_logs", (LIST_LOGS.route,)), TimeLogsOutput),
    read("get_time_log", "Get a time log", "One time log by id, with its employee, project and task.",
         TOOLSET, IdInput, ResourceCall("GET", f"{LOGS}/{{id}}", defaults={"relations": LOG_RELATIONS}), RECORD),
    write("add_manual_time", "Add manual time",
          "Log time by hand (a MANUAL log) from startedAt to stoppedAt. Gauzy files it under that week's timesheet.",
          TOOLSET, AddManualTime, ADD, output=RECORD),
    write("update_time_log", "Update a time log",
          "Change the given fields of a time log; the duration is recomputed.",
          TOOLSET, UpdateTimeLog, UPDATE, idempotent=True, output=RECORD),
    replace(delete("delete_time_logs", "Delete time logs",
                   "Delete up to 100 time logs by id in one call (soft delete unless forceDelete).",
                   TOOLSET, DeleteTimeLogs,
                   ResourceCall("DELETE", LOGS, tenancy=Tenancy.QUERY,
                                query={"ids": "logIds", "forceDelete": "forceDelete"})),
            output_model=AffectedOutput),
    read("get_timesheets", "List timesheets",
         "Weekly timesheets whose week starts in a date range, with the employee. Use to find timesheets to "
         "approve.",
         TOOLSET, GetTimesheets,
         ResourceCall("GET", SHEETS, Shape.PAGE, Tenancy.QUERY, paging=None,
                      query=same("startDate", "endDate", "status", "employeeIds"),
                      defaults={"relations": ["employee", "employee.user"]})),
    write("submit_timesheets", "Submit timesheets",
          "Submit up to 100 timesheets for approval, or take them back (action 'unsubmit').",
          TOOLSET, SubmitTimesheets,
          ResourceCall("PUT", f"{SHEETS}/submit", Shape.PAGE, Tenancy.BODY,
                       body={**STATUS_CHANGE, "action": "status"}),
          idempotent=True, output=PageOutput),
    write("review_timesheets", "Approve or deny timesheets",
          "Approve or deny up to 100 timesheets at once.",
          TOOLSET, ReviewTimesheets,
          ResourceCall("PUT", f"{SHEETS}/status", Shape.PAGE, Tenancy.BODY,
                       body={**STATUS_CHANGE, "decision": "status"}),
          idempotent=True, output=PageOutput),
)
