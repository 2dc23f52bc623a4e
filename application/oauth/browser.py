"""The person at the browser: a short server-side session with a CSRF token, and signing in
to it with their Gauzy email and password."""

from __future__ import annotations

import hmac
from dataclasses import replace
from datetime import timedelta

from application.oauth.config import ServerConfig
from application.oauth.secrets import digest, new_secret
from domain.errors import AuthenticationError, RateLimitedError, UpstreamUnavailableError
from domain.oauth.errors import SignInError
from domain.oauth.model import BrowserSession, Person
from domain.ports.clock import Clock
from domain.ports.gauzy_api import GauzyApi
from domain.ports.oauth_state_store import OAuthStateStore
from domain.ports.session_store import SessionStore
from domain.principal import GauzyCredential
from domain.session import Session

PERSON_KEY_PREFIX = "oauth-person:"


def person_session_key(subject: str) -> str:
    """Where a person's Gauzy credential is kept in the session store after they sign in on
    the authorization server's page."""
    return PERSON_KEY_PREFIX + subject


def subject_of(credential: GauzyCredential) -> str:
    """The token subject for a Gauzy user: their user id, unique across tenants (a UUID)."""
    return credential.user_id


class People:
    """The people who signed in on the sign-in page (their Gauzy ids, for tokens and userinfo)."""

    def __init__(self, store: OAuthStateStore) -> None:
        self._store = store

    async def find(self, subject: str) -> Person | None:
        return await self._store.load_person(subject)


class BrowserSessions:
    """Sessions of the sign-in and consent pages. The cookie holds a random id; the store holds
    only its digest. Each session has a CSRF token for its forms (OWASP synchronizer token)."""

    def __init__(self, store: OAuthStateStore, clock: Clock, config: ServerConfig) -> None:
        self._store = store
        self._clock = clock
        self._ttl = config.browser_session_ttl

    async def open(self, subject: str | None = None) -> tuple[str, BrowserSession]:
        session_id = new_secret()
        session = BrowserSession(csrf_token=new_secret(), created_at=self._clock.now(), subject=subject)
        await self._store.save_browser_session(digest(session_id), session, self._ttl)
        return session_id, session

    async def find(self, session_id: str | None) -> BrowserSession | None:
        if not session_id:
            return None
        session = await self._store.load_browser_session(digest(session_id))
        if session is None or self._clock.now() >= session.created_at + timedelta(seconds=self._ttl):
            return None
        return session

    async def note(self, session_id: str, session: BrowserSession, notice: str | None) -> BrowserSession:
        """Keep (or clear, with None) a message for the next page this browser sees."""
        noted = replace(session, notice=notice)
        remaining = self._ttl - int((self._clock.now() - session.created_at).total_seconds())
        await self._store.save_browser_session(digest(session_id), noted, max(remaining, 1))
        return noted

    async def close(self, session_id: str) -> None:
        await self._store.delete_browser_session(digest(session_id))

    @staticmethod
    def csrf_ok(session: BrowserSession | None, presented: str | None) -> bool:
        """RFC 6749 §10.12: a form post is honoured only with the session's CSRF token."""
        return session is not None and bool(presented) and hmac.compare_digest(session.csrf_token, str(presented))


class SignIn:
    """Checks a person's Gauzy email and password through the Gauzy port, keeps the resulting
    credential in the session store (which seals it at rest when it can) and returns a new
    browser session for them. A new id after sign-in stops session fixation (OWASP)."""

    def __init__(self, gauzy: GauzyApi, sessions: SessionStore, store: OAuthStateStore, browser: BrowserSessions,
                 clock: Clock, *, credential_ttl: int) -> None:
        self._gauzy = gauzy
        self._sessions = sessions
        self._store = store
        self._browser = browser
        self._clock = clock
        self._credential_ttl = credential_ttl

    async def __call__(self, old_session_id: str, email: str, password: str) -> tuple[str, BrowserSession]:
        credential = await self._login(email.strip(), password)
        subject = subject_of(credential)
        await self._keep(subject, credential)
        await self._browser.close(old_session_id)
        return await self._browser.open(subject)

    async def _login(self, email: str, password: str) -> GauzyCredential:
        if not email or not password:
            raise SignInError("wrong_credentials", "Enter your Gauzy email and password.")
        try:
            return await self._gauzy.login(email, password)
        except AuthenticationError:
            raise SignInError("wrong_credentials", "The email or password is not right. Try again.") from None
        except RateLimitedError:
            raise SignInError("throttled", "Too many sign-in attempts. Wait a minute, then try again.") from None
        except UpstreamUnavailableError:
            raise SignInError("gauzy_unreachable", "Gauzy cannot be reached right now, so your password could "
                              "not be checked. Try again in a moment.") from None

    async def _keep(self, subject: str, credential: GauzyCredential) -> None:
        now = self._clock.now()
        key = person_session_key(subject)
        session = await self._sessions.load(key) or Session(key=key, subject=subject, created_at=now, last_seen_at=now)
        await self._sessions.save(session.signed_in(credential).seen(now), self._credential_ttl)
        await self._store.save_person(Person(subject=subject, email=credential.email, tenant_id=credential.tenant_id,
                                             organization_id=credential.organization_id,
                                             employee_id=credential.employee_id))
