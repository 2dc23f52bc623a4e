"""Goals and key results: the exact Gauzy requests their rows and use cases build."""

from __future__ import annotations

import pytest

from application.use_cases.client_query import RunClientQuery
from application.use_cases.goals import AlignGoals
from domain.errors import InvalidInputError
from tests.unit.catalog.recording import SCOPE, RecordingKeeper, query_request_for, request_for, run

ID = "0b6f5c1e-3a2d-4c8b-9e7f-1a2b3c4d5e6f"
PARENT = "1c2d3e4f-5061-4728-9a0b-1c2d3e4f5061"
GOAL = "2d3e4f50-6172-4839-8a1b-2c3d4e5f6071"


def test_goal_create_sends_the_api_level_spelling() -> None:
    request = request_for("create_goal", {"goal_data": {"name": "Grow", "deadline": "Q4 2026",
                                                        "level": "ORGANIZATION"}})
    assert (request.method, request.path) == ("POST", "/api/goals")
    assert request.body == {"name": "Grow", "deadline": "Q4 2026", "level": "Organization", "description": "",
                            "progress": 0, **SCOPE}


def test_goal_progress_is_a_goal_update_that_keeps_the_required_name() -> None:
    request = request_for("update_goal_progress", {"id": ID, "progress": 40})
    assert (request.method, request.path) == ("PUT", f"/api/goals/{ID}")
    assert request.body == {"progress": 40, **SCOPE}


def test_my_goals_are_those_i_own() -> None:
    request = request_for("get_my_goals", {"level": "employee"})
    assert request.path == "/api/goals/pagination"
    assert request.query["where"] == {"level": "Employee", "ownerEmployeeId": "e-1", **SCOPE}


def test_goal_count_filters_are_flat_query_parameters() -> None:
    request = request_for("get_goal_count", {"level": "TEAM"})
    assert (request.path, request.query) == ("/api/goals/count", {"level": "Team", **SCOPE})


def test_key_result_create_fills_what_gauzy_leaves_empty_and_reads_a_date_as_hard_deadline() -> None:
    request = request_for("create_key_result", {"key_result_data": {"name": "Ship", "goalId": GOAL,
                                                                    "deadline": "2026-12-31"}})
    assert (request.method, request.path) == ("POST", "/api/key-results")
    assert request.body == {"name": "Ship", "goalId": GOAL, "deadline": "Hard Deadline",
                            "hardDeadline": "2026-12-31T00:00:00Z", "type": "Numerical", "initialValue": 0,
                            "targetValue": 1, "unit": "items", "update": 0, "progress": 0, "status": "none",
                            "ownerId": "e-1", "description": "", **SCOPE}


def test_key_result_update_entries_go_to_the_existing_route_with_owner_and_status() -> None:
    request = request_for("create_key_result_update", {"keyResultId": ID, "update_data": {"update": 5,
                                                                                          "progress": 50}})
    assert (request.method, request.path) == ("POST", "/api/key-result-updates")
    assert request.body == {"update": 5, "progress": 50, "keyResultId": ID, "owner": "e-1", "status": "on track",
                            **SCOPE}


def test_one_key_result_is_read_from_the_route_that_answers_a_list() -> None:
    request = query_request_for("get_key_result", {"id": ID})
    assert (request.method, request.path, request.query) == ("GET", f"/api/key-results/{ID}", {})


def test_key_result_lists_keep_the_callers_organization_and_filter_here() -> None:
    rows = [{"id": "a", "organizationId": "o-1", "goalId": GOAL, "name": "Mine"},
            {"id": "b", "organizationId": "o-2", "goalId": GOAL, "name": "Other organization"},
            {"id": "c", "organizationId": "o-1", "goalId": PARENT, "name": "Other goal"}]
    keeper = RecordingKeeper({("GET", "/api/key-results"): {"items": rows, "total": 3}})
    page = run(RunClientQuery(keeper), "get_key_results_by_goal", {"goalId": GOAL})
    assert page == {"items": [rows[0]], "total": 1}
    assert keeper.sent[0].query == {}, "GET /key-results reads no query; nothing is sent"


def test_aligning_puts_the_child_under_the_parents_first_key_result() -> None:
    keeper = RecordingKeeper({("GET", "/api/key-results"): {"items": [{"id": "kr-1", "goalId": PARENT}], "total": 1},
                              ("GET", f"/api/goals/{GOAL}"): {"id": GOAL, "name": "Child"}})
    run(AlignGoals(keeper), "align_goals", {"parentGoalId": PARENT, "childGoalId": GOAL})
    update = keeper.sent[-1]
    assert (update.method, update.path) == ("PUT", f"/api/goals/{GOAL}")
    assert update.body == {"name": "Child", "alignedKeyResultId": "kr-1", **SCOPE}


def test_aligning_under_a_goal_without_key_results_says_what_to_do() -> None:
    keeper = RecordingKeeper({("GET", "/api/key-results"): {"items": [], "total": 0}})
    with pytest.raises(InvalidInputError, match="create_key_result"):
        run(AlignGoals(keeper), "align_goals", {"parentGoalId": PARENT, "childGoalId": GOAL})
