"""find_tools and get_tool_schemas: search the policy's catalog, within the caller's scopes."""

from __future__ import annotations

import json

import pytest

from adapters.inbound.stdio import STDIO_CALLER
from application.catalog.schemas import tool_definition
from application.invocation import Invocation
from domain.principal import CallerContext
from tests.demo import demo_container

READER = Invocation(CallerContext(session_key="r", scopes=frozenset({"mcp.read"})))
ANYONE = Invocation(STDIO_CALLER)
pytestmark = pytest.mark.anyio


async def call(name: str, arguments: dict, invocation: Invocation = ANYONE, **settings) -> dict:
    outcome = await demo_container(**settings).dispatcher().call(name, arguments, invocation)
    assert not outcome.is_error, outcome.text
    return json.loads(outcome.text)


async def test_words_find_a_tool_outside_the_core_set_first() -> None:
    found = await call("find_tools", {"query": "overdue invoices"})
    assert found["tools"][0]["toolset"] == "invoices"
    assert {"name", "title", "toolset", "summary"} == set(found["tools"][0])
    names = [t["name"] for t in (await call("find_tools", {"query": "create invoice"}))["tools"]]
    assert names[0] == "create_invoice"


async def test_a_toolset_lists_its_tools_and_no_arguments_list_the_toolsets() -> None:
    found = await call("find_tools", {"toolset": "goals", "limit": 50})
    assert found["total"] == 12 and {t["toolset"] for t in found["tools"]} == {"goals"}
    directory = await call("find_tools", {})
    assert directory["toolsets"]["invoices"] == 12


async def test_search_shows_only_what_the_policy_and_scopes_allow() -> None:
    limited = await call("find_tools", {"query": "invoice"}, toolsets=("tasks",))
    assert limited["total"] == 0
    reads = await call("find_tools", {"query": "create task"}, READER)
    assert all(not t["name"].startswith("create_") for t in reads["tools"])


async def test_schemas_are_the_published_definitions() -> None:
    answer = await call("get_tool_schemas", {"names": ["get_invoices", "nope"]})
    catalog = demo_container().catalog()
    assert answer["tools"] == [tool_definition(catalog.get("get_invoices"))]
    assert answer["unavailable"][0]["name"] == "nope" and "find_tools" in answer["unavailable"][0]["error"]


async def test_a_schema_outside_the_scopes_says_why() -> None:
    answer = await call("get_tool_schemas", {"names": ["create_task"]}, READER)
    assert answer["tools"] == [] and "scope" in answer["unavailable"][0]["error"]


async def test_an_unknown_toolset_is_refused_with_the_known_ones() -> None:
    outcome = await demo_container().dispatcher().call("find_tools", {"toolset": "nope"}, ANYONE)
    assert outcome.is_error and "toolset:" in outcome.text and "invoices" in outcome.text
