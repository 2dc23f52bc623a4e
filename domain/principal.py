"""Who is calling, and the Gauzy credential their tool calls run with."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

REFRESH_BUFFER = timedelta(seconds=10)


@dataclass(frozen=True)
class GauzyCredential:
    """A signed-in Gauzy user's tokens and the ids every call is scoped by.

    Tokens are excluded from `repr` so that logging a credential never leaks them.
    """

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    tenant_id: str
    organization_id: str | None
    user_id: str
    employee_id: str | None = None
    email: str | None = None
    expires_at: datetime | None = None

    def needs_refresh(self, now: datetime) -> bool:
        """True when the access token expires within the refresh buffer (10 s)."""
        return self.expires_at is not None and now >= self.expires_at - REFRESH_BUFFER

    def with_tokens(self, access_token: str, refresh_token: str | None, expires_at: datetime | None) -> GauzyCredential:
        return replace(self, access_token=access_token, refresh_token=refresh_token, expires_at=expires_at)


ALL_SCOPES = frozenset({"mcp.read", "mcp.write", "mcp.admin"})


@dataclass(frozen=True)
class CallerContext:
    """What an inbound adapter knows about the caller of one request.

    `session_key` addresses the caller's stored session; `scopes` are the OAuth scopes granted
    (all of them when OAuth is off). With OAuth, `principal_key` addresses the person's own
    record, whose Gauzy credential every session of theirs shares, and `tenant_id` is the
    tenant their token was issued for.
    """

    session_key: str
    subject: str = "local"
    scopes: frozenset[str] = ALL_SCOPES
    client_id: str | None = None
    principal_key: str | None = None
    tenant_id: str | None = None
    organization_id: str | None = None

    @property
    def credential_key(self) -> str:
        """Where the caller's Gauzy credential is kept: the person's record, else the session."""
        return self.principal_key or self.session_key
