"""`tools/list` is computed once per policy and then served from a cache, in a stable order."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mcp import Client

import adapters.inbound.mcp_tools as mcp_tools
from adapters.inbound.listing_cache import ListingCache
from adapters.inbound.oauth.listings import ScopedListings
from adapters.inbound.stdio import resolve_stdio_caller
from application.access_policy import ScopePolicy
from tests.demo import demo_container

pytestmark = pytest.mark.anyio


async def test_each_tool_is_compiled_once_however_often_and_however_scoped_it_is_listed(monkeypatch) -> None:
    compiled: list[str] = []
    real = mcp_tools.tool_definition
    monkeypatch.setattr(mcp_tools, "tool_definition", lambda spec: compiled.append(spec.name) or real(spec))
    container = demo_container(toolsets=("default", "invoices"))  # a policy no other test listed yet
    catalog = container.catalog()
    server = mcp_tools.build_mcp_server(container.dispatcher(), resolve_stdio_caller, name="t", version="t")
    async with Client(server, mode="legacy") as client:
        answers = [[t.name for t in (await client.list_tools()).tools] for _ in range(3)]
    scoped = ScopedListings(catalog, ScopePolicy())
    assert scoped(frozenset({"mcp.read"})) is scoped(frozenset({"mcp.read", "other"}))
    assert answers[0] == answers[1] == answers[2] == [t.name for t in catalog.listed]
    assert sorted(compiled) == sorted(t.name for t in catalog.listed)


async def test_the_wire_answer_is_kept_per_protocol_version_and_listing() -> None:
    produced: list[int] = []

    async def handler(ctx) -> dict:
        produced.append(1)
        return {"tools": [{"name": "x"}]}

    cache = ListingCache(lambda ctx: "the listing")
    request = SimpleNamespace(method="tools/list", params={}, protocol_version="2025-11-25")
    first, second = await cache(request, handler), await cache(request, handler)
    other_era = await cache(SimpleNamespace(method="tools/list", params={}, protocol_version="2026-07-28"), handler)
    assert first == second == other_era and len(produced) == 2
