"""Invalid arguments are reported with the field, the bad value and what is allowed."""

from __future__ import annotations

import pytest

from application.catalog import full_catalog
from application.validation import validate_arguments
from domain.errors import InvalidInputError

CATALOG = full_catalog()


def problems(tool: str, arguments: dict) -> str:
    with pytest.raises(InvalidInputError) as caught:
        validate_arguments(CATALOG.get(tool).input_model, arguments)
    return str(caught.value)


def test_enum_error_names_field_value_and_allowed_values() -> None:
    text = problems("get_tasks", {"status": "WRONG"})
    assert "status" in text and "'WRONG'" in text and "in-progress" in text


def test_missing_required_field_is_named() -> None:
    assert "task_data: required" in problems("create_task", {})


def test_nested_field_path_is_named() -> None:
    assert "task_data.title" in problems("create_task", {"task_data": {"title": ""}})


def test_unknown_parameter_lists_the_allowed_ones() -> None:
    text = problems("get_task", {"id": "7b0c7a3e-0e1b-4a57-9a3a-0d5e3b1c2d4f", "idd": 1})
    assert "idd: unknown parameter" in text and "relations" in text


def test_bad_uuid_and_bad_date_are_explained() -> None:
    assert "id" in problems("get_task", {"id": "not-a-uuid"})
    text = problems("create_task", {"task_data": {"title": "x", "dueDate": "next tuesday"}})
    assert "task_data.dueDate" in text and "ISO 8601" in text


def test_passwords_are_never_echoed() -> None:
    text = problems("login", {"email": "a@b.c", "password": 12345})
    assert "12345" not in text and "<hidden>" in text


def test_reference_spellings_are_accepted_as_aliases() -> None:
    args = validate_arguments(CATALOG.get("get_tasks").input_model, {"status": "IN_PROGRESS", "priority": "HIGHEST"})
    assert args.model_dump(exclude_none=True)["status"] == "in-progress"
    assert args.model_dump(exclude_none=True)["priority"] == "urgent"


def test_dates_become_iso_timestamps() -> None:
    model = CATALOG.get("create_task").input_model
    args = validate_arguments(model, {"task_data": {"title": "x", "dueDate": "2026-12-01"}})
    assert args.model_dump()["task_data"]["dueDate"] == "2026-12-01T00:00:00Z"


def test_an_integral_number_of_any_size_is_an_integer_as_the_published_schema_says() -> None:
    """JSON Schema's `integer` takes 9.223372036854776e+18; pydantic alone refused it past 2**63."""
    model = full_catalog().get("get_employees").input_model
    assert validate_arguments(model, {"page": 9.223372036854776e18}).page == 2**63
    assert validate_arguments(model, {"page": 2.0}).page == 2
