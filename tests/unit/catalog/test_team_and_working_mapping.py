"""Team tasks and working employees pinned to the real API: `findTeamTasks` reads `where[teams]`
as a list of team ids, and the working-employee routes read only `data.findInput` (with
`forRange` as Gauzy's IDateRangePicker {startDate, endDate})."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from application.catalog import full_catalog
from application.catalog.model import ResourceCall
from application.requests import build_request
from domain.gauzy import GauzyRequest, QueryStyle
from domain.principal import GauzyCredential

CREDENTIAL = GauzyCredential(access_token="a", refresh_token="r", tenant_id="t-1", organization_id="o-1",
                             user_id="u-1", employee_id="e-1", expires_at=datetime(2030, 1, 1, tzinfo=UTC))
SCOPE = {"tenantId": "t-1", "organizationId": "o-1"}
TEAM = "11111111-1111-4111-8111-111111111111"


def request(tool: str, arguments: dict[str, Any]) -> GauzyRequest:
    spec = full_catalog().get(tool)
    assert isinstance(spec.operation, ResourceCall)
    values = spec.input_model.model_validate(arguments).model_dump(exclude_none=True)
    return build_request(spec.operation, values, CREDENTIAL)


def test_team_tasks_name_the_team_in_the_list_gauzy_reads() -> None:
    sent = request("get_team_tasks", {"teamId": TEAM, "status": "OPEN"})
    assert (sent.method, sent.path) == ("GET", "/api/tasks/team")
    assert sent.query["where"] == {"teams": [TEAM], "status": "open", **SCOPE}


@pytest.mark.parametrize("tool", ["get_working_employees", "get_working_employees_count"])
def test_working_employees_send_the_range_inside_find_input(tool: str) -> None:
    sent = request(tool, {"forRange": {"start": "2026-01-01", "end": "2026-01-31"}})
    assert sent.query_style is QueryStyle.DATA_JSON
    period = {"startDate": "2026-01-01T00:00:00Z", "endDate": "2026-01-31T23:59:59.999Z"}
    assert sent.query == {"findInput": {"forRange": period, **SCOPE}}
    assert request(tool, {}).query == {"findInput": SCOPE}
