"""Enums of the goals and key-results toolsets, as the API spells them (GoalLevelEnum, ...);
the reference server's UPPER_CASE names are accepted (case, `_`, `-` and spaces are folded)."""

from __future__ import annotations

from application.catalog.fields import api_enum

GoalLevel = api_enum(("Organization", "Team", "Employee"), what="goal level")
KeyResultType = api_enum(("Numerical", "True/False", "Currency", "Task", "KPI"),
                         {"TRUE_OR_FALSE": "True/False", "BOOLEAN": "True/False", "NUMBER": "Numerical"},
                         what="key result type")
KeyResultDeadline = api_enum(("No Custom Deadline", "Hard Deadline", "Hard and Soft Deadline"),
                             {"NONE": "No Custom Deadline", "HARD": "Hard Deadline"}, what="key result deadline")
# KeyResultUpdateStatusEnum: also the values Gauzy's web app stores in a key result's `status`.
KeyResultStatus = api_enum(("on track", "needs attention", "off track", "none"),
                           {"ON_TRACK": "on track", "AT_RISK": "needs attention", "BEHIND": "off track"},
                           what="key result status")
GoalGrouping = api_enum(("level",), what="grouping")
