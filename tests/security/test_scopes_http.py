"""Per-tool scopes on a real server process — SECURITY.md item 3, acceptance of issue 5
("a read-only token can call a read tool and gets 403 with the needed scope on a write tool").

The person signs in to Gauzy once (login tool, with a write token); their read-only token then
uses that sign-in, because the Gauzy credential belongs to the person, not to one session.
"""

from __future__ import annotations

import json

import httpx
import pytest

from tests.security.protected import DEMO_LOGIN, JSON, MCP_ACCEPT, Protected, sdk_client

pytestmark = pytest.mark.e2e
READER = "reader-1"


@pytest.fixture(scope="module")
def reader(protected: Protected) -> str:
    """A read-only token of a person who has signed in to Gauzy."""
    signed_in = protected.tool("login", DEMO_LOGIN, token=protected.token(sub=READER, scope="mcp.read mcp.write"))
    assert not signed_in["isError"], signed_in
    return protected.token(sub=READER, scope="mcp.read")


def call(protected: Protected, endpoint: str, name: str, token: str, arguments: dict | None = None) -> httpx.Response:
    body = {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": name, "arguments": arguments or {}}}
    extra = MCP_ACCEPT if endpoint == "/mcp" else {}
    return httpx.post(protected.process.url + endpoint, json=body, timeout=10,
                      headers={**JSON, **extra, "Authorization": f"Bearer {token}",
                               "Mcp-Protocol-Version": "2025-06-18"})


@pytest.mark.parametrize(("tool", "scope"), [("create_task", "mcp.write"), ("login", "mcp.write"),
                                             ("cleanup_sessions", "mcp.admin")])
@pytest.mark.parametrize("endpoint", ["/mcp", "/sse"])
def test_a_tool_beyond_the_tokens_scopes_is_403_naming_the_scope(protected: Protected, reader: str, endpoint: str,
                                                                  tool: str, scope: str) -> None:
    """Item 3: 403, `error="insufficient_scope"`, the missing `scope` and `resource_metadata`
    (RFC 6750 §3.1; MCP 2025-11-25 "Runtime Insufficient Scope Errors")."""
    answer = call(protected, endpoint, tool, reader, {"title": "x"})
    assert answer.status_code == 403, answer.text
    assert answer.headers["www-authenticate"] == (
        f'Bearer error="insufficient_scope", scope="{scope}", resource_metadata="{protected.metadata_url}"')
    assert answer.json()["error"] == "insufficient_scope"


def test_a_read_only_token_calls_a_read_tool_on_sse(protected: Protected, reader: str) -> None:
    """Item 3: the read scope is enough for a read tool, with the person's own Gauzy sign-in."""
    result = protected.tool("get_projects", {"limit": 1}, token=reader)
    assert not result["isError"], result


@pytest.mark.anyio
async def test_a_read_only_token_reads_on_mcp_and_sees_only_read_tools(protected: Protected, reader: str) -> None:
    """Item 3 and decision 010: over /mcp the read tool works and `tools/list` shows only what
    the token can call."""
    async with sdk_client(protected.resource, reader) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert "get_projects" in names and "get_auth_status" in names
        assert not names & {"create_task", "login", "cleanup_sessions"}
        result = await client.call_tool("get_projects", {"limit": 1})
        assert not result.is_error, result


def test_tools_list_follows_the_scopes_on_sse(protected: Protected) -> None:
    """Decision 010: read ⊂ read+write ⊂ all three; an admin-only token sees only admin tools."""
    def listed(scope: str) -> set[str]:
        answer = protected.rpc("tools/list", token=protected.token(scope=scope))
        return {tool["name"] for tool in answer.json()["result"]["tools"]}

    read, write, every = listed("mcp.read"), listed("mcp.read mcp.write"), listed("mcp.read mcp.write mcp.admin")
    assert read < write <= every  # the core set listed by default holds no admin tool
    assert listed("mcp.admin") == every - write
    assert listed("") == set()


def test_find_tools_shows_a_token_only_what_its_scopes_can_call(protected: Protected) -> None:
    """Decision 021: search reaches tools beyond the listing, but never beyond the token's scopes."""
    def found(scope: str) -> set[str]:
        result = protected.tool("find_tools", {"query": "sessions cleanup"}, token=protected.token(scope=scope))
        assert not result["isError"], result
        return {tool["name"] for tool in json.loads(result["content"][0]["text"])["tools"]}

    assert "cleanup_sessions" in found("mcp.read mcp.admin")
    assert "cleanup_sessions" not in found("mcp.read")


def test_a_batch_hiding_a_write_call_is_refused(protected: Protected, reader: str) -> None:
    """Item 3: the scope check reads every message of the body, not just the first."""
    batch = [{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "get_projects"}},
             {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "create_task"}}]
    answer = httpx.post(protected.process.url + "/sse", json=batch, timeout=10,
                        headers={"Authorization": f"Bearer {reader}"})
    assert answer.status_code == 403
