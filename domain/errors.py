"""Domain errors: one root, each subclass a situation the caller can act on.

Adapters translate their libraries' exceptions into these at the boundary; the inbound
adapters turn them into MCP results or JSON-RPC errors. Messages never carry secrets.
"""

from __future__ import annotations

from collections.abc import Sequence


class DomainError(Exception):
    """Root of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InvalidInputError(DomainError):
    """Arguments do not fit a tool's schema; `problems` names field, value and what is allowed."""

    code = "invalid_input"

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("Invalid arguments: " + "; ".join(problems))
        self.problems = tuple(problems)


class UnknownToolError(DomainError):
    code = "unknown_tool"


class NotSignedInError(DomainError):
    """No Gauzy credential for this caller yet."""

    code = "not_signed_in"


class AuthenticationError(DomainError):
    """Gauzy refused the credentials or the token (401)."""

    code = "authentication_failed"


class PermissionDeniedError(DomainError):
    """Gauzy answered 403: the signed-in user lacks a permission or the tenant does not match."""

    code = "permission_denied"


class InsufficientScopeError(DomainError):
    """The caller's OAuth token lacks the scope a tool needs."""

    code = "insufficient_scope"

    def __init__(self, required: str) -> None:
        super().__init__(f"This tool needs the OAuth scope '{required}'.")
        self.required = required


class InvalidTokenError(DomainError):
    """An OAuth access token presented to this server is not acceptable (RFC 6750 §3.1
    `invalid_token`). `reason` says why, for the server log only: telling the client which
    check failed would help someone forging tokens, so the message stays generic."""

    code = "invalid_token"

    def __init__(self, reason: str) -> None:
        super().__init__("The access token is missing, invalid or expired.",
                         hint="Obtain a new token from the authorization server.")
        self.reason = reason


class NotFoundError(DomainError):
    code = "not_found"


class GauzyValidationError(DomainError):
    """Gauzy rejected the request body or query (400/406/422); keeps Gauzy's messages."""

    code = "rejected_by_gauzy"

    def __init__(self, messages: Sequence[str], *, status: int = 400) -> None:
        super().__init__("Gauzy rejected the request: " + "; ".join(messages))
        self.messages = tuple(messages)
        self.status = status


class ConflictError(DomainError):
    code = "conflict"


class RateLimitedError(DomainError):
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after_seconds: float | None = None) -> None:
        hint = f"Retry after {retry_after_seconds:g} s." if retry_after_seconds is not None else ""
        super().__init__(message, hint=hint)
        self.retry_after_seconds = retry_after_seconds


class UpstreamUnavailableError(DomainError):
    """Gauzy (or another dependency) is unreachable, timed out or answered 5xx."""

    code = "upstream_unavailable"


class OutcomeUnknownError(UpstreamUnavailableError):
    """A call that is not safe to repeat reached Gauzy (or may have), but its answer was lost:
    it may or may not have been applied, so it must be checked, never blindly sent again."""

    code = "outcome_unknown"


class GauzyDefectError(DomainError):
    """Gauzy failed inside a route in a way no call can avoid (a defect of that Gauzy version):
    trying again does not help."""

    code = "gauzy_failed"


class StorageUnavailableError(DomainError):
    """The session or rate-limit store cannot be reached."""

    code = "storage_unavailable"


class SessionRefusedError(DomainError):
    """A session was presented by a client other than the one it was issued to
    (different address or user agent): it is refused, never adopted."""

    code = "session_refused"
