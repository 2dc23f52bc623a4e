"""Skills (`/api/skills`, Gauzy's generic CRUD controller).

An employee's skills are a relation of the employee, changed through `PUT /api/employee/:id`
(the reference's `/skills/{id}/employees` routes do not exist), and read through the skills
list filtered by employee. No route searches skill names, so a use case does.
"""

from __future__ import annotations

from pydantic import Field

from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import BulkCall, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.rows import RECORD, delete, read, write

TOOLSET = "skills"
BASE = "/api/skills"
EMPLOYEE_ROUTES = ("GET /api/employee/:id", "PUT /api/employee/:id")


class GetSkills(PageInput, RelationsInput):
    search: str | None = Field(None, description="Exact skill name to match (see search_skills for partial).")


class SkillData(ToolInput):
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    color: str | None = Field(None, description="E.g. '#3366ff'; new skills default to grey.")


class NewSkillData(SkillData):
    name: str = Field(min_length=1)


class CreateSkill(ToolInput):
    skill_data: NewSkillData


class UpdateSkill(IdInput):
    skill_data: SkillData


class EmployeeSkill(ToolInput):
    skillId: Uuid  # noqa: N815
    employeeId: Uuid  # noqa: N815


class SkillsOfEmployee(PageInput):
    employeeId: Uuid  # noqa: N815


class SearchSkills(ToolInput):
    query: str = Field(min_length=1, description="Text to find in skill names and descriptions.")
    limit: int = Field(20, ge=1, le=100)


class BulkCreateSkills(ToolInput):
    skills: list[NewSkillData] = Field(min_length=1, max_length=100)


# The skill table's color is NOT NULL without a default; the create body need not carry it.
DEFAULT_COLOR = "#6b7280"
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="skill_data",
                      body_defaults={"color": DEFAULT_COLOR})

TOOLS = (
    read("get_skills", "List skills",
         "The organization's skills (name, description, colour). Use to find a skill's id.",
         TOOLSET, GetSkills,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where={"search": "name"})),
    read("get_skill", "Get a skill", "One skill by id: name, description and colour.",
         TOOLSET, IdInput, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_skill", "Create a skill",
          "Add a skill to the organization; only skill_data.name is required.",
          TOOLSET, CreateSkill, CREATE, output=RECORD),
    write("update_skill", "Update a skill",
          "Change a skill's name, description or colour. Returns {affected}; read it with get_skill.",
          TOOLSET, UpdateSkill, ResourceCall("PUT", f"{BASE}/{{id}}", body_from="skill_data"), idempotent=True),
    delete("delete_skill", "Delete a skill", "Delete a skill permanently; employees lose it too.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    write("assign_skill_to_employee", "Give an employee a skill",
          "Add a skill to an employee's skills. Returns the employee's skills.",
          TOOLSET, EmployeeSkill, UseCaseCall("assign_skill", EMPLOYEE_ROUTES), idempotent=True),
    write("remove_skill_from_employee", "Take a skill from an employee",
          "Remove a skill from an employee. Returns the employee's remaining skills.",
          TOOLSET, EmployeeSkill, UseCaseCall("unassign_skill", EMPLOYEE_ROUTES), idempotent=True),
    read("get_skills_by_employee", "Skills of an employee",
         "The skills an employee has.",
         TOOLSET, SkillsOfEmployee,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"employeeId": "employees.id"})),
    read("search_skills", "Search skills",
         "The organization's skills whose name or description contains the query (any case).",
         TOOLSET, SearchSkills, UseCaseCall("search_skills", (f"GET {BASE}/pagination",)), PageOutput),
    write("bulk_create_skills", "Create several skills",
          "Create up to 100 skills one by one, reporting progress.",
          TOOLSET, BulkCreateSkills, BulkCall(CREATE, "skills", item_as="skill_data")),
)
