"""/oauth2/authorize: the sign-in page, the consent page, and their form posts.

Every POST answers 303 See Other (RFC 9700 §4.12: never 307, which would re-post the password
to the client). The authorization request travels through the pages as its original query
string and is validated again at every step; nothing of it is stored before consent.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from quart import Blueprint, Response, redirect, request

from adapters.inbound.oauth.authorization_server.client_auth import as_params
from adapters.inbound.oauth.authorization_server.cookies import CookieJar
from adapters.inbound.oauth.authorization_server.responses import add_page_headers
from adapters.inbound.oauth.authorization_server.views import (
    STYLESHEET_PATH,
    consent_page,
    error_page,
    sign_in_page,
    stylesheet,
)
from application.oauth.authorization import AuthorizationRequest, error_redirect
from application.oauth.consent import consent_cookie_value
from application.oauth.metadata import AUTHORIZE_PATH
from application.oauth.requests import single
from application.oauth.server import AuthorizationServer
from domain.errors import NotSignedInError
from domain.oauth.errors import RedirectedError, SignInError, UnredirectableError
from domain.oauth.model import BrowserSession

SEE_OTHER = 303


def see_other(location: str) -> Response:
    return add_page_headers(redirect(location, SEE_OTHER))  # type: ignore[arg-type]


def pages_blueprint(server: AuthorizationServer, cookies: CookieJar) -> Blueprint:
    pages = Blueprint("oauth_pages", __name__, template_folder="templates")
    flow = _Flow(server, cookies)

    @pages.get(AUTHORIZE_PATH)
    async def authorize() -> Response:
        return await flow.show(request.query_string.decode("latin-1"))

    @pages.post(AUTHORIZE_PATH + "/sign-in")
    async def sign_in() -> Response:
        return await flow.sign_in(as_params(await request.form))

    @pages.post(AUTHORIZE_PATH + "/consent")
    async def consent() -> Response:
        return await flow.consent(as_params(await request.form))

    @pages.get(STYLESHEET_PATH)
    async def css() -> Response:
        return stylesheet()

    return pages


def _forces_consent(query: str) -> bool:
    """OpenID Connect Core §3.1.2.1 `prompt=consent`: ask again even if remembered."""
    return "consent" in (single(parse_qs(query), "prompt") or "").split()


class _Flow:
    def __init__(self, server: AuthorizationServer, cookies: CookieJar) -> None:
        self._server = server
        self._cookies = cookies

    async def show(self, query: str) -> Response:
        """GET: check the request, then the sign-in page, the consent page, or (consent
        remembered for this client in this browser) straight back with a code."""
        try:
            authorization = await self._server.validate(parse_qs(query, keep_blank_values=True))
        except UnredirectableError as error:
            return await error_page(error.error, error.description)
        except RedirectedError as error:
            return see_other(error_redirect(error, self._server.config.issuer))
        session_id, session, fresh = await self._session()
        if session.notice:  # shown once: cleared in the store, kept for this rendering
            await self._server.browser.note(session_id, session, None)
        person = await self._server.people.find(session.subject) if session.subject else None
        if session.subject is None or person is None:
            response = await sign_in_page(authorization, session, query)
        elif not _forces_consent(query) and await self._remembered(session.subject, authorization):
            response = await self._approve(session.subject, authorization, query)
        else:
            response = await consent_page(authorization, session, person, query)
        if fresh:
            self._cookies.set_sign_in(response, session_id)
        return response

    async def sign_in(self, form: dict[str, list[str]]) -> Response:
        query = single(form, "request") or ""
        session_id, session = await self._posted_session(form)
        if session is None:
            return await self._expired(query)
        try:
            new_id, _ = await self._server.sign_in(session_id, single(form, "email") or "",
                                                   single(form, "password") or "")
        except SignInError as error:
            await self._server.browser.note(session_id, session, error.reason)
            return see_other(f"{AUTHORIZE_PATH}?{query}")
        response = see_other(f"{AUTHORIZE_PATH}?{query}")
        self._cookies.set_sign_in(response, new_id)
        return response

    async def consent(self, form: dict[str, list[str]]) -> Response:
        query = single(form, "request") or ""
        _, session = await self._posted_session(form)
        if session is None or session.subject is None:
            return await self._expired(query)
        try:
            authorization = await self._server.validate(parse_qs(query, keep_blank_values=True))
        except UnredirectableError:
            return see_other(f"{AUTHORIZE_PATH}?{query}")  # the GET shows the error page
        except RedirectedError as error:
            return see_other(error_redirect(error, self._server.config.issuer))
        if single(form, "decision") != "approve":
            denied = RedirectedError("access_denied", "The person denied the request.",  # RFC 6749 §4.1.2.1
                                     redirect_uri=authorization.redirect_uri, state=authorization.state)
            return see_other(error_redirect(denied, self._server.config.issuer))
        recorded = await self._server.consents.record(session.subject, authorization)
        response = await self._approve(session.subject, authorization, query)
        self._cookies.set_consent(response, authorization.client.client_id, consent_cookie_value(recorded))
        return response

    async def _approve(self, subject: str, authorization: AuthorizationRequest, query: str) -> Response:
        try:
            issued = await self._server.issue_code(subject, authorization)
        except NotSignedInError:  # the person's record is gone: the GET shows the sign-in page
            return see_other(f"{AUTHORIZE_PATH}?{query}")
        return see_other(issued.redirect_to)

    async def _remembered(self, subject: str, authorization: AuthorizationRequest) -> bool:
        cookie = request.cookies.get(self._cookies.consent(authorization.client.client_id))
        return await self._server.consents.remembered(subject, authorization, cookie)

    async def _session(self) -> tuple[str, BrowserSession, bool]:
        session_id = request.cookies.get(self._cookies.sign_in)
        session = await self._server.browser.find(session_id)
        if session_id and session is not None:
            return session_id, session, False
        new_id, session = await self._server.browser.open()
        return new_id, session, True

    async def _posted_session(self, form: dict[str, list[str]]) -> tuple[str, BrowserSession | None]:
        """The browser's session when the form carries its CSRF token (RFC 6749 §10.12)."""
        session_id = request.cookies.get(self._cookies.sign_in) or ""
        session = await self._server.browser.find(session_id)
        if not self._server.browser.csrf_ok(session, single(form, "csrf_token")):
            return session_id, None
        return session_id, session

    async def _expired(self, query: str) -> Response:
        """A post without a valid session or CSRF token: start over with a fresh session."""
        new_id, _ = await self._server.browser.open()
        session = await self._server.browser.find(new_id)
        if session is not None:
            await self._server.browser.note(new_id, session, "expired")
        response = see_other(f"{AUTHORIZE_PATH}?{query}")
        self._cookies.set_sign_in(response, new_id)
        return response
