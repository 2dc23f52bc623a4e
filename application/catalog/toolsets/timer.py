"""The signed-in employee's timer (`/api/timesheet/timer`)."""

from __future__ import annotations

from pydantic import Field

from application.catalog.enums import TimeLogSource, TimeLogType
from application.catalog.fields import ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy
from application.catalog.rows import read, same, write

TOOLSET = "timer"
BASE = "/api/timesheet/timer"


class TimerStatus(ToolInput):
    pass


class StartTimer(ToolInput):
    projectId: Uuid | None = None  # noqa: N815
    taskId: Uuid | None = None  # noqa: N815
    organizationContactId: Uuid | None = None  # noqa: N815
    organizationTeamId: Uuid | None = None  # noqa: N815
    description: str | None = None
    logType: TimeLogType = "TRACKED"  # noqa: N815
    source: TimeLogSource = "BROWSER"
    isBillable: bool = True  # noqa: N815
    tags: list[Uuid] | None = Field(None, description="Tag ids.")
    manualTimeSlot: bool | None = None  # noqa: N815


class StopTimer(ToolInput):
    description: str | None = None
    source: TimeLogSource = "BROWSER"
    manualTimeSlot: bool | None = None  # noqa: N815


START_FIELDS = same(*(name for name in StartTimer.model_fields if name != "tags"))

TOOLS = (
    read("timer_status", "Timer status",
         "Whether the signed-in employee's timer runs, since when, on what, and today's total.",
         TOOLSET, TimerStatus, ResourceCall("GET", f"{BASE}/status", Shape.OBJECT, Tenancy.QUERY, paging=None)),
    write("start_timer", "Start my timer",
          "Start the signed-in employee's timer, optionally on a project and task; a running one is stopped first.",
          TOOLSET, StartTimer, ResourceCall("POST", f"{BASE}/start", tenancy=Tenancy.BODY, body=START_FIELDS)),
    write("stop_timer", "Stop my timer",
          "Stop the signed-in employee's running timer, if one runs.",
          TOOLSET, StopTimer,
          ResourceCall("POST", f"{BASE}/stop", tenancy=Tenancy.BODY,
                       body=same("description", "source", "manualTimeSlot"),
                       body_defaults={"logType": "TRACKED"})),
)
