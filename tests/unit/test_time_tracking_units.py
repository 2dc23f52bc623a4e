"""The pure parts of time tracking: end dates, report grouping, invoice lines, prompt dates."""

from __future__ import annotations

from datetime import date

import pytest

from application.catalog.toolsets.time_logs import GetTimeLogs
from application.prompts import PROMPTS, dates_for, render
from application.use_cases.time_billing import invoice_lines, why_not
from application.use_cases.time_reports import group, log_row
from domain.errors import InvalidInputError


def test_a_date_only_end_date_is_the_end_of_that_day_and_a_moment_is_kept() -> None:
    whole_day = GetTimeLogs(startDate="2026-11-23", endDate="2026-11-27")
    assert (whole_day.startDate, whole_day.endDate) == ("2026-11-23T00:00:00Z", "2026-11-27T23:59:59.999Z")
    assert GetTimeLogs(startDate="2026-11-23", endDate="2026-11-27T12:00:00Z").endDate == "2026-11-27T12:00:00Z"


def log(employee: str, started: str, seconds: int, rate: float = 50, task: str | None = None) -> dict:
    return {"id": f"{employee}-{started}", "employeeId": employee, "startedAt": started, "duration": seconds,
            "taskId": task, "employee": {"fullName": employee.title(), "billRateValue": rate},
            "task": {"title": f"Task {task}"} if task else None}


def test_reports_sum_seconds_per_group_with_hours_per_day() -> None:
    entries = (log("ann", "2026-11-23T09:00:00Z", 3600), log("ann", "2026-11-24T09:00:00Z", 5400),
               log("bob", "2026-11-23T09:00:00Z", 900))
    rows = [log_row(entry) for entry in entries]
    weekly = {r["employeeId"]: r for r in group(rows, ("employee",), with_days=True)}
    assert (weekly["ann"]["seconds"], weekly["ann"]["hours"], weekly["ann"]["logs"]) == (9000, 2.5, 2)
    assert weekly["ann"]["days"] == {"2026-11-23": 1.0, "2026-11-24": 1.5} and weekly["bob"]["employeeName"] == "Bob"
    daily = group(rows, ("date", "employee"))
    assert sorted((r["date"], r["employeeId"], r["seconds"]) for r in daily) == [
        ("2026-11-23", "ann", 3600), ("2026-11-23", "bob", 900), ("2026-11-24", "ann", 5400)]


def test_invoice_lines_are_rounded_hours_times_rate_per_employee_or_task() -> None:
    logs = [log("ann", "2026-11-23T09:00:00Z", 4000, 80, "t1"), log("ann", "2026-11-24T09:00:00Z", 3200, 80, "t2")]
    (by_employee,) = invoice_lines(logs, "employee")
    assert (by_employee["hours"], by_employee["amount"]) == (2.0, 160.0)
    by_task = invoice_lines(logs, "task")
    assert sorted((line["taskId"], line["hours"], line["amount"]) for line in by_task) == [
        ("t1", 1.11, 88.8), ("t2", 0.89, 71.2)]
    assert "Task t1" in next(line["description"] for line in by_task if line["taskId"] == "t1")


def test_a_project_is_not_invoiced_without_client_time_or_rates() -> None:
    priced = invoice_lines([log("ann", "2026-11-23T09:00:00Z", 3600, 0)], "employee")
    assert "client" in str(why_not({"organizationContactId": None}, priced))
    assert "no time" in str(why_not({"organizationContactId": "c"}, []))
    assert "Ann" in str(why_not({"organizationContactId": "c"}, priced))
    assert why_not({"organizationContactId": "c"}, invoice_lines([log("ann", "2026-11-23", 60)], "employee")) is None


@pytest.mark.parametrize(("today", "month_start", "month_end"), [
    (date(2026, 3, 15), "2026-02-01", "2026-02-28"), (date(2026, 1, 1), "2025-12-01", "2025-12-31")])
def test_prompt_dates_default_to_last_week_and_last_month(today: date, month_start: str, month_end: str) -> None:
    dates = dates_for({}, today)
    assert (dates["month_start"], dates["month_end"]) == (month_start, month_end)
    assert date.fromisoformat(dates["week_start"]).weekday() == 0 and dates["week_start"] < today.isoformat()


def test_prompt_arguments_are_checked() -> None:
    sprint = next(p for p in PROMPTS if p.name == "sprint_time_report")
    with pytest.raises(InvalidInputError, match="project"):
        render(sprint, {}, date(2026, 11, 30))
    with pytest.raises(InvalidInputError, match="week_start"):
        render(PROMPTS[0], {"week_start": "next monday"}, date(2026, 11, 30))
    assert "'Backend API'" in render(sprint, {"project": "Backend API"}, date(2026, 11, 30))
