"""Call tools by name with sample arguments whose `$placeholders` come from earlier results."""

from __future__ import annotations

import itertools
import json
from collections.abc import Awaitable, Callable
from typing import Any

from tests.samples import all_samples

CallTool = Callable[[str, dict[str, Any]], Awaitable[tuple[bool, Any]]]
_unique = itertools.count(1)

# placeholder -> (list tool, its arguments): the first item's id is used
FIRST_OF = {
    "$employee": ("get_employees", {}),
    "$project": ("get_projects", {}),
    "$task": ("get_tasks", {}),
    "$contact": ("get_organization_contacts", {}),
    "$invoice": ("get_invoices", {}),
    "$pipeline": ("get_pipelines", {}),
    "$candidate": ("get_candidates", {}),
    "$equipment": ("get_equipment", {}),
    "$merchant": ("get_merchants", {}),
    "$warehouse": ("get_warehouses", {}),
    "$product": ("get_products_pagination", {}),
    "$product_category": ("get_product_categories", {}),
    "$goal": ("get_goals", {}),
    "$key_result": ("get_key_results", {}),
    "$report": ("get_reports", {}),
}
# placeholder -> the tool that creates such a record (with its own sample) when the list is empty
CREATED_BY = {
    "$project": "create_project",
    "$task": "create_task",
    "$contact": "create_organization_contact",
    "$invoice": "create_invoice",
    "$pipeline": "create_pipeline",
    "$candidate": "create_candidate",
    "$equipment": "create_equipment",
    "$merchant": "create_merchant",
    "$warehouse": "create_warehouse",
    "$product": "create_product",
    "$product_category": "create_product_category",
    "$goal": "create_goal",
    "$key_result": "create_key_result",
}
# placeholder -> (tool, its arguments, field of its result): ids of the signed-in user's own
# employee record (a Gauzy call, so it signs in first, unlike get_auth_status), and fields of
# records; the arguments may hold placeholders
FIELD_OF = {
    "$organization": ("get_current_employee", {}, "organizationId"),
    "$tenant": ("get_current_employee", {}, "tenantId"),
    "$my_employee": ("get_current_employee", {}, "id"),
    "$my_user": ("get_current_employee", {}, "userId"),
    # fields of records found (or made) through other placeholders
    "$goal_with_key_results": ("get_key_result", {"id": "$key_result"}, "goalId"),
    "$merchant_code": ("get_merchant", {"id": "$merchant"}, "code"),
    "$timesheet": ("add_manual_time", {"startedAt": "2026-11-03T09:00:00Z", "stoppedAt": "2026-11-03T10:00:00Z"},
                   "timesheetId"),  # Gauzy files manual time under that week's timesheet
    # an invitable contact: a primary email no user of the tenant has (the double seeds no contacts)
    "$contact_with_email": ("create_organization_contact", {"contact_data": {
        "name": "Invitable client", "primaryEmail": "$unique_email", "organizationId": "$organization"}}, "id"),
}
# Tools that Gauzy itself cannot serve at the modelled commit (39a5c3adfe), so the double and a
# real API of that version refuse them: the words each refusal must carry. Every merchant route
# fails inside Gauzy (its merchant service is built without a repository); the bulk tool reports
# that failure per item instead of failing as a whole.
GAUZY_CANNOT = dict.fromkeys((
    "get_merchants", "get_merchant_count", "get_merchant", "create_merchant", "update_merchant", "delete_merchant",
    "archive_merchant", "restore_merchant", "get_merchant_by_code", "search_merchants", "get_merchant_statistics",
    "get_active_merchants", "get_archived_merchants"), "cannot serve merchants")


class ToolHarness:
    def __init__(self, call: CallTool, *, login_email: str, login_password: str, on_gauzy: bool = False,
                 **known_ids: str) -> None:
        """`known_ids` fill placeholders no tool can look up, e.g. team="<uuid>" for `$team`;
        `on_gauzy`: the backend is (a double of) Gauzy itself, where GAUZY_CANNOT holds."""
        self.call = call
        self.cannot = GAUZY_CANNOT if on_gauzy else {}
        self.samples = all_samples()
        self.fixed = {"$login_email": login_email, "$login_password": login_password}
        self.fixed |= {f"${name}": value for name, value in known_ids.items()}

    async def run(self, name: str) -> tuple[bool, Any]:
        if name in self.cannot:  # the records its placeholders name cannot be listed or made
            return await self.call(name, stand_ins(self.samples[name]))
        return await self.call(name, await self.resolve(self.samples[name]))

    async def resolve(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: await self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [await self.resolve(item) for item in value]
        if isinstance(value, str) and value.startswith("$"):
            return await self._placeholder(value)
        return value

    async def _placeholder(self, name: str) -> Any:
        if name in self.fixed:
            return self.fixed[name]
        if name == "$unique_email":
            return f"sample.{next(_unique)}.{id(self)}@example.com"
        if name.startswith("$new:"):
            return (await self._ok(name[5:]))["id"]
        if name.startswith("$deleted:"):
            tool = name[9:]
            target = (await self.resolve(self.samples[tool]))["id"]
            await self._ok(tool, {"id": target})
            return target
        if name in FIELD_OF:
            tool, arguments, field = FIELD_OF[name]
            return (await self._ok(tool, await self.resolve(arguments)))[field]
        tool, arguments = FIRST_OF[name]
        items = (await self._ok(tool, arguments))["items"]
        if items:
            return items[0]["id"]
        if name not in CREATED_BY:
            raise AssertionError(f"{tool} listed nothing for {name}, and no tool creates one")
        return (await self._ok(CREATED_BY[name]))["id"]  # an empty Gauzy: make the record first

    async def _ok(self, tool: str, arguments: dict[str, Any] | None = None) -> Any:
        if arguments is None:
            arguments = await self.resolve(self.samples[tool])
        is_error, result = await self.call(tool, arguments)
        assert not is_error, f"{tool} failed while preparing arguments: {result}"
        return result


STAND_IN_ID = "00000000-0000-4000-8000-000000000000"


def stand_ins(value: Any) -> Any:
    """`value` with each `$placeholder` replaced by an id no record has."""
    if isinstance(value, dict):
        return {key: stand_ins(item) for key, item in value.items()}
    if isinstance(value, list):
        return [stand_ins(item) for item in value]
    return STAND_IN_ID if isinstance(value, str) and value.startswith("$") else value


def mcp_caller(client: Any) -> CallTool:
    """Call tools through an MCP client: (is it an error, structured content or the text as JSON)."""

    async def call(name: str, arguments: dict[str, Any]) -> tuple[bool, Any]:
        result = await client.call_tool(name, arguments)
        text = result.content[0].text if result.content else ""
        value = result.structured_content if result.structured_content is not None else decode(text)
        return bool(result.is_error), value

    return call


def decode(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text
