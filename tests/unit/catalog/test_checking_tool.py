"""The read tool named when a write's answer was lost is the one that shows that record."""

from __future__ import annotations

import pytest

from application.catalog.checking import checking_tool
from tests.demo import demo_container


@pytest.mark.parametrize(("write", "reader"), [
    ("create_task", "get_tasks"),
    ("update_task", "get_task"),
    ("delete_task", "get_task"),
    ("start_timer", "timer_status"),
    ("create_project", "get_projects"),
])
def test_a_write_is_checked_with_the_read_of_its_route(write: str, reader: str) -> None:
    catalog = demo_container().catalog()
    assert checking_tool(catalog.get(write), catalog) == reader


def test_every_write_with_a_route_has_a_read_tool_or_none_in_its_toolset() -> None:
    catalog = demo_container().catalog()
    for tool in catalog:
        if not tool.read_only:
            found = checking_tool(tool, catalog)
            assert found is None or (catalog.get(found).read_only and catalog.get(found).toolset == tool.toolset)
