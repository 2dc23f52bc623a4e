"""HttpxGauzyApi against the Gauzy double on loopback: refresh under concurrency, retries,
rate limits, timeouts, headers and what reaches the logs."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.outbound.clock import SystemClock
from adapters.outbound.gauzy_http import HttpxGauzyApi, RetryPolicy
from adapters.outbound.gauzy_model import GauzyDouble
from adapters.outbound.in_memory_sessions import InMemorySessionStore
from application.credentials import CredentialKeeper, ServiceAccount
from domain.errors import AuthenticationError, DomainError, RateLimitedError, UpstreamUnavailableError
from domain.gauzy import GauzyRequest
from domain.ports import GauzyApi, SessionStore
from domain.principal import CallerContext, GauzyCredential

pytestmark = [pytest.mark.integration, pytest.mark.anyio]

ADMIN = ("admin@ever.co", "admin")
CALLER = CallerContext(session_key="integration", subject="tester")
FAST = RetryPolicy(attempts=4, base_delay=0.02, max_delay=0.1, deadline=2.0)
REFRESH, LOGIN = "/api/auth/refresh-token", "/api/auth/login"


@pytest.fixture
def double() -> Iterator[GauzyDouble]:
    with GauzyDouble() as started:
        yield started


@pytest.fixture
async def api(double: GauzyDouble) -> AsyncIterator[HttpxGauzyApi]:
    adapter = HttpxGauzyApi(double.base_url, timeout=2.0, retry=FAST)
    yield adapter
    await adapter.aclose()


def keeper_for(api: GauzyApi, sessions: SessionStore | None = None) -> CredentialKeeper:
    clock = SystemClock()
    return CredentialKeeper(api, sessions or InMemorySessionStore(clock), clock, session_ttl_seconds=600,
                            service_account=ServiceAccount(*ADMIN))


def tasks_request(credential: GauzyCredential) -> GauzyRequest:
    where = {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}
    return GauzyRequest("GET", "/api/tasks", query={"where": where, "take": 5})


def create_task_request(credential: GauzyCredential, *, idempotent: bool | None = None) -> GauzyRequest:
    body = {"title": "Retry check", "status": "open", "organizationId": credential.organization_id}
    return GauzyRequest("POST", "/api/tasks", body=body, idempotent=idempotent)


def count(double: GauzyDouble, method: str, path: str) -> int:
    return sum(1 for r in double.requests if r.method == method and r.path == path)


async def test_fifty_concurrent_calls_with_a_token_gauzy_expired_refresh_once(
        double: GauzyDouble, api: HttpxGauzyApi) -> None:
    keeper = keeper_for(api)
    credential = await keeper.current(CALLER)
    double.expire_all_tokens()
    results = await asyncio.gather(*(keeper.send(CALLER, tasks_request(credential)) for _ in range(50)))
    assert all(page["total"] >= 1 for page in results)
    assert count(double, "POST", REFRESH) == 1
    assert count(double, "POST", LOGIN) == 1


async def test_fifty_concurrent_calls_with_a_token_about_to_expire_refresh_once(
        double: GauzyDouble, api: HttpxGauzyApi) -> None:
    sessions = InMemorySessionStore(SystemClock())
    keeper = keeper_for(api, sessions)
    credential = await keeper.current(CALLER)
    session = await sessions.load(CALLER.session_key)
    assert session is not None
    nearly = replace(credential, expires_at=SystemClock().now() + timedelta(seconds=5))  # inside the 10 s buffer
    await sessions.save(session.signed_in(nearly), 600)
    await asyncio.gather(*(keeper.send(CALLER, tasks_request(credential)) for _ in range(50)))
    assert count(double, "POST", REFRESH) == 1
    assert not any(r.status == 401 for r in double.requests)  # refreshed before Gauzy had to refuse


async def test_a_get_that_meets_503_is_retried_and_succeeds(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    double.fail_next("GET", "/api/tasks", 503)
    page = await api.send(credential, tasks_request(credential))
    assert page["total"] >= 1
    assert [r.status for r in double.requests if r.path == "/api/tasks"] == [503, 200]


async def test_a_non_idempotent_post_that_meets_503_is_sent_once(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    double.fail_next("POST", "/api/tasks", 503)
    with pytest.raises(UpstreamUnavailableError) as caught:
        await api.send(credential, create_task_request(credential))
    assert count(double, "POST", "/api/tasks") == 1
    message = str(caught.value)
    assert double.base_url in message and "503" in message and "try again" in message


async def test_a_post_the_catalog_marks_idempotent_is_retried(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    double.fail_next("POST", "/api/tasks", 502)
    created = await api.send(credential, create_task_request(credential, idempotent=True))
    assert created["title"] == "Retry check"
    assert count(double, "POST", "/api/tasks") == 2


async def test_429_past_the_deadline_is_a_rate_limit_error_with_retry_after(
        double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    double.fail_next("GET", "/api/tasks", 429, headers={"Retry-After": "30"})
    with pytest.raises(RateLimitedError) as caught:
        await api.send(credential, tasks_request(credential))
    assert caught.value.retry_after_seconds == 30
    assert count(double, "GET", "/api/tasks") == 1  # waiting 30 s would pass the 2 s deadline


async def test_429_with_a_short_retry_after_is_waited_out(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    double.fail_next("GET", "/api/tasks", 429, headers={"Retry-After": "0"})
    assert (await api.send(credential, tasks_request(credential)))["total"] >= 1


async def test_retries_stop_at_the_attempt_limit(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    double.fail_next("GET", "/api/tasks", 503, times=10)
    with pytest.raises(UpstreamUnavailableError):
        await api.send(credential, tasks_request(credential))
    assert count(double, "GET", "/api/tasks") == FAST.attempts


async def test_a_slow_gauzy_is_an_upstream_error_naming_the_timeout(double: GauzyDouble) -> None:
    slow = HttpxGauzyApi(double.base_url, timeout=0.2, retry=FAST)
    double.delay_seconds = 0.6
    try:
        with pytest.raises(UpstreamUnavailableError) as caught:
            await slow.check_health()
    finally:
        double.delay_seconds = 0.0
        await slow.aclose()
    assert "did not answer within 0.2 s" in str(caught.value) and "API_TIMEOUT" in str(caught.value)


async def test_an_unreachable_gauzy_is_an_upstream_error_naming_the_url() -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    api = HttpxGauzyApi(url, timeout=1.0, retry=FAST)
    with pytest.raises(UpstreamUnavailableError) as caught:
        await api.send(GauzyCredential("t", "r", "tenant", "org", "user"), GauzyRequest("GET", "/api/tasks"))
    await api.aclose()
    assert f"Cannot reach Gauzy at {url}" in str(caught.value) and "API_BASE_URL" in str(caught.value)


async def test_login_is_never_retried_and_throttling_is_reported(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    double.fail_next("POST", LOGIN, 503)
    with pytest.raises(UpstreamUnavailableError):
        await api.login(*ADMIN)
    assert count(double, "POST", LOGIN) == 1
    for _ in range(5):  # Gauzy counts 5 attempts a minute (@Throttle); the 503 came from in front of it
        await api.login(*ADMIN)
    with pytest.raises(RateLimitedError) as caught:
        await api.login(*ADMIN)
    assert caught.value.retry_after_seconds and caught.value.retry_after_seconds > 0
    assert count(double, "POST", LOGIN) == 7


async def test_every_authenticated_call_carries_bearer_tenant_and_organization(
        double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    await api.send(credential, tasks_request(credential))
    await api.send(credential, create_task_request(credential))
    calls = [r for r in double.requests if not r.path.startswith("/api/auth/")]
    assert len(calls) == 2
    for call in calls:  # TenantPermissionGuard reads the raw header name: exactly `Tenant-Id`
        assert call.headers["Authorization"] == f"Bearer {credential.access_token}"
        assert call.headers["Tenant-Id"] == credential.tenant_id
        assert call.headers["Organization-Id"] == credential.organization_id


async def test_queries_reach_gauzy_in_qs_bracket_syntax(double: GauzyDouble, api: HttpxGauzyApi) -> None:
    credential = await api.login(*ADMIN)
    query = {"where": {"organizationId": credential.organization_id, "isArchived": False},
             "relations": ["project", "members"], "order": {"createdAt": "DESC"}, "take": 5, "skip": 0}
    await api.send(credential, GauzyRequest("GET", "/api/tasks", query=query))
    sent = next(r for r in double.requests if r.path == "/api/tasks")
    assert sent.status == 200
    assert "where%5BisArchived%5D=false" in sent.query and "relations%5B%5D=members" in sent.query


async def test_secrets_never_reach_the_logs_or_error_messages(
        double: GauzyDouble, api: HttpxGauzyApi, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    credential = await api.login(*ADMIN)
    renewed = await api.refresh(credential)
    await api.send(renewed, tasks_request(renewed))
    errors: list[DomainError] = []
    with pytest.raises(AuthenticationError) as refused:
        await api.login(ADMIN[0], "wrong-secret-password")
    errors.append(refused.value)
    double.fail_next("POST", "/api/tasks", 500)
    with pytest.raises(UpstreamUnavailableError) as failing:
        await api.send(renewed, create_task_request(renewed))
    errors.append(failing.value)
    await api.logout(renewed)
    secrets = [repr(ADMIN[1]), "wrong-secret-password", credential.access_token, renewed.access_token,
               str(credential.refresh_token), str(renewed.refresh_token)]
    assert "gauzy_mcp.gauzy_http" in {record.name for record in caplog.records}
    shown = caplog.text + " ".join(str(e) for e in errors) + repr(credential) + repr(renewed)
    leaked = [s[:12] for s in secrets if s in shown]  # the password quoted: "admin" is in the email too
    assert not leaked, f"secrets in logs or messages: {leaked}"
    assert "/api/auth/login -> 200" in caplog.text  # the debug log does show the calls themselves


async def test_a_refused_refresh_ends_in_one_clear_sign_in_again_error(
        double: GauzyDouble, api: HttpxGauzyApi) -> None:
    keeper = keeper_for(api)
    credential = await keeper.current(CALLER)
    await api.logout(credential)  # Gauzy revokes both tokens behind the keeper's back
    with pytest.raises(AuthenticationError, match="Sign in again"):
        await keeper.send(CALLER, tasks_request(credential))
    assert count(double, "POST", REFRESH) == 1
