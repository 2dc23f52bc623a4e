"""Verify JWT access tokens with one configured public key (`MCP_AUTH_JWT_PUBLIC_KEY`)."""

from __future__ import annotations

from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from adapters.outbound.token_verifiers.jwt_checks import JwtRules, checked_header, verified_claims
from domain.access import AccessClaims

MIN_RSA_BITS = 2048  # RFC 8725 §3.5, NIST SP 800-131A
CURVE_ALGORITHMS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}
RSA_ALGORITHMS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})


def load_public_key(pem: str | bytes) -> Any:
    """A public key from a PEM `PUBLIC KEY` or `CERTIFICATE` block; `ValueError` otherwise
    (a private key is refused: the server has no business holding one)."""
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    if b"-----BEGIN CERTIFICATE-----" in data:
        return x509.load_pem_x509_certificate(data).public_key()
    try:
        return load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise ValueError("not a PEM public key or certificate") from error


def algorithms_for(key: Any, configured: tuple[str, ...]) -> tuple[str, ...]:
    """The configured algorithms this key can verify. Binding the algorithm to the key type
    means a token cannot pick how our key is interpreted (RFC 8725 §3.1)."""
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < MIN_RSA_BITS:
            raise ValueError(f"RSA key of {key.key_size} bits; at least {MIN_RSA_BITS} are needed")
        usable = [alg for alg in configured if alg in RSA_ALGORITHMS]
    elif isinstance(key, ec.EllipticCurvePublicKey):
        usable = [alg for alg in configured if alg == CURVE_ALGORITHMS.get(key.curve.name)]
    elif isinstance(key, ed25519.Ed25519PublicKey):
        usable = [alg for alg in configured if alg == "EdDSA"]
    else:
        raise ValueError(f"unsupported key type {type(key).__name__}")
    if not usable:
        raise ValueError(f"none of the algorithms {list(configured)} fits this {type(key).__name__}")
    return tuple(usable)


class PublicKeyTokenVerifier:
    def __init__(self, pem: str | bytes, rules: JwtRules) -> None:
        self._key = load_public_key(pem)
        algorithms = algorithms_for(self._key, rules.algorithms)
        self._rules = JwtRules(issuer=rules.issuer, audience=rules.audience, algorithms=algorithms,
                               access_token_type=rules.access_token_type, leeway=rules.leeway)

    async def verify(self, token: str) -> AccessClaims:
        checked_header(token, self._rules)
        return verified_claims(token, self._key, self._rules)
