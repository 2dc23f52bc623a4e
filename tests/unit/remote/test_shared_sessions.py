"""Handshake facts (adapters/inbound/http/shared_sessions.py): what one instance stores and
another reads back to carry a streamable-HTTP session on (issue 13)."""

from __future__ import annotations

import mcp_types as types
from mcp.server.connection import Connection

from adapters.inbound.http.shared_sessions import CLIENT_ATTRIBUTE, Handshake

CLIENT = types.InitializeRequestParams(protocol_version="2025-11-25", client_info=types.Implementation(
    name="assistant", version="1.0"), capabilities=types.ClientCapabilities(roots=types.RootsCapability()))


class Silent:
    async def send_raw_request(self, method: str, params: object, opts: object = None) -> dict[str, object]:
        return {}

    async def notify(self, method: str, params: object, opts: object = None) -> None:
        return None


def test_a_stored_handshake_restores_an_initialized_connection() -> None:
    stored = Handshake("2025-11-25", CLIENT).attributes()
    restored = Handshake.from_attributes(dict(stored))
    assert restored == Handshake("2025-11-25", CLIENT)
    connection = Connection.for_loop(Silent(), session_id="s-1")
    assert restored is not None
    restored.restore(connection)
    assert connection.initialize_accepted and connection.initialized.is_set()
    assert connection.protocol_version == "2025-11-25"
    assert connection.client_capabilities == CLIENT.capabilities


def test_a_session_without_a_readable_handshake_is_not_resumed() -> None:
    assert Handshake.from_attributes({}) is None
    stored = Handshake("2025-11-25", CLIENT).attributes()
    assert Handshake.from_attributes({**stored, CLIENT_ATTRIBUTE: "{not json"}) is None


def test_a_connection_not_yet_initialized_has_nothing_to_store() -> None:
    assert Handshake.of(Connection.for_loop(Silent(), session_id="s-1")) is None
