"""The GauzyApi port's contract, run against every adapter with the same expectations: the
in-memory demo (the Gauzy model in this process), HttpxGauzyApi talking HTTP to the served model
on loopback, and (live tier) HttpxGauzyApi against a real Gauzy named by GAUZY_REAL_URL."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from adapters.outbound.clock import SystemClock
from adapters.outbound.gauzy_http import HttpxGauzyApi, RetryPolicy
from adapters.outbound.gauzy_model import GauzyDouble
from adapters.outbound.gauzy_model.in_process import InMemoryGauzyApi
from domain.errors import AuthenticationError, GauzyValidationError, NotFoundError
from domain.gauzy import GauzyRequest
from domain.ports import GauzyApi
from domain.principal import GauzyCredential

pytestmark = [pytest.mark.contract, pytest.mark.anyio]

ADMIN = (os.environ.get("GAUZY_REAL_EMAIL", "admin@ever.co"), os.environ.get("GAUZY_REAL_PASSWORD", "admin"))
OTHER_TENANT = ("other@tenant.co", "secret")


@dataclass
class Gauzy:
    """One adapter under test, and a hook that makes every access token it issued expire."""

    api: GauzyApi
    expire_tokens: Callable[[], None] | None  # None on a real Gauzy


def in_memory() -> Gauzy:
    api = InMemoryGauzyApi(SystemClock())
    return Gauzy(api, api.expire_tokens)


LIVE_URL = os.environ.get("GAUZY_REAL_URL", "")
LIVE = pytest.param("httpx+live", marks=pytest.mark.skipif(
    not LIVE_URL, reason="live tier: set GAUZY_REAL_URL (and GAUZY_REAL_EMAIL / GAUZY_REAL_PASSWORD) to a real Gauzy"))


@pytest.fixture(params=["in-memory", "httpx+double", LIVE])
async def gauzy(request: pytest.FixtureRequest) -> AsyncIterator[Gauzy]:
    if request.param == "in-memory":
        yield in_memory()
        return
    if request.param == "httpx+live":
        live = HttpxGauzyApi(LIVE_URL, timeout=30, retry=RetryPolicy(base_delay=0.5))
        yield Gauzy(live, None)
        await live.aclose()
        return
    with GauzyDouble() as double:
        api = HttpxGauzyApi(double.base_url, timeout=5, retry=RetryPolicy(base_delay=0.01))
        yield Gauzy(api, double.expire_all_tokens)
        await api.aclose()


def needs_control(gauzy: Gauzy) -> Callable[[], None]:
    """The expire-every-token hook; a real Gauzy has none, so the test is skipped there."""
    if gauzy.expire_tokens is None:
        pytest.skip("a real Gauzy cannot be told to expire its tokens")
    return gauzy.expire_tokens


def scope(credential: GauzyCredential) -> dict[str, str]:
    assert credential.organization_id is not None
    return {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}


async def create_task(api: GauzyApi, credential: GauzyCredential, title: str) -> dict[str, Any]:
    body = {"title": title, "status": "open", "priority": "high", **scope(credential)}
    created = await api.send(credential, GauzyRequest("POST", "/api/tasks", body=body))
    assert isinstance(created, dict)
    return created


async def list_tasks(api: GauzyApi, credential: GauzyCredential, **where: Any) -> dict[str, Any]:
    query = {"where": {**scope(credential), **where}, "take": 100, "skip": 0}
    page = await api.send(credential, GauzyRequest("GET", "/api/tasks", query=query))
    assert isinstance(page, dict)
    return page


async def test_login_returns_the_ids_every_call_is_scoped_by(gauzy: Gauzy) -> None:
    credential = await gauzy.api.login(*ADMIN)
    assert credential.access_token and credential.refresh_token
    assert credential.tenant_id and credential.organization_id and credential.user_id
    assert credential.employee_id  # the admin is also an employee in both data sets
    assert credential.email == ADMIN[0]
    assert credential.expires_at is not None
    assert not credential.needs_refresh(SystemClock().now())


async def test_a_wrong_password_is_an_authentication_error(gauzy: Gauzy) -> None:
    with pytest.raises(AuthenticationError):
        await gauzy.api.login(ADMIN[0], "not-the-password")


async def test_refresh_rotates_both_tokens(gauzy: Gauzy) -> None:
    first = await gauzy.api.login(*ADMIN)
    second = await gauzy.api.refresh(first)
    assert second.access_token != first.access_token
    assert second.refresh_token and second.refresh_token != first.refresh_token
    assert (second.tenant_id, second.user_id) == (first.tenant_id, first.user_id)
    await list_tasks(gauzy.api, second)
    await list_tasks(gauzy.api, first)  # Gauzy does not revoke the old access token on refresh
    with pytest.raises(AuthenticationError):  # ... but the old refresh token is spent
        await gauzy.api.refresh(first)


async def test_an_expired_access_token_is_an_authentication_error_and_refresh_heals_it(gauzy: Gauzy) -> None:
    expire = needs_control(gauzy)
    credential = await gauzy.api.login(*ADMIN)
    expire()
    with pytest.raises(AuthenticationError):
        await list_tasks(gauzy.api, credential)
    renewed = await gauzy.api.refresh(credential)
    assert (await list_tasks(gauzy.api, renewed))["total"] >= 0


async def test_create_then_get_list_count_update_delete_a_task(gauzy: Gauzy) -> None:
    api = gauzy.api
    credential = await api.login(*ADMIN)
    created = await create_task(api, credential, "Contract task")
    path = f"/api/tasks/{created['id']}"
    fetched = await api.send(credential, GauzyRequest("GET", path))
    assert (fetched["title"], fetched["status"]) == ("Contract task", "open")
    page = await list_tasks(api, credential)
    assert isinstance(page["items"], list) and isinstance(page["total"], int)
    assert created["id"] in {task["id"] for task in page["items"]}
    count = await api.send(credential, GauzyRequest("GET", "/api/tasks/count", query=scope(credential)))
    assert isinstance(count, int) and count == page["total"]
    update = {"title": "Renamed", "status": "in-progress", **scope(credential)}
    await api.send(credential, GauzyRequest("PUT", path, body=update))
    assert (await api.send(credential, GauzyRequest("GET", path)))["title"] == "Renamed"
    await api.send(credential, GauzyRequest("DELETE", path))
    with pytest.raises(NotFoundError):
        await api.send(credential, GauzyRequest("GET", path))


async def test_a_random_id_is_not_found(gauzy: Gauzy) -> None:
    credential = await gauzy.api.login(*ADMIN)
    with pytest.raises(NotFoundError):
        await gauzy.api.send(credential, GauzyRequest("GET", f"/api/tasks/{uuid.uuid4()}"))


async def test_a_bad_create_keeps_gauzys_messages_naming_the_fields(gauzy: Gauzy) -> None:
    credential = await gauzy.api.login(*ADMIN)
    request = GauzyRequest("POST", "/api/tasks", body={"priority": "high", **scope(credential)})
    with pytest.raises(GauzyValidationError) as caught:
        await gauzy.api.send(credential, request)
    assert caught.value.status == 400
    text = " ".join(caught.value.messages)
    assert "title" in text and "status" in text


async def test_a_non_uuid_id_is_refused_with_406(gauzy: Gauzy) -> None:
    credential = await gauzy.api.login(*ADMIN)
    with pytest.raises(GauzyValidationError) as caught:
        await gauzy.api.send(credential, GauzyRequest("GET", "/api/tasks/not-a-uuid"))
    assert caught.value.status == 406
    assert "uuid" in " ".join(caught.value.messages).lower()


async def test_one_tenant_never_sees_another_tenants_records(gauzy: Gauzy) -> None:
    if gauzy.expire_tokens is None:
        pytest.skip("the second tenant exists in the model's seed only")
    api = gauzy.api
    owner = await api.login(*ADMIN)
    stranger = await api.login(*OTHER_TENANT)
    assert stranger.tenant_id != owner.tenant_id
    created = await create_task(api, owner, "Private to the first tenant")
    with pytest.raises(NotFoundError):
        await api.send(stranger, GauzyRequest("GET", f"/api/tasks/{created['id']}"))
    assert created["id"] not in {task["id"] for task in (await list_tasks(api, stranger))["items"]}
    foreign = {"where": {**scope(stranger), "organizationId": owner.organization_id}}
    with pytest.raises(GauzyValidationError):  # IsOrganizationBelongsToUser
        await api.send(stranger, GauzyRequest("GET", "/api/tasks", query=foreign))


async def test_logout_ends_the_sign_in(gauzy: Gauzy) -> None:
    credential = await gauzy.api.login(*ADMIN)
    await gauzy.api.logout(credential)
    with pytest.raises(AuthenticationError):
        await list_tasks(gauzy.api, credential)
    with pytest.raises(AuthenticationError):
        await gauzy.api.refresh(credential)
    await gauzy.api.logout(credential)  # logging out twice is not an error


async def test_health_check_passes_when_gauzy_is_up(gauzy: Gauzy) -> None:
    await gauzy.api.check_health()
