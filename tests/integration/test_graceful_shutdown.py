"""SIGTERM lets the calls in flight finish: every request sent before it gets its answer."""

from __future__ import annotations

import json

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.e2e.remote_clients import WsRpc
from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]
CALLS = 20


def test_sigterm_answers_every_request_in_flight_then_exits_cleanly() -> None:
    server = ServerProcess("websocket").start()
    with connect(server.ws_url, subprotocols=["mcp"]) as connection:  # type: ignore[list-item]
        WsRpc(connection).initialize()
        for n in range(CALLS):
            connection.send(json.dumps({"jsonrpc": "2.0", "id": 100 + n, "method": "tools/call",
                                        "params": {"name": "get_projects", "arguments": {"limit": 5}}}))
        assert server.process is not None
        server.process.terminate()
        answered: set[int] = set()
        with pytest.raises(ConnectionClosed):
            while True:
                answered.add(json.loads(connection.recv(timeout=15))["id"])
        close = connection.protocol.close_rcvd
    assert answered == set(range(100, 100 + CALLS))  # answered, or told the server is stopping
    assert close is not None and close.code == 1001
    assert server.stop() == 0, server.logs()
