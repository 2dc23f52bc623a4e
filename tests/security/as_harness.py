"""The embedded authorization server built from real in-memory adapters, and the steps of a
flow, so each security test states only what it changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from adapters.outbound.gauzy_model.in_process import InMemoryGauzyApi
from adapters.outbound.in_memory_sessions import InMemorySessionStore
from adapters.outbound.oauth_store import InMemoryOAuthStateStore
from adapters.outbound.revocation_lists import InMemoryRevocationList
from adapters.outbound.signing_keys import InMemoryKeyStorage, JwtTokenSigner
from application.oauth.authorization import AuthorizationRequest
from application.oauth.clients import ClientCredentials
from application.oauth.config import ServerConfig
from application.oauth.pkce import s256
from application.oauth.server import AuthorizationServer, build_authorization_server
from domain.ports.client_metadata_fetcher import ClientMetadataFetcher
from domain.ports.gauzy_api import GauzyApi
from domain.ports.oauth_state_store import OAuthStateStore
from domain.ports.revocation_list import RevocationList
from domain.ports.session_store import SessionStore
from domain.ports.token_signer import TokenSigner
from tests.clock import ManualClock

ISSUER = "https://auth.example.test"
RESOURCE = "https://mcp.example.test/mcp"
REDIRECT = "https://client.example.test/callback"
LOOPBACK_REDIRECT = "http://127.0.0.1/callback"
VERIFIER = "v" * 43 + "-._~0123456789"
EMAIL, PASSWORD = "admin@ever.co", "admin"
SHARED_KEYS = InMemoryKeyStorage()  # one generated key for the whole run: RSA generation is slow


class DocumentFetcher:
    """A `ClientMetadataFetcher` serving documents from a dict (the SSRF-safe httpx one has
    tests of its own in test_as_cimd_fetch_ssrf.py)."""

    def __init__(self) -> None:
        self.documents: dict[str, dict[str, Any]] = {}

    async def fetch(self, url: str) -> dict[str, Any]:
        from domain.oauth.errors import ClientMetadataError

        if url not in self.documents:
            raise ClientMetadataError("invalid_client_metadata", "not found")
        return self.documents[url]


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def params(**values: str | Sequence[str] | None) -> dict[str, list[str]]:
    return {name: [value] if isinstance(value, str) else list(value)
            for name, value in values.items() if value is not None}


@dataclass
class Harness:
    clock: ManualClock
    store: OAuthStateStore
    signer: TokenSigner
    sessions: SessionStore
    gauzy: InMemoryGauzyApi
    fetcher: DocumentFetcher
    server: AuthorizationServer
    config: ServerConfig
    revocations: RevocationList
    subjects: dict[str, str] = field(default_factory=dict)

    async def register(self, **metadata: Any) -> dict[str, Any]:
        document = {"client_name": "Test client", "redirect_uris": [REDIRECT],
                    "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "none"}
        return await self.server.register({**document, **metadata})

    def authorize_params(self, client_id: str, **overrides: str | Sequence[str] | None) -> dict[str, list[str]]:
        base: dict[str, str | Sequence[str] | None] = {
            "client_id": client_id, "redirect_uri": REDIRECT, "response_type": "code",
            "code_challenge": s256(VERIFIER), "code_challenge_method": "S256", "state": "st-1",
            "resource": RESOURCE, "scope": "mcp.read mcp.write"}
        return params(**{**base, **overrides})

    async def sign_in(self, email: str = EMAIL, password: str = PASSWORD) -> str:
        old_id, _ = await self.server.browser.open()
        _, session = await self.server.sign_in(old_id, email, password)
        assert session.subject is not None
        return session.subject

    async def code_for(self, client_id: str, **overrides: str | Sequence[str] | None) -> tuple[str, str]:
        """Sign in, approve, and return (code, redirect URL)."""
        request = await self.server.validate(self.authorize_params(client_id, **overrides))
        subject = await self.sign_in()
        await self.server.consents.record(subject, request)
        issued = await self.server.issue_code(subject, request)
        return issued.code, issued.redirect_to

    async def approved(self, request: AuthorizationRequest) -> str:
        subject = await self.sign_in()
        return (await self.server.issue_code(subject, request)).code

    async def token(self, client: Mapping[str, Any] | str, secret: str | None = None, method: str | None = None,
                    **form: str | Sequence[str] | None) -> dict[str, Any]:
        client_id = client if isinstance(client, str) else client["client_id"]
        if secret is None and not isinstance(client, str):
            secret = client.get("client_secret")
        chosen = method or ("client_secret_basic" if secret else "none")
        return await self.server.token(params(**form), ClientCredentials(client_id, secret, chosen))

    async def exchange(self, client: Mapping[str, Any], code: str, **overrides: str | None) -> dict[str, Any]:
        form: dict[str, str | None] = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                                       "code_verifier": VERIFIER, "resource": RESOURCE}
        return await self.token(client, **{**form, **overrides})

    async def refresh(self, client: Mapping[str, Any], refresh_token: str, **overrides: str | None) -> dict[str, Any]:
        return await self.token(client, grant_type="refresh_token", refresh_token=refresh_token, **overrides)

    async def tokens(self, client: Mapping[str, Any] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        """A registered public client and the token response of a full code flow."""
        client = client or await self.register()
        code, _ = await self.code_for(client["client_id"])
        return dict(client), await self.exchange(client, code)


def harness(*, store: OAuthStateStore | None = None, clock: ManualClock | None = None,
            signer: TokenSigner | None = None, gauzy: GauzyApi | None = None,
            revocations: RevocationList | None = None, **config: Any) -> Harness:
    clock = clock or ManualClock()
    server_config = ServerConfig(issuer=ISSUER, resource=RESOURCE, **config)
    store = store or InMemoryOAuthStateStore(clock)
    signer = signer or JwtTokenSigner(SHARED_KEYS, clock, token_lifetime=server_config.access_token_ttl)
    sessions = InMemorySessionStore(clock)
    in_memory_gauzy = InMemoryGauzyApi(clock, login_limit_per_minute=1000)  # tests sign in many times a minute
    fetcher = DocumentFetcher()
    revocations = revocations or InMemoryRevocationList(clock)
    metadata_fetcher: ClientMetadataFetcher = fetcher
    server = build_authorization_server(server_config, store=store, signer=signer, gauzy=gauzy or in_memory_gauzy,
                                        sessions=sessions, clock=clock, fetcher=metadata_fetcher,
                                        credential_ttl=server_config.refresh_token_idle_ttl, revocations=revocations)
    return Harness(clock, store, signer, sessions, in_memory_gauzy, fetcher, server, server_config, revocations)
