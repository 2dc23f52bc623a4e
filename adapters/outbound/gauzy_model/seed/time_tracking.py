"""Time-tracking demo rows that tell a story: people in a QA and a backend team, client projects
(some completed), sprints, tasks with realistic titles, eight weeks of time logs for every employee of
the organization, a running timer or two, and weekly timesheets in every status.

Everything is placed relative to the moment of seeding (UTC), so "this week" and "the last sprint"
always have data. Durations come from a fixed formula of employee and day (no randomness), so every
week has its own totals and a test can recompute them from the rows themselves.

Rows follow contracts ``entities`` (TimeLog, Timesheet, OrganizationSprint, OrganizationTeam,
OrganizationTeamEmployee, OrganizationContact columns used by the API).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ..store import Store, iso
from . import people, work

if TYPE_CHECKING:
    from . import Account

WEEKS = 8
SPRINT_WEEKS = 2
RUNNING_MINUTES = 45
TENANT, ORGANIZATION = "Ever Time Demo", "Ever Time Co"
LEAD = ("Olivia", "Grant", "lead@ever.co", "lead")  # the account that signs in: an admin and an employee
# (first, last, bill rate in USD an hour; 0 = no rate agreed)
PEOPLE = (("Olivia", "Grant", 100), ("Maria", "Lopez", 55), ("Ken", "Adams", 50), ("Priya", "Shah", 90),
          ("Tom", "Becker", 0), ("Sam", "Rivera", 70))
# team -> members, the manager first
TEAMS = {"QA Team": ("Maria Lopez", "Ken Adams"), "Backend Team": ("Priya Shah", "Tom Becker", "Olivia Grant"),
         "Frontend Team": ("Sam Rivera", "Olivia Grant")}
CLIENTS = ("Acme Corp", "Globex Industries")
# (name, client or None, status, member full names)
PROJECTS = (
    ("Backend API", "Acme Corp", "in-progress", ("Priya Shah", "Tom Becker", "Olivia Grant")),
    ("Frontend Portal", "Globex Industries", "in-progress", ("Sam Rivera", "Olivia Grant", "Priya Shah")),
    ("QA Automation", "Acme Corp", "completed", ("Maria Lopez", "Ken Adams")),
    ("Mobile App", "Globex Industries", "completed", ("Priya Shah", "Sam Rivera")),
    ("Website Redesign", None, "completed", ("Maria Lopez", "Sam Rivera")),
)
# (project, title, status, priority, due in days from today or None, estimate hours, team or None, assigned)
TASKS = (
    ("Backend API", "Add rate limiting to the public API", "in-progress", "high", 2, 16, "Backend Team", True),
    ("Backend API", "Fix N+1 queries in the timesheet endpoint", "in-progress", "urgent", 1, 8, "Backend Team", True),
    ("Backend API", "Migrate invoice amounts to numeric columns", "open", "medium", 12, 12, "Backend Team", True),
    ("Backend API", "Write the OpenAPI docs for v2", "open", "low", 30, 6, "Backend Team", True),
    ("Backend API", "QA: verify the password reset emails", "open", "high", 3, 4, "QA Team", False),
    ("Backend API", "QA: test the timesheet approval flow", "open", "medium", 5, 6, "QA Team", False),
    ("Backend API", "QA: cross-browser check of the invoice PDF", "open", "low", 9, 3, "QA Team", False),
    ("Frontend Portal", "Dashboard charts for weekly hours", "in-progress", "high", 4, 20, "Frontend Team", True),
    ("Frontend Portal", "Dark mode for the settings page", "open", "low", 20, 8, "Frontend Team", True),
    ("Frontend Portal", "Fix the date picker in the timesheet view", "in-review", "high", 12, 5, "Frontend Team", True),
    ("QA Automation", "Write the regression suite for checkout", "done", "high", None, 24, "QA Team", True),
    ("QA Automation", "Automate smoke tests on staging", "done", "medium", None, 16, "QA Team", True),
    ("QA Automation", "Load test the time-log API", "done", "medium", None, 10, "QA Team", True),
    ("Mobile App", "Offline mode for the timer", "done", "high", None, 30, None, True),
    ("Mobile App", "Push notifications for timesheet approvals", "done", "medium", None, 12, None, True),
    ("Website Redesign", "New pricing page", "done", "medium", None, 10, None, True),
    ("Website Redesign", "Accessibility audit of the sign-up form", "done", "high", None, 8, None, True),
)
# who is tracking time when the data is seeded
RUNNING = ("Priya Shah", "Maria Lopez")
# (employee, first and last weekday of next week, status): leave ahead, so it never overlaps logged time
LEAVE = (("Ken Adams", 0, 2, "APPROVED"), ("Tom Becker", 3, 4, "REQUESTED"))
# timesheet status by week (0 = the current week, 1 = last week, ...), varied per employee below
STATUS_BY_WEEK = {0: "DRAFT", 1: "PENDING", 2: "IN REVIEW"}
LATE_STATUSES = ("APPROVED", "APPROVED", "DENIED", "APPROVED")


@dataclass(frozen=True)
class Organization:
    tenant_id: str
    organization_id: str


def seed_time_tracking(store: Store) -> dict[str, Account]:
    """Insert the tenant and its rows; return the login account of its lead (by email)."""
    from . import ADMIN_PERMISSIONS, Account  # the base seed calls this module

    tenant, organization, roles = people.tenant(store, TENANT, ORGANIZATION)
    org = Organization(tenant, organization)
    today = datetime.now(UTC).date()
    employees, lead_user = _people(store, org, roles)
    contacts = {name: _contact(store, org, name) for name in CLIENTS}
    projects = {name: _project(store, org, name, contacts.get(client or ""), status, [employees[m] for m in members])
                for name, client, status, members in PROJECTS}
    teams = {name: _team(store, org, name, [employees[m] for m in members]) for name, members in TEAMS.items()}
    for index, row in enumerate(TASKS):
        _task(store, org, index, row, projects, teams, employees, today)
    for project in ("Backend API", "QA Automation"):
        _sprints(store, org, projects[project], project, today)
    assignments = _assignments(store, org, employees)
    for index, (name, employee_id) in enumerate(employees.items()):
        team = next((teams[t] for t, members in TEAMS.items() if name in members), None)
        _time_logs(store, org, index, employee_id, team, assignments[name], today)
    _running_timers(store, org, employees, assignments)
    _time_off(store, org, employees, today)
    email, password = LEAD[2], LEAD[3]
    return {email: Account(email, password, lead_user, "ADMIN", ADMIN_PERMISSIONS)}


def _people(store: Store, org: Organization, roles: dict[str, str]) -> tuple[dict[str, str], str]:
    """Every employee by full name (bill rates set), and the lead's user id."""

    employees: dict[str, str] = {}
    lead_user = ""
    for first, last, rate in PEOPLE:
        is_lead = (first, last) == LEAD[:2]
        email = LEAD[2] if is_lead else f"{first.lower()}.{last.lower()}@evertime.co"
        user = people.user(store, org.tenant_id, org.organization_id, roles["ADMIN" if is_lead else "EMPLOYEE"],
                     first, last, email)
        lead_user = user if is_lead else lead_user
        employee = people.employee(store, org.tenant_id, org.organization_id, user, f"{first} {last}")
        store.update("Employee", employee, {"billRateValue": rate})
        employees[f"{first} {last}"] = employee
    return employees, lead_user


