"""What a verified OAuth access token says about its bearer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AccessClaims:
    """The claims of an access token that passed every check.

    `audience` is the one resource the token was issued for (our canonical MCP URL);
    `expires_at` is None only when an introspection answer carried no `exp`.
    `tenant_id` and `organization_id` are the Gauzy ids the authorization server put in the
    token, when it did. `client_id` names the OAuth client the token was issued to.
    """

    subject: str
    scopes: frozenset[str]
    audience: str
    expires_at: datetime | None
    client_id: str | None = None
    tenant_id: str | None = None
    organization_id: str | None = None
    issuer: str | None = None
    token_id: str | None = None
    grant_id: str | None = None  # `sid`: the sign-in (token family) the token belongs to
