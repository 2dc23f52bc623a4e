"""The authorization server's state in Redis, shared by every instance.

Codes are taken with GETDEL and refresh tokens claimed by a Lua script, so each is redeemed
once even when two instances race (RFC 9700 §4.2.4, §4.14.2). Secrets are stored only as
digests; records carry their own expiry times, and Redis TTLs just clean up after them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from redis.asyncio import Redis

from adapters.outbound.oauth_store import codec
from adapters.outbound.redis_connection import redis_errors
from domain.oauth.model import (
    AuthorizationCode,
    BrowserSession,
    Consent,
    OAuthClient,
    Person,
    RefreshClaim,
    RefreshToken,
)

PREFIX = "gauzy-mcp:oauth:"
T = TypeVar("T")

# Read the token and set its "used" flag in one step: exactly one caller sees the flag unset.
CLAIM_SCRIPT = """
local token = redis.call('GET', KEYS[1])
if not token then return nil end
local first = redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1])
if first then return {token, 1} end
return {token, 0}
"""


class RedisOAuthStateStore:
    def __init__(self, client: Redis, *, prefix: str = PREFIX) -> None:
        self._client = client
        self._prefix = prefix
        self._claim = client.register_script(CLAIM_SCRIPT)

    def _key(self, kind: str, name: str) -> str:
        return f"{self._prefix}{kind}:{name}"

    async def _get(self, key: str, decode: Callable[[bytes | str], T]) -> T | None:
        with redis_errors("OAuth"):
            raw = await self._client.get(key)
        return None if raw is None else decode(raw)

    async def _set(self, key: str, value: bytes | str, ttl: int | None = None) -> None:
        with redis_errors("OAuth"):
            await self._client.set(key, value, ex=ttl)

    async def save_client(self, client: OAuthClient) -> None:
        await self._set(self._key("client", client.client_id), codec.encode_client(client))

    async def load_client(self, client_id: str) -> OAuthClient | None:
        return await self._get(self._key("client", client_id), codec.decode_client)

    async def save_person(self, person: Person) -> None:
        await self._set(self._key("person", person.subject), codec.encode_person(person))

    async def load_person(self, subject: str) -> Person | None:
        return await self._get(self._key("person", subject), codec.decode_person)

    async def save_consent(self, consent: Consent) -> None:
        await self._set(self._consent_key(consent.subject, consent.client_id), codec.encode_consent(consent))

    async def load_consent(self, subject: str, client_id: str) -> Consent | None:
        return await self._get(self._consent_key(subject, client_id), codec.decode_consent)

    def _consent_key(self, subject: str, client_id: str) -> str:
        # The client_id may be a URL (metadata documents): keep it last so no ':' is ambiguous.
        return self._key("consent", f"{subject}:{client_id}")

    async def put_code(self, digest: str, code: AuthorizationCode, ttl_seconds: int, remember_seconds: int) -> None:
        with redis_errors("OAuth"):
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.set(self._key("code", digest), codec.encode_code(code), ex=ttl_seconds)
                pipe.set(self._key("code-grant", digest), code.grant.grant_id, ex=remember_seconds)
                await pipe.execute()

    async def take_code(self, digest: str) -> AuthorizationCode | None:
        with redis_errors("OAuth"):
            raw = await self._client.getdel(self._key("code", digest))  # atomic single use (RFC 9700 §4.2.4)
        return None if raw is None else codec.decode_code(raw)

    async def code_grant(self, digest: str) -> str | None:
        return await self._get(self._key("code-grant", digest), codec.decode_text)

    async def put_refresh(self, digest: str, token: RefreshToken, ttl_seconds: int) -> None:
        await self._set(self._key("refresh", digest), codec.encode_refresh(token), ttl_seconds)

    async def claim_refresh(self, digest: str) -> RefreshClaim | None:
        keys = [self._key("refresh", digest), self._key("refresh-used", digest)]
        with redis_errors("OAuth"):
            ttl = await self._client.ttl(keys[0])
            answer = await self._claim(keys=keys, args=[max(int(ttl), 1)])
        if answer is None:
            return None
        raw, first = answer
        return RefreshClaim(token=codec.decode_refresh(raw), already_used=int(first) != 1)

    async def load_refresh(self, digest: str) -> RefreshClaim | None:
        with redis_errors("OAuth"):
            raw, used = await self._client.mget([self._key("refresh", digest), self._key("refresh-used", digest)])
        return None if raw is None else RefreshClaim(token=codec.decode_refresh(raw), already_used=used is not None)

    async def revoke_grant(self, grant_id: str, ttl_seconds: int) -> None:
        await self._set(self._key("revoked-grant", grant_id), "1", ttl_seconds)

    async def grant_revoked(self, grant_id: str) -> bool:
        with redis_errors("OAuth"):
            return bool(await self._client.exists(self._key("revoked-grant", grant_id)))

    async def put_access_token(self, jti: str, grant_id: str, ttl_seconds: int) -> None:
        await self._set(self._key("access", jti), grant_id, ttl_seconds)

    async def access_token_grant(self, jti: str) -> str | None:
        return await self._get(self._key("access", jti), codec.decode_text)

    async def forget_access_token(self, jti: str) -> None:
        with redis_errors("OAuth"):
            await self._client.delete(self._key("access", jti))

    async def save_browser_session(self, digest: str, session: BrowserSession, ttl_seconds: int) -> None:
        await self._set(self._key("browser", digest), codec.encode_browser_session(session), ttl_seconds)

    async def load_browser_session(self, digest: str) -> BrowserSession | None:
        return await self._get(self._key("browser", digest), codec.decode_browser_session)

    async def delete_browser_session(self, digest: str) -> None:
        with redis_errors("OAuth"):
            await self._client.delete(self._key("browser", digest))
