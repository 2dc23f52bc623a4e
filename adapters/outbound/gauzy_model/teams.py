"""Organization teams with their members, as ``organization-team/organization-team.service.ts`` and
``organization-team-employee.service.ts`` keep them.

* A team's ``members`` are OrganizationTeamEmployee rows (``employeeId``, ``isManager``, ``order``...).
  ``GET /api/organization-team`` (findAll, where-brackets) and ``GET /pagination`` answer
  ``{items, total}``; ``relations[]=members`` shows the member rows, ``members.employee`` each one's
  Employee and ``members.employee.user`` that employee's User.
* ``PUT /api/organization-team/:id`` (UpdateOrganizationTeamDTO, 202): the team's columns from the
  body; when ``memberIds`` or ``managerIds`` is given, the membership becomes exactly those employees
  of the tenant (managers flagged, members no longer listed removed, kept ones keep their row);
  answers the team with its members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors
from .call import Call, Reply, present, relation_names
from .handlers import find_options, list_rows
from .store import paginate

if TYPE_CHECKING:
    from .api import Api

TEAMS = "OrganizationTeam"
LINKS = "OrganizationTeamEmployee"
COLUMNS = ("name", "color", "emoji", "teamSize", "logo", "prefix", "shareProfileView", "requirePlanToTrack",
           "public", "imageId")


def _member_view(call: Call, link: dict[str, Any], relations: list[str]) -> dict[str, Any]:
    view = present(call.store, link)
    if "members.employee" in relations or "members.employee.user" in relations:
        employee = call.store.get("Employee", link.get("employeeId"), call.tenant_id)
        if employee is not None:
            with_user = "members.employee.user" in relations
            view["employee"] = present(call.store, employee, ["user"] if with_user else None)
    return view


def team_view(call: Call, team: dict[str, Any], relations: Any) -> dict[str, Any]:
    wanted = relation_names(relations)
    view = present(call.store, team, [r for r in wanted if not r.startswith("members")])
    if any(r.startswith("members") for r in wanted):
        links = sorted(_links(call, team["id"]), key=lambda link: int(link.get("order") or 0))
        view["members"] = [_member_view(call, link, wanted) for link in links]
    return view


def _links(call: Call, team_id: Any) -> list[dict[str, Any]]:
    return [r for r in call.store.rows(LINKS) if r.get("organizationTeamId") == team_id and not r.get("deletedAt")]


def list_teams(call: Call, api: Api) -> Reply:
    options = find_options(call)
    rows, total = paginate(list_rows(call, TEAMS), options["take"], options["skip"],
                           page=call.route.handler == "pagination")
    return Reply(200, {"items": [team_view(call, row, options["relations"]) for row in rows], "total": total})


def _set_members(call: Call, team: dict[str, Any], members: list[str], managers: list[str]) -> None:
    wanted = list(dict.fromkeys([*managers, *members]))
    for employee_id in wanted:
        if call.store.get("Employee", employee_id, call.tenant_id) is None:
            raise errors.bad_request([f"employee {employee_id} was not found in the tenant"])
    existing = {str(link.get("employeeId")): link for link in _links(call, team["id"])}
    for employee_id, link in existing.items():
        if employee_id not in wanted:
            call.store.delete(LINKS, str(link["id"]))
    for order, employee_id in enumerate(wanted):
        changes = {"isManager": employee_id in managers, "order": order}
        if employee_id in existing:
            call.store.update(LINKS, str(existing[employee_id]["id"]), changes)
            continue
        call.store.insert(LINKS, {
            "tenantId": call.tenant_id, "organizationId": team.get("organizationId"),
            "organizationTeamId": team["id"], "employeeId": employee_id, "isTrackingEnabled": True,
            "activeTaskId": None, "roleId": None, **changes,
        })


def update_team(call: Call, api: Api) -> Reply:
    team = call.store.get(TEAMS, call.params.get("id"), call.tenant_id)
    if team is None:
        raise errors.record_not_found()
    body = call.body_dict()
    call.store.update(TEAMS, str(team["id"]), {key: body[key] for key in COLUMNS if key in body})
    if isinstance(body.get("memberIds"), list) or isinstance(body.get("managerIds"), list):
        managers = [str(e) for e in body.get("managerIds") or []]
        _set_members(call, team, [str(e) for e in body.get("memberIds") or []], managers)
    call.store.update(TEAMS, str(team["id"]), {"members": _links(call, team["id"])})
    updated = call.store.get(TEAMS, team["id"], call.tenant_id) or team
    return Reply(call.route.success_status, team_view(call, updated, ["members", "members.employee"]))


TEAM_ROUTES = {
    "GET /api/organization-team": list_teams,
    "GET /api/organization-team/pagination": list_teams,
    "PUT /api/organization-team/:id": update_team,
}
