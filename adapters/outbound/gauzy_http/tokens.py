"""Read a Gauzy sign-in: the login answer (IAuthResponse) and the claims of its JWTs.

`AuthService.login` answers `{user, token, refresh_token}`; `user` carries `id`, `email`,
`tenantId`, `lastOrganizationId` and, for employees, `employee {id, organizationId}`. The
access token's claims (`getJwtAccessToken`) hold `id`, `tenantId`, `organizationId` and
`employeeId`: the organization the API itself will treat as current, so it wins when present.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import jwt

from domain.errors import AuthenticationError
from domain.principal import GauzyCredential

SIGN_IN_AGAIN = "Sign in again with the login tool."


def claims(token: str) -> dict[str, Any]:
    """The token's claims, unverified: we only read what Gauzy told us, Gauzy checks signatures."""
    try:
        decoded: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return {}
    return decoded


def expiry(token: str) -> datetime | None:
    exp = claims(token).get("exp")
    return datetime.fromtimestamp(exp, UTC) if isinstance(exp, int | float) else None


def credential_from_login(body: Any, email: str) -> GauzyCredential:
    """The credential in a login answer; a body without token or user is a refused sign-in."""
    if not isinstance(body, Mapping) or not body.get("token") or not isinstance(body.get("user"), Mapping):
        raise AuthenticationError("Gauzy did not sign this user in.", hint="Check the email and password.")
    user, token = body["user"], str(body["token"])
    found = claims(token)
    employee = user.get("employee") if isinstance(user.get("employee"), Mapping) else {}
    tenant_id = _first(user.get("tenantId"), found.get("tenantId"))
    user_id = _first(user.get("id"), found.get("id"))
    if tenant_id is None or user_id is None:
        raise AuthenticationError("Gauzy signed this user in, but the user belongs to no tenant.",
                                  hint="Sign in with a user of a Gauzy tenant (organization account).")
    return GauzyCredential(
        access_token=token,
        refresh_token=body.get("refresh_token"),
        tenant_id=tenant_id,
        organization_id=_first(found.get("organizationId"), employee.get("organizationId"),
                               user.get("lastOrganizationId")),
        user_id=user_id,
        employee_id=_first(employee.get("id"), found.get("employeeId")),
        email=str(user.get("email") or email),
        expires_at=expiry(token),
    )


def renewed(credential: GauzyCredential, body: Any) -> GauzyCredential:
    """The credential with the refresh answer's tokens (`ITokenPair {token, refresh_token}`).

    Gauzy rotates refresh tokens, so the new one must replace the old; an answer without one
    (older API versions) keeps the old.
    """
    if not isinstance(body, Mapping) or not body.get("token"):
        raise AuthenticationError("Gauzy did not renew the sign-in.", hint=SIGN_IN_AGAIN)
    token = str(body["token"])
    return credential.with_tokens(token, body.get("refresh_token") or credential.refresh_token, expiry(token))


def _first(*values: Any) -> str | None:
    return next((str(v) for v in values if v), None)
