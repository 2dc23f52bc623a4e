from __future__ import annotations

from typing import Protocol

from domain.oauth.model import (
    AuthorizationCode,
    BrowserSession,
    Consent,
    OAuthClient,
    Person,
    RefreshClaim,
    RefreshToken,
)


class OAuthStateStore(Protocol):
    """What the authorization server remembers, shared by every instance that uses the same store.

    Keys called `digest` are SHA-256 digests of secrets (codes, refresh tokens, browser-session
    ids): the store never sees the secrets themselves. `ttl_seconds` lets the store forget
    records; callers still check expiry times themselves, against their own clock.

    Contract:
    - Clients, people and consents: `save_*` replaces, `load_*` returns None when absent.
    - `put_code` stores a code; `take_code` returns it and deletes it in ONE atomic step, so of
      any number of concurrent calls with the same digest at most one gets the code
      (RFC 6749 §10.5, RFC 9700 §4.2.4). `code_grant` names a code's grant id for
      `remember_seconds` after `put_code`, taken or expired or not, so a replay can revoke what
      the code produced.
    - `put_refresh` stores a refresh token; `claim_refresh` marks it used and returns it with
      `already_used=False` to exactly one caller, `already_used=True` to every later one (a
      replay); None when absent. `load_refresh` reads it without marking it.
    - `revoke_grant` marks a grant (a code's whole token family) revoked; `grant_revoked` says so.
      A revocation is never undone.
    - `put_access_token` records an issued access token's `jti` and grant; `access_token_grant`
      returns the grant id while the token is recorded; `forget_access_token` revokes one token.
    - Browser sessions: `save_browser_session`, `load_browser_session`, `delete_browser_session`.
    - Unreachable storage raises `StorageUnavailableError`.
    It does not promise: listing, that records disappear at the exact second of their TTL, or
    any expiry of clients, people and consents (they are kept until replaced).
    """

    async def save_client(self, client: OAuthClient) -> None: ...

    async def load_client(self, client_id: str) -> OAuthClient | None: ...

    async def save_person(self, person: Person) -> None: ...

    async def load_person(self, subject: str) -> Person | None: ...

    async def save_consent(self, consent: Consent) -> None: ...

    async def load_consent(self, subject: str, client_id: str) -> Consent | None: ...

    async def put_code(self, digest: str, code: AuthorizationCode, ttl_seconds: int, remember_seconds: int) -> None: ...

    async def take_code(self, digest: str) -> AuthorizationCode | None: ...

    async def code_grant(self, digest: str) -> str | None: ...

    async def put_refresh(self, digest: str, token: RefreshToken, ttl_seconds: int) -> None: ...

    async def claim_refresh(self, digest: str) -> RefreshClaim | None: ...

    async def load_refresh(self, digest: str) -> RefreshClaim | None: ...

    async def revoke_grant(self, grant_id: str, ttl_seconds: int) -> None: ...

    async def grant_revoked(self, grant_id: str) -> bool: ...

    async def put_access_token(self, jti: str, grant_id: str, ttl_seconds: int) -> None: ...

    async def access_token_grant(self, jti: str) -> str | None: ...

    async def forget_access_token(self, jti: str) -> None: ...

    async def save_browser_session(self, digest: str, session: BrowserSession, ttl_seconds: int) -> None: ...

    async def load_browser_session(self, digest: str) -> BrowserSession | None: ...

    async def delete_browser_session(self, digest: str) -> None: ...
