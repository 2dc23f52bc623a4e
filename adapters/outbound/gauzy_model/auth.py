"""Access/refresh tokens and the login throttle.

Facts (ever-gauzy @ the reference commit, read for shapes only):

* ``AuthService.getJwtAccessToken``: access-token claims ``id``, ``tenantId``, ``organizationId``,
  ``employeeId``, ``role``, ``permissions``, ``ipAddress``, ``userAgent``; the token service adds
  ``userId``, ``tokenType`` (``ACCESS_TOKEN_TYPE``) and ``tokenId``; signed HS256 with ``exp``.
  ``getJwtRefreshToken``: ``id``, ``email``, ``tenantId``, ``organizationId``, ``role`` (+ the same
  token-service claims, ``REFRESH_TOKEN_TYPE``). Both are stored server side and allow several sessions.
* contracts ``tenancy.authentication``: ``Authorization: Bearer <JWT>``; missing, unknown or expired
  tokens get passport's bare 401.
* ``rotateTokens``: a new access token plus a *rotated* refresh token; the old refresh token is marked
  ROTATED, so presenting it again fails ``AuthRefreshGuard`` with 401 ``Token is rotated``.
* ``logout``: revokes the given refresh token and the current access token.
* contracts ``errors.429``: ``ThrottlerException: Too Many Requests`` (POST /api/auth/login carries
  ``@Throttle``); the throttler counts every attempt in its window and sends ``Retry-After``.
"""

from __future__ import annotations

import math
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import jwt

from .errors import HttpError

ACCESS_TYPE = "ACCESS_TOKEN_TYPE"
REFRESH_TYPE = "REFRESH_TOKEN_TYPE"
REFRESH_TTL_SECONDS = 7 * 24 * 3600  # environment.ts JWT_REFRESH_TOKEN_EXPIRATION_TIME default


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, as JwtStrategy puts it on the request."""

    user_id: str
    tenant_id: str | None
    email: str
    employee_id: str | None = None
    organization_id: str | None = None
    role: str | None = None
    permissions: tuple[str, ...] = ()
    token: str = ""

    def has(self, permission: str) -> bool:
        """RequestContext.hasPermission: role permissions (SUPER_ADMIN holds them all)."""
        return self.role == "SUPER_ADMIN" or permission in self.permissions


@dataclass
class _Record:
    principal: Principal
    kind: str
    expires_at: float
    status: str = "active"
    token_id: str = field(default_factory=lambda: str(uuid.uuid4()))


class TokenService:
    """Issues, verifies, rotates and revokes the double's JWTs."""

    def __init__(self, ttl_seconds: float, clock: Callable[[], float] = time.time) -> None:
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._secret = secrets.token_hex(32)
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def _sign(self, principal: Principal, kind: str, ttl: float) -> str:
        now = self._clock()
        record = _Record(principal, kind, now + ttl)
        claims: dict[str, Any] = {
            "id": principal.user_id,
            "tenantId": principal.tenant_id,
            "organizationId": principal.organization_id,
            "role": principal.role,
            "ipAddress": "127.0.0.1",
            "userAgent": None,
            "userId": principal.user_id,
            "tokenType": kind,
            "tokenId": record.token_id,
            "iat": int(now),
            "exp": math.ceil(now + ttl),
            "jti": record.token_id,
        }
        if kind == ACCESS_TYPE:
            claims.update(employeeId=principal.employee_id, permissions=list(principal.permissions))
        else:
            claims["email"] = principal.email
        token = jwt.encode(claims, self._secret, algorithm="HS256")
        with self._lock:
            self._records[token] = record
        return token

    def issue(self, principal: Principal) -> tuple[str, str]:
        """A new (access token, refresh token) pair for ``principal``."""
        return self._sign(principal, ACCESS_TYPE, self.ttl_seconds), self._sign(
            principal, REFRESH_TYPE, REFRESH_TTL_SECONDS
        )

    def authenticate(self, token: str) -> Principal | None:
        """The principal of a live access token the double issued, else None."""
        with self._lock:
            record = self._records.get(token)
        if record is None or record.kind != ACCESS_TYPE or record.status != "active":
            return None
        if record.expires_at <= self._clock():
            return None
        return replace(record.principal, token=token)

    def check_refresh(self, refresh_token: Any) -> Principal:
        """AuthRefreshGuard: the refresh token must be one of ours, unexpired and still active."""
        if not isinstance(refresh_token, str) or not refresh_token:
            raise HttpError(401, {"statusCode": 401, "message": "Unauthorized"})
        with self._lock:
            record = self._records.get(refresh_token)
        if record is None or record.kind != REFRESH_TYPE or record.expires_at <= self._clock():
            raise HttpError(401, {"statusCode": 401, "message": "Unauthorized"})
        if record.status != "active":
            reason = f"Token is {record.status}"
            raise HttpError(401, {"statusCode": 401, "message": reason, "error": "Unauthorized"})
        return record.principal

    def rotate(self, refresh_token: Any, renew: Callable[[Principal], Principal] | None = None) -> tuple[str, str]:
        """rotateTokens: a new pair (claims re-read through ``renew``); the old refresh token is ROTATED."""
        principal = self.check_refresh(refresh_token)
        with self._lock:
            self._records[refresh_token].status = "rotated"
        return self.issue(renew(principal) if renew else principal)

    def revoke(self, token: Any) -> None:
        """Mark ``token`` (access or refresh) revoked; unknown tokens are ignored like Gauzy does."""
        if not isinstance(token, str):
            return
        with self._lock:
            record = self._records.get(token)
            if record is not None:
                record.status = "revoked"

    def is_active(self, token: str) -> bool:
        """``AccessTokenService.verify`` succeeds (used by GET /api/auth/authenticated)."""
        return self.authenticate(token) is not None

    def expire_all_access(self) -> None:
        """Test hook: every access token issued so far is expired from now on."""
        now = self._clock()
        with self._lock:
            for record in self._records.values():
                if record.kind == ACCESS_TYPE:
                    record.expires_at = min(record.expires_at, now - 1)


class LoginThrottle:
    """A fixed-limit sliding window over the login attempts of the last ``window`` seconds."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: deque[float] = deque()
        self._lock = threading.Lock()

    def hit(self) -> None:
        """Count one attempt; raise 429 with ``Retry-After`` when over the limit."""
        now = self._clock()
        with self._lock:
            while self._hits and self._hits[0] <= now - self.window:
                self._hits.popleft()
            self._hits.append(now)
            if len(self._hits) <= self.limit:
                return
            retry_after = max(1, math.ceil(self._hits[0] + self.window - now))
        raise HttpError(
            429,
            {"statusCode": 429, "message": "ThrottlerException: Too Many Requests"},
            {"Retry-After": str(retry_after)},
        )

    def reset(self) -> None:
        """Forget every attempt."""
        with self._lock:
            self._hits.clear()
