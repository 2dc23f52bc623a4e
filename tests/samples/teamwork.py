"""Samples for time off, daily plans, organization contacts, comments, activity logs, skills
and reports: only the parameters the reference marks required (spelled the reference's way
where it differs from Gauzy's, e.g. status "OPEN", entity "TASK")."""

from __future__ import annotations

from typing import Any

NEW_REQUEST = "$new:create_time_off_request"
NEW_POLICY = "$new:create_time_off_policy"
NEW_PLAN = "$new:create_daily_plan"
NEW_CONTACT = "$new:create_organization_contact"
NEW_COMMENT = "$new:create_comment"
NEW_SKILL = "$new:create_skill"
ORG = {"organizationId": "$organization"}

TIME_OFF: dict[str, dict[str, Any]] = {
    "get_time_off_requests": {},
    "get_time_off_request_count": {},
    "get_time_off_request": {"id": NEW_REQUEST},
    "create_time_off_request": {"request_data": {"startDate": "2026-12-21", "endDate": "2026-12-24",
                                                 "employeeId": "$employee", "policyId": NEW_POLICY}},
    "update_time_off_request": {"id": NEW_REQUEST, "request_data": {"description": "Family trip"}},
    "delete_time_off_request": {"id": NEW_REQUEST},
    "approve_time_off_request": {"id": NEW_REQUEST},
    "deny_time_off_request": {"id": NEW_REQUEST},
    "cancel_time_off_request": {"id": NEW_REQUEST},
    "get_my_time_off_requests": {},
    "get_pending_time_off_requests": {},
    "get_time_off_policies": {},
    "get_time_off_policy": {"id": NEW_POLICY},
    "create_time_off_policy": {"policy_data": {"name": "Sample leave", "type": "VACATION"}},
    "update_time_off_policy": {"id": NEW_POLICY, "policy_data": {"paid": False}},
    "delete_time_off_policy": {"id": NEW_POLICY},
    "assign_employees_to_time_off_policy": {"policyId": NEW_POLICY, "employeeIds": ["$employee"]},
    "get_time_off_balance": {"employeeId": "$employee"},
    "get_my_time_off_balance": {},
    "get_time_off_statistics": {},
}

DAILY_PLAN: dict[str, dict[str, Any]] = {
    "get_daily_plans": {},
    "get_my_daily_plans": {},
    "get_team_daily_plans": {},
    "get_employee_daily_plans": {"employeeId": "$employee"},
    "get_daily_plans_for_task": {"taskId": "$task"},
    "get_daily_plan": {"id": NEW_PLAN},
    "create_daily_plan": {"daily_plan_data": {"date": "2026-12-01", "workTimePlanned": 6, "status": "OPEN"}},
    "update_daily_plan": {"id": NEW_PLAN, "plan_data": {"status": "IN_PROGRESS"}},
    "delete_daily_plan": {"id": NEW_PLAN},
    "add_task_to_daily_plan": {"planId": NEW_PLAN, "taskId": "$task", "employeeId": "$my_employee"},
    "remove_task_from_daily_plan": {"planId": NEW_PLAN, "taskId": "$task", "employeeId": "$my_employee"},
    "remove_task_from_many_daily_plans": {"taskId": "$task", "employeeId": "$my_employee"},
    "get_daily_plan_count": {},
    "get_daily_plan_statistics": {},
    "bulk_create_daily_plans": {"plans": [{"date": "2026-12-02", "workTimePlanned": 4, "status": "OPEN"}]},
    "bulk_update_daily_plans": {"plans": [{"id": NEW_PLAN, "date": "2026-12-03", "workTimePlanned": 5,
                                           "status": "COMPLETED"}]},
    "bulk_delete_daily_plans": {"ids": [NEW_PLAN]},
}

