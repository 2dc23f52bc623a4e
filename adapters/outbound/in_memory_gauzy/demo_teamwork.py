"""Demo records for time off, daily plans, contacts, comments, activity logs, skills and
reports, so the list and get tools of those toolsets have something to show."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

NAMESPACE = uuid.UUID("3a0c2f7e-5b1d-4e8a-9c6f-7d2e1b0a4c93")
POLICIES = (("Annual leave", True, True), ("Sick leave", True, False), ("Unpaid leave", False, True))
# (employee, policy, days from today to the start, length in days, status)
REQUESTS = ((1, 0, -40, 5, "APPROVED"), (2, 1, -10, 2, "APPROVED"), (0, 0, 20, 3, "REQUESTED"),
            (3, 2, 35, 10, "REQUESTED"), (4, 0, -3, 1, "DENIED"), (0, 1, -60, 1, "APPROVED"))
CONTACTS = (("Globex", "CUSTOMER", "sales@globex.example"), ("Initech", "LEAD", None),
            ("Umbrella Health", "CLIENT", "it@umbrella.example"))
SKILLS = ("Node.js", "Angular", "React", "NestJS", "NextJS", "PostgreSQL")
CATEGORIES = ("Time Tracking", "Payments", "Time Off", "Invoicing")
REPORTS = (("Time & Activity", 0), ("Weekly", 0), ("Apps & URLs", 0), ("Manual time edits", 0), ("Expense", 1),
           ("Amounts owed", 1), ("Payments", 1), ("Weekly limits", 0), ("Daily limits", 0), ("Time off", 2))


def teamwork_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


class Seeder:
    def __init__(self, data: dict[str, Any], now: datetime) -> None:
        self.data = data
        self.now = now
        self.tenant_id = data["tenant"]["id"]
        self.organization_id = data["organizations"][0]["id"]
        self.collections: dict[str, list[dict[str, Any]]] = data["collections"]

    def row(self, kind: str, n: object, days_ago: float, **fields: Any) -> dict[str, Any]:
        stamp = self.when(-days_ago)
        return {"id": teamwork_id(kind, n), "tenantId": self.tenant_id, "organizationId": self.organization_id,
                "createdAt": stamp, "updatedAt": stamp, "deletedAt": None, "isActive": True, "isArchived": False,
                **fields}

    def when(self, days_from_now: float) -> str:
        return (self.now + timedelta(days=days_from_now)).isoformat()

    def day(self, days_from_now: int) -> str:
        """Midnight UTC of a day, the way Gauzy stores plan and time-off dates."""
        return (self.now + timedelta(days=days_from_now)).strftime("%Y-%m-%dT00:00:00+00:00")

    def add(self, collection: str, rows: list[dict[str, Any]]) -> None:
        """Append, so other toolsets' demo rows in the same collection stay."""
        self.collections.setdefault(collection, []).extend(rows)

    def ids(self, collection: str) -> list[str]:
        return [row["id"] for row in self.collections.get(collection, [])]


def seed_teamwork(data: dict[str, Any], now: datetime) -> None:
    demo = Seeder(data, now)
    _time_off(demo)
    _daily_plans(demo)
    _contacts(demo)
    _comments_and_logs(demo)
    _skills(demo)
    _reports(demo)


def _time_off(demo: Seeder) -> None:
    employees = demo.ids("employee")
    policies = [demo.row("policy", n, 200, name=name, paid=paid, requiresApproval=approval,
                         employees=[{"id": e} for e in employees[:6]])
                for n, (name, paid, approval) in enumerate(POLICIES)]
    requests = [demo.row("time-off", n, max(-start, 1) + 5, start=demo.day(start), end=demo.day(start + length - 1),
                         requestDate=demo.when(-max(-start, 1) - 5), status=status, policyId=policies[policy]["id"],
                         employees=[{"id": employees[employee]}], isHoliday=False,
                         description=f"{POLICIES[policy][0]} for {length} day(s)")
                for n, (employee, policy, start, length, status) in enumerate(REQUESTS)]
    demo.add("time-off-policy", policies)
    demo.add("time-off-request", requests)


