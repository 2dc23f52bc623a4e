"""What the authorization server keeps: clients, codes, refresh tokens, grants, consents, people.

Secrets (client secrets, codes, refresh tokens) are never kept: only their SHA-256 digests,
so a copy of the store cannot be replayed (RFC 6819 §5.1.4.1.3, §5.2.3.1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

# token_endpoint_auth_method of a public client (RFC 7591 §2): it has no secret.
PUBLIC_CLIENT_AUTH = "none"


class ClientKind(StrEnum):
    REGISTERED = "registered"  # RFC 7591 dynamic registration
    METADATA_DOCUMENT = "metadata_document"  # client_id is the URL of its metadata document


@dataclass(frozen=True)
class OAuthClient:
    """A client the server knows. `secret_hash` is set only for confidential clients
    (token_endpoint_auth_method `client_secret_basic` / `client_secret_post`)."""

    client_id: str
    client_name: str
    redirect_uris: tuple[str, ...]
    grant_types: tuple[str, ...]
    response_types: tuple[str, ...]
    token_endpoint_auth_method: str
    scope: str | None
    issued_at: datetime
    kind: ClientKind = ClientKind.REGISTERED
    secret_hash: str | None = None
    client_uri: str | None = None

    @property
    def confidential(self) -> bool:
        return self.token_endpoint_auth_method != PUBLIC_CLIENT_AUTH


@dataclass(frozen=True)
class Person:
    """Someone who signed in on the sign-in page: the token subject and their Gauzy ids."""

    subject: str
    email: str | None
    tenant_id: str
    organization_id: str | None
    employee_id: str | None = None


@dataclass(frozen=True)
class GrantScope:
    """What a grant was for: the client, the person (or the client itself for
    client_credentials), the scopes and the one resource tokens are audience-restricted to."""

    grant_id: str
    client_id: str
    subject: str
    scopes: frozenset[str]
    resource: str
    tenant_id: str | None = None
    organization_id: str | None = None


@dataclass(frozen=True)
class AuthorizationCode:
    """An issued code, stored under its digest. Bound to the client, the exact redirect URI,
    the PKCE challenge and the resource (RFC 6749 §4.1.3, RFC 7636 §4.4, RFC 8707 §2.2)."""

    grant: GrantScope
    redirect_uri: str
    code_challenge: str
    expires_at: datetime


@dataclass(frozen=True)
class RefreshToken:
    """One refresh token of a grant family, stored under its digest. `expires_at` is its idle
    expiry; a rotation issues a successor with a later one (RFC 9700 §4.14.2)."""

    grant: GrantScope
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class RefreshClaim:
    """A stored refresh token and whether it had already been used (rotated) before: presenting
    a used one again is a replay (RFC 9700 §4.14.2)."""

    token: RefreshToken
    already_used: bool


@dataclass(frozen=True)
class Consent:
    """A person's approval of a client: the scopes and redirect URIs they saw on the page."""

    subject: str
    client_id: str
    scopes: frozenset[str]
    redirect_uris: frozenset[str]
    granted_at: datetime

    def covers(self, scopes: frozenset[str], redirect_uri: str) -> bool:
        return scopes <= self.scopes and redirect_uri in self.redirect_uris

    def widened(self, scopes: frozenset[str], redirect_uri: str, now: datetime) -> Consent:
        return replace(self, scopes=self.scopes | scopes, redirect_uris=self.redirect_uris | {redirect_uri},
                       granted_at=now)


@dataclass(frozen=True)
class BrowserSession:
    """A browser on the sign-in and consent pages: its CSRF token (OWASP synchronizer token) and,
    once signed in, the person. Stored under the digest of the cookie value. `notice` is a
    message code for the next page shown (a failed sign-in, after its 303)."""

    csrf_token: str
    created_at: datetime
    subject: str | None = None
    notice: str | None = None
