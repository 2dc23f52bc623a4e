"""Random artefacts (codes, tokens, ids) and the digests they are stored under."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# 256 bits from the OS CSPRNG: RFC 6749 §10.10 wants codes and tokens unguessable (≥128 bits,
# RFC 6819 §5.1.4.2.2); SECURITY.md item 16.
TOKEN_BYTES = 32


def new_secret() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_id() -> str:
    """An identifier (client id, grant id, jti): unique and unguessable, but not a secret."""
    return secrets.token_urlsafe(18)


def digest(value: str) -> str:
    """SHA-256, hex. Enough for 256-bit random secrets: nothing to brute-force, so no slow hash."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def digest_matches(value: str, expected_digest: str) -> bool:
    return hmac.compare_digest(digest(value), expected_digest)
