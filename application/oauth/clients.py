"""Finding and authenticating clients: registered ones, and Client ID Metadata Documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from application.oauth.client_metadata import check_client_metadata, invalid_metadata
from application.oauth.secrets import digest_matches
from domain.oauth.errors import ClientMetadataError, InvalidClientError
from domain.oauth.model import PUBLIC_CLIENT_AUTH, ClientKind, OAuthClient
from domain.ports.client_metadata_fetcher import ClientMetadataFetcher
from domain.ports.clock import Clock
from domain.ports.oauth_state_store import OAuthStateStore

# A metadata-document client authenticates with nothing or with private_key_jwt; this server
# supports only `none` for them (draft-ietf-oauth-client-id-metadata-document §4.1).
FORBIDDEN_DOCUMENT_FIELDS = ("client_secret", "client_secret_expires_at")


def is_metadata_document_url(client_id: str) -> bool:
    return client_id.startswith("https://")


def check_metadata_document_url(client_id: str) -> str:
    """draft-ietf-oauth-client-id-metadata-document §3: https, a path, no fragment, no
    user information, no dot segments; a query is refused too (one client, one spelling)."""
    parts = urlsplit(client_id)
    segments = parts.path.split("/")
    if (parts.scheme != "https" or not parts.hostname or parts.path in ("", "/") or "#" in client_id
            or "@" in parts.netloc or "?" in client_id or "." in segments or ".." in segments):
        raise invalid_metadata(f"client_id {client_id!r} is not a usable metadata document URL "
                               "(https, with a path, no query, fragment, credentials or dot segments)")
    return client_id


def client_from_document(client_id: str, document: Mapping[str, Any], now: datetime) -> OAuthClient:
    """A public client from its metadata document, which must name itself exactly (§4.1)."""
    if document.get("client_id") != client_id:
        raise invalid_metadata("the metadata document's client_id must equal its URL exactly")
    if any(name in document for name in FORBIDDEN_DOCUMENT_FIELDS):
        raise invalid_metadata("a metadata document must not carry a client secret")
    metadata = check_client_metadata(document, default_auth_method=PUBLIC_CLIENT_AUTH)
    if metadata.token_endpoint_auth_method != PUBLIC_CLIENT_AUTH or "client_credentials" in metadata.grant_types:
        raise invalid_metadata("metadata-document clients are public: token_endpoint_auth_method must be none")
    return OAuthClient(
        client_id=client_id, client_name=metadata.client_name or urlsplit(client_id).netloc,
        redirect_uris=metadata.redirect_uris, grant_types=metadata.grant_types,
        response_types=metadata.response_types, token_endpoint_auth_method=PUBLIC_CLIENT_AUTH, scope=metadata.scope,
        issued_at=now, kind=ClientKind.METADATA_DOCUMENT, client_uri=metadata.client_uri,
    )


@dataclass(frozen=True)
class ClientCredentials:
    """What a request presented to authenticate a client (RFC 6749 §2.3.1): `method` is how
    (`client_secret_basic`, `client_secret_post`, or `none` when only a client_id was sent)."""

    client_id: str
    secret: str | None
    method: str


class ClientDirectory:
    def __init__(self, store: OAuthStateStore, fetcher: ClientMetadataFetcher | None, clock: Clock) -> None:
        self._store = store
        self._fetcher = fetcher
        self._clock = clock

    async def find(self, client_id: str | None) -> OAuthClient | None:
        """The client, or None when unknown (or its metadata document is unusable)."""
        if not client_id or len(client_id) > 2000:
            return None
        if is_metadata_document_url(client_id):
            try:
                return await self.from_document(client_id)
            except ClientMetadataError:
                return None
        return await self._store.load_client(client_id)

    async def from_document(self, client_id: str) -> OAuthClient:
        if self._fetcher is None:
            raise invalid_metadata("client metadata documents are not enabled on this server")
        check_metadata_document_url(client_id)
        document = await self._fetcher.fetch(client_id)
        return client_from_document(client_id, document, self._clock.now())

    async def authenticate(self, credentials: ClientCredentials) -> OAuthClient:
        """The client when its credentials are right, else `invalid_client` (RFC 6749 §5.2).
        A confidential client must use the method it registered; a public one sends no secret."""
        client = await self.find(credentials.client_id)
        if client is None:
            raise InvalidClientError("Unknown client.")
        if not client.confidential:
            if credentials.secret is not None:
                raise InvalidClientError("This client is public: send no client_secret.")
            return client
        if credentials.method != client.token_endpoint_auth_method or credentials.secret is None:
            raise InvalidClientError(f"Authenticate with {client.token_endpoint_auth_method}.")
        if client.secret_hash is None or not digest_matches(credentials.secret, client.secret_hash):
            raise InvalidClientError()
        return client
