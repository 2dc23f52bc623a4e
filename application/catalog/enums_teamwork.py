"""Enums of the teamwork toolsets (time off, daily plans, contacts, comments, activity logs,
skills, reports): the real API's values (gauzy-contracts `enums`), with the reference
server's spellings accepted as aliases. Case, `_` and `-` differences fold automatically."""

from __future__ import annotations

from application.catalog.fields import api_enum

# StatusTypesEnum without "ALL", which is only a filter value of Gauzy's own UI.
TimeOffStatus = api_enum(("REQUESTED", "APPROVED", "DENIED"), what="time-off status")
DailyPlanStatus = api_enum(("open", "in-progress", "completed"), what="daily plan status")
ContactType = api_enum(("CLIENT", "CUSTOMER", "LEAD"), what="contact type")
ContactInviteStatus = api_enum(("NOT_INVITED", "INVITED", "ACCEPTED"), what="invite status")
ContactBudgetType = api_enum(("hours", "cost"), what="budget type")
# Gauzy invites a contact by email only.
ContactInviteType = api_enum(("EMAIL",), what="invite type")

BASE_ENTITIES = (
    "Broadcast", "Candidate", "Comment", "Contact", "Currency", "DailyPlan", "Dashboard", "DashboardWidget",
    "Employee", "Expense", "Invoice", "Income", "Language", "Organization", "OrganizationContact",
    "OrganizationDepartment", "OrganizationDocument", "OrganizationProject", "OrganizationTeam",
    "OrganizationProjectModule", "OrganizationSprint", "OrganizationVendor", "ResourceLink", "ScreeningTask",
    "OrganizationStrategicInitiative", "Task", "TaskLinkedIssue", "TaskView", "User", "Tenant",
)
# BaseEntityEnum: what a comment or an activity log is about. The reference's TASK, USER,
# INVOICE, ... fold onto these; its GOAL, DEAL and OTHER have no counterpart in Gauzy.
BaseEntity = api_enum(
    BASE_ENTITIES,
    {"PROJECT": "OrganizationProject", "ORGANIZATION_PROJECT": "OrganizationProject",
     "ORGANIZATION_CONTACT": "OrganizationContact", "CLIENT": "OrganizationContact",
     "TEAM": "OrganizationTeam", "ORGANIZATION_TEAM": "OrganizationTeam", "DAILY_PLAN": "DailyPlan"},
    what="entity type code",
)
ActionType = api_enum(("Created", "Updated", "Deleted"), what="activity action")
ActorType = api_enum(("System", "User"), what="actor type")
ActivitySortField = api_enum(("createdAt", "updatedAt", "entity", "action"), what="sort field")
ActivityGroupBy = api_enum(("entity", "action", "user", "date", "hour"), what="grouping")
TimeOffGroupBy = api_enum(("employee", "policy", "status", "month"), what="grouping")
