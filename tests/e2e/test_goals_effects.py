"""Goals and key results: each write tool's effect shows through the matching read tool,
over MCP on the demo Gauzy and on the Gauzy API double."""

from __future__ import annotations

import pytest
from mcp import Client

from tests.e2e.conftest import BackendClient
from tests.e2e.tool_calls import ok, refused

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]




async def new_goal(client: Client, name: str) -> str:
    goal = await ok(client, "create_goal", {"goal_data": {"name": name, "deadline": "Q1 2027", "level": "EMPLOYEE",
                                                         "ownerEmployeeId": await my_employee(client)}})
    return str(goal["id"])


async def my_employee(client: Client) -> str:
    return str((await ok(client, "get_current_employee", {}))["id"])


async def test_goal_lifecycle(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        goal = await new_goal(client, "Effect goal")
        shown = await ok(client, "get_goal", {"id": goal})
        assert (shown["name"], shown["level"], shown["deadline"]) == ("Effect goal", "Employee", "Q1 2027")
        assert goal in [row["id"] for row in (await ok(client, "get_my_goals", {"limit": 100}))["items"]]

        await ok(client, "update_goal", {"id": goal, "goal_data": {"description": "Measured weekly"}})
        await ok(client, "update_goal_progress", {"id": goal, "progress": 35})
        shown = await ok(client, "get_goal", {"id": goal})
        assert (shown["description"], shown["progress"], shown["name"]) == ("Measured weekly", 35, "Effect goal")

        await ok(client, "delete_goal", {"id": goal})
        assert "not_found" in await refused(client, "get_goal", {"id": goal})


async def test_aligned_goal_points_at_the_parents_key_result(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        parent, child = await new_goal(client, "Parent goal"), await new_goal(client, "Child goal")
        refusal = await refused(client, "align_goals", {"parentGoalId": parent, "childGoalId": child})
        assert "create_key_result" in refusal
        key_result = await ok(client, "create_key_result", {"key_result_data": {
            "name": "Parent KR", "goalId": parent, "deadline": "NO_CUSTOM_DEADLINE"}})
        await ok(client, "align_goals", {"parentGoalId": parent, "childGoalId": child})
        assert (await ok(client, "get_goal", {"id": child}))["alignedKeyResultId"] == key_result["id"]


async def test_key_result_lifecycle_and_progress_history(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        goal = await new_goal(client, "Goal with key results")
        created = await ok(client, "create_key_result", {"key_result_data": {
            "name": "Ten demos", "goalId": goal, "deadline": "2027-03-31", "targetValue": 10}})
        shown = await ok(client, "get_key_result", {"id": created["id"]})
        assert (shown["deadline"], shown["hardDeadline"], shown["type"]) == ("Hard Deadline", "2027-03-31T00:00:00Z",
                                                                             "Numerical")
        assert shown["ownerId"] == await my_employee(client)

        await ok(client, "update_key_result", {"id": created["id"], "key_result_data": {"status": "ON_TRACK"}})
        await ok(client, "update_key_result_progress", {"id": created["id"], "progress": 30, "update": 3})
        by_goal = await ok(client, "get_key_results_by_goal", {"goalId": goal, "status": "on track"})
        assert [(row["id"], row["progress"], row["update"]) for row in by_goal["items"]] == [(created["id"], 30, 3)]

        await ok(client, "create_key_result_update", {"keyResultId": created["id"],
                                                      "update_data": {"update": 4, "progress": 40}})
        history = await ok(client, "get_key_result_updates", {"keyResultId": created["id"]})
        assert [(row["update"], row["status"]) for row in history["items"]] == [(4, "on track")]
        assert len((await ok(client, "get_key_result", {"id": created["id"]}))["updates"]) == 1

        await ok(client, "delete_key_result", {"id": created["id"]})
        assert "not_found" in await refused(client, "get_key_result", {"id": created["id"]})
