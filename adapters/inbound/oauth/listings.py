"""`tools/list` for a token: only the tools its scopes let it call (decision 010).

Each answer reuses the full listing's Tool objects and is built once per combination of the
scopes that matter, so filtering costs nothing per request.
"""

from __future__ import annotations

import mcp_types as types

from adapters.inbound.mcp_tools import tool_listing
from application.access_policy import ScopePolicy
from application.catalog.catalog import Catalog
from application.protected_resource import SCOPES_SUPPORTED


class ScopedListings:
    def __init__(self, catalog: Catalog, policy: ScopePolicy) -> None:
        self._catalog = catalog
        self._policy = policy
        self._relevant = frozenset(SCOPES_SUPPORTED) | policy.required
        self._cache: dict[frozenset[str], types.ListToolsResult] = {}

    def __call__(self, granted: frozenset[str]) -> types.ListToolsResult:
        key = granted & self._relevant  # bounded cache: other scopes a token carries change nothing here
        if key not in self._cache:
            allowed = {tool.name for tool in self._policy.visible(self._catalog, key)}
            full = tool_listing(self._catalog)
            self._cache[key] = types.ListToolsResult(tools=[tool for tool in full.tools if tool.name in allowed])
        return self._cache[key]
