"""Work of the seed: projects and tasks, and the demo user's running timer.

Tenant 1 has ten projects and fifty tasks in several statuses, priorities and sizes, assigned round
the ten employees; the admin's timer has been running for 25 minutes at "now". Row shapes follow
contracts ``entities`` (OrganizationProject, Task, TimeLog).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from ..store import Store, iso, new_id

PROJECTS = ("Website Redesign", "Mobile App", "Desktop Timer", "Billing Service", "Data Warehouse",
            "Marketing Site", "HR Portal", "Support Desk")
TITLES = ("Plan", "Design", "Build", "Test", "Document", "Review")
STATUSES = ("open", "in-progress", "ready-for-review", "in-review", "blocked", "done", "completed", "backlog")
PRIORITIES = ("urgent", "high", "medium", "low")
SIZES = ("x-large", "large", "medium", "small", "tiny")


def demo_projects(store: Store, tenant_id: str, org: str, employees: Sequence[str]) -> tuple[str, ...]:
    """Eight more projects, three members each, round the employees."""
    return tuple(
        project(store, tenant_id, org, name, [employees[(i + k) % len(employees)] for k in range(3)])
        for i, name in enumerate(PROJECTS)
    )


def demo_tasks(store: Store, tenant_id: str, org: str, projects: Sequence[str], employees: Sequence[str],
               first_number: int, count: int) -> tuple[str, ...]:
    """``count`` more tasks numbered from ``first_number``, spread over projects, statuses and people."""
    made = []
    for n in range(first_number, first_number + count):
        title = f"{TITLES[n % len(TITLES)]} {n}"
        members = [employees[n % len(employees)]]
        made.append(task(store, tenant_id, org, projects[n % len(projects)], n, title,
                         STATUSES[n % len(STATUSES)], members, PRIORITIES[n % 4], SIZES[n % 5]))
    return tuple(made)


def running_timer(store: Store, tenant_id: str, org: str, employee_id: str, project_id: str, now: datetime) -> None:
    """A TimeLog the way POST /api/timesheet/timer/start leaves it, started 25 minutes before ``now``
    (at midnight when that is earlier, so that it is today's, as the timer status reads it)."""
    started = iso(max(now - timedelta(minutes=25), datetime.combine(now.date(), time.min, tzinfo=now.tzinfo)))
    store.insert("TimeLog", {
        "tenantId": tenant_id, "organizationId": org, "employeeId": employee_id, "timesheetId": None,
        "startedAt": started, "stoppedAt": started, "editedAt": None, "duration": 0, "source": "BROWSER",
        "logType": "TRACKED", "projectId": project_id, "taskId": None, "organizationContactId": None,
        "organizationTeamId": None, "description": "Demo work", "reason": None, "isBillable": True,
        "version": None, "isRunning": True, "isEdited": False,
    })
    store.update("Employee", employee_id, {"isOnline": True, "isTrackingTime": True})


def project(store: Store, tenant: str, org: str, name: str, members: list[str]) -> str:
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


def task(
    store: Store,
    tenant: str,
    org: str,
    project: str,
    number: int,
    title: str,
    status: str,
    members: list[str],
    priority: str = "medium",
    size: str = "medium",
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
            "priority": priority,
            "size": size,
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


