"""MCP prompts for the recurring time-tracking workflows, as data: each names its arguments, which
of them complete from Gauzy (project, team and employee names), and the text it hands the model,
which says which tools answer it in few calls. Dates are resolved here from "today", not by Gauzy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from application.dispatcher import ToolDispatcher
from application.invocation import Invocation
from application.use_cases.time_reports import person_name
from domain.errors import InvalidInputError

MAX_COMPLETIONS = 100


@dataclass(frozen=True)
class Argument:
    name: str
    description: str
    required: bool = False
    completes: str | None = None  # "project", "team" or "employee": values come from Gauzy


@dataclass(frozen=True)
class PromptSpec:
    name: str
    title: str
    description: str
    arguments: tuple[Argument, ...]
    template: str  # str.format fields: the arguments and the dates `dates_for` adds


TEAM = Argument("team", "A team's name (optional).", completes="team")
PROMPTS = (
    PromptSpec(
        "weekly_timesheet_review", "Weekly timesheet review",
        "Review a week's hours per employee and the timesheets waiting for approval.",
        (Argument("week_start", "Monday of the week, YYYY-MM-DD (default: last week)."), TEAM,
         Argument("employee", "One employee's name (optional).", completes="employee")),
        "Review the timesheets of the week {week_start} to {week_end}{for_team}{for_employee}.\n"
        "1. Call weekly_time_report with startDate {week_start} and endDate {week_end}{team_hint}{employee_hint}.\n"
        "2. Call get_timesheets with the same dates and status ['PENDING', 'IN REVIEW'].\n"
        "Show hours per employee and per day, flag anyone under 30 or over 45 hours, list the timesheets "
        "waiting, and approve or deny them with review_timesheets only after I confirm."),
    PromptSpec(
        "sprint_time_report", "Sprint time report",
        "Hours logged in a project's last sprint, per employee and per day.",
        (Argument("project", "The project's name.", required=True, completes="project"), TEAM),
        "Report the time logged in the last sprint of the project '{project}'{for_team}.\n"
        "1. Call get_projects with name '{project}' for its id, then get_sprints with that projectId: use "
        "`last` (or `current` if I ask for the running sprint).\n"
        "2. Call time_per_employee and daily_time_report with projectIds [its id] and the sprint's startDate "
        "and endDate{team_hint}.\n"
        "Give the total hours, hours per employee, and the busiest and quietest days."),
    PromptSpec(
        "monthly_invoicing_run", "Monthly invoicing run",
        "Draft invoices from the time tracked in a month, at each employee's bill rate.",
        (Argument("month", "YYYY-MM (default: last month)."),
         Argument("project", "Invoice only this project (default: every completed project).", completes="project")),
        "Run the invoicing for {month_start} to {month_end}{for_project}.\n"
        "1. Call draft_invoices_from_time with startDate {month_start}, endDate {month_end}{project_hint} and "
        "preview true, and show each project's outcome, lines and total.\n"
        "2. For skipped projects, say what is missing (client, bill rate) and how to fix it.\n"
        "3. After I confirm, call it again without preview to create the drafts."),
)
# completes -> (tool, arguments, how to name an item)
SOURCES: dict[str, tuple[str, dict[str, Any], str]] = {
    "project": ("get_projects", {"limit": 100}, "name"),
    "team": ("get_teams", {}, "name"),
    "employee": ("get_employees", {"limit": 100, "relations": ["user"]}, "person"),
}


def prompt_named(name: str) -> PromptSpec:
    for prompt in PROMPTS:
        if prompt.name == name:
            return prompt
    raise InvalidInputError([f"prompt: {name!r} is not a prompt; known: {', '.join(p.name for p in PROMPTS)}"])


def _iso(text: str, field: str, example: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError([f"{field}: {text!r} is not a date like {example}"]) from None


def dates_for(values: Mapping[str, str], today: date) -> dict[str, str]:
    """The week or month the arguments name, resolved against today."""
    this_monday = today - timedelta(days=today.weekday())
    start = _iso(values["week_start"], "week_start", "2026-11-23") if values.get("week_start") else (
        this_monday - timedelta(weeks=1))
    month = values.get("month") or (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    first = _iso(f"{month}-01", "month", "2026-11")
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return {"week_start": start.isoformat(), "week_end": (start + timedelta(days=6)).isoformat(),
            "month_start": first.isoformat(), "month_end": last.isoformat()}


def render(prompt: PromptSpec, arguments: Mapping[str, str] | None, today: date) -> str:
    values = {a.name: (arguments or {}).get(a.name, "").strip() for a in prompt.arguments}
    missing = [a.name for a in prompt.arguments if a.required and not values[a.name]]
    if missing:
        raise InvalidInputError([f"{name}: required by the prompt {prompt.name}" for name in missing])
    team, employee, project = values.get("team"), values.get("employee"), values.get("project")
    hints = {
        "for_team": f" for the team '{team}'" if team else "",
        "team_hint": f" and teamIds [the id of '{team}' from get_teams]" if team else "",
        "for_employee": f" of {employee}" if employee else "",
        "employee_hint": f" and employeeIds [the id of '{employee}' from get_employees]" if employee else "",
        "for_project": f" on the project '{project}'" if project else " for every completed project",
        "project_hint": f", projectIds [the id of '{project}' from get_projects]" if project else "",
    }
    return prompt.template.format_map({**values, **dates_for(values, today), **hints})


class PromptCompletions:
    """Argument values that complete what was typed, read through the catalog's own list tools
    (so the caller's own Gauzy sign-in and the tool policy apply)."""

    def __init__(self, dispatcher: ToolDispatcher) -> None:
        self._dispatcher = dispatcher

    async def complete(self, prompt: str, argument: str, typed: str, invocation: Invocation) -> list[str]:
        spec = next((a for a in prompt_named(prompt).arguments if a.name == argument), None)
        if spec is None or spec.completes is None:
            return []
        tool, arguments, naming = SOURCES[spec.completes]
        outcome = await self._dispatcher.call(tool, arguments, invocation)
        items = [] if outcome.is_error else (outcome.structured or {}).get("items") or []
        names = [person_name(item) if naming == "person" else item.get(naming) for item in items]
        wanted = typed.strip().lower()
        return sorted({n for n in names if isinstance(n, str) and wanted in n.lower()})[:MAX_COMPLETIONS]
