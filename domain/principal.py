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

    `session_key` addresses the caller's stored session (credential); `scopes` are the
    OAuth scopes granted (all of them when OAuth is off).
    """

    session_key: str
    subject: str = "local"
    scopes: frozenset[str] = ALL_SCOPES
    client_id: str | None = None
