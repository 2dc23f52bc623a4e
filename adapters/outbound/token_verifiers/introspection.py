"""Verify access tokens by asking the authorization server (RFC 7662 token introspection).

Works for opaque tokens and for JWTs alike, and notices revocation: the price is a request per
token per `cache_ttl`. An answer is cached for `cache_ttl` seconds but never past the token's
own `exp` (RFC 7662 §4), keyed by a digest of the token so the cache holds no usable token.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from adapters.outbound.token_verifiers.http_json import fetch_json
from adapters.outbound.token_verifiers.jwt_checks import DEFAULT_LEEWAY, MAX_TOKEN_CHARS, claims_from, expiry_of
from domain.access import AccessClaims
from domain.errors import InvalidTokenError
from domain.ports import Clock

log = logging.getLogger("gauzy_mcp.auth")
MAX_CACHED = 10_000
BEARER_TYPES = frozenset({"bearer", "access_token"})


@dataclass(frozen=True)
class IntrospectionClient:
    """How this server authenticates to the introspection endpoint (RFC 7662 §2.1)."""

    endpoint: str
    client_id: str
    client_secret: str

    def auth(self) -> httpx.BasicAuth:
        # RFC 6749 §2.3.1: id and secret are form-encoded before they go into Basic auth.
        return httpx.BasicAuth(quote(self.client_id, safe=""), quote(self.client_secret, safe=""))


@dataclass(frozen=True)
class _Cached:
    claims: AccessClaims
    until: datetime


class IntrospectionTokenVerifier:
    def __init__(self, client: IntrospectionClient, http: httpx.AsyncClient, clock: Clock, *, audience: str,
                 issuer: str | None = None, cache_ttl: float = 60.0, leeway: float = DEFAULT_LEEWAY) -> None:
        self._client = client
        self._http = http
        self._clock = clock
        self._audience = audience
        self._issuer = issuer
        self._ttl = timedelta(seconds=max(cache_ttl, 0.0))
        self._leeway = timedelta(seconds=leeway)
        self._cache: dict[str, _Cached] = {}

    async def verify(self, token: str) -> AccessClaims:
        if not token or len(token) > MAX_TOKEN_CHARS:
            raise InvalidTokenError("empty or oversized token")
        digest = hashlib.sha256(token.encode()).hexdigest()
        now = self._clock.now()
        cached = self._cache.get(digest)
        if cached is not None and now < cached.until:
            return cached.claims
        claims = self._accepted(await self._introspect(token), now)
        self._remember(digest, claims, now)
        return claims

    async def _introspect(self, token: str) -> dict[str, Any]:
        # RFC 7662 §2.1: POST, form-encoded, authenticated as a client of the authorization server.
        return await fetch_json(self._http, "POST", self._client.endpoint, auth=self._client.auth(),
                                data={"token": token, "token_type_hint": "access_token"})

    def _accepted(self, answer: Mapping[str, Any], now: datetime) -> AccessClaims:
        if answer.get("active") is not True:  # RFC 7662 §2.2: anything but true is inactive
            raise InvalidTokenError("introspection: inactive")
        token_type = answer.get("token_type")
        if isinstance(token_type, str) and token_type.lower() not in BEARER_TYPES:
            raise InvalidTokenError(f"introspection: token_type {token_type!r}")  # a refresh token, say
        audience = answer.get("aud")
        if audience != self._audience:  # RFC 7662 §4 + RFC 8707 §2: issued for us, and only us
            raise InvalidTokenError(f"introspection: audience {audience!r}")
        if self._issuer is not None and answer.get("iss", self._issuer) != self._issuer:
            raise InvalidTokenError(f"introspection: issuer {answer.get('iss')!r}")
        self._check_times(answer, now)
        return claims_from(answer, self._audience)

    def _check_times(self, answer: Mapping[str, Any], now: datetime) -> None:
        # The authorization server said "active", but a clock-skewed or buggy one may still
        # call an expired token active: check exp and nbf here as well (RFC 7662 §2.2).
        expires = expiry_of(answer)
        if expires is not None and expires <= now - self._leeway:
            raise InvalidTokenError("introspection: exp in the past")
        not_before = expiry_of({"exp": answer.get("nbf")})
        if not_before is not None and not_before > now + self._leeway:
            raise InvalidTokenError("introspection: nbf in the future")

    def _remember(self, digest: str, claims: AccessClaims, now: datetime) -> None:
        until = now + self._ttl
        if claims.expires_at is not None:
            until = min(until, claims.expires_at)  # RFC 7662 §4: never past the token's expiry
        if until <= now:
            return
        if len(self._cache) >= MAX_CACHED:
            self._cache = {key: entry for key, entry in self._cache.items() if entry.until > now}
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()
        self._cache[digest] = _Cached(claims, until)
