"""Properties over every tool: valid inputs give a result or an isError result, never a crash;
invalid inputs give an isError result that names the field."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.inbound.mcp_tools import mcp_tool
from adapters.inbound.stdio import STDIO_CALLER
from application.catalog import full_catalog
from application.invocation import Invocation
from tests.demo import demo_container
from tests.property.strategies import from_schema, wrong_value_for

pytestmark = pytest.mark.property
TOOLS = list(full_catalog())
DISPATCHER = demo_container().dispatcher()


def run(name: str, arguments: dict) -> object:
    return asyncio.run(DISPATCHER.call(name, arguments, Invocation(STDIO_CALLER)))


@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_generated_valid_inputs_never_crash(tool) -> None:
    schema = mcp_tool(tool).input_schema

    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(arguments=from_schema(schema))
    def check(arguments: dict) -> None:
        outcome = run(tool.name, arguments)
        assert outcome.text, "every outcome carries text"
        if outcome.is_error:
            assert "Traceback" not in outcome.text and not outcome.text.startswith("Error (internal)")

    check()


@pytest.mark.parametrize("tool", [t for t in TOOLS if t.input_model.model_fields], ids=lambda t: t.name)
def test_a_wrong_value_is_reported_with_its_field(tool) -> None:
    schema = mcp_tool(tool).input_schema

    @settings(max_examples=5, deadline=None)
    @given(field=st.sampled_from(sorted(schema["properties"])))
    def check(field: str) -> None:
        outcome = run(tool.name, {field: wrong_value_for(schema["properties"][field])})
        assert outcome.is_error
        assert f"{field}:" in outcome.text or f"{field}." in outcome.text

    check()


@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_an_unknown_parameter_is_reported(tool) -> None:
    outcome = run(tool.name, {"definitely_not_a_parameter": 1})
    assert outcome.is_error and "definitely_not_a_parameter: unknown parameter" in outcome.text
