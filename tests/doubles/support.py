"""Helpers shared by the Gauzy double's tests (and usable by other suites)."""

from __future__ import annotations

import httpx

from adapters.outbound.gauzy_model import GauzyDouble

ADMIN = {"email": "admin@ever.co", "password": "admin"}
EMPLOYEE = {"email": "employee@ever.co", "password": "123456"}
OTHER = {"email": "other@tenant.co", "password": "secret"}
NOT_A_UUID = {"statusCode": 406, "message": "Validation failed (valid uuid is expected)"}
FORBIDDEN = {"statusCode": 403, "message": "Forbidden resource", "error": "Forbidden"}
UNAUTHORIZED = {"statusCode": 401, "message": "Unauthorized"}


def login(client: httpx.Client, credentials: dict[str, str] = ADMIN) -> dict[str, str]:
    """Log in over HTTP and return the ``Authorization`` header."""
    response = client.post("/api/auth/login", json=credentials)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def tenant_headers(client: httpx.Client, double: GauzyDouble, credentials: dict[str, str] = ADMIN) -> dict[str, str]:
    """``Authorization`` plus the ``Tenant-Id`` of the logged-in user's tenant."""
    tenant = double.seed.other_tenant_id if credentials == OTHER else double.seed.tenant_id
    return {**login(client, credentials), "Tenant-Id": tenant}
