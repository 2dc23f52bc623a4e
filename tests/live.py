"""The live tier: tests that run against a real Gauzy API when `GAUZY_REAL_URL` names one
(e.g. http://127.0.0.1:3000, started by the real-Gauzy scripts with `start.sh --reset`), and
are skipped, saying why, when it does not. CI builds no Gauzy, so there they are skipped."""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest

from adapters.outbound.gauzy_http.query import encode_query
from adapters.outbound.gauzy_http.tokens import credential_from_login
from domain.gauzy import QueryStyle

LIVE_URL = os.environ.get("GAUZY_REAL_URL", "").rstrip("/")
LIVE_EMAIL = os.environ.get("GAUZY_REAL_EMAIL", "admin@ever.co")
LIVE_PASSWORD = os.environ.get("GAUZY_REAL_PASSWORD", "admin")
NO_LIVE = ("GAUZY_REAL_URL is not set, so there is no real Gauzy API to run against "
           "(CI builds none; set it to e.g. http://127.0.0.1:3000 to run the live tier)")


def live_url() -> str:
    """The real API's base URL, or skip the calling test with the reason."""
    if not LIVE_URL:
        pytest.skip(NO_LIVE)
    return LIVE_URL


LIVE = pytest.param("live", marks=pytest.mark.live_gauzy)
"""A `live` parameter for backend fixtures, marked so `-m live_gauzy` selects it."""


class RawGauzy:
    """Plain HTTP calls to a Gauzy API (the real one or the double) as a signed-in user, to see
    what Gauzy itself answers: status and body, before any tool shapes them."""

    def __init__(self, base_url: str, email: str = LIVE_EMAIL, password: str = LIVE_PASSWORD) -> None:
        self.http = httpx.Client(base_url=base_url.rstrip("/"), timeout=60)
        status, login = self.call("POST", "/api/auth/login", body={"email": email, "password": password})
        assert status in (200, 201) and isinstance(login, dict) and login.get("token"), (status, login)
        credential = credential_from_login(login, email)  # the tools' own reading of the answer
        self.tenant_id: str = credential.tenant_id
        self.employee_id: str | None = credential.employee_id
        self.http.headers.update({"Authorization": f"Bearer {credential.access_token}", "Tenant-Id": self.tenant_id})
        self.organization_id: str = credential.organization_id or self._default_organization(credential.user_id)
        self.http.headers["Organization-Id"] = self.organization_id

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, query: dict[str, Any] | None = None, body: Any = None) -> tuple[int, Any]:
        pairs = encode_query(query or {}, QueryStyle.BRACKETS)
        response = self.http.request(method, path, params=pairs, json=body)
        try:
            return response.status_code, response.json() if response.content else None
        except ValueError:
            return response.status_code, response.text

    def scoped(self) -> dict[str, str]:
        return {"tenantId": self.tenant_id, "organizationId": self.organization_id}

    def _default_organization(self, user_id: str) -> str:
        """As the tools choose it: the user's default organization (a plain GET /api/organization
        answers 400 on Gauzy)."""
        status, found = self.call("GET", "/api/user-organization", {"where": {"userId": user_id}})
        assert status == 200, (status, found)
        rows = sorted(found["items"], key=lambda row: not row.get("isDefault"))
        return str(rows[0]["organizationId"])
