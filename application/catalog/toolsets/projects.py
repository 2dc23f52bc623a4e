"""Projects (`/api/organization-projects`; the reference called `/api/organization-project`)."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.enums import Currency, ProjectBilling, ProjectBudgetType, ProjectOwner
from application.catalog.fields import DateRangeInput, IdInput, IsoDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import BulkCall, ContextValue, ResourceCall, Shape, Tenancy
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "projects"
BASE = "/api/organization-projects"


class ProjectData(ToolInput):
    """Fields of CreateOrganizationProjectDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    code: str | None = None
    description: str | None = None
    billing: ProjectBilling | None = None
    currency: Currency | None = None
    owner: ProjectOwner | None = None
    budget: float | None = Field(None, ge=0)
    budgetType: ProjectBudgetType | None = None  # noqa: N815
    public: bool | None = None
    billable: bool | None = None
    startDate: IsoDate | None = None  # noqa: N815
    endDate: IsoDate | None = None  # noqa: N815
    memberIds: list[Uuid] | None = None  # noqa: N815
    managerIds: list[Uuid] | None = None  # noqa: N815


class NewProjectData(ProjectData):
    name: str = Field(min_length=1)


class ProjectFilters(ToolInput):
    name: str | None = None
    code: str | None = None
    public: bool | None = None
    billing: ProjectBilling | None = None
    currency: Currency | None = None


class GetProjects(PageInput, RelationsInput, ProjectFilters):
    usePaginationEndpoint: bool | None = Field(  # noqa: N815
        None, description="Ignored; results are always paginated."
    )


class CountProjects(ToolInput):
    public: bool | None = None
    billing: ProjectBilling | None = None


class ProjectsByEmployee(PageInput):
    employeeId: Uuid  # noqa: N815
    public: bool | None = None


class MyProjects(PageInput):
    public: bool | None = None


class GetProject(IdInput, RelationsInput):
    pass


class CreateProject(ToolInput):
    project_data: NewProjectData


class UpdateProject(IdInput):
    project_data: ProjectData


class ProjectUpdate(IdInput):
    data: ProjectData


class BulkCreateProjects(ToolInput):
    projects: list[NewProjectData] = Field(min_length=1, max_length=100)


class BulkUpdateProjects(ToolInput):
    updates: list[ProjectUpdate] = Field(min_length=1, max_length=100)


class BulkDeleteProjects(ToolInput):
    ids: list[Uuid] = Field(min_length=1, max_length=100)


class ProjectStatistics(DateRangeInput):
    projectId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815


class ProjectMember(ToolInput):
    projectId: Uuid  # noqa: N815
    employeeId: Uuid  # noqa: N815


LIST = ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where=same(*ProjectFilters.model_fields))
BY_EMPLOYEE = ResourceCall("GET", f"{BASE}/employee/{{employeeId}}", Shape.PAGE, Tenancy.QUERY,
                           query=same("public"), paging=None)
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="project_data")
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="data")
DELETE = ResourceCall("DELETE", f"{BASE}/{{id}}", tenancy=Tenancy.QUERY)
ASSIGN = ResourceCall("PUT", f"{BASE}/employee", tenancy=Tenancy.BODY,
                      body={"projectId": "addedProjectIds[]", "employeeId": "member.id"},
                      body_defaults={"removedProjectIds": []})
UNASSIGN = ResourceCall("PUT", f"{BASE}/employee", tenancy=Tenancy.BODY,
                        body={"projectId": "removedProjectIds[]", "employeeId": "member.id"},
                        body_defaults={"addedProjectIds": []})

TOOLS = (
    read("get_projects", "List projects",
         "The organization's projects, newest first. Use to find a project's id.",
         TOOLSET, GetProjects, LIST),
    read("get_project_count", "Count projects",
         "Count the organization's projects, optionally filtered.",
         TOOLSET, CountProjects,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY, query=same("public", "billing"))),
    read("get_projects_by_employee", "Projects of an employee",
         "The projects an employee is a member of.",
         TOOLSET, ProjectsByEmployee, BY_EMPLOYEE),
    read("get_my_projects", "My projects",
         "The projects the signed-in user's employee is a member of.",
         TOOLSET, MyProjects,
         ResourceCall("GET", f"{BASE}/employee/{{employeeId}}", Shape.PAGE, Tenancy.QUERY, query=same("public"),
                      defaults={"employeeId": ContextValue.EMPLOYEE_ID}, paging=None)),
    read("get_project", "Get a project",
         "One project by id; relations e.g. 'members', 'tags'.",
         TOOLSET, GetProject, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_project", "Create a project",
          "Create a project; only project_data.name is required.",
          TOOLSET, CreateProject, CREATE, output=RECORD),
    write("update_project", "Update a project",
          "Change the given fields of a project.",
          TOOLSET, UpdateProject,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="project_data"),
          idempotent=True),
    delete("delete_project", "Delete a project",
           "Delete a project permanently; its tasks stay, without the project link.",
           TOOLSET, IdInput, DELETE),
    write("bulk_create_projects", "Create several projects",
          "Create up to 100 projects one by one, reporting progress.",
          TOOLSET, BulkCreateProjects, BulkCall(CREATE, "projects", item_as="project_data")),
    write("bulk_update_projects", "Update several projects",
          "Update up to 100 projects one by one, reporting progress.",
          TOOLSET, BulkUpdateProjects, BulkCall(UPDATE, "updates"), idempotent=True),
    delete("bulk_delete_projects", "Delete several projects",
           "Delete up to 100 projects by id one by one.",
           TOOLSET, BulkDeleteProjects, BulkCall(DELETE, "ids")),
    read("get_project_statistics", "Project time statistics",
         "Time tracked per project in a date range. Gauzy returns only the 5 projects with the most time; for "
         "another project pass its projectId.",
         TOOLSET, ProjectStatistics,
         ResourceCall("GET", "/api/timesheet/statistics/projects", Shape.RAW, Tenancy.QUERY,
                      query={"projectId": "projectIds[]", "employeeId": "employeeIds[]",
                             "startDate": "startDate", "endDate": "endDate"})),
    write("assign_project_to_employee", "Add an employee to a project",
          "Make an employee a member of a project. Returns true when done.",
          TOOLSET, ProjectMember, ASSIGN, idempotent=True),
    write("unassign_project_from_employee", "Remove an employee from a project",
          "Remove an employee from a project's members. Returns true when done.",
          TOOLSET, ProjectMember, UNASSIGN, idempotent=True),
)