def _contact(store: Store, org: Organization, name: str) -> str:
    row = store.insert("OrganizationContact", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "name": name,
        "primaryEmail": f"billing@{name.split()[0].lower()}.example.com", "primaryPhone": None,
        "inviteStatus": None, "notes": None, "contactType": "CLIENT", "imageUrl": None, "budget": None,
        "budgetType": "hours", "createdBy": None, "contactId": None, "imageId": None, "members": [],
    })
    return str(row["id"])


def _project(store: Store, org: Organization, name: str, contact: str | None, status: str,
             members: list[str]) -> str:

    project_id = work.project(store, org.tenant_id, org.organization_id, name, members)
    store.update("OrganizationProject", project_id, {"organizationContactId": contact, "status": status})
    return project_id


def _team(store: Store, org: Organization, name: str, members: list[str]) -> str:
    row = store.insert("OrganizationTeam", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "name": name, "color": None,
        "emoji": None, "teamSize": None, "logo": None, "prefix": name[:3].upper(), "shareProfileView": True,
        "requirePlanToTrack": False, "public": False, "profile_link": name.lower().replace(" ", "-"),
        "imageId": None,
    })
    store.update("OrganizationTeam", row["id"], {"members": _links(store, org, row["id"], members)})
    return str(row["id"])


