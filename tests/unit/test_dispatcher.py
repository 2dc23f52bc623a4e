"""The dispatcher: validate → check scope → run → result, and bulk outcomes with progress."""

from __future__ import annotations

import json

import pytest

from adapters.inbound.stdio import STDIO_CALLER
from application.invocation import Invocation
from domain.principal import CallerContext
from tests.demo import demo_container

READ_ONLY = CallerContext(session_key="stdio", scopes=frozenset({"mcp.read"}))


@pytest.fixture
def dispatcher():
    return demo_container().dispatcher()


@pytest.mark.anyio
async def test_result_is_compact_json_with_structured_content(dispatcher) -> None:
    outcome = await dispatcher.call("get_project_count", {}, Invocation(STDIO_CALLER))
    assert outcome.text == '{"count":10}' and outcome.structured == {"count": 10}
    assert not outcome.is_error


@pytest.mark.anyio
async def test_scope_is_checked_before_anything_runs(dispatcher) -> None:
    allowed = await dispatcher.call("get_tasks", {"limit": 1}, Invocation(READ_ONLY))
    refused = await dispatcher.call("create_task", {"task_data": {"title": "x"}}, Invocation(READ_ONLY))
    assert not allowed.is_error
    assert refused.is_error and "mcp.write" in refused.text
    count = await dispatcher.call("get_task_count", {}, Invocation(STDIO_CALLER))
    assert count.structured == {"count": 50}, "the refused call created nothing"


@pytest.mark.anyio
async def test_unknown_tool_and_invalid_input_are_error_results(dispatcher) -> None:
    unknown = await dispatcher.call("no_such_tool", {}, Invocation(STDIO_CALLER))
    invalid = await dispatcher.call("get_task", {"id": 5}, Invocation(STDIO_CALLER))
    assert unknown.is_error and "tools/list" in unknown.text
    assert invalid.is_error and "id:" in invalid.text and "(got 5)" in invalid.text


@pytest.mark.anyio
async def test_gauzy_rejections_keep_gauzy_messages(dispatcher) -> None:
    outcome = await dispatcher.call("get_task", {"id": "7b0c7a3e-0e1b-4a57-9a3a-0d5e3b1c2d4f"},
                                    Invocation(STDIO_CALLER))
    assert outcome.is_error and "not found" in outcome.text


@pytest.mark.anyio
async def test_bulk_reports_each_item_and_progress_and_loses_nothing(dispatcher) -> None:
    seen: list[tuple[float, float | None]] = []

    async def progress(done: float, total: float | None, message: str | None) -> None:
        seen.append((done, total))

    tasks = await dispatcher.call("get_tasks", {"limit": 2}, Invocation(STDIO_CALLER))
    real = [t["id"] for t in tasks.structured["items"]]
    missing = "7b0c7a3e-0e1b-4a57-9a3a-0d5e3b1c2d4f"
    outcome = await dispatcher.call("bulk_delete_tasks", {"ids": [real[0], missing, real[1]]},
                                    Invocation(STDIO_CALLER, progress=progress))
    result = json.loads(outcome.text)
    assert (result["succeeded"], result["failed"]) == (2, 1)
    assert [r["ok"] for r in result["results"]] == [True, False, True]
    assert [r["id"] for r in result["results"]] == [real[0], missing, real[1]]
    assert "Nothing was deleted" in result["results"][1]["error"]
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.anyio
async def test_update_keeps_fields_the_api_requires(dispatcher) -> None:
    task = (await dispatcher.call("get_tasks", {"limit": 1}, Invocation(STDIO_CALLER))).structured["items"][0]
    outcome = await dispatcher.call("update_task", {"id": task["id"], "task_data": {"priority": "low"}},
                                    Invocation(STDIO_CALLER))
    updated = json.loads(outcome.text)
    assert (updated["title"], updated["status"], updated["priority"]) == (task["title"], task["status"], "low")
