"""The checks every JWT access token goes through, whichever key verifies its signature.

pyjwt verifies the signature, the times, the issuer and the audience; this module adds what it
leaves to the application: the algorithm allow-list before any key is chosen, `typ`, strict
single-valued audience, and the claims an access token must carry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt

from domain.access import AccessClaims
from domain.errors import InvalidTokenError

# RFC 8725 §3.1 / §3.2: asymmetric algorithms only. `none` and HS* are never accepted: an HMAC
# "verified" with a public key (which anyone has) proves nothing (RFC 8725 §2.1).
ASYMMETRIC = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"})
DEFAULT_LEEWAY = 30.0  # seconds of clock skew tolerated on exp/nbf/iat
MAX_TOKEN_CHARS = 16 * 1024  # an access token is a few hundred bytes to a few KiB
ACCESS_TOKEN_TYPES = frozenset({"at+jwt", "application/at+jwt"})  # RFC 9068 §2.1
GENERIC_TYPES = ACCESS_TOKEN_TYPES | {"jwt", "application/jwt"}  # RFC 7519 §5.1
BASE_CLAIMS = ("iss", "sub", "aud", "exp", "iat")
RFC9068_CLAIMS = (*BASE_CLAIMS, "client_id", "jti")  # RFC 9068 §2.2


def allowed_algorithms(configured: Iterable[str]) -> tuple[str, ...]:
    """The configured algorithms, or `ValueError` naming any that may not be allowed."""
    algorithms = tuple(dict.fromkeys(name.strip() for name in configured if name.strip()))
    refused = [name for name in algorithms if name not in ASYMMETRIC]
    if refused:
        raise ValueError(f"algorithms {refused} are not allowed for access tokens; use asymmetric ones "
                         f"({', '.join(sorted(ASYMMETRIC))}): 'none' and HS* are always refused (RFC 8725 §3.1)")
    if not algorithms:
        raise ValueError("at least one signature algorithm is needed, e.g. RS256")
    return algorithms


@dataclass(frozen=True)
class JwtRules:
    """What a token must satisfy besides its signature.

    `access_token_type`: require `typ: at+jwt` and the RFC 9068 claims (`client_id`, `jti`);
    off, a `typ` that is present must still name a JWT access token or a plain JWT.
    """

    issuer: str
    audience: str
    algorithms: tuple[str, ...] = ("RS256", "ES256")
    access_token_type: bool = False
    leeway: float = DEFAULT_LEEWAY

    def __post_init__(self) -> None:
        allowed_algorithms(self.algorithms)
        if not self.issuer or not self.audience:
            raise ValueError("an issuer and an audience are needed to check tokens")

    @property
    def required_claims(self) -> tuple[str, ...]:
        return RFC9068_CLAIMS if self.access_token_type else BASE_CLAIMS


def checked_header(token: str, rules: JwtRules) -> dict[str, Any]:
    """The token's JOSE header, once `alg` and `typ` are acceptable. Nothing in it is trusted
    beyond that: `jku`, `x5u` and `jwk` are never read (RFC 8725 §3.10), only `kid`."""
    if len(token) > MAX_TOKEN_CHARS:
        raise InvalidTokenError("token too long")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise InvalidTokenError(f"malformed token: {error}") from error
    alg = header.get("alg")
    if alg not in rules.algorithms:  # RFC 8725 §3.1: the allow-list comes before any key
        raise InvalidTokenError(f"algorithm {alg!r} not allowed")
    _check_type(header.get("typ"), rules)
    return header


def _check_type(typ: Any, rules: JwtRules) -> None:
    # RFC 8725 §3.11 explicit typing; RFC 9068 §4: a resource server MUST check `at+jwt`.
    # Media types compare case-insensitively (RFC 7515 §4.1.9).
    if typ is None and not rules.access_token_type:
        return
    accepted = ACCESS_TOKEN_TYPES if rules.access_token_type else GENERIC_TYPES
    if not isinstance(typ, str) or typ.lower() not in accepted:
        raise InvalidTokenError(f"token type {typ!r} not accepted")


def verified_claims(token: str, key: Any, rules: JwtRules) -> AccessClaims:
    """Verify the signature with `key` and every claim rule; the claims, or `InvalidTokenError`."""
    try:
        payload = jwt.decode(
            token, key=key, algorithms=list(rules.algorithms),
            issuer=rules.issuer,  # RFC 9068 §4: exact match
            audience=rules.audience,  # RFC 8707 §2, RFC 9068 §4: our resource, and only it (strict)
            leeway=rules.leeway,  # RFC 7519 §4.1.4/§4.1.5: "a small leeway"
            options={"require": list(rules.required_claims), "strict_aud": True,
                     "enforce_minimum_key_length": True},  # RFC 8725 §3.5
        )
    except jwt.PyJWTError as error:
        raise InvalidTokenError(f"{type(error).__name__}: {error}") from error
    return claims_from(payload, rules.audience)


def claims_from(payload: Mapping[str, Any], audience: str) -> AccessClaims:
    """AccessClaims from a verified JWT payload or an active introspection answer."""
    subject = payload.get("sub")
    if not isinstance(subject, str) or not subject:
        raise InvalidTokenError("sub missing or not a string")
    return AccessClaims(
        subject=subject,
        scopes=scopes_of(payload),
        audience=audience,
        expires_at=expiry_of(payload),
        client_id=_text(payload, "client_id") or _text(payload, "azp"),
        tenant_id=_text(payload, "tenant_id"),
        organization_id=_text(payload, "organization_id"),
        issuer=_text(payload, "iss"),
        token_id=_text(payload, "jti"),
        grant_id=_text(payload, "sid"),
    )


def expiry_of(payload: Mapping[str, Any]) -> datetime | None:
    expires = payload.get("exp")
    if expires is None:
        return None
    if isinstance(expires, bool) or not isinstance(expires, int | float):
        raise InvalidTokenError("exp is not a number")  # RFC 7519 §4.1.4: a NumericDate
    return datetime.fromtimestamp(int(expires), UTC)


def scopes_of(payload: Mapping[str, Any]) -> frozenset[str]:
    """`scope` is a space-separated string (RFC 9068 §2.2.3, RFC 8693 §4.2); some servers
    (Azure AD, Okta) send `scp`, as a list or a string."""
    raw = payload.get("scope", payload.get("scp"))
    if isinstance(raw, str):
        return frozenset(raw.split())
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return frozenset(raw)
    if raw is not None:
        raise InvalidTokenError("scope claim is neither a string nor a list of strings")
    return frozenset()


def _text(payload: Mapping[str, Any], name: str) -> str | None:
    value = payload.get(name)
    return value if isinstance(value, str) and value else None