def _links(store: Store, org: Organization, team_id: str, members: list[str]) -> list[dict[str, Any]]:
    """OrganizationTeamEmployee rows; the first member manages the team."""
    return [store.insert("OrganizationTeamEmployee", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "organizationTeamId": team_id,
        "employeeId": employee, "isManager": index == 0, "isTrackingEnabled": True, "activeTaskId": None,
        "order": index, "roleId": None,
    }) for index, employee in enumerate(members)]


def _task(store: Store, org: Organization, index: int, row: tuple[Any, ...], projects: dict[str, str],
          teams: dict[str, str], employees: dict[str, str], today: date) -> None:
    project, title, status, priority, due_in, hours, team, assigned = row
    members = [e for name, e in employees.items() if assigned and _works_on(name, project) and name in TEAMS.get(
        team or "", (name,))]
    due = None if due_in is None else iso(datetime.combine(today + timedelta(days=due_in), time(17), tzinfo=UTC))
    number = 100 + index
    store.insert("Task", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "projectId": projects[project],
        "title": title, "number": number, "prefix": "TASK", "taskNumber": f"TASK-{number}", "description": None,
        "status": status, "priority": priority, "size": "medium", "issueType": "task", "estimate": hours * 3600,
        "dueDate": due, "public": True, "isDraft": False, "isScreeningTask": False, "parentId": None,
        "members": [{"id": e} for e in members], "teams": [{"id": teams[team]}] if team else [],
    })


