"""Add or remove one assignee of a task, keeping the others (Gauzy replaces the whole list)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets.tasks import REQUIRED_ON_UPDATE
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from domain.gauzy import GauzyRequest


class ChangeTaskMembers:
    def __init__(self, keeper: CredentialKeeper, *, add: bool) -> None:
        self._keeper = keeper
        self._add = add

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump()
        task_id, employee_id = values["taskId"], values["employeeId"]
        credential = await self._keeper.current(invocation.caller)
        scope = {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}
        path = f"/api/tasks/{task_id}"
        task = await self._keeper.send(
            invocation.caller, GauzyRequest("GET", path, query={"where": scope, "relations": ["members"]})
        )
        others = [{"id": m["id"]} for m in task.get("members") or [] if m.get("id") != employee_id]
        members = [*others, {"id": employee_id}] if self._add else others
        body = {key: task.get(key) for key in REQUIRED_ON_UPDATE} | scope | {"members": members}
        await self._keeper.send(invocation.caller, GauzyRequest("PUT", path, body=body))
        # Gauzy's task PUT answers what it was sent; the answer is the task as stored, members included.
        query = {"where": scope, "relations": ["members"]}
        return await self._keeper.send(invocation.caller, GauzyRequest("GET", path, query=query))