def _daily_plans(demo: Seeder) -> None:
    employees, tasks = demo.ids("employee"), demo.collections.get("tasks", [])
    teams = demo.ids("organization-team")
    plans = [demo.row("plan", n, 2, date=demo.day(offset), workTimePlanned=hours, status=status,
                      employeeId=employees[employee], organizationTeamId=teams[team],
                      tasks=[{"id": t["id"], "title": t["title"]} for t in tasks[n * 2:n * 2 + 2]])
             for n, (employee, team, offset, hours, status) in enumerate(
                 ((0, 0, 0, 6, "in-progress"), (0, 0, 1, 7, "open"), (1, 0, -1, 8, "completed"),
                  (5, 1, 0, 5, "open")))]
    demo.add("daily-plan", plans)


def _contacts(demo: Seeder) -> None:
    employees = demo.ids("employee")
    contacts = [demo.row("contact", n, 90 - 10 * n, name=name, contactType=kind, primaryEmail=email,
                         inviteStatus="NOT_INVITED", members=[{"id": employees[n]}], budget=1000 * (n + 1),
                         budgetType="cost")
                for n, (name, kind, email) in enumerate(CONTACTS)]
    demo.add("organization-contact", contacts)
    for project, contact in zip(demo.collections.get("organization-projects", [])[:2], contacts, strict=False):
        project.setdefault("organizationContactId", contact["id"])


def _comments_and_logs(demo: Seeder) -> None:
    employees, users = demo.collections["employee"], demo.data["users"]
    tasks, projects = demo.collections.get("tasks", []), demo.collections.get("organization-projects", [])
    targets = [("Task", tasks[0]), ("Task", tasks[1]), ("OrganizationProject", projects[0])]
    comments = [demo.row("comment", n, 5 - n, entity=entity, entityId=target["id"], employeeId=employees[n % 2]["id"],
                         comment=text, actorType="User", resolved=False, parentId=None)
                for n, ((entity, target), text) in enumerate(zip(targets, (
                    "Blocked until the API keys arrive.", "Looks good, ready for review.", "Kick-off is on Monday."),
                    strict=True))]
    comments.append(demo.row("comment", "reply", 1, entity="Task", entityId=tasks[0]["id"], actorType="User",
                             employeeId=employees[1]["id"], comment="Keys sent this morning.", resolved=False,
                             parentId=comments[0]["id"]))
    logs = [demo.row("log", n, 6 - n * 0.4, entity=entity, entityId=target["id"],
                     action=("Created", "Updated", "Updated")[n % 3], actorType="User",
                     createdByUserId=users[n % 2]["id"], employeeId=employees[n % 2]["id"],
                     description=f"{users[n % 2]['firstName']} {('created', 'updated', 'updated')[n % 3]} "
                                 f"{entity} {target.get('title') or target.get('name')}",
                     updatedFields=["status"] if n % 3 else [], data={})
            for n, (entity, target) in enumerate(targets * 5)]
    demo.add("comment", comments)
    demo.add("activity-log", logs)


def _skills(demo: Seeder) -> None:
    skills = [demo.row("skill", n, 150, name=name, description=f"{name} development", color="#3366ff")
              for n, name in enumerate(SKILLS)]
    demo.add("skills", skills)
    for n, employee in enumerate(demo.collections["employee"][:3]):
        employee.setdefault("skills", [{"id": s["id"], "name": s["name"]} for s in skills[n:n + 2]])


def _reports(demo: Seeder) -> None:
    categories = [demo.row("report-category", n, 300, name=name) for n, name in enumerate(CATEGORIES)]
    reports = [demo.row("report", n, 300, name=name, slug=name.lower().replace(" ", "-"),
                        description=f"The {name} report", categoryId=categories[category]["id"])
               for n, (name, category) in enumerate(REPORTS)]
    enabled = [demo.row("report-organization", n, 300, reportId=report["id"], isEnabled=True)
               for n, report in enumerate(reports[:6])]
    demo.add("report-category", categories)
    demo.add("report", reports)
    demo.add("report-organization", enabled)
