"""The tool table tested as data: one parametrised test per rule, over every row."""

from __future__ import annotations

import re

import pytest
from jsonschema import Draft202012Validator

from adapters.inbound.mcp_tools import mcp_tool
from application.catalog import full_catalog
from application.catalog.model import BulkCall, Effect, ResourceCall, Shape, ToolSpec
from application.catalog.schemas import UNTYPED_OUTPUTS, tool_definition

CATALOG = full_catalog()
TOOLS = list(CATALOG)
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def ids(tool: ToolSpec) -> str:
    return tool.name


def resource_calls(tool: ToolSpec) -> list[ResourceCall]:
    op = tool.operation
    return [op] if isinstance(op, ResourceCall) else [op.item] if isinstance(op, BulkCall) else []


def test_names_are_unique() -> None:
    names = [t.name for t in TOOLS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_name_is_snake_case(tool: ToolSpec) -> None:
    assert SNAKE_CASE.match(tool.name)


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_description_and_title_are_written(tool: ToolSpec) -> None:
    assert len(tool.description.split()) >= 5, "a description a model can choose by"
    assert tool.title and tool.title[0].isupper()


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_input_schema_is_valid_json_schema(tool: ToolSpec) -> None:
    schema = mcp_tool(tool).input_schema
    Draft202012Validator.check_schema(schema)
    assert schema["type"] == "object"
    assert "$ref" not in str(schema), "schemas are inlined for clients that read only flat schemas"


@pytest.mark.parametrize("tool", [t for t in TOOLS if t.output_model], ids=ids)
def test_output_schema_is_valid_json_schema(tool: ToolSpec) -> None:
    assert mcp_tool(tool).output_schema is None  # tools/list carries no output schema (decision 020)
    schema = tool_definition(tool).get("outputSchema")  # get_tool_schemas does
    if tool.output_model in UNTYPED_OUTPUTS:  # "objects" tell nobody anything: not published (decision 020)
        assert schema is None
        return
    assert schema is not None
    Draft202012Validator.check_schema(schema)
    assert schema["type"] == "object"


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_path_placeholders_come_from_input_or_defaults(tool: ToolSpec) -> None:
    fields = set(tool.input_model.model_fields)
    for call in resource_calls(tool):
        item_fields = fields
        if isinstance(tool.operation, BulkCall):
            item_fields = _bulk_item_fields(tool, tool.operation)
        for name in call.placeholders:
            assert name in item_fields or name in call.defaults, f"{{{name}}} has no source"


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_mapped_fields_exist_in_the_input_model(tool: ToolSpec) -> None:
    fields = set(tool.input_model.model_fields)
    for call in resource_calls(tool):
        if isinstance(tool.operation, BulkCall):
            fields = _bulk_item_fields(tool, tool.operation)
        mapped = {*call.where, *call.query, *call.body} | ({call.body_from} if call.body_from else set())
        assert mapped <= fields, f"unknown fields {mapped - fields}"


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_effect_flags_are_coherent(tool: ToolSpec) -> None:
    if tool.effect is Effect.DESTRUCTIVE:
        assert not tool.idempotent, "destructive tools are not idempotent"
    for call in resource_calls(tool):
        if tool.effect is Effect.READ and call.method != "GET":
            assert tool.idempotent, "a read served by a POST must be marked safe to repeat"
        if call.method == "DELETE":
            assert tool.effect is Effect.DESTRUCTIVE


@pytest.mark.parametrize("tool", TOOLS, ids=ids)
def test_list_and_count_tools_declare_their_output(tool: ToolSpec) -> None:
    for call in resource_calls(tool):
        if call.shape in (Shape.PAGE, Shape.COUNT) and not isinstance(tool.operation, BulkCall):
            assert tool.output_model is not None


def test_scopes_follow_effects() -> None:
    for tool in TOOLS:
        expected = "mcp.admin" if tool.admin else "mcp.read" if tool.read_only else "mcp.write"
        assert tool.scope.value == expected, tool.name


def test_foundation_toolsets_are_complete() -> None:
    """The reference's counts for the foundation's five areas (reference-tools.json)."""
    sizes = CATALOG.toolsets
    expected = {"auth": 6, "test-connection": 3, "projects": 14, "tasks": 16, "employees": 15, "timer": 3}
    assert {name: sizes[name] for name in expected} == expected


def _bulk_item_fields(tool: ToolSpec, bulk: BulkCall) -> set[str]:
    if bulk.item_as is not None:
        return {bulk.item_as}
    field = tool.input_model.model_fields[bulk.items_field]
    item_type = field.annotation.__args__[0]  # type: ignore[union-attr]
    return set(getattr(item_type, "model_fields", {"id": None}))
