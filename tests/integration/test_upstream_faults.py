"""Faults between the server and Gauzy, injected by a proxy in front of the Gauzy double:
reads are retried until they succeed, no write reaches Gauzy twice, and a write whose
answer was lost says that its outcome is unknown and which read tool shows it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from typing import Any

import httpx
import pytest

from tests.e2e.remote_clients import JsonRpc
from tests.fault_proxy import FAULTS, FaultProxy
from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]
TIMEOUT = 1.5  # API_TIMEOUT of the server; the proxy's delay is twice that
LOST_ANSWER = ("delay", "drop-before", "drop-after")
REACHES_GAUZY = ("delay", "drop-after")
_titles = count(1)


@pytest.fixture(scope="module")
def proxy(gauzy_double: Any) -> Iterator[FaultProxy]:
    faults = FaultProxy(int(gauzy_double.base_url.rsplit(":", 1)[1]), delay_seconds=2 * TIMEOUT).start()
    try:
        yield faults
    finally:
        faults.stop()


@pytest.fixture(scope="module")
def rpc(proxy: FaultProxy, gauzy_double: Any) -> Iterator[JsonRpc]:
    server = ServerProcess("http", MCP_SESSION_SECRET="faults", API_BASE_URL=proxy.base_url,
                           API_TIMEOUT=str(TIMEOUT), API_RETRY_DEADLINE="20").start()
    client = JsonRpc(server.url)
    client.http.timeout = httpx.Timeout(60)
    account = gauzy_double.seed.accounts["employee@ever.co"]
    try:
        client.tool_json("login", {"email": account.email, "password": account.password})
        yield client
    finally:
        client.close()
        assert server.stop() == 0, server.logs()


def applied_creates(gauzy_double: Any, title: str) -> int:
    """Task creations Gauzy carried out with this title (the double records every request)."""
    return sum(1 for r in gauzy_double.requests if r.method == "POST" and r.path == "/api/tasks"
               and 200 <= r.status < 300 and isinstance(r.json, dict) and r.json.get("title") == title)


@pytest.mark.parametrize("fault", FAULTS)
def test_a_read_is_retried_past_the_fault(rpc: JsonRpc, proxy: FaultProxy, fault: str) -> None:
    proxy.inject(fault, "GET", "/api/tasks")
    result = rpc.tool("get_tasks", {"limit": 1})
    assert proxy.pending() == 0, "the fault was not met"
    assert not result["isError"], result


@pytest.mark.parametrize("fault", FAULTS)
def test_a_write_is_never_executed_twice(rpc: JsonRpc, proxy: FaultProxy, gauzy_double: Any, fault: str) -> None:
    title = f"Fault {fault} {next(_titles)}"
    proxy.inject(fault, "POST", "/api/tasks")
    result = rpc.tool("create_task", {"task_data": {"title": title}})
    assert proxy.pending() == 0, "the fault was not met"
    assert result["isError"], result
    assert applied_creates(gauzy_double, title) == (1 if fault in REACHES_GAUZY else 0)


@pytest.mark.parametrize("fault", LOST_ANSWER)
def test_a_write_whose_answer_was_lost_says_the_outcome_is_unknown(rpc: JsonRpc, proxy: FaultProxy,
                                                                   fault: str) -> None:
    proxy.inject(fault, "POST", "/api/tasks")
    text = rpc.tool("create_task", {"task_data": {"title": f"Lost {fault} {next(_titles)}"}})["content"][0]["text"]
    assert "outcome is unknown" in text, text
    assert "call get_tasks first" in text, text
    assert "try again" not in text.lower(), text

