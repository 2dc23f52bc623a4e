"""The Gauzy double over real HTTP: each test pins one contract of the real API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from tests.doubles.conftest import GauzyDoubleFactory
from tests.doubles.support import ADMIN, FORBIDDEN, NOT_A_UUID, OTHER, UNAUTHORIZED, login, tenant_headers


def test_unknown_route_is_a_nest_404(gauzy_client: httpx.Client) -> None:
    response = gauzy_client.get("/api/nope", params={"a": "1"})
    assert response.status_code == 404
    assert response.json() == {"statusCode": 404, "message": "Cannot GET /api/nope?a=1", "error": "Not Found"}


def test_health_and_app_status_are_public(gauzy_client: httpx.Client) -> None:
    assert gauzy_client.get("/api/health").json()["status"] == "ok"
    assert gauzy_client.get("/api").json() == {"status": 200, "message": "Gauzy API"}


def test_missing_or_foreign_token_is_401(gauzy_client: httpx.Client) -> None:
    assert gauzy_client.get("/api/tasks").json() == UNAUTHORIZED
    response = gauzy_client.get("/api/tasks", headers={"Authorization": "Bearer not.a.token"})
    assert (response.status_code, response.json()) == (401, UNAUTHORIZED)


def test_login_shape_and_bad_credentials(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    body = gauzy_client.post("/api/auth/login", json=ADMIN).json()
    assert set(body) == {"user", "token", "refresh_token"}
    assert body["user"]["id"] == gauzy_double.seed.admin_user_id
    assert body["user"]["tenantId"] == gauzy_double.seed.tenant_id
    assert body["user"]["employee"]["id"] == gauzy_double.seed.admin_employee_id
    assert body["user"]["role"]["name"] == "SUPER_ADMIN"
    assert "hash" not in body["user"]
    assert body["token"].count(".") == 2
    wrong = gauzy_client.post("/api/auth/login", json={"email": "admin@ever.co", "password": "nope"})
    assert (wrong.status_code, wrong.json()) == (401, UNAUTHORIZED)
    invalid = gauzy_client.post("/api/auth/login", json={"email": "not-an-email"})
    assert invalid.status_code == 400
    assert set(invalid.json()["message"]) == {"email must be an email", "password should not be empty"}


def test_expired_token_is_401_and_refresh_rotates(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    first = gauzy_client.post("/api/auth/login", json=ADMIN).json()
    headers = {"Authorization": f"Bearer {first['token']}", "Tenant-Id": gauzy_double.seed.tenant_id}
    gauzy_double.expire_all_tokens()
    assert gauzy_client.get("/api/user/me", headers=headers).json() == UNAUTHORIZED
    refreshed = gauzy_client.post("/api/auth/refresh-token", json={"refresh_token": first["refresh_token"]})
    assert refreshed.status_code == 200
    assert set(refreshed.json()) == {"token", "refresh_token"}
    me = gauzy_client.get("/api/user/me", headers={"Authorization": f"Bearer {refreshed.json()['token']}"})
    assert me.json()["email"] == "admin@ever.co"
    reused = gauzy_client.post("/api/auth/refresh-token", json={"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401
    assert reused.json()["message"] == "Token is rotated"


def test_logout_revokes_the_token(gauzy_client: httpx.Client) -> None:
    headers = login(gauzy_client)
    assert gauzy_client.post("/api/auth/logout", headers=headers).status_code == 200
    assert gauzy_client.get("/api/user/me", headers=headers).status_code == 401


def test_login_throttle_answers_429_on_the_sixth_attempt(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    statuses = [gauzy_client.post("/api/auth/login", json=ADMIN).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    response = gauzy_client.post("/api/auth/login", json=ADMIN)
    assert response.json() == {"statusCode": 429, "message": "ThrottlerException: Too Many Requests"}
    assert int(response.headers["Retry-After"]) > 0
    gauzy_double.reset_throttle()
    assert gauzy_client.post("/api/auth/login", json=ADMIN).status_code == 200


def test_tenant_guard_rules(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    auth = login(gauzy_client)
    tenant = gauzy_double.seed.tenant_id
    where = {"where[organizationId]": gauzy_double.seed.organization_id}
    assert gauzy_client.get("/api/tasks", headers=auth, params=where).json() == FORBIDDEN
    assert gauzy_client.get("/api/tasks", headers={**auth, "Tenant-Id": tenant}, params=where).status_code == 200
    assert gauzy_client.get("/api/tasks", headers={**auth, "tenant-id": tenant}, params=where).status_code == 200
    assert gauzy_client.get("/api/tasks", headers={**auth, "TENANT-ID": tenant}, params=where).status_code == 403
    assert gauzy_client.get("/api/tasks", headers=auth, params={**where, "tenantId": tenant}).status_code == 200
    nested = {**where, "where[tenantId]": tenant}
    assert gauzy_client.get("/api/tasks", headers=auth, params=nested).status_code == 403
    data = {"data": json.dumps({"findInput": {"tenantId": tenant}})}
    assert gauzy_client.get("/api/organization-contact", headers=auth, params=data).status_code == 200
    body = {"title": "x", "status": "open", "organizationId": gauzy_double.seed.organization_id}
    assert gauzy_client.post("/api/tasks", headers=auth, json=body).status_code == 403
    assert gauzy_client.post("/api/tasks", headers=auth, json={**body, "tenantId": tenant}).status_code == 202
    assert gauzy_client.put(f"/api/tasks/{gauzy_double.seed.task_ids[0]}", headers=auth).status_code == 500


def test_task_validation_messages(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    response = gauzy_client.post("/api/tasks", headers=headers, json={"title": "No status"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Bad Request"
    assert "status should not be empty" in body["message"]
    assert "status must be a string" in body["message"]
    assert "organizationId must be a UUID" in body["message"]
    bad = {
        "title": "",
        "status": "open",
        "organizationId": gauzy_double.seed.organization_id,
        "estimate": "1",
    }
    messages = gauzy_client.post("/api/tasks", headers=headers, json=bad).json()["message"]
    assert set(messages) == {
        "title should not be empty",
        "estimate must be a number conforming to the specified constraints",
    }


def test_enum_and_organization_validation(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    org = gauzy_double.seed.organization_id
    response = gauzy_client.post(
        "/api/timesheet/timer/start",
        headers=headers,
        json={"organizationId": org, "source": "PIGEON", "logType": "TRACKED"},
    )
    assert response.status_code == 400
    assert response.json()["message"] == [
        "source must be one of the following values: MOBILE, BROWSER, DESKTOP, BROWSER_EXTENSION, "
        "HUBSTAFF, UPWORK, TEAMS, CLOC"
    ]
    foreign = gauzy_double.seed.other_organization_id
    listing = gauzy_client.get("/api/tasks", headers=headers, params={"where[organizationId]": foreign})
    user = gauzy_double.seed.admin_user_id
    assert listing.json()["message"] == [
        f"where.The user with ID {user} is not associated with the specified organization."
    ]
    missing = gauzy_client.get("/api/tasks/pagination", headers=headers, params={"where[status]": "open"})
    assert set(missing.json()["message"]) == {
        "where.organizationId must be a UUID",
        "where.organization must be an object",
    }


def test_param_capture_and_uuid_pipe(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    response = gauzy_client.get("/api/tasks/statistics", headers=headers)
    assert (response.status_code, response.json()) == (406, NOT_A_UUID)
    assert gauzy_client.get("/api/employee/me", headers=headers).json() == NOT_A_UUID
    missing = gauzy_client.get("/api/tasks/00000000-0000-4000-8000-000000000000", headers=headers)
    assert missing.json() == {"statusCode": 404, "message": "The requested record was not found"}


def test_tenant_isolation(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    other = tenant_headers(gauzy_client, gauzy_double, OTHER)
    seed = gauzy_double.seed
    assert gauzy_client.get(f"/api/tasks/{seed.task_ids[0]}", headers=other).status_code == 404
    foreign = {**other, "Tenant-Id": seed.tenant_id}
    assert gauzy_client.get(f"/api/tasks/{seed.task_ids[0]}", headers=foreign).json() == FORBIDDEN
    own = gauzy_client.get("/api/tasks", headers=other, params={"where[organizationId]": seed.other_organization_id})
    assert [t["id"] for t in own.json()["items"]] == [seed.other_task_id]


def test_fail_next_delay_and_recording(gauzy_double_factory: GauzyDoubleFactory) -> None:
    double = gauzy_double_factory()
    with httpx.Client(base_url=double.base_url) as http:
        double.fail_next("GET", "/api/health", 503, times=2, headers={"Retry-After": "1"})
        first = http.get("/api/health", params={"x": "1"})
        assert (first.status_code, first.json()) == (
            503,
            {"statusCode": 503, "message": "Service Unavailable"},
        )
        assert first.headers["Retry-After"] == "1"
        assert http.get("/api/health").status_code == 503
        assert http.get("/api/health").status_code == 200
        http.post("/api/auth/login", json=ADMIN, headers={"X-Trace": "t"})
        double.delay_seconds = 0.3
        with pytest.raises(httpx.ReadTimeout):
            http.get("/api/health", timeout=0.05)
    recorded = double.requests
    assert [r.status for r in recorded[:3]] == [503, 503, 200]
    assert (recorded[0].method, recorded[0].path, recorded[0].query) == ("GET", "/api/health", "x=1")
    assert recorded[3].json == ADMIN and recorded[3].headers["X-Trace"] == "t"


def test_cli_prints_url_and_serves() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    with subprocess.Popen(
        [sys.executable, "-m", "adapters.outbound.gauzy_model", "--port", "0"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline().strip()
            assert line.startswith("GAUZY_DOUBLE_URL=http://127.0.0.1:")
            with httpx.Client() as http:
                assert http.get(line.split("=", 1)[1] + "/api/health").status_code == 200
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert process.returncode == 0
