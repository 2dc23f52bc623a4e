"""OAuth errors: each carries the registered error code the endpoint answers with.

Codes come from RFC 6749 §4.1.2.1 (authorization), §5.2 (token), RFC 7591 §3.2.2 (registration),
RFC 8707 §2 (`invalid_target`) and RFC 7009 §2.2.1. Descriptions are for the client developer:
they say what was wrong, never a secret.
"""

from __future__ import annotations

from domain.errors import DomainError


class OAuthError(DomainError):
    """A refused OAuth request. `error` is the registered code, `status` the HTTP status the
    token-style endpoints answer with (RFC 6749 §5.2: 400, or 401 for `invalid_client`)."""

    code = "oauth_error"

    def __init__(self, error: str, description: str, *, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status


class InvalidClientError(OAuthError):
    """Client authentication failed (RFC 6749 §5.2 `invalid_client`, answered with 401)."""

    def __init__(self, description: str = "Client authentication failed.") -> None:
        super().__init__("invalid_client", description, status=401)


class InvalidGrantError(OAuthError):
    """The code or refresh token is invalid, expired, revoked, used, or not this client's
    (RFC 6749 §5.2 `invalid_grant`)."""

    def __init__(self, description: str) -> None:
        super().__init__("invalid_grant", description)


class ClientMetadataError(OAuthError):
    """A client's metadata (registration request or metadata document) is unacceptable
    (RFC 7591 §3.2.2: `invalid_redirect_uri` or `invalid_client_metadata`)."""


class UnredirectableError(OAuthError):
    """An authorization request that must NOT be redirected back: the client or the redirect
    URI cannot be trusted, so the user sees an error page instead (RFC 6749 §4.1.2.1)."""


class RedirectedError(OAuthError):
    """An authorization request error reported to the client by redirecting to its (already
    verified) redirect URI with `error`, the unchanged `state` and `iss` (RFC 6749 §4.1.2.1,
    RFC 9207 §2)."""

    def __init__(self, error: str, description: str, *, redirect_uri: str, state: str | None) -> None:
        super().__init__(error, description)
        self.redirect_uri = redirect_uri
        self.state = state


class SignInError(DomainError):
    """The person could not be signed in on the authorization server's page. `reason` is one
    of `wrong_credentials`, `gauzy_unreachable`, `throttled`, `expired` and picks the message
    the page shows, so an unreachable Gauzy is never reported as a wrong password."""

    code = "sign_in_failed"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
