"""Stopping a timer that is not running says so, as Gauzy does (406), instead of answering null."""

from __future__ import annotations

import pytest

from adapters.inbound.stdio import STDIO_CALLER
from application.invocation import Invocation
from tests.demo import demo_container


@pytest.mark.anyio
async def test_stop_timer_without_a_running_timer_says_none_was_running() -> None:
    dispatcher = demo_container().dispatcher()
    await dispatcher.call("stop_timer", {}, Invocation(STDIO_CALLER))  # the demo may start with one running
    outcome = await dispatcher.call("stop_timer", {}, Invocation(STDIO_CALLER))
    assert outcome.is_error, outcome.text
    assert "No running log found" in outcome.text and "already stopped" in outcome.text
