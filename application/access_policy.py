"""Who an OAuth caller is, and what their token's scopes let them see and do.

Read tools need `mcp.read`, write tools `mcp.write`, admin tools `mcp.admin` (`ToolSpec.scope`);
`MCP_AUTH_REQUIRED_SCOPES` adds scopes every request needs, whatever it calls. `tools/list`
shows only the tools the token can call (docs/decisions/010-oauth-protected-resource.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from application.catalog.model import ToolSpec
from application.oauth.browser import person_session_key
from domain.access import AccessClaims
from domain.principal import CallerContext


def oauth_session_key(subject: str, session_id: str) -> str:
    """`<sub>:<session id>`: a session is found only with a token of the user who opened it,
    so a leaked or guessed session id alone reaches nothing (MCP Security Best Practices,
    "Session Hijacking"; SECURITY.md item 23)."""
    return f"{subject}:{session_id}"


def caller_from_claims(claims: AccessClaims, session_key: str) -> CallerContext:
    """The caller a verified token describes, in the session `session_key` (already
    `oauth_session_key`-shaped). Their Gauzy credential is the person's own, shared by all their
    sessions: the one the authorization server's sign-in page (or the login tool) stored."""
    return CallerContext(
        session_key=session_key,
        subject=claims.subject,
        scopes=claims.scopes,
        client_id=claims.client_id,
        principal_key=person_session_key(claims.subject),
        tenant_id=claims.tenant_id,
        organization_id=claims.organization_id,
    )


@dataclass(frozen=True)
class ScopePolicy:
    """`required`: scopes every request must carry, on top of each tool's own."""

    required: frozenset[str] = frozenset()

    def missing(self, granted: frozenset[str], *needed: str) -> tuple[str, ...]:
        """The scopes a request needing `needed` lacks, sorted (empty: it may proceed)."""
        return tuple(sorted((self.required | set(needed)) - granted))

    def visible(self, tools: Iterable[ToolSpec], granted: frozenset[str]) -> list[ToolSpec]:
        """The tools a token with `granted` may call, in catalog order."""
        return [tool for tool in tools if not self.missing(granted, tool.scope.value)]


def tool_scopes(tools: Iterable[ToolSpec]) -> Mapping[str, str]:
    """Tool name → the scope calling it needs."""
    return {tool.name: tool.scope.value for tool in tools}
