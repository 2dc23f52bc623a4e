"""Equipment and who holds it.

Gauzy equipment has no status or assignee column: an item is held through an *equipment
sharing* (employees, start and end day, status REQUESTED=1 / APPROVED=2 / REFUSED=3). So an
item is ASSIGNED while an approved sharing covers today, to that sharing's employees, and
AVAILABLE otherwise; assigning creates an approved sharing and unassigning ends it today.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from application.catalog.client_query import ClientQuery
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.client_query import Row, RunClientQuery, in_range, items_of
from domain.gauzy import GauzyRequest, QueryStyle
from domain.ports import Clock
from domain.principal import GauzyCredential

SHARINGS = "/api/equipment-sharing"
REQUESTED, APPROVED = 1, 2


def scope(credential: GauzyCredential) -> dict[str, Any]:
    return {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}


async def sharings(keeper: CredentialKeeper, credential: GauzyCredential, invocation: Invocation,
                   **where: Any) -> list[Row]:
    query = {"findInput": scope(credential) | where, "relations": ["employees"]}
    request = GauzyRequest("GET", SHARINGS, query=query, query_style=QueryStyle.DATA_JSON)
    return items_of(await keeper.send(invocation.caller, request))


def running(sharing: Mapping[str, Any], now: datetime) -> bool:
    """Approved and covering `now` (an open start or end counts as covering)."""
    if sharing.get("status") != APPROVED:
        return False
    stamp = now.isoformat()
    return in_range(stamp, sharing.get("shareStartDay"), None) and in_range(stamp, None, sharing.get("shareEndDay"))


def employee_ids(sharing: Mapping[str, Any]) -> list[str]:
    return [str(e["id"]) for e in sharing.get("employees") or [] if isinstance(e, dict) and e.get("id")]


class EquipmentInventory(RunClientQuery):
    """A ClientQuery over equipment rows that carry `status`, `available` and `assignedEmployeeIds`."""

    def __init__(self, keeper: CredentialKeeper, clock: Clock) -> None:
        super().__init__(keeper)
        self._clock = clock

    async def rows(self, spec: ClientQuery, values: Mapping[str, Any], credential: GauzyCredential,
                   invocation: Invocation) -> list[Row]:
        rows = await super().rows(spec, values, credential, invocation)
        holders: dict[str, list[str]] = {}
        for sharing in await sharings(self._keeper, credential, invocation):
            if running(sharing, self._clock.now()):
                holders.setdefault(str(sharing.get("equipmentId")), []).extend(employee_ids(sharing))
        return [annotated(row, holders.get(str(row.get("id")), [])) for row in rows]


def annotated(row: Row, holders: list[str]) -> Row:
    status = "ASSIGNED" if holders else "AVAILABLE"
    return row | {"status": status, "available": not holders, "assignedEmployeeIds": sorted(set(holders))}


async def create_sharing(keeper: CredentialKeeper, credential: GauzyCredential, invocation: Invocation,
                         fields: dict[str, Any]) -> Any:
    """POST /equipment-sharing/organization/:id also files the approval request Gauzy's UI shows."""
    path = f"{SHARINGS}/organization/{credential.organization_id}"
    return await keeper.send(invocation.caller, GauzyRequest("POST", path, body=fields | scope(credential)))


class RequestEquipmentSharing:
    def __init__(self, keeper: CredentialKeeper, clock: Clock) -> None:
        self._keeper = keeper
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)
        return await create_sharing(self._keeper, credential, invocation, {
            "name": values.get("reason") or "Equipment sharing request",
            "equipmentId": values["equipmentId"], "employees": [{"id": values["shareWithEmployeeId"]}],
            "shareRequestDay": self._clock.now().isoformat(), "shareStartDay": values["shareStartDate"],
            "shareEndDay": values["shareEndDate"], "status": REQUESTED})


class AssignEquipment:
    """An approved sharing from now on; assigning to someone who already holds the item changes nothing."""

    def __init__(self, keeper: CredentialKeeper, clock: Clock) -> None:
        self._keeper = keeper
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)
        now = self._clock.now()
        for sharing in await sharings(self._keeper, credential, invocation, equipmentId=values["id"]):
            if running(sharing, now) and values["employeeId"] in employee_ids(sharing):
                return sharing
        return await create_sharing(self._keeper, credential, invocation, {
            "name": values.get("reason") or "Assigned equipment", "equipmentId": values["id"],
            "employees": [{"id": values["employeeId"]}], "shareRequestDay": now.isoformat(),
            "shareStartDay": now.isoformat(), "shareEndDay": values.get("shareEndDate"), "status": APPROVED})


class UnassignEquipment:
    """End every approved sharing of the item that covers today (its end day becomes now)."""

    def __init__(self, keeper: CredentialKeeper, clock: Clock) -> None:
        self._keeper = keeper
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        equipment_id = str(arguments.model_dump()["id"])
        credential = await self._keeper.current(invocation.caller)
        now = self._clock.now()
        ended = []
        for sharing in await sharings(self._keeper, credential, invocation, equipmentId=equipment_id):
            if running(sharing, now):
                # The update route deletes and re-saves the sharing, so it is sent whole.
                body = sharing | {"shareEndDay": now.isoformat()} | scope(credential)
                path = f"{SHARINGS}/{sharing['id']}"
                await self._keeper.send(invocation.caller, GauzyRequest("PUT", path, body=body))
                ended.append(sharing["id"])
        return {"equipmentId": equipment_id, "endedSharingIds": ended, "available": True}
