"""Signing in to Gauzy and inspecting this server's session."""

from __future__ import annotations

from pydantic import Field

from application.catalog.fields import ToolInput
from application.catalog.model import Effect, ToolSpec, UseCaseCall

TOOLSET = "auth"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"


class Login(ToolInput):
    email: str = Field(pattern=EMAIL_PATTERN, max_length=320)
    password: str = Field(min_length=1, max_length=1024)
    createSession: bool | None = Field(None, description="Ignored; a session always exists.")  # noqa: N815


class Logout(ToolInput):
    cleanupAllSessions: bool | None = Field(None, description="Ignored; use cleanup_sessions.")  # noqa: N815


class AuthStatus(ToolInput):
    includeSessionInfo: bool = False  # noqa: N815


class RefreshToken(ToolInput):
    updateSessionActivity: bool | None = None  # noqa: N815


class SessionInfo(ToolInput):
    targetSessionId: str | None = Field(None, description="Ignored: only the caller's own session is shown.")  # noqa: N815
    includeConnections: bool | None = None  # noqa: N815


class NoArguments(ToolInput):
    pass


def _tool(name: str, title: str, description: str, model: type[ToolInput], effect: Effect, *,
          routes: tuple[str, ...] = (), admin: bool = False, idempotent: bool = False) -> ToolSpec:
    return ToolSpec(name=name, title=title, description=description, toolset=TOOLSET, input_model=model,
                    effect=effect, operation=UseCaseCall(name, routes), admin=admin, idempotent=idempotent)


TOOLS = (
    _tool("login", "Sign in to Gauzy",
          "Sign in with a Gauzy email and password; later calls in this session run as that user.",
          Login, Effect.WRITE, routes=("POST /api/auth/login",), idempotent=True),
    _tool("logout", "Sign out of Gauzy", "Sign out of Gauzy and forget this session's credential.",
          Logout, Effect.WRITE, routes=("POST /api/auth/logout",), idempotent=True),
    _tool("get_auth_status", "Who am I",
          "Whether this session is signed in, as whom, in which tenant and organization, until when.",
          AuthStatus, Effect.READ, idempotent=True),
    _tool("refresh_auth_token", "Renew the Gauzy sign-in",
          "Renew the Gauzy token now (it is renewed automatically before it expires).",
          RefreshToken, Effect.WRITE, routes=("POST /api/auth/refresh-token",), idempotent=True),
    _tool("get_session_info", "This session", "When this session started, was last used, and if it is signed in.",
          SessionInfo, Effect.READ, idempotent=True),
    _tool("cleanup_sessions", "Clean up sessions",
          "Remove stored sessions that are not signed in. Administrators only.",
          NoArguments, Effect.DESTRUCTIVE, admin=True),
)
