"""Answers of the authorization server's endpoints: JSON with the RFC 6749 §5.2 error shape,
and the headers every page and endpoint carries."""

from __future__ import annotations

from typing import Any

from quart import Response, jsonify

from domain.oauth.errors import OAuthError

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}  # RFC 6749 §5.1
# RFC 9700 §4.16 (clickjacking): no framing; §4.2.4 / RFC 7009: no referrer leaks of codes;
# no third-party resources anywhere (default-src 'none', style from ourselves only).
PAGE_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# The JSON endpoints are called by browser-based clients too (MCP Inspector); they read no
# cookies, so any origin may call them without credentials (Fetch §3.2.5). Never /authorize.
API_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, MCP-Protocol-Version",
    "Access-Control-Max-Age": "600",
}


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = jsonify(body)
    response.status_code = status
    response.headers.update(headers or {})
    return response


def oauth_error(error: OAuthError, *, basic_attempted: bool = False) -> Response:
    """RFC 6749 §5.2: JSON `error` and `error_description`; a 401 for a client that tried
    HTTP Basic carries `WWW-Authenticate: Basic`."""
    headers = dict(NO_STORE)
    if error.status == 401 and basic_attempted:
        headers["WWW-Authenticate"] = 'Basic realm="oauth2"'
    return json_response({"error": error.error, "error_description": error.description}, error.status, headers)


def add_page_headers(response: Response) -> Response:
    response.headers.update(PAGE_HEADERS)
    return response


def add_api_headers(response: Response) -> Response:
    response.headers.update({**API_CORS, "X-Content-Type-Options": "nosniff"})
    return response