CONTACTS: dict[str, dict[str, Any]] = {
    "get_organization_contacts": ORG,
    "get_organization_contact_count": ORG,
    "get_organization_contacts_pagination": ORG,
    "get_organization_contacts_by_employee": {"employeeId": "$employee", **ORG},
    "get_organization_contact": {"id": "$contact"},
    "create_organization_contact": {"contact_data": {"name": "Sample client", **ORG}},
    "update_organization_contact": {"id": NEW_CONTACT, "contact_data": {"notes": "Met at the fair"}},
    "update_organization_contact_by_employee": {"id": "$employee", **ORG,
                                                "contact_data": {"addedEntityIds": ["$contact"]}},
    "delete_organization_contact": {"id": NEW_CONTACT},
    "bulk_create_organization_contacts": {"contacts": [{"name": "Bulk client", **ORG}]},
    "bulk_update_organization_contacts": {"contacts": [{"id": NEW_CONTACT, "name": "Renamed client", **ORG,
                                                        "tenantId": "$tenant"}]},
    "bulk_delete_organization_contacts": {"ids": [NEW_CONTACT]},
    "get_organization_contact_statistics": ORG,
    "assign_contact_to_employee": {"contactId": "$contact", "employeeId": "$employee", **ORG},
    "unassign_contact_from_employee": {"contactId": "$contact", "employeeId": "$employee", **ORG},
    "get_contact_projects": {"contactId": "$contact", **ORG},
    "invite_organization_contact": {"contactId": "$contact_with_email", **ORG},
}

COMMENTS: dict[str, dict[str, Any]] = {
    "get_comments": {},
    "get_comment_count": {},
    "get_comment": {"id": NEW_COMMENT},
    "create_comment": {"comment_data": {"comment": "Looks good to me.", "entity": "TASK", "entityId": "$task"}},
    "update_comment": {"id": NEW_COMMENT, "comment_data": {"comment": "Edited: looks good."}},
    "delete_comment": {"id": NEW_COMMENT},
    "get_comments_by_entity": {"entity": "TASK", "entityId": "$task"},
    "reply_to_comment": {"parentId": NEW_COMMENT, "comment": "Agreed.", "entity": "TASK", "entityId": "$task"},
    "get_comment_replies": {"parentId": NEW_COMMENT},
    "get_my_comments": {},
    "add_comment_to_task": {"taskId": "$task", "comment": "On it."},
    "add_comment_to_project": {"projectId": "$project", "comment": "Kick-off done."},
    "search_comments": {"query": "review"},
    "get_recent_comments": {},
}

ACTIVITY_LOGS: dict[str, dict[str, Any]] = {
    "get_activity_logs": {},
    "get_activity_log_count": {},
    "get_activity_logs_by_entity": {"entity": "TASK", "entityId": "$task"},
    "get_activity_logs_by_user": {"userId": "$my_user"},
    "get_my_activity_logs": {},
    "get_recent_activity_logs": {},
    "get_activity_log_statistics": {},
    "search_activity_logs": {"query": "updated"},
    "get_activity_timeline": {"entity": "TASK", "entityId": "$task"},
}

SKILLS: dict[str, dict[str, Any]] = {
    "get_skills": {},
    "get_skill": {"id": NEW_SKILL},
    "create_skill": {"skill_data": {"name": "Sample skill"}},
    "update_skill": {"id": NEW_SKILL, "skill_data": {"color": "#ff0000"}},
    "delete_skill": {"id": NEW_SKILL},
    "assign_skill_to_employee": {"skillId": NEW_SKILL, "employeeId": "$employee"},
    "remove_skill_from_employee": {"skillId": NEW_SKILL, "employeeId": "$employee"},
    "get_skills_by_employee": {"employeeId": "$employee"},
    "search_skills": {"query": "react"},
    "bulk_create_skills": {"skills": [{"name": "Bulk skill"}]},
}

REPORTS: dict[str, dict[str, Any]] = {
    "get_reports": {},
    "get_report_categories": {},
    "get_report_menu_items": {},
    "update_report_menu": {"reportId": "$report", "isEnabled": True},
}

SAMPLES = {**TIME_OFF, **DAILY_PLAN, **CONTACTS, **COMMENTS, **ACTIVITY_LOGS, **SKILLS, **REPORTS}
