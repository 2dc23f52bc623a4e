"""Streamable-HTTP sessions (`Mcp-Session-Id`) that any instance of the fleet can serve.

The SDK's session manager keeps each session's transport and handshake in this process and
answers 404 for an id it did not issue itself. Here the handshake's outcome (the negotiated
protocol version and the client's `initialize` params) goes into the session store, next to
the session's principal and Gauzy credential. A request with an id this instance has never
seen gets a new transport whose connection starts out initialized with those facts, so a
load balancer needs no affinity. An id the store does not know still gets 404: an id alone
opens nothing, and with OAuth the store key is `<sub>:mcp:<id>` (SECURITY.md item 23).

This leans on the SDK manager's internals (`_server_instances`, `_task_group`,
`_lifespan_state`, `_discard_session`), pinned by `mcp>=2.3,<3` and covered by the fleet
tests; decision 030 says why.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import anyio
import mcp_types as types
from anyio.abc import TaskStatus
from mcp.server.connection import Connection
from mcp.server.runner import serve_connection
from mcp.server.streamable_http import StreamableHTTPServerTransport
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.shared.jsonrpc_dispatcher import JSONRPCDispatcher
from mcp.shared.transport_context import TransportContext
from pydantic import ValidationError

from adapters.inbound.http.asgi import SERVER_ERROR, Message, Receive, Scope, Send, jsonrpc_error, send_json
from adapters.inbound.http.client import header
from adapters.inbound.http.sessions import SCOPE_KEY, SessionTicket, mcp_session_key
from application.remote_sessions import SessionGate
from domain.errors import SessionRefusedError, StorageUnavailableError

log = logging.getLogger(__name__)
VERSION_ATTRIBUTE = "mcp.protocol_version"
CLIENT_ATTRIBUTE = "mcp.client"


@dataclass(frozen=True)
class Handshake:
    """What `initialize` settled for a session: all a new transport needs to carry it on."""

    protocol_version: str
    client: types.InitializeRequestParams

    @classmethod
    def of(cls, connection: Connection) -> Handshake | None:
        if connection.client_params is None:
            return None
        return cls(connection.protocol_version, connection.client_params)

    @classmethod
    def from_attributes(cls, attributes: dict[str, str]) -> Handshake | None:
        version, client = attributes.get(VERSION_ATTRIBUTE), attributes.get(CLIENT_ATTRIBUTE)
        if version is None or client is None:
            return None
        try:
            return cls(version, types.InitializeRequestParams.model_validate_json(client, by_name=False))
        except ValidationError:
            log.warning("stored handshake of a session is unreadable: the session cannot be resumed here")
            return None

    def attributes(self) -> dict[str, str]:
        return {VERSION_ATTRIBUTE: self.protocol_version,
                CLIENT_ATTRIBUTE: self.client.model_dump_json(by_alias=True, exclude_none=True)}

    def restore(self, connection: Connection) -> None:
        connection.client_params = self.client
        connection.protocol_version = self.protocol_version
        connection.initialized.set()


class SharedSessionManager(StreamableHTTPSessionManager):
    def __init__(self, app: Any, gate: SessionGate, **options: Any) -> None:
        super().__init__(app, **options)
        self._gate = gate
        self.connections: dict[str, Connection] = {}  # live sessions of this instance, for fleet notices

    async def _handle_stateful_request(self, scope: Scope, receive: Receive, send: Send) -> None:
        session_id = header(scope, b"mcp-session-id")
        if session_id and session_id not in self._server_instances:
            try:
                await self._resume(session_id, scope)
            except StorageUnavailableError:
                await send_json(send, 503, jsonrpc_error(SERVER_ERROR, "The session store (Redis) is unavailable: "
                                                         "this session cannot be continued now. Retry shortly."),
                                [(b"retry-after", b"2")])
                return
        await super()._handle_stateful_request(scope, receive, send)
        if session_id and scope.get("method") == "DELETE" and session_id not in self._server_instances:
            await self._forget(session_id, scope)

    async def _resume(self, session_id: str, scope: Scope) -> None:
        """Re-create the transport of a session another instance opened (or this one, before a
        restart); unknown ids are left alone, so the SDK answers them 404."""
        ticket = _ticket(scope)
        try:
            session = await self._gate.recall(mcp_session_key(ticket, session_id), ticket.fingerprint)
        except SessionRefusedError:
            return  # another client's session: as unknown as any other id
        handshake = Handshake.from_attributes(session.attributes) if session is not None else None
        if handshake is None:
            return
        async with self._session_creation_lock:
            if session_id in self._server_instances:
                return  # a concurrent request of the same session got here first
            transport = self._transport(session_id)
            self._server_instances[session_id] = transport
            await self._start(transport, handshake)
        log.info("resumed MCP session %s… opened elsewhere", session_id[:8])

    def _transport(self, session_id: str) -> StreamableHTTPServerTransport:
        return StreamableHTTPServerTransport(
            mcp_session_id=session_id, is_json_response_enabled=self.json_response, event_store=self.event_store,
            security_settings=self.security_settings, retry_interval=self.retry_interval,
            idle_timeout=self.session_idle_timeout)

    async def _serve_opening_request(self, http_transport: StreamableHTTPServerTransport, scope: Scope,
                                     receive: Receive, send: Send) -> None:
        """As the SDK's, plus: once `initialize` succeeded, its outcome goes to the store before
        the client reads it, so its next request may go to any instance."""
        session_id = http_transport.mcp_session_id
        assert session_id is not None
        opening = _Opening()
        try:
            connection = await self._start(http_transport, None)
            record = partial(self._record, session_id, connection, scope)
            await http_transport.handle_request(scope, receive, opening.watching(send, connection, record))
            if opening.established and not opening.recorded:
                await record()
        finally:
            if not opening.established:
                await self._discard_session(session_id, http_transport)

    async def _start(self, transport: StreamableHTTPServerTransport, handshake: Handshake | None) -> Connection:
        """Run the session's server loop (as the SDK's `serve_loop`, but holding the connection,
        which starts out initialized when `handshake` is given); returns its connection."""
        session_id = transport.mcp_session_id
        assert session_id is not None and self._task_group is not None

        async def run(*, task_status: TaskStatus[Connection] = anyio.TASK_STATUS_IGNORED) -> None:
            async with transport.connect() as (read_stream, write_stream):
                dispatcher: JSONRPCDispatcher[TransportContext] = JSONRPCDispatcher(
                    read_stream, write_stream, inline_methods=frozenset({"initialize"}))
                connection = Connection.for_loop(dispatcher, session_id=session_id)
                if handshake is not None:
                    handshake.restore(connection)
                self.connections[session_id] = connection
                task_status.started(connection)
                try:
                    with transport.idle_scope or anyio.CancelScope():
                        await serve_connection(self.app, dispatcher, connection=connection,
                                               lifespan_state=self._lifespan_state)
                except Exception:
                    log.exception("MCP session %s… crashed", session_id[:8])
                finally:
                    await self._discard_session(session_id, transport)

        started: Connection = await self._task_group.start(run)
        return started

    async def _discard_session(self, session_id: str, transport: StreamableHTTPServerTransport) -> None:
        self.connections.pop(session_id, None)
        await super()._discard_session(session_id, transport)

    async def _record(self, session_id: str, connection: Connection, scope: Scope) -> None:
        handshake = Handshake.of(connection)
        if handshake is None:
            return
        ticket = _ticket(scope)
        try:
            await self._gate.remember(mcp_session_key(ticket, session_id), ticket.fingerprint, ticket.subject,
                                      handshake.attributes())
        except (StorageUnavailableError, SessionRefusedError) as error:
            log.warning("MCP session %s… not shared with the fleet (%s): it lives on this instance only",
                        session_id[:8], type(error).__name__)

    async def _forget(self, session_id: str, scope: Scope) -> None:
        """The client ended the session (DELETE): no instance may resume it any more."""
        try:
            await self._gate.forget(mcp_session_key(_ticket(scope), session_id))
        except StorageUnavailableError:
            log.warning("ended MCP session %s… stays in the store until its TTL", session_id[:8])


def _ticket(scope: Scope) -> SessionTicket:
    ticket: SessionTicket = scope[SCOPE_KEY]
    return ticket


class _Opening:
    """What the response to a session's opening request showed: its status, and whether the
    handshake was recorded (done before the first byte of the result goes out)."""

    def __init__(self) -> None:
        self.status: int | None = None
        self.recorded = False

    @property
    def established(self) -> bool:
        return self.status is not None and self.status < 400

    def watching(self, send: Send, connection: Connection, record: Callable[[], Awaitable[None]]) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.status = message["status"]
            elif message.get("body") and self.established and not self.recorded and connection.client_params:
                self.recorded = True  # the handshake is committed before its result is written
                await record()
            await send(message)

        return wrapped
