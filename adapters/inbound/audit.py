"""One audit line per tool call: who, which tool, how it ended, how long it took.

Arguments and results are never logged: they may carry passwords (login) or personal data.
The principal is the caller's subject, which for remote sessions is a digest of the
session key, never the key itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

from application.dispatcher import ToolDispatcher, ToolOutcome
from application.invocation import Invocation

log = logging.getLogger("gauzy_mcp.audit")


async def audited_call(
    dispatcher: ToolDispatcher, name: str, arguments: Mapping[str, Any] | None, invocation: Invocation
) -> ToolOutcome:
    started = time.perf_counter()
    outcome = "crashed"
    try:
        result = await dispatcher.call(name, arguments, invocation)
        outcome = "error" if result.is_error else "ok"
        return result
    finally:
        elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
        fields = {"event": "tool_call", "principal": invocation.caller.subject, "tool": name,
                  "outcome": outcome, "duration_ms": elapsed_ms}
        log.info("tool_call principal=%s tool=%s outcome=%s duration_ms=%s",
                 invocation.caller.subject, name, outcome, elapsed_ms, extra={"fields": fields})
