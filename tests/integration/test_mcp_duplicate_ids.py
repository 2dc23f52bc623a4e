"""/mcp: two requests in flight with the same id in one session are kept apart: each HTTP
request gets its own answer or a JSON-RPC error naming the duplicate id, and none hangs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]
HEADERS = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
           "MCP-Protocol-Version": "2025-11-25"}
TOOLS = ("get_task_count", "get_project_count")


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    process = ServerProcess("http", MCP_SESSION_SECRET="duplicate-ids").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


def message_of(response: httpx.Response) -> dict[str, Any]:
    """The JSON-RPC message of a JSON or an SSE answer."""
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        data = [line[5:] for line in response.text.splitlines() if line.startswith("data:") and line[5:].strip()]
        return dict(json.loads(data[-1]))
    return dict(response.json())


def open_session(http: httpx.Client) -> dict[str, str]:
    opened = http.post("/mcp", headers=HEADERS, json={"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "dup", "version": "1"}}})
    headers = {**HEADERS, "Mcp-Session-Id": opened.headers["mcp-session-id"]}
    http.post("/mcp", headers=headers, json={"jsonrpc": "2.0", "method": "notifications/initialized"})
    return headers


def test_same_id_twice_in_flight_never_crosses_or_hangs(server: ServerProcess) -> None:
    pool = ThreadPoolExecutor(2)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        headers = open_session(http)

        def call(tool: str, request_id: int) -> httpx.Response:
            body = {"jsonrpc": "2.0", "id": request_id, "method": "tools/call", "params": {"name": tool,
                    "arguments": {}}}
            return http.post("/mcp", headers=headers, json=body)

        try:
            for request_id in range(1, 11):
                both_answered(pool, call, request_id)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def both_answered(pool: ThreadPoolExecutor, call: Any, request_id: int) -> None:
    futures = [pool.submit(call, tool, request_id) for tool in TOOLS]
    try:
        answers = [future.result(timeout=30) for future in futures]
    except TimeoutError:
        pytest.fail(f"a request with the duplicate id {request_id} got no answer within 30 s")
    for tool, answer in zip(TOOLS, answers, strict=True):
        message = message_of(answer)
        assert message["id"] == request_id, message
        if "error" in message:
            assert f"id {request_id} " in message["error"]["message"], message
        else:
            count = json.loads(message["result"]["content"][0]["text"])["count"]
            assert count == (50 if tool == "get_task_count" else 10), (tool, message)
