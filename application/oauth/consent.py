"""Consent per client, and the code issued once the person approves (RFC 6749 §4.1.2)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import timedelta

from application.oauth.authorization import AuthorizationRequest, redirect_url
from application.oauth.config import ServerConfig
from application.oauth.secrets import digest, new_id, new_secret
from domain.errors import NotSignedInError
from domain.oauth.model import AuthorizationCode, Consent, GrantScope
from domain.ports.clock import Clock
from domain.ports.oauth_state_store import OAuthStateStore


def consent_cookie_suffix(client_id: str) -> str:
    """Part of the consent cookie's name: one cookie per client_id (MCP Security Best
    Practices, "Confused Deputy": the consent cookie is bound to the client)."""
    return digest(client_id)[:16]


def consent_cookie_value(consent: Consent) -> str:
    """Names the person, the client and the approval; a new approval changes it."""
    return digest(f"{consent.subject}\n{consent.client_id}\n{consent.granted_at.isoformat()}")


class ConsentBook:
    """What each person approved, per client_id (MCP Security Best Practices, "Confused Deputy":
    consent is asked for every client, never inherited from another)."""

    def __init__(self, store: OAuthStateStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def covers(self, subject: str, request: AuthorizationRequest) -> bool:
        consent = await self._store.load_consent(subject, request.client.client_id)
        return consent is not None and consent.covers(request.scopes, request.redirect_uri)

    async def remembered(self, subject: str, request: AuthorizationRequest, cookie: str | None) -> bool:
        """True when the person approved this client for these scopes and this redirect URI AND
        the browser carries this client's consent cookie: both, so neither a stolen cookie nor
        another browser of the same person skips the page."""
        consent = await self._store.load_consent(subject, request.client.client_id)
        if consent is None or not consent.covers(request.scopes, request.redirect_uri) or not cookie:
            return False
        return hmac.compare_digest(cookie, consent_cookie_value(consent))

    async def record(self, subject: str, request: AuthorizationRequest) -> Consent:
        now = self._clock.now()
        consent = await self._store.load_consent(subject, request.client.client_id)
        if consent is None:
            consent = Consent(subject=subject, client_id=request.client.client_id, scopes=request.scopes,
                              redirect_uris=frozenset({request.redirect_uri}), granted_at=now)
        else:
            consent = consent.widened(request.scopes, request.redirect_uri, now)
        await self._store.save_consent(consent)
        return consent


@dataclass(frozen=True)
class IssuedCode:
    code: str
    redirect_to: str


class IssueCode:
    """Issues the authorization code for an approved request and builds the redirect carrying
    it, the unchanged `state` and `iss` (RFC 6749 §4.1.2, RFC 9207 §2).

    The code is 256 random bits, lives `code_ttl` seconds (≤ 60), is stored only as a digest and
    is bound to the client, redirect URI, PKCE challenge and resource (RFC 9700 §4.5, §4.2.4).
    """

    def __init__(self, store: OAuthStateStore, clock: Clock, config: ServerConfig) -> None:
        self._store = store
        self._clock = clock
        self._config = config

    async def __call__(self, subject: str, request: AuthorizationRequest) -> IssuedCode:
        person = await self._store.load_person(subject)
        if person is None:
            raise NotSignedInError("The signed-in person is unknown.", hint="Sign in again.")
        grant = GrantScope(grant_id=new_id(), client_id=request.client.client_id, subject=subject,
                           scopes=request.scopes, resource=request.resource, tenant_id=person.tenant_id,
                           organization_id=person.organization_id)
        code = new_secret()
        expires_at = self._clock.now() + timedelta(seconds=self._config.code_ttl)
        record = AuthorizationCode(grant=grant, redirect_uri=request.redirect_uri,
                                   code_challenge=request.code_challenge, expires_at=expires_at)
        # Remembered past its use for as long as the tokens it produces can live, so that a
        # replay can revoke them (RFC 6749 §4.1.2).
        await self._store.put_code(digest(code), record, self._config.code_ttl, self._config.refresh_token_idle_ttl)
        params = {"code": code, "state": request.state, "iss": self._config.issuer}
        return IssuedCode(code=code, redirect_to=redirect_url(request.redirect_uri, params))
