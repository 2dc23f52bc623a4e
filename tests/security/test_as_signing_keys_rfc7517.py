"""Signing keys of the authorization server: generated once, kept, rotated without breaking
tokens in flight — SECURITY.md item 24 (RFC 7517 §5; RFC 8725 §3.5) and issue 7 "Keys"."""

from __future__ import annotations

import stat
import uuid

import pytest

from adapters.outbound.redis_connection import connect_redis
from adapters.outbound.signing_keys import FileKeyStorage, InMemoryKeyStorage, JwtTokenSigner, RedisKeyStorage
from adapters.outbound.token_cipher import AesGcmTokenCipher
from tests.clock import ManualClock
from tests.remote import redis_server

pytestmark = pytest.mark.anyio
__all__ = ["redis_server"]
CLAIMS = {"sub": "u", "jti": "j"}


async def signed(signer: JwtTokenSigner, clock: ManualClock) -> str:
    now = int(clock.now().timestamp())
    return await signer.sign({**CLAIMS, "iat": now, "exp": now + 900})


async def test_rotation_keeps_the_old_key_published_until_its_tokens_expire() -> None:
    """Issue 7 / item 24: after a rotation, new tokens use the new `kid`; tokens of the old key
    still verify until they expire, then the old key leaves the JWKS (RFC 7517 §5)."""
    clock = ManualClock()
    signer = JwtTokenSigner(InMemoryKeyStorage(), clock, algorithm="ES256", token_lifetime=900)
    old_token = await signed(signer, clock)
    old_kid = (await signer.public_jwks())["keys"][0]["kid"]
    new_key = await signer.rotate()
    assert new_key.kid != old_kid
    assert {k["kid"] for k in (await signer.public_jwks())["keys"]} == {old_kid, new_key.kid}
    assert await signer.verify(old_token) is not None
    assert (await signer.public_jwks())["keys"][0]["kid"] == new_key.kid
    clock.advance(seconds=900 + 61)
    assert [k["kid"] for k in (await signer.public_jwks())["keys"]] == [new_key.kid]
    assert await signer.verify(old_token) is None


async def test_automatic_rotation_after_the_configured_age() -> None:
    """Issue 7: keys rotate on their own when older than `rotate_after`."""
    clock = ManualClock()
    signer = JwtTokenSigner(InMemoryKeyStorage(), clock, algorithm="ES256", rotate_after=86400)
    first = (await signer.public_jwks())["keys"][0]["kid"]
    clock.advance(days=1, seconds=61)
    assert (await signer.public_jwks())["keys"][0]["kid"] != first


async def test_tampered_and_foreign_tokens_do_not_verify() -> None:
    """Item 24: only our keys, by `kid`, with the key's own algorithm (RFC 8725 §3.1, §3.10)."""
    clock = ManualClock()
    signer = JwtTokenSigner(InMemoryKeyStorage(), clock, algorithm="ES256")
    token = await signed(signer, clock)
    head, body, signature = token.split(".")
    assert await signer.verify(f"{head}.{body}x.{signature}") is None
    other = JwtTokenSigner(InMemoryKeyStorage(), clock, algorithm="ES256")
    assert await signer.verify(await signed(other, clock)) is None
    assert await signer.verify("not a token") is None


async def test_file_storage_generates_once_keeps_the_key_and_is_owner_only(tmp_path) -> None:
    """Issue 7: generated at first start and kept in a file (0600); a restart signs with the same key."""
    path = tmp_path / "state" / "keys.json"
    clock = ManualClock()
    first = JwtTokenSigner(FileKeyStorage(path), clock, algorithm="ES256")
    token = await signed(first, clock)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    restarted = JwtTokenSigner(FileKeyStorage(path), clock, algorithm="ES256")
    assert await restarted.verify(token) is not None
    assert await restarted.public_jwks() == await first.public_jwks()


async def test_redis_storage_is_shared_sealed_and_sees_rotations(redis_server) -> None:
    """Issue 7: keys in Redis are shared by instances, sealed at rest with the session secret,
    and a rotation by one instance is picked up by the other for an unknown `kid`."""
    client = connect_redis(redis_server.url())
    key = f"test-{uuid.uuid4().hex}:keys"
    cipher = AesGcmTokenCipher("shared-secret")
    try:
        clock = ManualClock()
        one = JwtTokenSigner(RedisKeyStorage(client, cipher, key=key), clock, algorithm="ES256")
        two = JwtTokenSigner(RedisKeyStorage(client, cipher, key=key), clock, algorithm="ES256")
        assert await two.verify(await signed(one, clock)) is not None
        raw = await client.get(key)
        assert b"PRIVATE KEY" not in raw and b"private_pem" not in raw
        await one.rotate()
        clock.advance(seconds=2)
        assert await two.verify(await signed(one, clock)) is not None
    finally:
        await client.delete(key)
        await client.aclose()
