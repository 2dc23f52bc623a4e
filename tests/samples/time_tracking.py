"""Samples for the time logs, timesheets, time reports, teams and billing tools (beyond the
reference: these are the arguments each tool requires)."""

from __future__ import annotations

from typing import Any

NEW_LOG = "$new:add_manual_time"
PERIOD = {"startDate": "2026-01-01", "endDate": "2026-12-31"}

SAMPLES: dict[str, dict[str, Any]] = {
    "get_time_logs": PERIOD,
    "get_time_log": {"id": NEW_LOG},
    "add_manual_time": {"startedAt": "2026-11-02T09:00:00Z", "stoppedAt": "2026-11-02T10:30:00Z"},
    "update_time_log": {"id": NEW_LOG, "description": "Pairing on the adapter"},
    "delete_time_logs": {"ids": [NEW_LOG]},
    "get_timesheets": PERIOD,
    "submit_timesheets": {"ids": ["$timesheet"]},
    "review_timesheets": {"ids": ["$timesheet"], "decision": "APPROVED"},
    "daily_time_report": PERIOD,
    "weekly_time_report": PERIOD,
    "time_per_employee": PERIOD,
    "top_by_hours": PERIOD,
    "get_active_timers": {},
    "get_teams": {},
    "add_team_members": {"teamId": "$team", "employeeIds": ["$my_employee"]},
    "remove_team_members": {"teamId": "$team", "employeeIds": ["$my_employee"]},
    "get_sprints": {},
    "draft_invoices_from_time": PERIOD,
}
SAMPLES |= {
    "get_team_availability": {"teamId": "$team", **PERIOD},
    "get_project_progress": {"projectId": "$project"},
}
