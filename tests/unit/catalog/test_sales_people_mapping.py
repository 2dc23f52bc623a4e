"""Deals, pipelines, candidates and employee awards: the exact Gauzy requests their rows build."""

from __future__ import annotations

from typing import Any

import pytest

from application.catalog.model import ResourceCall, ToolSpec, UseCaseCall
from application.catalog.toolsets import candidate_profile, candidates, deals, employee_awards, pipelines
from application.requests import build_request
from application.validation import validate_arguments
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest
from tests.unit.catalog.test_finance_mapping import CREDENTIAL, ID, SCOPE

MODULES = (deals, pipelines, candidates, candidate_profile, employee_awards)
TOOLS = {tool.name: tool for module in MODULES for tool in module.TOOLS}


def request_for(name: str, arguments: dict[str, Any]) -> GauzyRequest:
    tool: ToolSpec = TOOLS[name]
    assert isinstance(tool.operation, ResourceCall)
    values = validate_arguments(tool.input_model, arguments).model_dump(exclude_none=True)
    return build_request(tool.operation, values, CREDENTIAL)


def test_deals_are_listed_by_find_all_with_offset_paging_and_stage_names() -> None:
    """/api/deals/:id is declared before /count and /pagination and would capture them."""
    request = request_for("get_deals", {"stage": "Negotiation", "page": 3, "limit": 10})
    assert (request.method, request.path) == ("GET", "/api/deals")
    assert request.query == {"where": {"stage": {"name": "Negotiation"}, **SCOPE}, "take": 10, "skip": 20}


def test_deal_count_reads_the_total_of_find_all() -> None:
    request = request_for("get_deal_count", {"clientId": ID})
    assert (request.path, request.query) == ("/api/deals", {"where": {"clientId": ID, **SCOPE}, "take": 1, "skip": 0})


def test_my_deals_are_those_the_signed_in_user_created() -> None:
    assert request_for("get_my_deals", {}).query["where"] == {"createdByUserId": "u-1", **SCOPE}


def test_deal_use_cases_name_the_routes_they_call() -> None:
    operation = TOOLS["update_deal_stage"].operation
    assert isinstance(operation, UseCaseCall)
    assert operation.routes == ("GET /api/deals/:id", "GET /api/pipelines/:id", "PUT /api/deals/:id")


def test_pipeline_search_uses_the_paginated_name_filter() -> None:
    request = request_for("get_pipelines", {"search": "Sales", "relations": ["stages"]})
    assert (request.path, request.query) == ("/api/pipelines/pagination", {
        "where": {"name": "Sales", **SCOPE}, "take": 10, "skip": 1, "relations": ["stages"]})


def test_candidate_rating_is_a_plain_update() -> None:
    request = request_for("rate_candidate", {"id": ID, "rating": 4.5})
    assert (request.method, request.path, request.body) == ("PUT", f"/api/candidate/{ID}", {"rating": 4.5, **SCOPE})


def test_candidate_status_route_takes_the_status_in_the_path() -> None:
    request = build_request(candidates.STATUS, {"id": ID, "status": "hired"}, CREDENTIAL)
    assert (request.method, request.path, request.body) == ("PUT", f"/api/candidate/{ID}/hired", {})


def test_candidate_list_searches_the_users_first_name() -> None:
    request = request_for("get_candidates", {"search": "Maya", "status": "rejected"})
    assert request.query["where"] == {"status": "REJECTED", "user": {"firstName": "Maya"}, **SCOPE}


def test_candidate_skill_keeps_the_proficiency_in_its_name() -> None:
    request = request_for("add_candidate_skill", {"candidateId": ID, "skill": {"name": "Go", "proficiency": "Expert"}})
    assert request.path == "/api/candidate-skills"
    assert request.body == {"name": "Go (Expert)", "candidateId": ID, **SCOPE}


def test_candidate_experience_keeps_the_employer_in_the_description() -> None:
    request = request_for("add_candidate_experience", {"candidateId": ID, "experience": {
        "occupation": "Engineer", "duration": "2 years", "organization": "Initech"}})
    assert request.body == {"occupation": "Engineer", "duration": "2 years", "description": "At Initech.",
                            "candidateId": ID, **SCOPE}


def test_awards_sort_by_the_reference_parameters() -> None:
    request = request_for("get_employee_awards", {"sortBy": "year", "sortOrder": "ASC", "year": 2025})
    assert (request.path, request.query) == ("/api/employee-award", {
        "where": {"year": "2025", **SCOPE}, "take": 10, "skip": 0, "order": {"year": "ASC"}})


def test_award_create_defaults_to_the_signed_in_employee() -> None:
    request = request_for("create_employee_award", {"award_data": {"name": "Mentor", "year": "2026"}})
    assert request.body == {"name": "Mentor", "year": "2026", "employeeId": "e-1", **SCOPE}


def test_award_year_must_be_four_digits() -> None:
    with pytest.raises(InvalidInputError, match="year"):
        request_for("get_employee_awards_by_year", {"year": "26"})
