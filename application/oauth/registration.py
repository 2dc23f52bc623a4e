"""RFC 7591 dynamic client registration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from application.oauth.client_metadata import check_client_metadata, check_scope_value, invalid_metadata
from application.oauth.config import ServerConfig
from application.oauth.secrets import digest, new_id, new_secret
from domain.oauth.model import PUBLIC_CLIENT_AUTH, OAuthClient
from domain.ports.clock import Clock
from domain.ports.oauth_state_store import OAuthStateStore

# RFC 7591 §2: token_endpoint_auth_method defaults to client_secret_basic when omitted.
DEFAULT_AUTH_METHOD = "client_secret_basic"


class RegisterClient:
    """Registers a client from its metadata and answers with the RFC 7591 §3.2.1 document.

    A public client (`token_endpoint_auth_method: none`) gets no secret; a confidential one gets
    a secret shown once and stored only as a digest. The client_id is random: a registrant
    cannot choose it, so it cannot claim a metadata-document URL or another client's id.
    """

    def __init__(self, store: OAuthStateStore, clock: Clock, config: ServerConfig) -> None:
        self._store = store
        self._clock = clock
        self._config = config

    async def __call__(self, document: Mapping[str, Any]) -> dict[str, Any]:
        if not isinstance(document, Mapping):
            raise invalid_metadata("the registration request must be a JSON object (RFC 7591 §3.1)")
        metadata = check_client_metadata(document, default_auth_method=DEFAULT_AUTH_METHOD)
        scope = check_scope_value(metadata.scope, self._config.scopes_supported)
        secret = new_secret() if metadata.token_endpoint_auth_method != PUBLIC_CLIENT_AUTH else None
        client_id = new_id()
        client = OAuthClient(
            client_id=client_id, client_name=metadata.client_name or client_id,
            redirect_uris=metadata.redirect_uris, grant_types=metadata.grant_types,
            response_types=metadata.response_types,
            token_endpoint_auth_method=metadata.token_endpoint_auth_method, scope=scope,
            issued_at=self._clock.now(), secret_hash=digest(secret) if secret else None,
            client_uri=metadata.client_uri,
        )
        await self._store.save_client(client)
        return registration_response(client, secret)


def registration_response(client: OAuthClient, secret: str | None) -> dict[str, Any]:
    """RFC 7591 §3.2.1: the registered metadata, the client_id and (once) the secret."""
    response: dict[str, Any] = {
        "client_id": client.client_id,
        "client_id_issued_at": int(client.issued_at.timestamp()),
        "client_name": client.client_name,
        "redirect_uris": list(client.redirect_uris),
        "grant_types": list(client.grant_types),
        "response_types": list(client.response_types),
        "token_endpoint_auth_method": client.token_endpoint_auth_method,
    }
    if client.scope:
        response["scope"] = client.scope
    if client.client_uri:
        response["client_uri"] = client.client_uri
    if secret is not None:
        response["client_secret"] = secret
        response["client_secret_expires_at"] = 0  # RFC 7591 §3.2.1: 0 = does not expire
    return response
