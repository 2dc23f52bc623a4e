"""The schema compiler: compact, exact JSON Schema for every tool (docs/decisions/020)."""

from __future__ import annotations

import json

import pytest

from adapters.inbound.mcp_tools import INSTRUCTIONS
from application.catalog import full_catalog
from application.catalog.fields import UUID_PATTERN
from application.catalog.outputs import BulkOutput
from application.catalog.schemas import input_schema, output_schema, tool_definition

TOOLS = list(full_catalog())


def nodes(schema):
    """Every subschema (not property maps)."""
    yield schema
    for key, value in schema.items():
        if key == "properties":
            for sub in value.values():
                yield from nodes(sub)
        elif isinstance(value, dict) and key in ("items", "additionalProperties"):
            yield from nodes(value)
        elif isinstance(value, list) and key == "anyOf":
            for sub in value:
                yield from nodes(sub)


@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_no_pydantic_noise_in_any_input_schema(tool) -> None:
    schema = input_schema(tool.input_model)
    for node in nodes(schema):
        assert "title" not in node and node.get("default", 0) is not None
        assert {"type": "null"} not in node.get("anyOf", []), "optional means not required, never null"
        assert node.get("pattern") != UUID_PATTERN
        assert len(node.get("enum", [])) <= 24
    assert "UUID_PATTERN" not in json.dumps(schema)


def test_optional_fields_are_their_plain_type_and_ids_a_format() -> None:
    schema = input_schema(full_catalog().get("get_tasks").input_model)
    assert schema["properties"]["projectId"] == {"type": "string", "format": "uuid"}
    assert "projectId" not in schema.get("required", [])
    assert schema["additionalProperties"] is False


def test_a_long_code_list_is_a_pattern_with_examples() -> None:
    schema = input_schema(full_catalog().get("create_invoice").input_model)
    currency = schema["properties"]["invoice_data"]["properties"]["currency"]
    assert currency["pattern"] == "^[A-Z]{3}$" and "USD" in currency["examples"] and "enum" not in currency


def test_workflow_enums_stay_enums() -> None:
    schema = input_schema(full_catalog().get("get_tasks").input_model)
    assert "in-progress" in schema["properties"]["status"]["enum"]


def test_outputs_keep_null_as_a_type() -> None:
    item = output_schema(BulkOutput)["properties"]["results"]["items"]
    assert item["properties"]["id"]["type"] == ["string", "null"]


def test_annotations_carry_only_what_differs_from_mcp_defaults() -> None:
    catalog = full_catalog()
    assert tool_definition(catalog.get("get_tasks"))["annotations"] == {"readOnlyHint": True}
    assert tool_definition(catalog.get("create_task"))["annotations"] == {"destructiveHint": False}
    assert "annotations" not in tool_definition(catalog.get("delete_task"))


def test_an_end_date_publishes_the_date_formats_it_is_checked_against() -> None:
    # The published schema once said only "string", so '0' passed it and our validation refused it.
    schema = input_schema(full_catalog().get("get_project_statistics").input_model)
    end = schema["properties"]["endDate"]
    assert end["anyOf"] == [{"format": "date"}, {"format": "date-time"}]
    # What a date alone means is said once, in the server's instructions, not on every end date.
    assert "date alone means the end of that day" in INSTRUCTIONS


def test_answers_publish_no_defaults() -> None:
    schema = output_schema(full_catalog().get("get_time_logs").output_model)
    assert "default" not in json.dumps(schema)
