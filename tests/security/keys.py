"""Signing keys generated in the test process, and tokens minted (or forged) with them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

ISSUER = "https://auth.example.test"
RESOURCE = "http://127.0.0.1:3001/mcp"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def segment(value: dict[str, Any]) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def claims(**overrides: Any) -> dict[str, Any]:
    """A valid RFC 9068 claim set for RESOURCE; a `None` override removes the claim."""
    now = int(time.time())
    values: dict[str, Any] = {
        "iss": ISSUER, "sub": "user-1", "aud": RESOURCE, "exp": now + 300, "iat": now,
        "jti": str(uuid.uuid4()), "client_id": "client-1", "scope": "mcp.read mcp.write",
        "tenant_id": "tenant-1", "organization_id": "org-1",
    }
    values.update(overrides)
    return {name: value for name, value in values.items() if value is not None}


@dataclass
class SigningKey:
    """A private key with its `kid` and algorithm, as an authorization server would hold it."""

    kid: str
    alg: str
    private: Any = field(repr=False)

    @classmethod
    def rsa(cls, kid: str = "rsa-1", bits: int = 2048) -> SigningKey:
        return cls(kid, "RS256", rsa.generate_private_key(public_exponent=65537, key_size=bits))

    @classmethod
    def ec(cls, kid: str = "ec-1") -> SigningKey:
        return cls(kid, "ES256", ec.generate_private_key(ec.SECP256R1()))

    def public_pem(self) -> str:
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")

    def jwk(self, **extra: Any) -> dict[str, Any]:
        algorithm = jwt.get_algorithm_by_name(self.alg)
        key = json.loads(algorithm.to_jwk(self.private.public_key()))
        return {**key, "kid": self.kid, "alg": self.alg, "use": "sig", **extra}

    def token(self, payload: dict[str, Any] | None = None, *, kid: str | None = "", **headers: Any) -> str:
        """A token signed with this key. `kid=None` leaves the kid out; `""` uses this key's."""
        header = {"typ": "at+jwt", **headers}
        if kid is not None:
            header["kid"] = kid or self.kid
        return jwt.encode(claims() if payload is None else payload, self.private, algorithm=self.alg,
                          headers=header)


def jwks(*keys: SigningKey) -> dict[str, Any]:
    return {"keys": [key.jwk() for key in keys]}


def unsigned_token(payload: dict[str, Any] | None = None, **header: Any) -> str:
    """`alg: none` (RFC 7519 §6): no signature at all."""
    return f"{segment({'alg': 'none', 'typ': 'at+jwt', **header})}.{segment(payload or claims())}."


def hmac_with_public_key(key: SigningKey, payload: dict[str, Any] | None = None) -> str:
    """The key-confusion forgery (RFC 8725 §2.1): HS256 with the verifier's *public* key as
    the secret. pyjwt refuses to sign this, so it is built by hand."""
    signing_input = f"{segment({'alg': 'HS256', 'typ': 'at+jwt', 'kid': key.kid})}.{segment(payload or claims())}"
    mac = hmac.new(key.public_pem().encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"
