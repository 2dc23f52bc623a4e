"""The one seed story of the Gauzy model, for the demo and for the tests; dates relative to "now".

Tenant 1 ("Ever Demo", organization "Ever Technologies LTD", USD): ten employees (see ``people``),
ten projects and fifty tasks, the admin's running timer (``work``), one product type (``inventory``)
and a team with its reports (``teamwork``). Tenant 2 ("Other Tenant"): ``other@tenant.co`` / ``secret``
(ADMIN, employee), one project and one task, so that isolation can be proven.

One module per area. An area that needs only the story's ids is a function ``(store, story) -> None``
listed in ``AREAS``; add a module and a line there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ..store import Store
from . import people, time_tracking, work
from .inventory import seed_inventory
from .teamwork import seed_teamwork

EMPLOYEE_PERMISSIONS = ("ORG_TASK_VIEW", "ORG_TASK_ADD", "ORG_TASK_EDIT", "TIME_TRACKER", "ORG_PROJECT_VIEW")
ADMIN_PERMISSIONS = (*EMPLOYEE_PERMISSIONS, "CHANGE_SELECTED_EMPLOYEE", "ALL_ORG_VIEW", "ALL_ORG_EDIT")
TASKS = 50


@dataclass(frozen=True)
class Account:
    """Login credentials and the role of one seeded user."""

    email: str
    password: str
    user_id: str
    role: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class Seed:
    """Ids of the seeded rows (``double.seed``)."""

    tenant_id: str
    organization_id: str
    admin_user_id: str
    admin_employee_id: str
    employee_user_id: str
    employee_employee_id: str
    project_ids: tuple[str, ...]
    task_ids: tuple[str, ...]
    other_tenant_id: str
    other_organization_id: str
    other_user_id: str
    other_employee_id: str
    other_project_id: str
    other_task_id: str
    accounts: dict[str, Account] = field(default_factory=dict)
    team_ids: tuple[str, ...] = ()  # tenant 1's organization teams (seed/teamwork.py)
    employee_ids: tuple[str, ...] = ()  # all ten of tenant 1, admin first
    now: datetime | None = None  # the moment the story was told at

    @property
    def admin_email(self) -> str:
        """``admin@ever.co``."""
        return "admin@ever.co"

    @property
    def project_id(self) -> str:
        """The first seeded project of tenant 1."""
        return self.project_ids[0]


Area = Callable[[Store, Seed], None]
AREAS: tuple[Area, ...] = ()


def seed(store: Store, now: datetime) -> Seed:
    """Insert the story into ``store`` and return its ids."""
    tenant, org, roles = people.tenant(store, "Ever Demo", "Ever Technologies LTD")
    admin = people.user(store, tenant, org, roles["SUPER_ADMIN"], "Admin", "Ever", "admin@ever.co")
    worker = people.user(store, tenant, org, roles["EMPLOYEE"], "Employee", "Ever", "employee@ever.co")
    admin_emp = people.employee(store, tenant, org, admin, "Admin Ever")
    worker_emp = people.employee(store, tenant, org, worker, "Employee Ever")
    colleagues = people.colleagues(store, tenant, org, roles["EMPLOYEE"])
    employees = (admin_emp, worker_emp, *(c[2] for c in colleagues))
    projects = (
        work.project(store, tenant, org, "Gauzy Platform", [admin_emp, worker_emp]),
        work.project(store, tenant, org, "Ever Teams", [admin_emp]),
        *work.demo_projects(store, tenant, org, employees),
    )
    tasks = (
        work.task(store, tenant, org, projects[0], 1, "Set up the MCP server", "open", [admin_emp]),
        work.task(store, tenant, org, projects[0], 2, "Write the Gauzy adapter", "in-progress",
                  [admin_emp, worker_emp]),
        work.task(store, tenant, org, projects[1], 3, "Review the API contracts", "done", [worker_emp]),
        *work.demo_tasks(store, tenant, org, projects, employees, 4, TASKS - 3),
    )
    work.running_timer(store, tenant, org, admin_emp, projects[0], now)
    other_tenant, other_org, other_roles = people.tenant(store, "Other Tenant", "Other Org Inc")
    other = people.user(store, other_tenant, other_org, other_roles["ADMIN"], "Other", "Person", "other@tenant.co")
    other_emp = people.employee(store, other_tenant, other_org, other, "Other Person")
    other_project = work.project(store, other_tenant, other_org, "Secret Project", [other_emp])
    other_task = work.task(store, other_tenant, other_org, other_project, 1, "Secret task", "open", [other_emp])
    accounts = {
        "admin@ever.co": Account("admin@ever.co", "admin", admin, "SUPER_ADMIN", ADMIN_PERMISSIONS),
        "employee@ever.co": Account("employee@ever.co", "123456", worker, "EMPLOYEE", EMPLOYEE_PERMISSIONS),
        "other@tenant.co": Account("other@tenant.co", "secret", other, "ADMIN", ADMIN_PERMISSIONS),
        **{email: Account(email, f"demo-{n}", user_id, "EMPLOYEE", EMPLOYEE_PERMISSIONS)
           for n, (email, user_id, _) in enumerate(colleagues, start=2)},
    }
    accounts |= time_tracking.seed_time_tracking(store)  # a third tenant whose data tells a time-tracking story
    seed_inventory(store)
    teams = seed_teamwork(store, [(tenant, org, [admin_emp, worker_emp]), (other_tenant, other_org, [other_emp])])
    story = Seed(
        tenant_id=tenant, organization_id=org, admin_user_id=admin, admin_employee_id=admin_emp,
        employee_user_id=worker, employee_employee_id=worker_emp, project_ids=projects, task_ids=tasks,
        other_tenant_id=other_tenant, other_organization_id=other_org, other_user_id=other,
        other_employee_id=other_emp, other_project_id=other_project, other_task_id=other_task,
        accounts=accounts, team_ids=teams[:1], employee_ids=employees, now=now,
    )
    for area in AREAS:
        area(store, story)
    return story
