"""Output models of the time-tracking, team and billing tools: names beside ids, durations in
seconds and in hours, a per-item outcome for writes that touch several records."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AffectedOutput(BaseModel):
    """TypeORM's answer to a delete or update of several rows."""

    model_config = ConfigDict(extra="allow")
    affected: int | None = Field(None, description="Rows changed.")


class TimeLogRow(BaseModel):
    id: str
    employeeId: str | None = None  # noqa: N815
    employeeName: str | None = None  # noqa: N815
    projectId: str | None = None  # noqa: N815
    projectName: str | None = None  # noqa: N815
    taskId: str | None = None  # noqa: N815
    taskTitle: str | None = None  # noqa: N815
    teamId: str | None = None  # noqa: N815
    startedAt: str | None = None  # noqa: N815
    stoppedAt: str | None = None  # noqa: N815
    seconds: int
    hours: float
    logType: str | None = None  # noqa: N815
    source: str | None = None
    isRunning: bool = False  # noqa: N815
    isBillable: bool | None = None  # noqa: N815
    description: str | None = None
    timesheetId: str | None = None  # noqa: N815


class TimeLogsOutput(BaseModel):
    items: list[TimeLogRow]
    total: int
    totalSeconds: int  # noqa: N815
    totalHours: float  # noqa: N815


class ReportRow(BaseModel):
    """One group of a report; only the keys it is grouped by are set."""

    date: str | None = Field(None, description="YYYY-MM-DD (UTC) of the logs' start.")
    employeeId: str | None = None  # noqa: N815
    employeeName: str | None = None  # noqa: N815
    projectId: str | None = None  # noqa: N815
    projectName: str | None = None  # noqa: N815
    taskId: str | None = None  # noqa: N815
    taskTitle: str | None = None  # noqa: N815
    seconds: int
    hours: float
    logs: int = Field(description="Time logs in the group.")
    days: dict[str, float] | None = Field(None, description="Hours per day (weekly report).")


class TimeReportOutput(BaseModel):
    startDate: str  # noqa: N815
    endDate: str  # noqa: N815
    groupedBy: list[str]  # noqa: N815
    rows: list[ReportRow]
    totalSeconds: int  # noqa: N815
    totalHours: float  # noqa: N815


class TeamMember(BaseModel):
    employeeId: str  # noqa: N815
    name: str | None = None
    isManager: bool = False  # noqa: N815


class TeamRow(BaseModel):
    id: str
    name: str | None = None
    members: list[TeamMember]


class TeamsOutput(BaseModel):
    items: list[TeamRow]
    total: int


class SprintRow(BaseModel):
    id: str
    name: str | None = None
    projectId: str | None = None  # noqa: N815
    projectName: str | None = None  # noqa: N815
    startDate: str | None = None  # noqa: N815
    endDate: str | None = None  # noqa: N815
    status: str | None = None


class SprintsOutput(BaseModel):
    items: list[SprintRow]
    total: int
    current: SprintRow | None = Field(None, description="The sprint running now, if any.")
    last: SprintRow | None = Field(None, description="The latest sprint that has ended.")


class ActiveTimer(BaseModel):
    employeeId: str | None = None  # noqa: N815
    employeeName: str | None = None  # noqa: N815
    since: str | None = None
    minutes: int
    projectId: str | None = None  # noqa: N815
    projectName: str | None = None  # noqa: N815
    taskId: str | None = None  # noqa: N815
    taskTitle: str | None = None  # noqa: N815
    description: str | None = None


class ActiveTimersOutput(BaseModel):
    items: list[ActiveTimer]
    total: int


class LeaveSpan(BaseModel):
    start: str | None = None
    end: str | None = None
    status: str | None = Field(None, description="APPROVED or REQUESTED.")


class MemberAvailability(TeamMember):
    loggedSeconds: int  # noqa: N815
    loggedHours: float  # noqa: N815
    leave: list[LeaveSpan]
    status: str = Field(description="'working', 'on leave' or 'no time logged'.")


class TeamAvailabilityOutput(BaseModel):
    teamId: str  # noqa: N815
    teamName: str | None = None  # noqa: N815
    startDate: str  # noqa: N815
    endDate: str  # noqa: N815
    members: list[MemberAvailability]


class TaskProgress(BaseModel):
    id: str
    title: str | None = None
    status: str | None = None
    estimateHours: float  # noqa: N815
    loggedHours: float  # noqa: N815


class ProjectProgressOutput(BaseModel):
    projectId: str  # noqa: N815
    projectName: str | None = None  # noqa: N815
    startDate: str  # noqa: N815
    endDate: str  # noqa: N815
    tasksTotal: int  # noqa: N815
    tasksByStatus: dict[str, int]  # noqa: N815
    estimateSeconds: int  # noqa: N815
    estimateHours: float  # noqa: N815
    loggedSeconds: int  # noqa: N815
    loggedHours: float  # noqa: N815
    percentOfEstimate: float | None = None  # noqa: N815
    tasks: list[TaskProgress]


class InvoiceLine(BaseModel):
    description: str
    employeeId: str | None = None  # noqa: N815
    employeeName: str | None = None  # noqa: N815
    taskId: str | None = None  # noqa: N815
    hours: float
    rate: float
    amount: float


class ProjectInvoiceOutcome(BaseModel):
    projectId: str  # noqa: N815
    projectName: str | None = None  # noqa: N815
    outcome: str = Field(description="'drafted', 'skipped' or 'failed'.")
    reason: str | None = None
    invoiceId: str | None = None  # noqa: N815
    invoiceNumber: int | None = None  # noqa: N815
    clientId: str | None = None  # noqa: N815
    currency: str | None = None
    total: float | None = None
    hours: float | None = None
    lines: list[InvoiceLine] = Field(default_factory=list)


class DraftInvoicesOutput(BaseModel):
    drafted: int
    skipped: int
    failed: int
    projects: list[ProjectInvoiceOutcome]
