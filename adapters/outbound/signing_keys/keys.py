"""Signing keys: generation (RSA ≥ 2048 bits or P-256), JWKs, and the ring of keys in use.

The ring's newest key signs; older keys stay published until every token they signed has
expired, so a rotation never breaks a token in flight (RFC 7517 §5, RFC 8725 §3.5).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

RSA_BITS = 3072  # ≥ 2048 (RFC 8725 §3.5, NIST SP 800-57: 3072 for use past 2030)
ALGORITHMS = ("RS256", "ES256")
PUBLIC_RSA = ("e", "kty", "n")  # RFC 7638 §3.2: the required members, in order
PUBLIC_EC = ("crv", "kty", "x", "y")


@dataclass(frozen=True)
class SigningKey:
    """`retire_at` is None for the current key; a retired key is published until then."""

    kid: str
    algorithm: str
    private_pem: str
    created_at: float
    retire_at: float | None = None

    @cached_property
    def private_key(self) -> Any:
        return serialization.load_pem_private_key(self.private_pem.encode("ascii"), password=None)

    @cached_property
    def public_key(self) -> Any:
        return self.private_key.public_key()

    def public_jwk(self) -> dict[str, Any]:
        """Public members only (RFC 7517 §4, §9.3): never `d`, `p`, `q` or the CRT values."""
        jwk = _public_members(self.public_key, self.algorithm)
        return {**jwk, "kid": self.kid, "alg": self.algorithm, "use": "sig"}


def _public_members(public_key: Any, algorithm: str) -> dict[str, Any]:
    if algorithm == "RS256":
        full = RSAAlgorithm.to_jwk(public_key, as_dict=True)
        return {name: full[name] for name in PUBLIC_RSA}
    full = ECAlgorithm.to_jwk(public_key, as_dict=True)
    return {name: full[name] for name in PUBLIC_EC}


def thumbprint(members: dict[str, Any]) -> str:
    """RFC 7638 JWK thumbprint: a `kid` derived from the key itself."""
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode("ascii")


def generate_key(algorithm: str, now: float) -> SigningKey:
    if algorithm == "RS256":
        private: Any = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    elif algorithm == "ES256":
        private = ec.generate_private_key(ec.SECP256R1())  # P-256, the curve ES256 requires (RFC 7518 §3.4)
    else:
        raise ValueError(f"MCP_AUTH_SIGNING_ALGORITHM={algorithm!r}: use one of {', '.join(ALGORITHMS)}")
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode("ascii")
    kid = thumbprint(_public_members(private.public_key(), algorithm))
    return SigningKey(kid=kid, algorithm=algorithm, private_pem=pem, created_at=now)


@dataclass(frozen=True)
class KeyRing:
    """The keys in use, newest (current) first."""

    keys: tuple[SigningKey, ...]

    @property
    def current(self) -> SigningKey:
        return self.keys[0]

    def published(self, now: float) -> tuple[SigningKey, ...]:
        return tuple(key for key in self.keys if key.retire_at is None or key.retire_at > now)

    def find(self, kid: str, now: float) -> SigningKey | None:
        return next((key for key in self.published(now) if key.kid == kid), None)

    def rotated(self, new_key: SigningKey, now: float, keep_seconds: float) -> KeyRing:
        """`new_key` becomes current; the old current stays published `keep_seconds` longer
        (the longest a token it signed can live); keys already past retirement are dropped."""
        retiring = tuple(key if key.retire_at is not None else replace(key, retire_at=now + keep_seconds)
                         for key in self.published(now))
        return KeyRing((new_key, *retiring))

    def to_json(self) -> str:
        return json.dumps({"keys": [asdict(key) for key in self.keys]})

    @classmethod
    def from_json(cls, text: str) -> KeyRing:
        document = json.loads(text)
        keys = tuple(SigningKey(**fields) for fields in document["keys"])
        if not keys:
            raise ValueError("the signing key store holds no keys")
        return cls(keys)
