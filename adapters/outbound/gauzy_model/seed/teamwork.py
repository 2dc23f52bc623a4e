"""Seed rows every real Gauzy has and no MCP tool can create: an organization team, and the report
catalogue with each organization's report menu.

* Organization team (``organization-team/organization-team.entity.ts``): TenantOrganizationBaseEntity
  columns plus ``name``, ``color``, ``emoji``, ``teamSize``, ``logo``, ``prefix``, ``shareProfileView``
  (default true), ``requirePlanToTrack`` (default false), ``public`` (default false), ``profile_link``,
  ``imageId``; ``members`` are OrganizationTeamEmployee rows (``employeeId``, ``organizationTeamId``,
  ``isManager``, ``isTrackingEnabled``, ``activeTaskId``, ``order``). Gauzy files every daily plan under a
  team (CreateDailyPlanDTO requires ``organizationTeamId``) and the catalogue has no route a tool maps
  to for creating teams, so the double seeds one team per tenant with that tenant's employees.
* Reports (``reports/report.seed.ts`` ``createDefaultReport``): the platform-wide catalogue of four
  categories and eleven reports (BaseEntity rows: no tenant), seeded once per installation, and one
  ReportOrganization row per report and organization (``createDefaultOrganizationsReport``;
  ``ReportOrganizationService.bulkCreateOrganizationReport`` does the same for every new organization),
  enabled.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..store import Store, new_id

TEAM_NAME = "Default Team"
CATEGORIES = (
    ("Time Tracking", "fa-clock"),
    ("Payments", "fa-credit-card"),
    ("Time Off", "fa-stopwatch"),
    ("Invoicing", "fa-file-invoice-dollar"),
)
# (name, slug, category, iconClass, showInMenu, description) as in report.seed.ts
REPORTS = (
    ("Time & Activity", "time-activity", "Time Tracking", "far fa-clock", True,
     "See team members' time worked, activity levels, and amounts earned per project or task"),
    ("Weekly", "weekly", "Time Tracking", "fas fa-calendar-alt", True,
     "See team members' time worked, activity levels, and amount earned per week"),
    ("Apps & URLs", "apps-urls", "Time Tracking", "far fa-window-maximize", False,
     "See team members' apps used and URLs visited while working"),
    ("Manual time edits", "manual-time-edits", "Time Tracking", "far fa-window-maximize", False,
     "See team members' time worked, project, task, and reason for each manual time entry"),
    ("Expense", "expense", "Time Tracking", "far fa-credit-card", False,
     "See how much has been spent on expenses by member and project."),
    ("Amounts owed", "amounts-owed", "Payments", "far fa-credit-card", False,
     "See how much team members are currently owed"),
    ("Payments", "payments", "Payments", "far fa-credit-card", False,
     "See how much team members were paid over a given period"),
    ("Weekly limits", "weekly-limits", "Time Off", "far fa-clock", False, "See team members' weekly limits usage"),
    ("Daily limits", "daily-limits", "Time Off", "far fa-clock", False, "See team members' daily limits usage"),
    ("Project budgets", "project-budgets", "Invoicing", "far fa-credit-card", False,
     "See how much of your projects' budgets have been spent"),
    ("Client budgets", "client-budgets", "Invoicing", "far fa-credit-card", False,
     "See how much of your clients' budgets have been spent"),
)

Organization = tuple[str, str, Sequence[str]]  # (tenant id, organization id, member employee ids)


# Fixed, so that a client of a fresh demo (no tool lists teams) can name the first organization's team.
DEMO_TEAM_ID = "5d1c4c0e-8f0b-4c57-9a43-2a6f0e0d7b11"


def seed_teamwork(store: Store, organizations: Sequence[Organization]) -> tuple[str, ...]:
    """One team per organization (its first employee is the manager) and the report catalogue with
    every organization's menu; returns the team ids in the order of ``organizations``."""
    teams = tuple(_team(store, tenant, org, members, DEMO_TEAM_ID if n == 0 else new_id())
                  for n, (tenant, org, members) in enumerate(organizations))
    _reports(store, [(tenant, org) for tenant, org, _ in organizations])
    return teams


def _team(store: Store, tenant: str, org: str, members: Sequence[str], team_id: str) -> str:
    row = store.insert(
        "OrganizationTeam",
        {
            "id": team_id,
            "tenantId": tenant,
            "organizationId": org,
            "name": TEAM_NAME,
            "color": None,
            "emoji": None,
            "teamSize": None,
            "logo": None,
            "prefix": "DEF",
            "shareProfileView": True,
            "requirePlanToTrack": False,
            "public": False,
            "profile_link": "default-team",
            "imageId": None,
        },
    )
    team_id = str(row["id"])
    links = [
        store.insert(
            "OrganizationTeamEmployee",
            {
                "tenantId": tenant,
                "organizationId": org,
                "organizationTeamId": team_id,
                "employeeId": employee,
                "isManager": index == 0,
                "isTrackingEnabled": True,
                "activeTaskId": None,
                "order": index,
            },
        )
        for index, employee in enumerate(members)
    ]
    store.update("OrganizationTeam", team_id, {"members": links})
    return team_id


def _reports(store: Store, organizations: Sequence[tuple[str, str]]) -> None:
    categories = {
        name: str(store.insert("ReportCategory", {"name": name, "iconClass": icon})["id"]) for name, icon in CATEGORIES
    }
    for name, slug, category, icon, in_menu, description in REPORTS:
        report = store.insert(
            "Report",
            {
                "name": name,
                "slug": slug,
                "description": description,
                "image": None,
                "iconClass": icon,
                "showInMenu": in_menu,
                "categoryId": categories[category],
            },
        )
        for tenant, org in organizations:
            store.insert(
                "ReportOrganization",
                {"tenantId": tenant, "organizationId": org, "reportId": report["id"], "isEnabled": True},
            )
