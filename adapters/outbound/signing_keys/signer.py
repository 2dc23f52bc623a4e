"""Access tokens signed with pyjwt: RS256 by default, ES256 on request, `typ: at+jwt`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

import jwt

from adapters.outbound.signing_keys.keys import KeyRing, SigningKey, generate_key
from adapters.outbound.signing_keys.storage import KeyStorage
from domain.ports.clock import Clock

log = logging.getLogger("gauzy_mcp.auth")
RELOAD_SECONDS = 60.0  # how soon a rotation made by another instance is noticed
LEEWAY = 60  # seconds a retired key outlives the tokens it signed, for clock skew
LEEWAY_SECONDS = 30  # clock skew tolerated on exp and iat


class JwtTokenSigner:
    """Implements `TokenSigner`. The key ring is generated at first start, kept in `storage`,
    reloaded every minute, and rotated when the current key is older than `rotate_after`
    seconds (0: only by `rotate()`). A retired key stays published for `token_lifetime`."""

    def __init__(self, storage: KeyStorage, clock: Clock, *, algorithm: str = "RS256", token_lifetime: int = 900,
                 rotate_after: float = 0) -> None:
        self._storage = storage
        self._clock = clock
        self._algorithm = algorithm
        self._keep = token_lifetime + LEEWAY
        self._rotate_after = rotate_after
        self._ring: KeyRing | None = None
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()

    @property
    def algorithm(self) -> str:
        return self._algorithm

    async def sign(self, claims: Mapping[str, Any]) -> str:
        key = (await self._current_ring()).current
        # RFC 9068 §2.1: typ at+jwt; RFC 7515 §4.1.4: kid names the verifying key.
        return jwt.encode(dict(claims), key.private_key, algorithm=key.algorithm,
                          headers={"typ": "at+jwt", "kid": key.kid})

    async def verify(self, token: str) -> dict[str, Any] | None:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            return None
        key = await self._published_key(header.get("kid"))
        if key is None or header.get("alg") != key.algorithm:  # RFC 8725 §3.1: the key decides alg
            return None
        try:
            # Times are checked below against the injected clock, not pyjwt's time.time().
            claims: dict[str, Any] = jwt.decode(
                token, key.public_key, algorithms=[key.algorithm],
                options={"verify_aud": False, "verify_exp": False, "verify_iat": False, "verify_nbf": False,
                         "require": ["exp", "iat", "jti"]})
        except jwt.PyJWTError:
            return None
        return claims if self._current(claims) else None

    def _current(self, claims: dict[str, Any]) -> bool:
        """RFC 7519 §4.1.4: expired tokens are refused; tokens from the future too (§4.1.6)."""
        now = self._clock.now().timestamp()
        expires, issued = claims.get("exp"), claims.get("iat")
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (expires, issued)):
            return False
        return float(expires) > now - LEEWAY_SECONDS and float(issued) <= now + LEEWAY_SECONDS  # type: ignore[arg-type]

    async def public_jwks(self) -> dict[str, Any]:
        now = self._clock.now().timestamp()
        return {"keys": [key.public_jwk() for key in (await self._current_ring()).published(now)]}

    async def rotate(self) -> SigningKey:
        """Make a new current key now; the old one keeps verifying until its tokens expire."""
        async with self._lock:
            ring = await self._load_or_create()
            return await self._rotate(ring)

    async def _published_key(self, kid: Any) -> SigningKey | None:
        if not isinstance(kid, str):
            return None
        now = self._clock.now().timestamp()
        key = (await self._current_ring()).find(kid, now)
        if key is None and now - self._loaded_at > 1.0:  # perhaps another instance just rotated
            async with self._lock:
                self._ring = await self._load_or_create()
            key = self._ring.find(kid, now)
        return key

    async def _current_ring(self) -> KeyRing:
        now = self._clock.now().timestamp()
        if self._ring is not None and now - self._loaded_at < RELOAD_SECONDS:
            return self._ring
        async with self._lock:
            ring = await self._load_or_create()
            if self._rotate_after and now - ring.current.created_at >= self._rotate_after:
                await self._rotate(ring)
            return self._ring or ring

    async def _load_or_create(self) -> KeyRing:
        text = await self._storage.load()
        if text is None:
            fresh = KeyRing((generate_key(self._algorithm, self._clock.now().timestamp()),))
            if await self._storage.create(fresh.to_json()):
                log.info("generated the authorization server's first %s signing key", self._algorithm)
            text = await self._storage.load()
        if text is None:
            raise RuntimeError("the signing key store did not keep the generated key")
        self._ring = KeyRing.from_json(text)
        self._loaded_at = self._clock.now().timestamp()
        return self._ring

    async def _rotate(self, ring: KeyRing) -> SigningKey:
        now = self._clock.now().timestamp()
        rotated = ring.rotated(generate_key(self._algorithm, now), now, self._keep)
        if not await self._storage.replace(ring.to_json(), rotated.to_json()):
            log.info("another instance rotated the signing key first; using its key")
            return (await self._load_or_create()).current
        log.info("rotated the authorization server's signing key")
        self._ring, self._loaded_at = rotated, now
        return rotated.current
