"""The `gauzy-mcp` command line: help, the connection check, and a clean stdout on stdio."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.e2e.stdio_client import server_parameters

pytestmark = pytest.mark.e2e


def run_cli(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    params = server_parameters(*args, **env)
    return subprocess.run([params.command, *params.args], input=stdin, env=params.env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_help_documents_options_and_environment_variables() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for text in ("--transport", "--toolsets", "--read-only", "--test", "API_BASE_URL", "GAUZY_AUTH_EMAIL"):
        assert text in result.stdout


def test_connection_check_on_the_demo_succeeds() -> None:
    result = run_cli("--test")
    assert result.returncode == 0, result.stderr
    assert "reachable" in result.stdout and "signed in as admin@ever.co" in result.stdout


def test_a_bad_setting_is_reported_with_its_name() -> None:
    result = run_cli("--test", MCP_SESSION_TTL="soon")
    assert result.returncode == 2 and "MCP_SESSION_TTL='soon'" in result.stderr


def test_stdout_carries_only_protocol_messages() -> None:
    requests = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "get_task_count", "arguments": {}}},
    ]
    result = run_cli(stdin="".join(json.dumps(r) + "\n" for r in requests), GAUZY_MCP_DEBUG="true")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    messages = [json.loads(line) for line in lines]  # every stdout line is a JSON-RPC message
    assert [m.get("id") for m in messages] == [1, 2]
    assert messages[0]["result"]["protocolVersion"] == "2025-06-18"
    assert json.loads(messages[1]["result"]["content"][0]["text"]) == {"count": 50}
    assert "serving" in result.stderr, "logs go to stderr"
