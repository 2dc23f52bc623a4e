"""stdio at its edges: a line that is not JSON gets -32700, and every request read before
stdin closed is answered before the process exits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from tests.remote import ROOT

pytestmark = [pytest.mark.e2e]
INITIALIZE = {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "stdio-edges", "version": "1"}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}


def run_stdio(lines: list[str]) -> list[dict[str, Any]]:
    """Feed `lines` to a fresh `gauzy-mcp` on stdio, close stdin, and read every reply until it exits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_"))}
    done = subprocess.run([sys.executable, "-m", "bootstrap.cli"], input="".join(line + "\n" for line in lines),
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_requests_in_flight_when_stdin_closes_are_answered() -> None:
    calls = [json.dumps({"jsonrpc": "2.0", "id": n, "method": "tools/call",
                         "params": {"name": "get_task_count", "arguments": {}}}) for n in range(1, 6)]
    replies = run_stdio([json.dumps(INITIALIZE), json.dumps(INITIALIZED), *calls])
    answered = {reply["id"]: reply for reply in replies if "id" in reply}
    assert sorted(answered) == [0, 1, 2, 3, 4, 5], replies
    assert all(not answered[n]["result"]["isError"] for n in range(1, 6))


def test_a_line_that_is_not_json_gets_a_parse_error_and_the_session_goes_on() -> None:
    ping = json.dumps({"jsonrpc": "2.0", "id": 9, "method": "ping"})
    replies = run_stdio([json.dumps(INITIALIZE), json.dumps(INITIALIZED), "this is not json", ping])
    errors = [reply for reply in replies if "error" in reply]
    assert [e["error"]["code"] for e in errors] == [-32700] and errors[0]["id"] is None, replies
    assert {"jsonrpc": "2.0", "id": 9, "result": {}} in replies