def _works_on(name: str, project: str) -> bool:
    return any(p == project and name in members for p, _, _, members in PROJECTS)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _sprints(store: Store, org: Organization, project_id: str, project: str, today: date) -> None:
    """Two-week sprints covering the eight weeks, the last one running now."""
    first = _week_start(today) - timedelta(weeks=WEEKS - SPRINT_WEEKS)
    for number in range(WEEKS // SPRINT_WEEKS):
        start = first + timedelta(weeks=number * SPRINT_WEEKS)
        end = start + timedelta(weeks=SPRINT_WEEKS) - timedelta(days=1)
        store.insert("OrganizationSprint", {
            "tenantId": org.tenant_id, "organizationId": org.organization_id, "projectId": project_id,
            "name": f"{project} sprint {number + 1}", "goal": None, "length": SPRINT_WEEKS * 7,
            "startDate": iso(datetime.combine(start, time.min, tzinfo=UTC)),
            "endDate": iso(datetime.combine(end, time.max, tzinfo=UTC)),
            "status": None, "dayStart": 2, "sprintProgress": None,
        })


def _assignments(store: Store, org: Organization, employees: dict[str, str]) -> dict[str, list[tuple[str, str | None]]]:
    """(project, task) pairs each employee logs time on: their tasks on each of their projects
    (the project alone when none is theirs)."""
    work: dict[str, list[tuple[str, str | None]]] = {name: [] for name in employees}
    tasks = [t for t in store.rows("Task") if t.get("tenantId") == org.tenant_id]
    for project in [p for p in store.rows("OrganizationProject") if p.get("tenantId") == org.tenant_id]:
        for name, employee_id in employees.items():
            if any(m.get("employeeId") == employee_id for m in project.get("members") or []):
                mine = [t["id"] for t in tasks if t.get("projectId") == project["id"]
                        and {"id": employee_id} in (t.get("members") or [])]
                work[name] += [(project["id"], task) for task in (mine or [None])]
    return work


def _minutes(employee: int, day: int) -> int:
    """A working day of 5 to 8 hours, in half hours, varying by employee, day and week."""
    return 300 + ((employee * 37 + day * 53 + (day // 7) * 3) % 7) * 30


def _time_logs(store: Store, org: Organization, index: int, employee_id: str, team: str | None,
               work: list[tuple[str, str | None]], today: date) -> None:
    """Weekday logs from eight weeks ago to yesterday: a morning and an afternoon block each, on
    the employee's projects in turn; each week's logs belong to that week's timesheet."""
    if not work:
        return
    for weeks_ago in range(WEEKS):
        monday = _week_start(today) - timedelta(weeks=weeks_ago)
        sheet = _timesheet(store, org, employee_id, monday, _sheet_status(index, weeks_ago))
        seconds = 0
        for offset in range(5):
            day = monday + timedelta(days=offset)
            if day >= today:
                break
            total = _minutes(index, day.toordinal())
            morning = datetime.combine(day, time(9), tzinfo=UTC)
            blocks = ((morning, total // 2), (morning + timedelta(hours=5), total - total // 2))
            for block, (start, minutes) in enumerate(blocks):
                project, task = work[(day.toordinal() + block) % len(work)]
                _log(store, org, employee_id, team, sheet, project, task, start, minutes, manual=(offset == 4))
                seconds += minutes * 60
        store.update("Timesheet", sheet, {"duration": seconds})


def _sheet_status(employee: int, weeks_ago: int) -> str:
    return STATUS_BY_WEEK.get(weeks_ago) or LATE_STATUSES[(employee + weeks_ago) % len(LATE_STATUSES)]


def _timesheet(store: Store, org: Organization, employee_id: str, monday: date, status: str) -> str:
    start = datetime.combine(monday, time.min, tzinfo=UTC)
    stamp = iso(start + timedelta(days=7)) if status != "DRAFT" else None
    return str(store.insert("Timesheet", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "employeeId": employee_id,
        "duration": 0, "keyboard": 0, "mouse": 0, "overall": 0, "startedAt": iso(start),
        "stoppedAt": iso(datetime.combine(monday + timedelta(days=6), time.max, tzinfo=UTC)),
        "approvedAt": stamp if status == "APPROVED" else None, "submittedAt": stamp, "lockedAt": None,
        "editedAt": None, "isBilled": False, "status": status, "isEdited": False, "approvedById": None,
    })["id"])


def _log(store: Store, org: Organization, employee_id: str, team: str | None, sheet: str | None, project: str,
         task: str | None, start: datetime, minutes: int, *, manual: bool = False, running: bool = False) -> None:
    stop = start if running else start + timedelta(minutes=minutes)
    store.insert("TimeLog", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "employeeId": employee_id,
        "timesheetId": sheet, "startedAt": iso(start), "stoppedAt": iso(stop), "editedAt": None,
        "duration": 0 if running else minutes * 60, "source": "BROWSER" if manual else "DESKTOP",
        "logType": "MANUAL" if manual else "TRACKED", "projectId": project, "taskId": task,
        "organizationContactId": None, "organizationTeamId": team, "description": None,
        "reason": "Forgot to start the timer" if manual else None, "isBillable": True, "version": None,
        "isRunning": running, "isEdited": False,
    })


def _running_timers(store: Store, org: Organization, employees: dict[str, str],
                    work: dict[str, list[tuple[str, str | None]]]) -> None:
    started = datetime.now(UTC) - timedelta(minutes=RUNNING_MINUTES)
    for name in RUNNING:
        project, task = work[name][0]
        team = next((r["organizationTeamId"] for r in store.rows("OrganizationTeamEmployee")
                     if r.get("employeeId") == employees[name]), None)
        _log(store, org, employees[name], team, None, project, task, started, 0, running=True)
        store.update("Employee", employees[name], {"isOnline": True, "isTrackingTime": True})


def _time_off(store: Store, org: Organization, employees: dict[str, str], today: date) -> None:
    policy = store.insert("TimeOffPolicy", {
        "tenantId": org.tenant_id, "organizationId": org.organization_id, "name": "Paid leave",
        "requiresApproval": True, "paid": True, "employees": [{"id": e} for e in employees.values()],
    })
    next_monday = _week_start(today) + timedelta(weeks=1)
    for name, first, last, status in LEAVE:
        store.insert("TimeOffRequest", {
            "tenantId": org.tenant_id, "organizationId": org.organization_id, "policyId": policy["id"],
            "start": iso(datetime.combine(next_monday + timedelta(days=first), time.min, tzinfo=UTC)),
            "end": iso(datetime.combine(next_monday + timedelta(days=last), time(23, 59, 59), tzinfo=UTC)),
            "requestDate": iso(datetime.combine(today, time(9), tzinfo=UTC)), "description": "Family visit",
            "isHoliday": False, "documentUrl": None, "status": status, "employees": [{"id": employees[name]}],
        })
