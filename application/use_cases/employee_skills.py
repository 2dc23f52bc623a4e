"""Give or take a skill: skills are a relation of the employee, saved with the employee
(`PUT /api/employee/:id` replaces the whole list), so the current list is read first."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.listing import scope
from domain.gauzy import GauzyRequest

# Gauzy's employee update writes `upworkId || null` and `linkedInId || null`: a body without
# them would erase them, so they travel along unchanged.
KEPT_ON_UPDATE = ("upworkId", "linkedInId")


class ChangeEmployeeSkills:
    def __init__(self, keeper: CredentialKeeper, *, add: bool) -> None:
        self._keeper = keeper
        self._add = add

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump()
        skill_id, employee_id = args["skillId"], args["employeeId"]
        ids = scope(await self._keeper.current(invocation.caller))
        path = f"/api/employee/{employee_id}"
        employee = await self._keeper.send(
            invocation.caller, GauzyRequest("GET", path, query={"where": ids, "relations": ["skills"]}))
        others = [{"id": s["id"]} for s in employee.get("skills") or [] if s.get("id") != skill_id]
        skills = [*others, {"id": skill_id}] if self._add else others
        body = {key: employee.get(key) for key in KEPT_ON_UPDATE if employee.get(key)} | ids | {"skills": skills}
        await self._keeper.send(invocation.caller, GauzyRequest("PUT", path, body=body))
        return {"employeeId": employee_id, "skills": skills}
