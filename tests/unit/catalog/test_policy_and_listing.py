"""MCP_TOOLSETS / MCP_TOOLS / MCP_READ_ONLY: what the policy allows and what tools/list shows
(docs/decisions/021). Policy is a hard limit; the listing only what a model sees first."""

from __future__ import annotations

import json

import pytest

from application.catalog import full_catalog
from application.catalog.catalog import ALWAYS_EXPOSED
from application.catalog.core import CORE_TOOLS
from application.catalog.schemas import input_schema
from domain.errors import UnknownToolError

FULL = full_catalog()


def listed(**policy) -> list[str]:
    return [t.name for t in FULL.select(**policy).listed]


def test_the_core_set_exists_fits_forty_and_includes_discovery() -> None:
    names = {t.name for t in FULL}
    assert set(CORE_TOOLS) <= names and len(CORE_TOOLS) == len(set(CORE_TOOLS)) <= 40
    assert {"find_tools", "get_tool_schemas", "login", "get_tasks", "start_timer", "get_projects",
            "get_employees"} <= set(CORE_TOOLS)


def test_nothing_configured_lists_the_core_set_and_allows_every_tool() -> None:
    catalog = FULL.select()
    assert listed() == [t.name for t in FULL if t.name in CORE_TOOLS]
    assert len(catalog) == len(FULL) and catalog.get("get_invoices").name == "get_invoices"
    assert FULL.select(toolsets=["default"]).listed == catalog.listed


def test_all_lists_every_tool() -> None:
    assert listed(toolsets=["all"]) == [t.name for t in FULL]


def test_default_plus_toolsets_and_tools_add_to_the_core() -> None:
    names = listed(toolsets=["default", "invoices"], tools=["get_goals"])
    invoices = [t.name for t in FULL if t.toolset == "invoices"]
    assert set(names) == set(CORE_TOOLS) | set(invoices) | {"get_goals"}
    assert len(FULL.select(toolsets=["default", "invoices"])) == len(FULL), "default keeps everything callable"


def test_toolsets_alone_are_a_hard_limit_with_the_reason_given() -> None:
    catalog = FULL.select(toolsets=["tasks"], tools=["get_goals"])
    assert {t.toolset for t in catalog} == {"tasks", "goals", *ALWAYS_EXPOSED}
    assert [t.name for t in catalog.listed] == [t.name for t in catalog]
    with pytest.raises(UnknownToolError) as refused:
        catalog.get("get_invoices")
    assert "invoices toolset" in str(refused.value) and "MCP_TOOLSETS=tasks" in str(refused.value)


def test_read_only_is_a_hard_limit_on_every_mode() -> None:
    for toolsets in ([], ["all"], ["default", "invoices"]):
        catalog = FULL.select(toolsets=toolsets, read_only=True)
        assert all(t.read_only or t.toolset in ALWAYS_EXPOSED for t in catalog)
        assert "create_task" not in listed(toolsets=toolsets, read_only=True)
        assert "read-only" in catalog.why_not("create_task")


def test_an_unknown_name_is_refused_at_start_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown toolsets"):
        FULL.select(toolsets=["nope"])
    with pytest.raises(ValueError, match=r"unknown tools \['nope'\]"):
        FULL.select(tools=["nope"])


def test_a_tool_that_does_not_exist_points_to_find_tools() -> None:
    assert "find_tools" in FULL.select().why_not("no_such_tool")


def wire_bytes(catalog) -> int:
    from adapters.inbound.mcp_tools import tool_listing

    return len(tool_listing(catalog).model_dump_json(by_alias=True, exclude_none=True).encode())


def test_the_default_listing_fits_forty_tools_and_32_kb() -> None:
    catalog = FULL.select()
    assert len(catalog.listed) <= 40 and wire_bytes(catalog) <= 32 * 1024


def test_the_compiled_input_schemas_are_far_below_the_raw_ones() -> None:
    # Like with like: the compiler's work is the input schemas; the listing also carries names,
    # descriptions and annotations the compiler does not shorten.
    raw = sum(compact_size(t.input_model.model_json_schema()) for t in FULL)
    compiled = sum(compact_size(input_schema(t.input_model)) for t in FULL)
    assert compiled < raw / 2, "the compiler's savings are gone"


def test_all_fits_200_kb() -> None:
    assert wire_bytes(FULL.select(toolsets=["all"])) <= 200 * 1024


def test_all_does_not_grow_past_its_measured_size() -> None:
    # A ceiling just above today's figure (200,039 bytes), so new tools that add weight are noticed at once.
    assert wire_bytes(FULL.select(toolsets=["all"])) <= 198 * 1024


def compact_size(schema: dict) -> int:
    return len(json.dumps(schema, separators=(",", ":"), ensure_ascii=False).encode())
