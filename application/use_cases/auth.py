"""Sign-in tools. They report who is signed in; they never return a token."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from domain.errors import DomainError
from domain.ports import SessionStore
from domain.principal import GauzyCredential
from domain.session import Session


def identity(credential: GauzyCredential) -> dict[str, Any]:
    return {
        "email": credential.email,
        "userId": credential.user_id,
        "tenantId": credential.tenant_id,
        "organizationId": credential.organization_id,
        "employeeId": credential.employee_id,
        "expiresAt": credential.expires_at.isoformat() if credential.expires_at else None,
    }


def describe_session(session: Session | None) -> dict[str, Any]:
    if session is None:
        return {"exists": False}
    return {
        "exists": True,
        "subject": session.subject,
        "createdAt": session.created_at.isoformat(),
        "lastSeenAt": session.last_seen_at.isoformat(),
        "authenticated": session.credential is not None,
    }


class Login:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump()
        credential = await self._keeper.sign_in(invocation.caller, args["email"], args["password"])
        return {"authenticated": True, **identity(credential)}


class Logout:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        return {"loggedOut": await self._keeper.sign_out(invocation.caller)}


class AuthStatus:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        session = await self._keeper.session(invocation.caller)
        if (session is None or session.credential is None) and self._keeper.has_service_account:
            # The configured account would sign in on the first data call anyway: do it now, so
            # the answer is who the calls will run as, not "call the login tool".
            try:
                await self._keeper.current(invocation.caller)
            except DomainError as error:
                return {"authenticated": False, "error": error.message, "hint": error.hint}
            session = await self._keeper.session(invocation.caller)
        if session is None or session.credential is None:
            return {"authenticated": False, "hint": "Call the login tool with your Gauzy email and password."}
        status: dict[str, Any] = {"authenticated": True, **identity(session.credential)}
        if getattr(arguments, "includeSessionInfo", False):
            status["session"] = describe_session(session)
        return status


class RefreshToken:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        credential = await self._keeper.force_refresh(invocation.caller)
        return {"refreshed": True, **identity(credential)}


class SessionInfo:
    def __init__(self, sessions: SessionStore) -> None:
        self._sessions = sessions

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        caller = invocation.caller
        described = describe_session(await self._sessions.load(caller.session_key))
        if described["exists"] and caller.credential_key != caller.session_key:
            # OAuth: the Gauzy sign-in belongs to the person, not to this session.
            person = await self._sessions.load(caller.credential_key)
            described["authenticated"] = person is not None and person.credential is not None
        return described


class CleanupSessions:
    """Forget sessions that hold no Gauzy credential (expired ones the store drops itself)."""

    def __init__(self, sessions: SessionStore) -> None:
        self._sessions = sessions

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        removed = 0
        for key in await self._sessions.keys():
            session = await self._sessions.load(key)
            if session is not None and session.credential is None and key != invocation.caller.session_key:
                await self._sessions.delete(key)
                removed += 1
        return {"removed": removed}
