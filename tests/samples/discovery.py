"""Samples for the discovery tools."""

from __future__ import annotations

SAMPLES = {
    "find_tools": {},
    "get_tool_schemas": {"names": ["get_tasks"]},
}
