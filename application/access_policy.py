"""Who an OAuth caller is, and what their token's scopes let them see and do.

Read tools need `mcp.read`, write tools `mcp.write`, admin tools `mcp.admin` (`ToolSpec.scope`);
`MCP_AUTH_REQUIRED_SCOPES` adds scopes every request needs, whatever it calls. `tools/list`
shows only the tools the token can call (docs/decisions/006-tools-list-by-scope.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from application.catalog.catalog import Catalog
from application.catalog.model import ToolSpec
from domain.access import AccessClaims
from domain.principal import CallerContext


def oauth_session_key(subject: str, session_id: str) -> str:
    """`<sub>:<session id>`: a session is found only with a token of the user who opened it,
    so a leaked or guessed session id alone reaches nothing (MCP Security Best Practices,
    "Session Hijacking"; SECURITY.md item 23)."""
    return f"{subject}:{session_id}"


def caller_from_claims(claims: AccessClaims, session_id: str) -> CallerContext:
    return CallerContext(
        session_key=oauth_session_key(claims.subject, session_id),
        subject=claims.subject,
        scopes=claims.scopes,
        client_id=claims.client_id,
    )


@dataclass(frozen=True)
class ScopePolicy:
    """`required`: scopes every request must carry, on top of each tool's own."""

    required: frozenset[str] = frozenset()

    def missing_for_request(self, scopes: frozenset[str]) -> tuple[str, ...]:
        """The request-wide scopes the token lacks, sorted (empty: it may proceed)."""
        return tuple(sorted(self.required - scopes))

    def missing_for_tool(self, tool: ToolSpec, scopes: frozenset[str]) -> tuple[str, ...]:
        needed = self.required | {tool.scope.value}
        return tuple(sorted(needed - scopes))

    def visible(self, catalog: Iterable[ToolSpec], scopes: frozenset[str]) -> list[ToolSpec]:
        """The tools a token with `scopes` may call, in catalog order."""
        return [tool for tool in catalog if not self.missing_for_tool(tool, scopes)]


def tool_scope(catalog: Catalog, name: str) -> str | None:
    """The scope tool `name` needs, or None when there is no such tool."""
    tool = next((spec for spec in catalog if spec.name == name), None)
    return tool.scope.value if tool is not None else None
