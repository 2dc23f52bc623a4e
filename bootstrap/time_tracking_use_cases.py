"""Named use cases of the time logs, time reports, teams and billing toolsets, for the
container's `use_cases` dict."""

from __future__ import annotations

from typing import Any

from dependency_injector import providers

from application.use_cases.catalog_rows import RowRunner
from application.use_cases.team_overview import ProjectProgress, TeamAvailability
from application.use_cases.teams import ActiveTimers, ChangeTeamMembers, ListSprints, ListTeams
from application.use_cases.time_billing import DraftInvoicesFromTime
from application.use_cases.time_reports import ListTimeLogs, TimeReport


def time_tracking_use_cases(keeper: providers.Provider[Any], clock: providers.Provider[Any]) -> dict[str, Any]:
    runner = providers.Singleton(RowRunner, keeper)
    return {
        "list_time_logs": providers.Singleton(ListTimeLogs, runner),
        "daily_time_report": providers.Singleton(TimeReport, runner, ("date", "employee")),
        "weekly_time_report": providers.Singleton(TimeReport, runner, ("employee",), with_days=True),
        "time_per_employee": providers.Singleton(TimeReport, runner, ("employee",)),
        "top_by_hours": providers.Singleton(TimeReport, runner, ("employee",), top=True),
        "active_timers": providers.Singleton(ActiveTimers, runner, clock),
        "team_availability": providers.Singleton(TeamAvailability, runner),
        "project_progress": providers.Singleton(ProjectProgress, runner, clock),
        "list_teams": providers.Singleton(ListTeams, runner),
        "add_team_members": providers.Singleton(ChangeTeamMembers, runner, add=True),
        "remove_team_members": providers.Singleton(ChangeTeamMembers, runner, add=False),
        "list_sprints": providers.Singleton(ListSprints, runner, clock),
        "draft_invoices_from_time": providers.Singleton(DraftInvoicesFromTime, runner, clock),
    }
