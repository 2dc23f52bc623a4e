"""Named use cases of the teamwork toolsets (time off, daily plans, contacts, comments,
activity logs, skills, reports), for the container's `use_cases` dict."""

from __future__ import annotations

from typing import Any

from dependency_injector import providers

from application.use_cases.activity_logs import FindActivityLogs
from application.use_cases.contact_invites import InviteContact
from application.use_cases.contact_members import UpdateContactByEmployee
from application.use_cases.daily_plans import CreateDailyPlans, DailyPlanStatistics, RemoveTaskFromPlans
from application.use_cases.employee_skills import ChangeEmployeeSkills
from application.use_cases.teamwork_lists import ContactStatistics, ListReports, SearchComments, SearchSkills
from application.use_cases.time_off import ReplaceTimeOffPolicy, TimeOffBalance, TimeOffStatistics
from application.use_cases.time_off_requests import ListTimeOffRequests


def teamwork_use_cases(keeper: providers.Provider[Any], clock: providers.Provider[Any]) -> dict[str, Any]:
    return {
        "replace_time_off_policy": providers.Singleton(ReplaceTimeOffPolicy, keeper, add_members=False),
        "assign_time_off_policy_employees": providers.Singleton(ReplaceTimeOffPolicy, keeper, add_members=True),
        "time_off_balance": providers.Singleton(TimeOffBalance, keeper, clock, mine=False),
        "my_time_off_balance": providers.Singleton(TimeOffBalance, keeper, clock, mine=True),
        "time_off_statistics": providers.Singleton(TimeOffStatistics, keeper),
        "time_off_requests": providers.Singleton(ListTimeOffRequests, keeper),
        "time_off_request_count": providers.Singleton(ListTimeOffRequests, keeper, count=True),
        "my_time_off_requests": providers.Singleton(ListTimeOffRequests, keeper, mine=True),
        "pending_time_off_requests": providers.Singleton(ListTimeOffRequests, keeper,
                                                         fixed={"status": "REQUESTED", "includeArchived": False}),
        "create_daily_plan": providers.Singleton(CreateDailyPlans, keeper, bulk=False),
        "bulk_create_daily_plans": providers.Singleton(CreateDailyPlans, keeper, bulk=True),
        "remove_task_from_daily_plans": providers.Singleton(RemoveTaskFromPlans, keeper, clock),
        "daily_plan_statistics": providers.Singleton(DailyPlanStatistics, keeper),
        "activity_logs": providers.Singleton(FindActivityLogs, keeper, clock, mode="list"),
        "activity_log_count": providers.Singleton(FindActivityLogs, keeper, clock, mode="count"),
        "my_activity_logs": providers.Singleton(FindActivityLogs, keeper, clock, mode="mine"),
        "activity_timeline": providers.Singleton(FindActivityLogs, keeper, clock, mode="timeline"),
        "activity_log_statistics": providers.Singleton(FindActivityLogs, keeper, clock, mode="stats"),
        "search_skills": providers.Singleton(SearchSkills, keeper),
        "search_comments": providers.Singleton(SearchComments, keeper),
        "contact_statistics": providers.Singleton(ContactStatistics, keeper),
        "invite_organization_contact": providers.Singleton(InviteContact, keeper),
        "update_contact_by_employee": providers.Singleton(UpdateContactByEmployee, keeper),
        "list_reports": providers.Singleton(ListReports, keeper),
        "assign_skill": providers.Singleton(ChangeEmployeeSkills, keeper, add=True),
        "unassign_skill": providers.Singleton(ChangeEmployeeSkills, keeper, add=False),
    }
