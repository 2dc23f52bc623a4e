"""Rendering the sign-in, consent and error pages (server-side HTML, Jinja2 autoescaped)."""

from __future__ import annotations

from pathlib import Path

from quart import Response, render_template

from adapters.inbound.oauth.authorization_server.responses import NO_STORE, add_page_headers
from application.oauth.authorization import AuthorizationRequest
from domain.oauth.model import BrowserSession, ClientKind, Person

STYLESHEET_PATH = "/oauth2/pages.css"
STYLESHEET = (Path(__file__).parent / "pages.css").read_text(encoding="utf-8")
SIGN_IN_ACTION = "/oauth2/authorize/sign-in"
CONSENT_ACTION = "/oauth2/authorize/consent"
SCOPE_TEXT = {
    "mcp.read": "Read your Gauzy data (projects, tasks, time, people, invoices and more)",
    "mcp.write": "Create and change Gauzy data on your behalf",
    "mcp.admin": "Delete Gauzy data and use administrative tools",
}
NOTICES = {
    "wrong_credentials": "The email or password is not right. Check them and try again.",
    "gauzy_unreachable": "Gauzy cannot be reached right now, so your password could not be checked. "
                         "Try again in a moment.",
    "throttled": "Too many sign-in attempts. Wait a minute, then try again.",
    "expired": "This page expired. Please sign in again.",
}


async def _page(template: str, status: int = 200, **context: object) -> Response:
    html = await render_template(template, stylesheet=STYLESHEET_PATH, **context)
    response = Response(html, status=status, content_type="text/html; charset=utf-8", headers=NO_STORE)
    return add_page_headers(response)


async def sign_in_page(request: AuthorizationRequest, session: BrowserSession, query: str) -> Response:
    return await _page("sign_in.html", client_name=request.client.client_name, csrf_token=session.csrf_token,
                       request_query=query, action=SIGN_IN_ACTION, notice=NOTICES.get(session.notice or ""))


async def consent_page(request: AuthorizationRequest, session: BrowserSession, person: Person | None,
                       query: str) -> Response:
    """Item 22: the client's name, the scopes and the exact redirect URI, and a CSRF token."""
    scopes = [(scope, SCOPE_TEXT.get(scope, scope)) for scope in sorted(request.scopes)]
    who = (person.email if person else None) or session.subject
    return await _page("consent.html", client_name=request.client.client_name, client_id=request.client.client_id,
                       redirect_uri=request.redirect_uri, scopes=scopes, person=who,
                       verified=request.client.kind is ClientKind.METADATA_DOCUMENT,
                       csrf_token=session.csrf_token, request_query=query, action=CONSENT_ACTION)


async def error_page(error: str, message: str) -> Response:
    """RFC 6749 §4.1.2.1: a request that cannot be trusted to redirect gets a page, status 400."""
    return await _page("error.html", 400, error=error, message=message)


def stylesheet() -> Response:
    response = Response(STYLESHEET, content_type="text/css; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})
    return add_page_headers(response)
