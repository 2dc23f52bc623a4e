"""Candidate routes with behaviour of their own: creating a candidate creates their user
(never storing the password in the record), and hiring makes them an employee."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import Caller, Store, require, scoped_where
from domain.errors import ConflictError, GauzyValidationError

CANDIDATES = "candidate"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_candidate(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                     body: Any) -> Any:
    fields = dict(body or {})
    scoped_where({"where": {"organizationId": fields.get("organizationId")}}, caller)
    require(fields, "user", "password")
    user = dict(fields.pop("user"))
    if not EMAIL.match(str(user.get("email", ""))):
        raise GauzyValidationError(["user.email must be an email"])
    if len(str(fields.pop("password"))) < 8:
        raise GauzyValidationError(["password must be longer than or equal to 8 characters"])
    user |= {"id": str(uuid.uuid4()), "tenantId": caller.credential.tenant_id}
    return store.insert(CANDIDATES, caller, {**fields, "user": user, "userId": user["id"], "status": "APPLIED",
                                             "alreadyHired": False})


def change_status(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    """PUT /candidate/:id/:status: 'hired' or 'rejected'; any other value does nothing."""
    candidate = store.get(CANDIDATES, caller, params["id"])
    if params["status"] == "rejected":
        return store.update(CANDIDATES, caller, candidate["id"], {"status": "REJECTED",
                                                                  "rejectDate": caller.now.isoformat()})
    if params["status"] != "hired":
        return None
    if candidate.get("alreadyHired"):
        raise ConflictError("The candidate is already hired, you cannot hire them again.")
    employee = store.insert("employee", caller, {
        "organizationId": candidate["organizationId"], "userId": candidate.get("userId"), "user": candidate.get("user"),
        "startedWorkOn": caller.now.isoformat(), "endWork": None, "isActive": True, "isTrackingEnabled": False,
        "billRateValue": candidate.get("billRateValue"), "billRateCurrency": candidate.get("billRateCurrency"),
    })
    return store.update(CANDIDATES, caller, candidate["id"], {
        "status": "HIRED", "hiredDate": caller.now.isoformat(), "rejectDate": None, "alreadyHired": True,
        "employeeId": employee["id"],
    })


SPECIAL: dict[tuple[str, str], Handler] = {
    ("POST", "/api/candidate"): create_candidate,
    ("PUT", "/api/candidate/:id/:status"): change_status,
}
