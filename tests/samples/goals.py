"""Samples for goals and key results."""

from __future__ import annotations

SAMPLES = {
    "get_goals": {},
    "get_goal_count": {},
    "get_goal": {"id": "$goal"},
    "create_goal": {"goal_data": {"name": "Sample goal", "deadline": "Q4 2026", "level": "ORGANIZATION"}},
    "update_goal": {"id": "$new:create_goal", "goal_data": {"description": "Updated by a test"}},
    "update_goal_progress": {"id": "$new:create_goal", "progress": 40},
    "delete_goal": {"id": "$new:create_goal"},
    "get_my_goals": {},
    "get_team_goals": {"teamId": "$team"},
    "get_goal_statistics": {},
    "align_goals": {"parentGoalId": "$goal_with_key_results", "childGoalId": "$new:create_goal"},
    "get_goal_templates": {},
    "get_key_results": {},
    "get_key_result_count": {},
    "get_key_result": {"id": "$key_result"},
    "create_key_result": {"key_result_data": {"name": "Sample key result", "goalId": "$goal",
                                              "deadline": "2026-12-31"}},
    "update_key_result": {"id": "$new:create_key_result", "key_result_data": {"description": "Updated by a test"}},
    "update_key_result_progress": {"id": "$new:create_key_result", "progress": 50},
    "delete_key_result": {"id": "$new:create_key_result"},
    "get_key_results_by_goal": {"goalId": "$goal"},
    "get_my_key_results": {},
    "create_key_result_update": {"keyResultId": "$key_result", "update_data": {"update": 5, "progress": 50}},
    "get_key_result_updates": {"keyResultId": "$key_result"},
    "get_key_result_statistics": {},
}
