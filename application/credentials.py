"""Whose Gauzy token a call uses, kept fresh: one refresh per credential even under
concurrent calls, one refresh-and-retry after a 401, sign-in and sign-out."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from domain.errors import AuthenticationError, NotSignedInError, PermissionDeniedError
from domain.gauzy import GauzyRequest
from domain.ports import Clock, GauzyApi, SessionStore
from domain.principal import CallerContext, GauzyCredential
from domain.session import Session


@dataclass(frozen=True)
class ServiceAccount:
    """Credentials the server signs in with when a caller has none of its own
    (`GAUZY_AUTH_EMAIL` / `GAUZY_AUTH_PASSWORD` with auto-login on)."""

    email: str
    password: str


class CredentialKeeper:
    def __init__(
        self,
        gauzy: GauzyApi,
        sessions: SessionStore,
        clock: Clock,
        *,
        session_ttl_seconds: int,
        service_account: ServiceAccount | None = None,
    ) -> None:
        self._gauzy = gauzy
        self._sessions = sessions
        self._clock = clock
        self._ttl = session_ttl_seconds
        self._service_account = service_account
        self._locks: dict[str, asyncio.Lock] = {}

    async def send(self, caller: CallerContext, request: GauzyRequest) -> Any:
        """Send as the caller; on a 401 refresh once and retry once, then give up clearly."""
        credential = await self.current(caller)
        try:
            return await self._gauzy.send(credential, request)
        except AuthenticationError:
            fresh = await self._refresh_after_rejection(caller, credential)
        try:
            return await self._gauzy.send(fresh, request)
        except AuthenticationError as error:
            raise AuthenticationError(
                "Gauzy no longer accepts this session's sign-in.",
                hint="Sign in again with the login tool.",
            ) from error

    async def current(self, caller: CallerContext) -> GauzyCredential:
        """The caller's credential, refreshed first when it expires within 10 s."""
        session = await self._sessions.load(caller.credential_key)
        credential = session.credential if session else None
        if credential is None:
            return _same_tenant(caller, await self._sign_in_service_account(caller))
        if not credential.needs_refresh(self._clock.now()):
            return _same_tenant(caller, credential)
        async with self._lock(caller.credential_key):
            return await self._refresh_if_still(caller, lambda c: c.needs_refresh(self._clock.now()))

    async def sign_in(self, caller: CallerContext, email: str, password: str) -> GauzyCredential:
        credential = await self._gauzy.login(email, password)
        await self._store(caller, credential)
        return credential

    async def sign_out(self, caller: CallerContext) -> bool:
        """Log out of Gauzy (best effort) and forget the credential; False if none was held."""
        session = await self._sessions.load(caller.credential_key)
        if session is None or session.credential is None:
            return False
        try:
            await self._gauzy.logout(session.credential)
        finally:
            await self._sessions.save(session.signed_in(None), self._ttl)
        return True

    async def force_refresh(self, caller: CallerContext) -> GauzyCredential:
        async with self._lock(caller.credential_key):
            return await self._refresh_if_still(caller, lambda _: True)

    @property
    def has_service_account(self) -> bool:
        """Whether a caller without a credential is signed in with the configured account."""
        return self._service_account is not None

    async def session(self, caller: CallerContext) -> Session | None:
        return await self._sessions.load(caller.credential_key)

    async def _refresh_after_rejection(self, caller: CallerContext, rejected: GauzyCredential) -> GauzyCredential:
        async with self._lock(caller.credential_key):
            # Another call may already have refreshed while this one waited for the lock.
            return await self._refresh_if_still(caller, lambda c: c.access_token == rejected.access_token)

    async def _refresh_if_still(self, caller: CallerContext, stale: Any) -> GauzyCredential:
        session = await self._sessions.load(caller.credential_key)
        credential = session.credential if session else None
        if credential is None:
            return await self._login_service_account(caller)
        if not stale(credential):
            return credential
        if credential.refresh_token is None:
            raise AuthenticationError("The Gauzy session expired.", hint="Sign in again with the login tool.")
        try:
            fresh = await self._gauzy.refresh(credential)
        except AuthenticationError:
            return await self._refreshed_elsewhere(caller, credential)
        await self._store(caller, fresh)
        return fresh

    async def _refreshed_elsewhere(self, caller: CallerContext, used: GauzyCredential) -> GauzyCredential:
        """Gauzy rotates refresh tokens, so when another instance sharing the session store
        refreshed first, ours is refused: use the tokens that instance saved, if any."""
        session = await self._sessions.load(caller.credential_key)
        stored = session.credential if session else None
        if stored is not None and stored.refresh_token != used.refresh_token:
            return stored
        raise AuthenticationError("Gauzy refused to renew the sign-in.", hint="Sign in again with the login tool.")

    async def _sign_in_service_account(self, caller: CallerContext) -> GauzyCredential:
        async with self._lock(caller.credential_key):
            session = await self._sessions.load(caller.credential_key)
            if session is not None and session.credential is not None:
                return session.credential
            return await self._login_service_account(caller)

    async def _login_service_account(self, caller: CallerContext) -> GauzyCredential:
        """Call with the caller's lock held, so concurrent first calls log in once."""
        if self._service_account is None:
            raise NotSignedInError(
                "Not signed in to Gauzy.",
                hint="Call the login tool with your Gauzy email and password first.",
            )
        account = self._service_account
        return await self.sign_in(caller, account.email, account.password)

    async def _store(self, caller: CallerContext, credential: GauzyCredential) -> None:
        now = self._clock.now()
        session = await self._sessions.load(caller.credential_key)
        if session is None:
            session = Session(key=caller.credential_key, subject=caller.subject, created_at=now, last_seen_at=now)
        await self._sessions.save(session.signed_in(credential).seen(now), self._ttl)

    def _lock(self, key: str) -> asyncio.Lock:
        return self._locks.setdefault(key, asyncio.Lock())


def _same_tenant(caller: CallerContext, credential: GauzyCredential) -> GauzyCredential:
    """An OAuth token issued for one tenant never runs calls in another, whoever signed in."""
    if caller.tenant_id is not None and caller.tenant_id != credential.tenant_id:
        raise PermissionDeniedError(
            "The Gauzy account signed in here belongs to another tenant than your access token.",
            hint="Sign in with an account of the token's tenant, or get a token for this tenant.",
        )
    return credential
