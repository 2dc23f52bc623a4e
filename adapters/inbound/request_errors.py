"""SDK middleware that turns the SDK's two wordless errors into ones that say what to do.

The SDK answers a request sent before `initialize`, and params that fail its models, with
the same `-32602 "Invalid request parameters"` and `data: ""`. The first gets its own
message; the second names each field, the value given and what was expected.
"""

from __future__ import annotations

from typing import Any

import mcp_types as types
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.shared.exceptions import MCPError
from pydantic import ValidationError

SDK_WORDLESS = "Invalid request parameters"
TASKS_EXTENSION = "io.modelcontextprotocol/tasks"
MISSING_CLIENT_CAPABILITY = -32021  # MCP 2026-07-28, MissingRequiredClientCapabilityError
# The extension's methods (SEP-2663); tasks/list and tasks/result were removed, so they stay -32601.
TASK_METHODS = frozenset({"tasks/get", "tasks/update", "tasks/cancel"})


def field_problems(error: ValidationError) -> list[dict[str, Any]]:
    return [{"field": ".".join(str(part) for part in item["loc"]) or "params", "problem": item["msg"],
             "value": repr(item.get("input"))[:80]} for item in error.errors(include_url=False)]


async def clear_request_errors(ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
    if ctx.method in TASK_METHODS:
        # The tasks extension (SEP-2663) is not offered: every tools/call answers synchronously.
        raise MCPError(MISSING_CLIENT_CAPABILITY, f"{ctx.method} needs the tasks extension ({TASKS_EXTENSION}), "
                       "which this server does not offer: tools/call answers synchronously.",
                       {"requiredCapabilities": {"extensions": {TASKS_EXTENSION: {}}}})
    try:
        return await call_next(ctx)
    except ValidationError as error:
        problems = field_problems(error)
        summary = "; ".join(f"{p['field']}: {p['problem']} (got {p['value']})" for p in problems)
        raise MCPError(types.INVALID_PARAMS, f"Invalid params for {ctx.method}: {summary}.", problems) from None
    except MCPError as error:
        if error.error.code != types.INVALID_PARAMS or error.error.message != SDK_WORDLESS or error.error.data:
            raise
        raise MCPError(types.INVALID_PARAMS, f"{ctx.method} before initialize: send initialize, then "
                       "notifications/initialized, then other requests (ping is always allowed).",
                       {"reason": "not_initialized"}) from None
