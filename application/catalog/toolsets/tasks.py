"""Tasks (`/api/tasks`)."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.enums import TaskPriority, TaskSize, TaskStatus, TaskType
from application.catalog.fields import DateRangeInput, IdInput, IsoDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import BulkCall, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "tasks"
BASE = "/api/tasks"
# UpdateTaskDTO extends CreateTaskDTO, so a PUT must carry title and status even to change one field.
REQUIRED_ON_UPDATE = ("title", "status")


class TaskData(ToolInput):
    """Fields of CreateTaskDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    title: str | None = Field(None, min_length=1)
    description: str | None = None
    status: TaskStatus | None = Field(None, description="New tasks default to 'open'.")
    priority: TaskPriority | None = None
    size: TaskSize | None = None
    issueType: TaskType | None = None  # noqa: N815
    estimate: int | None = Field(None, ge=0, description="Estimate in seconds.")
    dueDate: IsoDate | None = None  # noqa: N815
    startDate: IsoDate | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    parentId: Uuid | None = None  # noqa: N815
    public: bool | None = None
    members: list[dict[str, str]] | None = Field(None, description="Assignees as [{'id': employeeId}].")


class NewTaskData(TaskData):
    title: str = Field(min_length=1)


class TaskFilters(ToolInput):
    projectId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = Field(None, description="Only tasks assigned to this employee.")  # noqa: N815
    status: TaskStatus | None = None
    priority: TaskPriority | None = None


class GetTasks(PageInput, RelationsInput, TaskFilters):
    size: TaskSize | None = None
    issueType: TaskType | None = None  # noqa: N815
    search: str | None = Field(None, description="Exact task title to match.")


class CountTasks(ToolInput):
    projectId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815
    status: TaskStatus | None = None


class TasksPage(PageInput, RelationsInput, TaskFilters):
    pass


class TasksByEmployee(PageInput):
    employeeId: Uuid  # noqa: N815
    status: TaskStatus | None = None
    priority: TaskPriority | None = None


class MyTasks(PageInput):
    status: TaskStatus | None = None
    priority: TaskPriority | None = None


class TeamTasks(PageInput):
    teamId: Uuid  # noqa: N815
    status: TaskStatus | None = None


class GetTask(IdInput, RelationsInput):
    pass


class CreateTask(ToolInput):
    task_data: NewTaskData


class UpdateTask(IdInput):
    task_data: TaskData


class TaskUpdate(IdInput):
    data: TaskData


class BulkCreateTasks(ToolInput):
    tasks: list[NewTaskData] = Field(min_length=1, max_length=100)


class BulkUpdateTasks(ToolInput):
    updates: list[TaskUpdate] = Field(min_length=1, max_length=100)


class BulkDeleteTasks(ToolInput):
    ids: list[Uuid] = Field(min_length=1, max_length=100)


class TaskStatistics(DateRangeInput):
    projectId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815


class TaskMember(ToolInput):
    taskId: Uuid  # noqa: N815
    employeeId: Uuid  # noqa: N815


FILTERS = {"projectId": "projectId", "employeeId": "members.id", "status": "status", "priority": "priority"}
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="task_data", body_defaults={"status": "open"})
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="data", merge_current=REQUIRED_ON_UPDATE)
DELETE = ResourceCall("DELETE", f"{BASE}/{{id}}")
PAGE = ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where=FILTERS)

TOOLS = (
    read("get_tasks", "List tasks",
         "The organization's tasks. Use to find a task's id.",
         TOOLSET, GetTasks,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={**FILTERS, **same("size", "issueType"), "search": "title"})),
    read("get_task_count", "Count tasks",
         "Count the organization's tasks, optionally filtered.",
         TOOLSET, CountTasks,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY, query=same("projectId", "status"))),
    read("get_tasks_pagination", "Page through tasks",
         "Page through tasks; like get_tasks without the title match.",
         TOOLSET, TasksPage, PAGE),
    read("get_tasks_by_employee", "Tasks of an employee",
         "The tasks assigned to one employee.",
         TOOLSET, TasksByEmployee,
         ResourceCall("GET", f"{BASE}/employee/{{employeeId}}", Shape.PAGE, Tenancy.WHERE,
                      where=same("status", "priority"), paging=None)),
    read("get_my_tasks", "My tasks",
         "The tasks assigned to the signed-in user.",
         TOOLSET, MyTasks,
         ResourceCall("GET", f"{BASE}/me", Shape.PAGE, Tenancy.WHERE, where=same("status", "priority"))),
    read("get_team_tasks", "Tasks of a team",
         "The tasks of one team, optionally by status.",
         TOOLSET, TeamTasks,
         ResourceCall("GET", f"{BASE}/team", Shape.PAGE, Tenancy.WHERE,
                      where={"teamId": "teams[]", "status": "status"})),
    write("create_task", "Create a task",
          "Create a task; only task_data.title is required. Link a project with projectId.",
          TOOLSET, CreateTask, CREATE, output=RECORD),
    read("get_task", "Get a task",
         "One task by id; relations e.g. 'project', 'members', 'tags'.",
         TOOLSET, GetTask, ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.WHERE), RECORD),
    write("update_task", "Update a task",
          "Change the given fields of a task, e.g. its status, priority or due date.",
          TOOLSET, UpdateTask,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="task_data",
                       merge_current=REQUIRED_ON_UPDATE, answer_stored=True),
          idempotent=True),
    delete("delete_task", "Delete a task", "Delete a task permanently; use update_task to close it instead.",
           TOOLSET, IdInput, DELETE),
    write("bulk_create_tasks", "Create several tasks",
          "Create up to 100 tasks one by one, reporting progress.",
          TOOLSET, BulkCreateTasks, BulkCall(CREATE, "tasks", item_as="task_data")),
    write("bulk_update_tasks", "Update several tasks",
          "Update up to 100 tasks one by one, reporting progress.",
          TOOLSET, BulkUpdateTasks, BulkCall(UPDATE, "updates"), idempotent=True),
    delete("bulk_delete_tasks", "Delete several tasks",
           "Delete up to 100 tasks by id one by one.",
           TOOLSET, BulkDeleteTasks, BulkCall(DELETE, "ids")),
    read("get_task_statistics", "Task time statistics",
         "Time tracked per task in a date range, optionally of a project or employee.",
         TOOLSET, TaskStatistics,
         ResourceCall("POST", "/api/timesheet/statistics/tasks", Shape.RAW, Tenancy.BODY,
                      body={"projectId": "projectIds[]", "employeeId": "employeeIds[]",
                            "startDate": "startDate", "endDate": "endDate"})),
    write("assign_task_to_employee", "Assign a task",
          "Add an employee to a task's assignees, keeping the others.",
          TOOLSET, TaskMember, UseCaseCall("assign_task", ("GET /api/tasks/:id", "PUT /api/tasks/:id")),
          idempotent=True),
    write("unassign_task_from_employee", "Unassign a task",
          "Remove an employee from a task's assignees.",
          TOOLSET, TaskMember, UseCaseCall("unassign_task", ("GET /api/tasks/:id", "PUT /api/tasks/:id")),
          idempotent=True),
)
