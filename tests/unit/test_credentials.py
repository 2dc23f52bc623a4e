"""CredentialKeeper: whose token a call uses, refreshed once per credential."""

from __future__ import annotations

import asyncio

import pytest

from adapters.outbound.gauzy_model.in_process import InMemoryGauzyApi
from adapters.outbound.in_memory_sessions import InMemorySessionStore
from application.credentials import CredentialKeeper, ServiceAccount
from domain.errors import AuthenticationError, NotSignedInError
from domain.gauzy import GauzyRequest
from domain.ports import GauzyApi, SessionStore
from domain.principal import CallerContext
from tests.clock import ManualClock

CALLER = CallerContext(session_key="s-1")
ME = GauzyRequest("GET", "/api/user/me")  # any call that needs a live access token


DEMO_ACCOUNT = ServiceAccount("admin@ever.co", "admin")


def keeper(account: ServiceAccount | None = DEMO_ACCOUNT):
    clock = ManualClock()
    gauzy = InMemoryGauzyApi(clock)
    api: GauzyApi = gauzy
    sessions: SessionStore = InMemorySessionStore(clock)
    return CredentialKeeper(api, sessions, clock, session_ttl_seconds=7200, service_account=account), gauzy, clock


@pytest.mark.anyio
async def test_without_a_credential_or_service_account_the_caller_is_told_to_sign_in() -> None:
    subject, _, _ = keeper(account=None)
    with pytest.raises(NotSignedInError, match="login tool"):
        await subject.send(CALLER, ME)


@pytest.mark.anyio
async def test_concurrent_first_calls_sign_in_once_and_reuse_it() -> None:
    subject, _, _ = keeper()
    credentials = await asyncio.gather(*(subject.current(CALLER) for _ in range(20)))
    assert len({c.access_token for c in credentials}) == 1


@pytest.mark.anyio
async def test_token_near_expiry_is_refreshed_once_under_concurrency() -> None:
    subject, gauzy, clock = keeper()
    first = await subject.current(CALLER)
    clock.advance(minutes=59, seconds=55)  # 5 s before expiry: inside the 10 s buffer
    results = await asyncio.gather(*(subject.send(CALLER, ME) for _ in range(50)))
    assert all(r["email"] == "admin@ever.co" for r in results)
    assert gauzy.refresh_count == 1
    assert (await subject.current(CALLER)).access_token != first.access_token


@pytest.mark.anyio
async def test_a_401_triggers_one_refresh_and_one_retry() -> None:
    subject, gauzy, _ = keeper()
    await subject.current(CALLER)
    gauzy.expire_tokens()  # the API rejects tokens our expiry time still trusts
    results = await asyncio.gather(*(subject.send(CALLER, ME) for _ in range(50)))
    assert len(results) == 50 and gauzy.refresh_count == 1


@pytest.mark.anyio
async def test_a_refused_refresh_says_sign_in_again() -> None:
    subject, gauzy, _ = keeper()
    credential = await subject.current(CALLER)
    await gauzy.logout(credential)  # both tokens dead
    with pytest.raises(AuthenticationError, match="login"):
        await subject.send(CALLER, ME)


@pytest.mark.anyio
async def test_sign_in_gives_each_session_its_own_credential() -> None:
    subject, _, _ = keeper(account=None)
    other = CallerContext(session_key="s-2")
    await subject.sign_in(CALLER, "admin@ever.co", "admin")
    with pytest.raises(NotSignedInError):
        await subject.current(other)
    assert await subject.sign_out(CALLER) is True
    assert await subject.sign_out(CALLER) is False


class RotatedFirstElsewhere:
    """A Gauzy whose refresh is preceded by another instance refreshing the same session."""

    def __init__(self, gauzy: InMemoryGauzyApi, other_instance: CredentialKeeper) -> None:
        self._gauzy, self._other = gauzy, other_instance

    def __getattr__(self, name: str):
        return getattr(self._gauzy, name)

    async def refresh(self, credential):
        await self._other.force_refresh(CALLER)  # wins the race and rotates the refresh token
        return await self._gauzy.refresh(credential)  # ours is now refused: "Token is rotated"


@pytest.mark.anyio
async def test_a_refresh_refused_because_another_instance_rotated_it_uses_the_saved_tokens() -> None:
    clock = ManualClock()
    gauzy = InMemoryGauzyApi(clock)
    shared = InMemorySessionStore(clock)
    first = CredentialKeeper(gauzy, shared, clock, session_ttl_seconds=7200, service_account=DEMO_ACCOUNT)
    second = CredentialKeeper(RotatedFirstElsewhere(gauzy, first), shared, clock, session_ttl_seconds=7200,
                              service_account=DEMO_ACCOUNT)
    stale = await second.current(CALLER)
    fresh = await second.force_refresh(CALLER)
    assert fresh.access_token != stale.access_token
    assert gauzy.refresh_count == 1, "only the other instance's refresh succeeded"
    assert (await second.send(CALLER, ME))["email"] == "admin@ever.co"
