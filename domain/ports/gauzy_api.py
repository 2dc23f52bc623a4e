from __future__ import annotations

from typing import Any, Protocol

from domain.gauzy import GauzyRequest
from domain.principal import GauzyCredential


class GauzyApi(Protocol):
    """The Gauzy platform, as the application sees it.

    Contract:
    - `login` returns a credential with tenant, user, organization and (when the user is
      an employee) employee ids; wrong email/password raises `AuthenticationError`; a
      throttled login raises `RateLimitedError`. Implementations never retry a login.
    - `refresh` exchanges the credential's refresh token for new tokens and returns the
      credential with the *new* access and refresh tokens; a refused refresh raises
      `AuthenticationError`.
    - `send` performs one route call as the credential's user, with the tenant context
      the real API requires, and returns the decoded JSON (dict, list, number or None).
      Errors map to domain errors: 400 → `GauzyValidationError` (messages kept),
      401 → `AuthenticationError`, 403 → `PermissionDeniedError`, 404 → `NotFoundError`,
      406 → `GauzyValidationError`, 409 → `ConflictError`, 429 → `RateLimitedError`,
      5xx/timeouts/connection errors → `UpstreamUnavailableError`.
      `send` does not refresh tokens itself: the caller (`CredentialKeeper`) does.
    - `check_health` raises `UpstreamUnavailableError` when the API is unreachable.
    It does not promise: caching, ordering between concurrent calls, or that a 2xx write
    is visible to a read made through another instance before the API commits it.
    """

    async def login(self, email: str, password: str) -> GauzyCredential: ...

    async def refresh(self, credential: GauzyCredential) -> GauzyCredential: ...

    async def logout(self, credential: GauzyCredential) -> None: ...

    async def send(self, credential: GauzyCredential, request: GauzyRequest) -> Any: ...

    async def check_health(self) -> None: ...
