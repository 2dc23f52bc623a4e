"""Organization teams with their members, and sprints (`/api/organization-team`,
`/api/organization-sprint`): beyond the reference, which cannot list a team."""

from __future__ import annotations

from pydantic import Field

from application.catalog.fields import ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs_time import SprintsOutput, TeamRow, TeamsOutput
from application.catalog.rows import read, write
from domain.gauzy import QueryStyle

TOOLSET = "teams"
TEAMS = "/api/organization-team"
MEMBER_RELATIONS = ["members", "members.employee", "members.employee.user"]
LIST_TEAMS = ResourceCall("GET", TEAMS, Shape.PAGE, Tenancy.WHERE, where={"teamId": "id"}, paging=None,
                          defaults={"relations": MEMBER_RELATIONS})
UPDATE_TEAM = ResourceCall("PUT", f"{TEAMS}/{{id}}", tenancy=Tenancy.BODY, body_from="team")
LIST_SPRINTS = ResourceCall("GET", "/api/organization-sprint", Shape.PAGE, Tenancy.DATA, paging=None,
                            query={"projectId": "findInput.projectId"}, query_style=QueryStyle.DATA_JSON,
                            defaults={"relations": ["project"]})


class GetTeams(ToolInput):
    pass


class TeamMembers(ToolInput):
    teamId: Uuid  # noqa: N815
    employeeIds: list[Uuid] = Field(min_length=1, max_length=100)  # noqa: N815


class GetSprints(ToolInput):
    projectId: Uuid | None = Field(None, description="Only this project's sprints.")  # noqa: N815


MEMBERSHIP = (LIST_TEAMS.route, UPDATE_TEAM.route)

TOOLS = (
    read("get_teams", "List teams with members",
         "The organization's teams with their members. Use to find a team's id or who is in it.",
         TOOLSET, GetTeams, UseCaseCall("list_teams", (LIST_TEAMS.route,)), TeamsOutput),
    write("add_team_members", "Add team members",
          "Add employees to a team, keeping its members and managers.",
          TOOLSET, TeamMembers, UseCaseCall("add_team_members", MEMBERSHIP), idempotent=True, output=TeamRow),
    write("remove_team_members", "Remove team members",
          "Remove employees from a team, keeping the others.",
          TOOLSET, TeamMembers, UseCaseCall("remove_team_members", MEMBERSHIP), idempotent=True, output=TeamRow),
    read("get_sprints", "List sprints",
         "Sprints in date order, with the one running now (`current`) and the latest finished (`last`): use their "
         "startDate/endDate for 'the last sprint'.",
         TOOLSET, GetSprints, UseCaseCall("list_sprints", (LIST_SPRINTS.route,)), SprintsOutput),
)
