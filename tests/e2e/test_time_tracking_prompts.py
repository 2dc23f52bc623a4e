"""The workflow prompts over MCP: listed with their arguments, rendered with dates resolved, and
project, team and employee names completed from the backend's data."""

from __future__ import annotations

from datetime import timedelta

import mcp_types as types
import pytest
from mcp.shared.exceptions import MCPError

from tests.e2e.time_tracking import TimeTrackingBackend, backend, monday, time_double

__all__ = ["backend", "time_double"]
pytestmark = [pytest.mark.e2e, pytest.mark.anyio]


def prompt_text(result: types.GetPromptResult) -> str:
    content = result.messages[0].content
    assert isinstance(content, types.TextContent)
    return content.text


async def complete(client, prompt: str, argument: str, typed: str) -> list[str]:
    result = await client.complete(types.PromptReference(name=prompt), {"name": argument, "value": typed})
    return result.completion.values


async def test_the_workflow_prompts_are_listed_with_their_arguments(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        prompts = {p.name: p for p in (await mcp.client.list_prompts()).prompts}
    assert set(prompts) == {"weekly_timesheet_review", "sprint_time_report", "monthly_invoicing_run"}
    sprint_arguments = {a.name: a.required for a in prompts["sprint_time_report"].arguments or []}
    assert sprint_arguments == {"project": True, "team": False}


async def test_a_prompt_resolves_the_dates_and_names_the_tools(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        weekly = prompt_text(await mcp.client.get_prompt("weekly_timesheet_review", {"team": "QA Team"}))
        invoicing = prompt_text(await mcp.client.get_prompt("monthly_invoicing_run", {"month": "2026-02"}))
        with pytest.raises(MCPError, match="project"):
            await mcp.client.get_prompt("sprint_time_report", {})
        with pytest.raises(MCPError, match="month"):
            await mcp.client.get_prompt("monthly_invoicing_run", {"month": "February"})
    last_week = monday(1)
    assert f"startDate {last_week.isoformat()} and endDate {(last_week + timedelta(days=6)).isoformat()}" in weekly
    assert "'QA Team'" in weekly and "weekly_time_report" in weekly and "review_timesheets" in weekly
    assert "startDate 2026-02-01, endDate 2026-02-28" in invoicing and "draft_invoices_from_time" in invoicing


async def test_names_complete_from_the_backends_data(backend: TimeTrackingBackend) -> None:
    async with backend.request() as mcp:
        projects = await complete(mcp.client, "sprint_time_report", "project", "back")
        teams = await complete(mcp.client, "weekly_timesheet_review", "team", "")
        people = await complete(mcp.client, "weekly_timesheet_review", "employee", "pri")
        free_text = await complete(mcp.client, "weekly_timesheet_review", "week_start", "2026")
    assert projects == ["Backend API"]
    assert teams == sorted(t["name"] for t in backend.rows("OrganizationTeam"))
    assert people == ["Priya Shah"] and free_text == []
