"""`InMemoryGauzyApi`: a complete Gauzy in this process, for the demo and the tests."""

from __future__ import annotations

import copy
import secrets
from datetime import timedelta
from typing import Any

from adapters.outbound.in_memory_gauzy.demo_data import build_demo_data
from adapters.outbound.in_memory_gauzy.routes import match
from adapters.outbound.in_memory_gauzy.store import Caller, Store
from domain.errors import AuthenticationError, NotFoundError
from domain.gauzy import GauzyRequest
from domain.ports import Clock
from domain.principal import GauzyCredential

TOKEN_LIFETIME = timedelta(hours=1)


class InMemoryGauzyApi:
    def __init__(self, clock: Clock, data: dict[str, Any] | None = None,
                 token_lifetime: timedelta = TOKEN_LIFETIME) -> None:
        self._clock = clock
        self._data = copy.deepcopy(data) if data is not None else build_demo_data(clock.now())
        self._store = Store(self._data["collections"])
        self._lifetime = token_lifetime
        self._access: dict[str, tuple[dict[str, Any], Any]] = {}  # token -> (user, expiry)
        self._refresh: dict[str, dict[str, Any]] = {}
        self.refresh_count = 0

    async def login(self, email: str, password: str) -> GauzyCredential:
        for user in self._data["users"]:
            if user["email"].lower() == email.strip().lower() and secrets.compare_digest(user["password"], password):
                return self._issue(user, refresh_token=secrets.token_urlsafe(24))
        raise AuthenticationError("Gauzy did not accept that email and password.",
                                  hint="Check them and try again.")

    async def refresh(self, credential: GauzyCredential) -> GauzyCredential:
        user = self._refresh.pop(credential.refresh_token or "", None)
        if user is None:
            raise AuthenticationError("Gauzy refused to renew the sign-in.", hint="Sign in again with the login tool.")
        self.refresh_count += 1
        return self._issue(user, refresh_token=secrets.token_urlsafe(24))

    async def logout(self, credential: GauzyCredential) -> None:
        self._access.pop(credential.access_token, None)
        self._refresh.pop(credential.refresh_token or "", None)

    async def send(self, credential: GauzyCredential, request: GauzyRequest) -> Any:
        user = self._authenticate(credential.access_token)
        found = match(request.method.upper(), request.path)
        if found is None:
            raise NotFoundError(f"Cannot {request.method.upper()} {request.path}")
        handler, params = found
        organizations = frozenset(o["id"] for o in self._data["organizations"] if o["tenantId"] == user["tenantId"])
        caller = Caller(credential=credential, organization_ids=organizations, now=self._clock.now())
        answer = handler(self._store, caller, params, copy.deepcopy(dict(request.query)), copy.deepcopy(request.body))
        return copy.deepcopy(answer)

    async def check_health(self) -> None:
        """Always reachable: it lives in this process."""

    def expire_tokens(self) -> None:
        """Test hook: every access token issued so far is now expired."""
        past = self._clock.now() - timedelta(seconds=1)
        self._access = {token: (user, past) for token, (user, _) in self._access.items()}

    def _authenticate(self, token: str) -> dict[str, Any]:
        entry = self._access.get(token)
        if entry is None or self._clock.now() >= entry[1]:
            raise AuthenticationError("Unauthorized")
        return entry[0]

    def _issue(self, user: dict[str, Any], *, refresh_token: str) -> GauzyCredential:
        access_token = secrets.token_urlsafe(32)
        expires_at = self._clock.now() + self._lifetime
        self._access[access_token] = (user, expires_at)
        self._refresh[refresh_token] = user
        employee = next((e for e in self._data["collections"]["employee"] if e["userId"] == user["id"]), None)
        organization = next(o for o in self._data["organizations"] if o["tenantId"] == user["tenantId"])
        return GauzyCredential(
            access_token=access_token, refresh_token=refresh_token, tenant_id=user["tenantId"],
            organization_id=organization["id"], user_id=user["id"], email=user["email"],
            employee_id=employee["id"] if employee else None, expires_at=expires_at,
        )
