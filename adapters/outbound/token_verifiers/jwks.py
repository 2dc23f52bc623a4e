"""Verify JWT access tokens with the authorization server's published keys (`MCP_AUTH_JWT_JWKS_URI`).

Keys are fetched with httpx, cached for `cache_ttl`, and looked up only by the token's `kid`.
A `kid` the cache does not know triggers one refetch, at most once per `refetch_interval`, so
a rotated key is picked up without a restart while a flood of made-up `kid`s costs the
authorization server one request per interval. A failed fetch keeps the keys already known.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

import httpx
import jwt

from adapters.outbound.token_verifiers.http_json import fetch_json
from adapters.outbound.token_verifiers.jwt_checks import JwtRules, checked_header, verified_claims
from domain.access import AccessClaims
from domain.errors import InvalidTokenError, UpstreamUnavailableError
from domain.ports import Clock

log = logging.getLogger("gauzy_mcp.auth")
PRIVATE_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "k"})  # RFC 7518 §6.2.2, §6.3.2, §6.4


def usable_keys(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Signature keys of a JWK Set by `kid`. Keys without a `kid`, for encryption, symmetric or
    carrying private members are left out; `PyJWKSet` refuses a set with no usable key."""
    jwt.PyJWKSet.from_dict(document)
    keys: dict[str, dict[str, Any]] = {}
    for raw in document.get("keys", []):
        if not isinstance(raw, dict) or not isinstance(raw.get("kid"), str) or raw.get("use", "sig") != "sig":
            continue
        if raw.get("kty") == "oct" or PRIVATE_MEMBERS & raw.keys():
            continue
        keys.setdefault(raw["kid"], raw)  # a repeated kid is ambiguous: the first one wins
    return keys


class JwksTokenVerifier:
    def __init__(self, jwks_uri: str, rules: JwtRules, http: httpx.AsyncClient, clock: Clock, *,
                 cache_ttl: float = 600.0, refetch_interval: float = 30.0) -> None:
        self._uri = jwks_uri
        self._rules = rules
        self._http = http
        self._clock = clock
        self._ttl = timedelta(seconds=cache_ttl)
        self._cooldown = timedelta(seconds=refetch_interval)
        self._keys: dict[str, dict[str, Any]] = {}
        self._prepared: dict[tuple[str, str], jwt.PyJWK] = {}
        self._fetched_at: datetime | None = None
        self._attempted_at: datetime | None = None
        self._lock = asyncio.Lock()

    async def verify(self, token: str) -> AccessClaims:
        header = checked_header(token, self._rules)
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            # Keys are chosen only by kid from our own JWKS (RFC 8725 §3.10); never from jku/x5u/jwk.
            raise InvalidTokenError("no kid in the token header")
        return verified_claims(token, await self._key(kid, header["alg"]), self._rules)

    async def _key(self, kid: str, alg: str) -> jwt.PyJWK:
        if self._expired() or kid not in self._keys:
            await self._refresh(kid)
        if self._fetched_at is None:
            raise UpstreamUnavailableError("The authorization server's keys cannot be fetched.", hint="Retry shortly.")
        raw = self._keys.get(kid)
        if raw is None:
            raise InvalidTokenError(f"unknown kid {kid!r}")
        return self._prepare(kid, raw, alg)

    def _prepare(self, kid: str, raw: dict[str, Any], alg: str) -> jwt.PyJWK:
        # RFC 7517 §4.4: a key that names its algorithm is used with that one only; without,
        # the token's (allow-listed) alg must still fit the key type, which PyJWK checks.
        if raw.get("alg", alg) != alg:
            raise InvalidTokenError(f"token alg {alg} does not match the {raw['alg']} key {kid!r}")
        if (kid, alg) not in self._prepared:
            try:
                self._prepared[(kid, alg)] = jwt.PyJWK(raw, algorithm=alg)
            except jwt.PyJWTError as error:
                raise InvalidTokenError(f"key {kid!r} cannot verify {alg}: {error}") from error
        return self._prepared[(kid, alg)]

    def _expired(self) -> bool:
        return self._fetched_at is None or self._clock.now() - self._fetched_at >= self._ttl

    def _may_fetch(self) -> bool:
        return self._attempted_at is None or self._clock.now() - self._attempted_at >= self._cooldown

    async def _refresh(self, kid: str) -> None:
        # Callers queue on the lock, so concurrent tokens with a new kid share one fetch; whoever
        # gets the lock after it finds the keys fresh (or the cooldown running) and returns.
        async with self._lock:
            if not (self._expired() or kid not in self._keys) or not self._may_fetch():
                return
            self._attempted_at = self._clock.now()
            try:
                keys = usable_keys(await fetch_json(self._http, "GET", self._uri))
            except (UpstreamUnavailableError, jwt.PyJWTError) as error:
                # RFC 8725 §3.10 / warehouse practice: keep serving the keys already known.
                log.warning("JWKS %s not refreshed (%s); keeping %d known keys", self._uri, error, len(self._keys))
                return
            self._keys, self._prepared, self._fetched_at = keys, {}, self._clock.now()
            log.info("JWKS %s fetched: kids %s", self._uri, sorted(keys))
