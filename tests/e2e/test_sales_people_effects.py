"""Deals, pipelines, candidates and employee awards: each write tool's effect shows through
the matching read tool, over MCP on the demo Gauzy and on the Gauzy API double."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import BackendClient
from tests.e2e.tool_calls import first_id, ok, refused

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]


async def test_pipeline_stage_changes_keep_the_other_stages(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        pipeline = await ok(client, "create_pipeline", {"pipeline_data": {"name": "Hiring partners", "stages": [
            {"name": "Contacted"}, {"name": "Meeting"}]}})
        pipeline_id = pipeline["id"]
        await ok(client, "update_pipeline", {"id": pipeline_id, "pipeline_data": {"name": "Partners"}})
        added = await ok(client, "add_pipeline_stage", {"pipelineId": pipeline_id,
                                                        "stage_data": {"name": "Intro", "position": 1}})
        await ok(client, "update_pipeline_stage", {"pipelineId": pipeline_id, "stageId": added["id"],
                                                   "stage_data": {"name": "Warm intro", "position": 3}})
        shown = await ok(client, "get_pipeline", {"id": pipeline_id, "relations": ["stages"]})
        stages = sorted(shown["stages"], key=lambda s: s["index"])
        assert shown["name"] == "Partners"
        assert [s["name"] for s in stages] == ["Contacted", "Meeting", "Warm intro"]

        await ok(client, "remove_pipeline_stage", {"pipelineId": pipeline_id, "stageId": added["id"]})
        shown = await ok(client, "get_pipeline", {"id": pipeline_id, "relations": ["stages"]})
        assert sorted(s["name"] for s in shown["stages"]) == ["Contacted", "Meeting"]

        await ok(client, "delete_pipeline", {"id": pipeline_id})
        assert await refused(client, "get_pipeline", {"id": pipeline_id})


async def test_deal_lifecycle_moves_through_named_stages(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        pipeline = await ok(client, "create_pipeline", {"pipeline_data": {"name": "Deals test", "stages": [
            {"name": "Lead"}, {"name": "Qualified Lead"}, {"name": "Won"}]}})
        deal = await ok(client, "create_deal", {"deal_data": {"title": "Unique widget order",
                                                              "pipelineId": pipeline["id"]}})
        assert deal["probability"] == 0
        await ok(client, "update_deal", {"id": deal["id"], "deal_data": {"probability": 4}})
        moved = await ok(client, "update_deal_stage", {"id": deal["id"], "stage": "QUALIFIED_LEAD"})
        assert moved["stage"]["name"] == "Qualified Lead"
        shown = await ok(client, "get_deal", {"id": deal["id"], "relations": ["stage"]})
        assert (shown["probability"], shown["stage"]["name"]) == (4, "Qualified Lead")
        in_stage = await ok(client, "get_deals", {"stage": "Qualified Lead"})
        assert deal["id"] in [d["id"] for d in in_stage["items"]]
        found = await ok(client, "search_deals", {"query": "WIDGET"})
        assert [d["id"] for d in found["items"]] == [deal["id"]]
        assert "no stage named" in (await refused(client, "update_deal_stage", {"id": deal["id"], "stage": "Lost"}))

        await ok(client, "delete_deal", {"id": deal["id"]})
        assert await refused(client, "get_deal", {"id": deal["id"]})


async def test_candidate_lifecycle_and_profile(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        created = await ok(client, "create_candidate", {"candidate_data": {"user": {
            "email": "ada.candidate@example.com", "firstName": "Ada"}}})
        assert created["status"] == "APPLIED" and "password" not in created
        candidate_id = created["id"]
        await ok(client, "update_candidate", {"id": candidate_id, "candidate_data": {"candidateLevel": "Senior"}})
        await ok(client, "rate_candidate", {"id": candidate_id, "rating": 4.5})
        await ok(client, "add_candidate_skill", {"candidateId": candidate_id, "skill": {"name": "Rust"}})
        await ok(client, "add_candidate_experience", {"candidateId": candidate_id, "experience": {
            "occupation": "Engineer", "duration": "3 years"}})
        await ok(client, "add_candidate_education", {"candidateId": candidate_id, "education": {
            "schoolName": "Tech", "degree": "BSc", "field": "CS", "completionDate": "2020-06-30"}})
        shown = await ok(client, "get_candidate", {"id": candidate_id})
        assert (shown["candidateLevel"], shown["rating"]) == ("Senior", 4.5)
        for tool, field, value in (("get_candidate_skills", "name", "Rust"),
                                   ("get_candidate_experience", "occupation", "Engineer"),
                                   ("get_candidate_education", "schoolName", "Tech")):
            listed = await ok(client, tool, {"candidateId": candidate_id})
            assert [row[field] for row in listed["items"]] == [value]

        await ok(client, "update_candidate_status", {"id": candidate_id, "status": "REJECTED"})
        await ok(client, "update_candidate_status", {"id": candidate_id, "status": "APPLIED"})
        hired = await ok(client, "update_candidate_status", {"id": candidate_id, "status": "hired"})
        assert hired["status"] == "HIRED" and hired["employeeId"]
        assert (await ok(client, "get_employee", {"id": hired["employeeId"]}))["userId"] == created["userId"]

        await ok(client, "delete_candidate", {"id": candidate_id})
        assert await refused(client, "get_candidate", {"id": candidate_id})


async def test_award_lifecycle_and_bulk_tools(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee_id = await first_id(client, "get_employees")
        award = await ok(client, "create_employee_award", {"award_data": {"name": "Rookie", "year": 2024,
                                                                          "employeeId": employee_id}})
        await ok(client, "update_employee_award", {"id": award["id"], "award_data": {"year": "2025"}})
        shown = await ok(client, "get_employee_award", {"id": award["id"]})
        assert (shown["name"], shown["year"]) == ("Rookie", "2025")
        await ok(client, "delete_employee_award", {"id": award["id"]})
        assert await refused(client, "get_employee_award", {"id": award["id"]})

        made = await ok(client, "bulk_create_employee_awards", {"awards": [
            {"name": "Bulk A", "year": 2023, "employeeId": employee_id}]})
        new_id = made["results"][0]["id"]
        unknown = "0b6f5c1e-3a2d-4c8b-9e7f-1a2b3c4d5e6f"
        changed = await ok(client, "bulk_update_employee_awards", {"awards": [
            {"id": new_id, "data": {"name": "Bulk B"}}, {"id": unknown, "data": {"name": "Nobody's"}}]})
        assert (changed["succeeded"], changed["failed"]) == (1, 1)
        assert changed["results"][1]["id"] == unknown and changed["results"][1]["error"]
        by_employee = await ok(client, "get_employee_awards_by_employee", {"employeeId": employee_id})
        assert "Bulk B" in [a["name"] for a in by_employee["items"]]
        await ok(client, "bulk_delete_employee_awards", {"ids": [new_id]})
        assert await refused(client, "get_employee_award", {"id": new_id})
