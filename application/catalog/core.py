"""The core set: the tools `tools/list` shows when nothing is configured (docs/decisions/021).

What people ask an assistant for most — their tasks and projects, the timer, who is on the
team — plus signing in and the discovery tools that reach every other tool by search. At most
40 names (clients that read only the first 40 tools see all of them); catalog order applies.
"""

from __future__ import annotations

CORE_TOOLS = (
    # Discovery: find any other tool by words or toolset, then fetch its schema.
    "find_tools", "get_tool_schemas",
    # Signing in and the connection.
    "login", "logout", "get_auth_status", "test_api_connection",
    # The timer.
    "timer_status", "start_timer", "stop_timer",
    # Tasks: find, read, change, assign.
    "get_tasks", "get_task", "get_my_tasks", "get_tasks_by_employee", "get_task_count",
    "create_task", "update_task", "delete_task", "assign_task_to_employee", "unassign_task_from_employee",
    "add_comment_to_task",
    # Projects.
    "get_projects", "get_project", "get_my_projects", "create_project", "update_project",
    "assign_project_to_employee",
    # People.
    "get_employees", "get_employee", "get_current_employee", "get_working_employees",
    # Time tracked: logs, manual time, timesheets, the weekly report, who is tracking now, teams.
    "get_time_logs", "add_manual_time", "get_timesheets", "weekly_time_report", "get_active_timers",
    "get_teams",
)
