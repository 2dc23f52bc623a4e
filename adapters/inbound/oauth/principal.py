"""Where the bearer middleware leaves the verified token's claims for the layers inside it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.access import AccessClaims

PRINCIPAL_KEY = "gauzy_mcp.principal"


def principal_of(scope: Mapping[str, Any]) -> AccessClaims | None:
    """The claims of the request's verified bearer token; None when OAuth is off."""
    claims = scope.get(PRINCIPAL_KEY)
    return claims if isinstance(claims, AccessClaims) else None
