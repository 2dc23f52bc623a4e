"""Deterministic demo data: one tenant, one organization, ten employees, ten projects,
fifty tasks in several statuses, some time logs and a running timer for the demo user."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from adapters.outbound.in_memory_gauzy.demo_finance import seed_finance
from adapters.outbound.in_memory_gauzy.demo_goals import seed_goals
from adapters.outbound.in_memory_gauzy.demo_inventory import seed_inventory
from adapters.outbound.in_memory_gauzy.demo_people import seed_people
from adapters.outbound.in_memory_gauzy.demo_teamwork import seed_teamwork

NAMESPACE = uuid.UUID("6f1f5a3e-3c55-4c1e-9d0a-6d2b8f0c7a11")
DEMO_EMAIL = "admin@ever.co"
DEMO_PASSWORD = "admin"  # noqa: S105 - the well-known password of Gauzy's own demo account

FIRST_NAMES = ("Ava", "Ben", "Chloe", "Dan", "Ella", "Finn", "Grace", "Hugo", "Iris", "Jack")
LAST_NAMES = ("Admin", "Baker", "Cole", "Diaz", "Evans", "Ford", "Gray", "Hill", "Ito", "James")
PROJECTS = ("Gauzy API", "Website Redesign", "Mobile App", "Desktop Timer", "Billing Service",
            "Data Warehouse", "Marketing Site", "HR Portal", "Support Desk", "Inventory Sync")
STATUSES = ("open", "in-progress", "ready-for-review", "in-review", "blocked", "done", "completed", "backlog")
PRIORITIES = ("urgent", "high", "medium", "low")
SIZES = ("x-large", "large", "medium", "small", "tiny")


def demo_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _base(kind: str, n: object, tenant_id: str, organization_id: str, at: datetime) -> dict[str, Any]:
    stamp = at.isoformat()
    return {"id": demo_id(kind, n), "tenantId": tenant_id, "organizationId": organization_id,
            "createdAt": stamp, "updatedAt": stamp, "deletedAt": None, "isActive": True, "isArchived": False}


def build_demo_data(now: datetime) -> dict[str, Any]:
    tenant_id, organization_id = demo_id("tenant"), demo_id("organization")
    start = now - timedelta(days=90)
    users, employees = [], []
    for i, (first, last) in enumerate(zip(FIRST_NAMES, LAST_NAMES, strict=True)):
        email = DEMO_EMAIL if i == 0 else f"{first.lower()}.{last.lower()}@demo.gauzy.co"
        user = {"id": demo_id("user", i), "tenantId": tenant_id, "firstName": first, "lastName": last,
                "email": email, "password": DEMO_PASSWORD if i == 0 else f"demo-{i}"}
        users.append(user)
        employee = _base("employee", i, tenant_id, organization_id, start)
        public_user = {k: v for k, v in user.items() if k != "password"}
        employee |= {"userId": user["id"], "user": public_user, "startedWorkOn": start.isoformat(),
                     "endWork": None, "billRateValue": 50 + 5 * i, "billRateCurrency": "USD",
                     "isTrackingEnabled": True, "employeeLevel": "Senior" if i < 4 else "Middle"}
        employees.append(employee)
    projects = []
    for i, name in enumerate(PROJECTS):
        project = _base("project", i, tenant_id, organization_id, start + timedelta(days=i))
        members = [{"id": employees[(i + k) % 10]["id"]} for k in range(3)]
        project |= {"name": name, "code": f"P{i + 1:02d}", "billing": ("RATE", "FLAT_FEE", "MILESTONES")[i % 3],
                    "currency": "USD", "public": i % 2 == 0, "billable": True, "owner": "CLIENT",
                    "members": members, "status": "in-progress" if i < 7 else "completed"}
        projects.append(project)
    teams = []
    for i, name in enumerate(("Platform", "Product")):
        team = _base("team", i, tenant_id, organization_id, start)
        team |= {"name": name, "members": [{"employeeId": e["id"]} for e in employees[i * 5:(i + 1) * 5]]}
        teams.append(team)
    tasks = []
    for i in range(50):
        task = _base("task", i, tenant_id, organization_id, start + timedelta(days=i))
        project = projects[i % 10]
        task |= {"title": f"{project['name']}: task {i + 1}", "number": i + 1, "prefix": "GA",
                 "status": STATUSES[i % len(STATUSES)], "priority": PRIORITIES[i % 4], "size": SIZES[i % 5],
                 "issueType": ("task", "bug", "story")[i % 3], "projectId": project["id"],
                 "members": [{"id": employees[i % 10]["id"]}], "teams": [{"id": teams[i % 2]["id"]}],
                 "estimate": 3600 * (1 + i % 8),
                 "dueDate": (now + timedelta(days=i - 20)).isoformat()}
        tasks.append(task)
    time_logs = []
    for i in range(12):
        began = now - timedelta(days=i + 1, hours=3)
        log = _base("time-log", i, tenant_id, organization_id, began)
        log |= {"employeeId": employees[i % 3]["id"], "projectId": projects[i % 4]["id"],
                "taskId": tasks[i]["id"], "startedAt": began.isoformat(),
                "stoppedAt": (began + timedelta(hours=2)).isoformat(), "logType": "TRACKED", "source": "BROWSER",
                "isBillable": True, "isRunning": False, "description": f"Worked on {tasks[i]['title']}"}
        time_logs.append(log)
    running = _base("time-log", "running", tenant_id, organization_id, now - timedelta(minutes=25))
    running |= {"employeeId": employees[0]["id"], "projectId": projects[0]["id"], "taskId": tasks[0]["id"],
                "startedAt": (now - timedelta(minutes=25)).isoformat(), "stoppedAt": None, "logType": "TRACKED",
                "source": "BROWSER", "isBillable": True, "isRunning": True, "description": "Demo timer"}
    time_logs.append(running)
    data = {
        "tenant": {"id": tenant_id, "name": "Ever Demo"},
        "organizations": [{"id": organization_id, "tenantId": tenant_id, "name": "Ever Technologies",
                           "currency": "USD"}],
        "users": users,
        "collections": {"employee": employees, "organization-projects": projects, "tasks": tasks,
                        "timesheet/time-log": time_logs, "organization-team": teams},
    }
    for seed in (seed_finance, seed_people, seed_inventory, seed_goals,  # invoices, deals, equipment, goals...
                 seed_teamwork):  # time off, plans, contacts, comments, logs, skills, reports
        seed(data, now)
    return data
