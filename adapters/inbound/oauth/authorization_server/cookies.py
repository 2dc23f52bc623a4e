"""The pages' cookies: the browser session, and one consent cookie per client_id.

`__Host-` names with Secure, HttpOnly, SameSite=Lax and Path=/ (MCP Security Best Practices,
"Confused Deputy"; RFC 6265bis §4.1.3.2): no subdomain can set or read them. Lax lets the
client's top-level redirect to /oauth2/authorize carry them, but no cross-site POST. Browsers
accept Secure cookies from http://127.0.0.1 and http://localhost (potentially trustworthy
origins), so local set-ups need no exception.
"""

from __future__ import annotations

from dataclasses import dataclass

from quart import Response

from application.oauth.consent import consent_cookie_suffix

SIGN_IN = "__Host-gauzy-mcp-signin"
CONSENT = "__Host-gauzy-mcp-consent-"
CONSENT_MAX_AGE = 180 * 24 * 3600


@dataclass(frozen=True)
class CookieJar:
    session_max_age: int = 1800
    sign_in: str = SIGN_IN

    def consent(self, client_id: str) -> str:
        return CONSENT + consent_cookie_suffix(client_id)

    @staticmethod
    def _set(response: Response, name: str, value: str, max_age: int) -> None:
        response.set_cookie(name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="Lax")

    def set_sign_in(self, response: Response, session_id: str) -> None:
        self._set(response, self.sign_in, session_id, self.session_max_age)

    def set_consent(self, response: Response, client_id: str, value: str) -> None:
        self._set(response, self.consent(client_id), value, CONSENT_MAX_AGE)
