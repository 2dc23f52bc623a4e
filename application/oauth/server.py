"""The authorization server's use cases, built from its ports in one place."""

from __future__ import annotations

from dataclasses import dataclass

from application.oauth.authorization import ValidateAuthorization
from application.oauth.browser import BrowserSessions, People, SignIn
from application.oauth.clients import ClientDirectory
from application.oauth.config import ServerConfig
from application.oauth.consent import ConsentBook, IssueCode
from application.oauth.grants import ExchangeCode, RefreshGrant
from application.oauth.issuance import TokenLedger, TokenMinter
from application.oauth.registration import RegisterClient
from application.oauth.token_endpoint import ClientCredentialsGrant, TokenEndpoint
from application.oauth.token_info import Introspect, Revoke, TokenReader, UserInfo
from domain.ports.client_metadata_fetcher import ClientMetadataFetcher
from domain.ports.clock import Clock
from domain.ports.gauzy_api import GauzyApi
from domain.ports.oauth_state_store import OAuthStateStore
from domain.ports.revocation_list import RevocationList
from domain.ports.session_store import SessionStore
from domain.ports.token_signer import TokenSigner


@dataclass(frozen=True)
class AuthorizationServer:
    """Everything the OAuth endpoints and pages call."""

    config: ServerConfig
    signer: TokenSigner
    clients: ClientDirectory
    register: RegisterClient
    validate: ValidateAuthorization
    browser: BrowserSessions
    people: People
    sign_in: SignIn
    consents: ConsentBook
    issue_code: IssueCode
    token: TokenEndpoint
    introspect: Introspect
    revoke: Revoke
    userinfo: UserInfo
    ledger: TokenLedger


def build_authorization_server(
    config: ServerConfig, *, store: OAuthStateStore, signer: TokenSigner, gauzy: GauzyApi,
    sessions: SessionStore, clock: Clock, fetcher: ClientMetadataFetcher | None, credential_ttl: int,
    revocations: RevocationList,
) -> AuthorizationServer:
    clients = ClientDirectory(store, fetcher if config.client_metadata_documents else None, clock)
    ledger = TokenLedger(store, config, revocations, clock)
    minter = TokenMinter(store, signer, clock, config)
    reader = TokenReader(store, signer, ledger, clock, config)
    browser = BrowserSessions(store, clock, config)
    return AuthorizationServer(
        config=config, signer=signer, clients=clients,
        register=RegisterClient(store, clock, config),
        validate=ValidateAuthorization(clients, config),
        browser=browser, people=People(store),
        sign_in=SignIn(gauzy, sessions, store, browser, clock, credential_ttl=credential_ttl),
        consents=ConsentBook(store, clock),
        issue_code=IssueCode(store, clock, config),
        token=TokenEndpoint(clients, ExchangeCode(store, minter, ledger, clock, config),
                            RefreshGrant(store, minter, ledger, clock, config), ClientCredentialsGrant(minter, config)),
        introspect=Introspect(clients, reader),
        revoke=Revoke(clients, reader, ledger),
        userinfo=UserInfo(store, reader),
        ledger=ledger,
    )
