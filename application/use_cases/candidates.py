"""Candidates: creating one needs a password for the account Gauzy makes for them; the
status has one route per change (hired, rejected) and none for APPLIED."""

from __future__ import annotations

import secrets
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets.candidates import CREATE, STATUS, UPDATE, CandidateStatusChange
from application.catalog.toolsets.candidates import CreateCandidate as CreateCandidateInput
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as

STATUS_ROUTES = {"HIRED": "hired", "REJECTED": "rejected"}  # PUT /candidate/:id/:status values


class CreateCandidate:
    """CreateCandidateDTO requires a password (at least 8 characters). Without one, the
    candidate gets a random password: they sign in after resetting it, and nobody else knows it."""

    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        data = arguments_as(CreateCandidateInput, arguments).candidate_data.model_dump(exclude_none=True)
        data.setdefault("password", secrets.token_urlsafe(18))
        candidate = await self._runner.run(CREATE, {"candidate_data": data}, invocation)
        if isinstance(candidate, dict):
            candidate.pop("password", None)
        return candidate


class SetCandidateStatus:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        change = arguments_as(CandidateStatusChange, arguments)
        candidate_id, status = change.id, change.status
        if status in STATUS_ROUTES:
            return await self._runner.run(STATUS, {"id": candidate_id, "status": STATUS_ROUTES[status]}, invocation)
        # Back to APPLIED: a plain update, which Gauzy saves with the fields given.
        return await self._runner.run(
            UPDATE, {"id": candidate_id, "candidate_data": {"status": status, "rejectDate": None}}, invocation)
