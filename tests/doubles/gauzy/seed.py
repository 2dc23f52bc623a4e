"""Demo data: two tenants, so that isolation can be proven.

Tenant 1 ("Ever Demo"): organization "Ever Technologies LTD" (currency USD), ``admin@ever.co`` /
``admin`` (role SUPER_ADMIN, also an employee) and ``employee@ever.co`` / ``123456`` (role EMPLOYEE),
two projects and three tasks. Tenant 2 ("Other Tenant"): its own organization, ``other@tenant.co`` /
``secret`` (role ADMIN, employee), one project and one task.

Row shapes follow contracts ``entities`` (User, Employee, OrganizationProject, Task); Organization,
Tenant, Role and UserOrganization are not in the contracts and carry the columns the API needs
(user_organization rows back IsOrganizationBelongsToUser, see contracts ``tenancy``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .seed_inventory import seed_inventory
from .seed_teamwork import seed_teamwork
from .seed_time_tracking import seed_time_tracking
from .store import Store, new_id

EMPLOYEE_PERMISSIONS = ("ORG_TASK_VIEW", "ORG_TASK_ADD", "ORG_TASK_EDIT", "TIME_TRACKER", "ORG_PROJECT_VIEW")
ADMIN_PERMISSIONS = (*EMPLOYEE_PERMISSIONS, "CHANGE_SELECTED_EMPLOYEE", "ALL_ORG_VIEW", "ALL_ORG_EDIT")


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
    team_ids: tuple[str, ...] = ()  # tenant 1's organization teams (seed_teamwork)

    @property
    def admin_email(self) -> str:
        """``admin@ever.co``."""
        return "admin@ever.co"

    @property
    def project_id(self) -> str:
        """The first seeded project of tenant 1."""
        return self.project_ids[0]


def _user(store: Store, tenant: str, org: str, role_id: str, first: str, last: str, email: str) -> str:
    row = store.insert(
        "User",
        {
            "tenantId": tenant,
            "thirdPartyId": None,
            "firstName": first,
            "lastName": last,
            "name": f"{first} {last}",
            "email": email,
            "username": None,
            "phoneNumber": None,
            "timeZone": "Etc/UTC",
            "timeFormat": 12,
            "imageUrl": None,
            "preferredLanguage": "en",
            "preferredComponentLayout": "TABLE",
            "emailVerifiedAt": None,
            "isEmailVerified": True,
            "lastLoginAt": None,
            "roleId": role_id,
            "imageId": None,
            "defaultTeamId": None,
            "lastTeamId": None,
            "defaultOrganizationId": org,
            "lastOrganizationId": org,
        },
    )
    store.insert(
        "UserOrganization",
        {"tenantId": tenant, "organizationId": org, "userId": row["id"], "isDefault": True},
    )
    return str(row["id"])


def _employee(store: Store, tenant: str, org: str, user_id: str, name: str) -> str:
    row = store.insert(
        "Employee",
        {
            "tenantId": tenant,
            "organizationId": org,
            "userId": user_id,
            "fullName": name,
            "startedWorkOn": None,
            "endWork": None,
            "payPeriod": "WEEKLY",
            "billRateValue": 0,
            "billRateCurrency": "USD",
            "reWeeklyLimit": 40,
            "isTrackingEnabled": True,
            "isOnline": False,
            "isAway": False,
            "isTrackingTime": False,
            "allowScreenshotCapture": True,
            "allowManualTime": True,
            "allowModifyTime": True,
            "allowDeleteTime": True,
            "profile_link": name.lower().replace(" ", "-"),
            "isDeleted": False,
        },
    )
    return str(row["id"])


def _project(store: Store, tenant: str, org: str, name: str, members: list[str]) -> str:
    row = store.insert(
        "OrganizationProject",
        {
            "tenantId": tenant,
            "organizationId": org,
            "name": name,
            "billing": "RATE",
            "currency": "USD",
            "public": True,
            "owner": "CLIENT",
            "taskListType": "GRID",
            "billable": True,
            "status": None,
            "organizationContactId": None,
            "membersCount": len(members),
            "members": [{"id": new_id(), "employeeId": e, "isManager": False} for e in members],
        },
    )
    return str(row["id"])


def _task(
    store: Store,
    tenant: str,
    org: str,
    project: str,
    number: int,
    title: str,
    status: str,
    members: list[str],
) -> str:
    row = store.insert(
        "Task",
        {
            "tenantId": tenant,
            "organizationId": org,
            "projectId": project,
            "title": title,
            "number": number,
            "prefix": "TASK",
            "taskNumber": f"TASK-{number}",
            "description": None,
            "status": status,
            "priority": "medium",
            "size": "medium",
            "issueType": "task",
            "estimate": None,
            "dueDate": None,
            "public": True,
            "isDraft": False,
            "isScreeningTask": False,
            "parentId": None,
            "members": [{"id": e} for e in members],
        },
    )
    return str(row["id"])


def _tenant(store: Store, name: str, org_name: str) -> tuple[str, str, dict[str, str]]:
    tenant = str(store.insert("Tenant", {"name": name})["id"])
    org: dict[str, Any] = {
        "tenantId": tenant,
        "name": org_name,
        "currency": "USD",
        "isDefault": True,
        "profile_link": None,
        "timeZone": "Etc/UTC",
        "defaultValueDateType": "TODAY",
        "startWeekOn": "MONDAY",
        "imageUrl": None,
    }
    organization = str(store.insert("Organization", org)["id"])
    roles = {
        r: str(store.insert("Role", {"tenantId": tenant, "name": r})["id"])
        for r in ("SUPER_ADMIN", "ADMIN", "EMPLOYEE")
    }
    return tenant, organization, roles


def seed(store: Store) -> Seed:
    """Insert the demo rows into ``store`` and return their ids."""
    tenant, org, roles = _tenant(store, "Ever Demo", "Ever Technologies LTD")
    admin = _user(store, tenant, org, roles["SUPER_ADMIN"], "Admin", "Ever", "admin@ever.co")
    worker = _user(store, tenant, org, roles["EMPLOYEE"], "Employee", "Ever", "employee@ever.co")
    admin_emp = _employee(store, tenant, org, admin, "Admin Ever")
    worker_emp = _employee(store, tenant, org, worker, "Employee Ever")
    projects = (
        _project(store, tenant, org, "Gauzy Platform", [admin_emp, worker_emp]),
        _project(store, tenant, org, "Ever Teams", [admin_emp]),
    )
    tasks = (
        _task(store, tenant, org, projects[0], 1, "Set up the MCP server", "open", [admin_emp]),
        _task(
            store,
            tenant,
            org,
            projects[0],
            2,
            "Write the Gauzy adapter",
            "in-progress",
            [admin_emp, worker_emp],
        ),
        _task(store, tenant, org, projects[1], 3, "Review the API contracts", "done", [worker_emp]),
    )
    other_tenant, other_org, other_roles = _tenant(store, "Other Tenant", "Other Org Inc")
    other = _user(store, other_tenant, other_org, other_roles["ADMIN"], "Other", "Person", "other@tenant.co")
    other_emp = _employee(store, other_tenant, other_org, other, "Other Person")
    other_project = _project(store, other_tenant, other_org, "Secret Project", [other_emp])
    other_task = _task(store, other_tenant, other_org, other_project, 1, "Secret task", "open", [other_emp])
    accounts = {
        "admin@ever.co": Account("admin@ever.co", "admin", admin, "SUPER_ADMIN", ADMIN_PERMISSIONS),
        "employee@ever.co": Account("employee@ever.co", "123456", worker, "EMPLOYEE", EMPLOYEE_PERMISSIONS),
        "other@tenant.co": Account("other@tenant.co", "secret", other, "ADMIN", ADMIN_PERMISSIONS),
    }
    accounts |= seed_time_tracking(store)  # a third tenant whose data tells a time-tracking story
    seed_inventory(store)
    teams = seed_teamwork(store, [(tenant, org, [admin_emp, worker_emp]), (other_tenant, other_org, [other_emp])])
    return Seed(
        tenant_id=tenant,
        organization_id=org,
        admin_user_id=admin,
        admin_employee_id=admin_emp,
        employee_user_id=worker,
        employee_employee_id=worker_emp,
        project_ids=projects,
        task_ids=tasks,
        other_tenant_id=other_tenant,
        other_organization_id=other_org,
        other_user_id=other,
        other_employee_id=other_emp,
        other_project_id=other_project,
        other_task_id=other_task,
        accounts=accounts,
        team_ids=teams[:1],
    )
