"""Demo records for goals (OKR objectives), their key results and progress updates, and goal
templates, so the goals and key-results toolsets' list and get tools have data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.outbound.in_memory_gauzy.demo_inventory import Rows, record_id

# (name, level, owner index, progress); the owner index is unused for the Organization level
GOALS = (("Grow recurring revenue 30%", "Organization", 0, 45), ("Ship the mobile app", "Team", 0, 60),
         ("Improve my code review turnaround", "Employee", 0, 20), ("Learn Kubernetes", "Employee", 1, 80))
KEY_RESULTS = (("Sign 20 new subscription customers", 0, "Numerical", 20, 9, "on track"),
               ("Cut churn below 3%", 0, "Numerical", 3, 1, "needs attention"),
               ("Release to both app stores", 1, "True/False", 1, 0, "none"),
               ("Reach 1,000 beta users", 1, "Numerical", 1000, 640, "on track"),
               ("Review within one working day", 2, "Numerical", 30, 6, "off track"),
               ("Pass the CKA exam", 3, "True/False", 1, 1, "on track"))


def seed_goals(data: dict[str, Any], now: datetime) -> None:
    rows = Rows(data, now)
    teams = [team["id"] for team in data["collections"].get("organization-team", [])]
    rows.add("goals", [
        rows.row("goal", i, 30 - i, name=name, description=f"Demo goal: {name}", deadline="Q4 2026", level=level,
                 progress=progress, ownerTeamId=teams[owner] if level == "Team" and teams else None,
                 ownerEmployeeId=rows.employees[owner] if level == "Employee" else None,
                 leadId=rows.employees[0], alignedKeyResultId=None)
        for i, (name, level, owner, progress) in enumerate(GOALS)])
    rows.add("key-results", [
        rows.row("key-result", i, 25 - i, name=name, description=None, goalId=record_id("goal", goal), type=kind,
                 targetValue=target, initialValue=0, update=current, unit="items",
                 progress=round(100 * current / target), deadline="No Custom Deadline", hardDeadline=None,
                 softDeadline=None, status=status, weight="1", ownerId=rows.employees[i % 3], leadId=None)
        for i, (name, goal, kind, target, current, status) in enumerate(KEY_RESULTS)])
    rows.add("key-result-updates", [
        rows.row("key-result-update", i, 10 - i, keyResultId=record_id("key-result", 0), update=value,
                 progress=round(100 * value / 20), owner=rows.employees[0], status="on track")
        for i, value in enumerate((3, 6, 9))])
    rows.add("goal-templates", [
        rows.row("goal-template", i, 90, name=name, level=level, category=category)
        for i, (name, level, category) in enumerate((("Improve customer satisfaction", "Organization", "Sales"),
                                                     ("Hire great engineers", "Team", "HR")))])
