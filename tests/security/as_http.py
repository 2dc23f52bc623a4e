"""The authorization server's Quart app around a test harness, and a browser-like walk through
its pages with Quart's test client (cookies kept, forms parsed from the HTML)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from quart import Quart
from quart.typing import TestClientProtocol

from adapters.inbound.oauth.authorization_server import CookieJar, standalone_app
from tests.security.as_harness import EMAIL, PASSWORD, Harness

HIDDEN = re.compile(r'<input type="hidden" name="(?P<name>[a-z_]+)" value="(?P<value>[^"]*)">')


def app_for(h: Harness) -> Quart:
    return standalone_app(h.server, CookieJar(h.config.browser_session_ttl))


def hidden_fields(page: str) -> dict[str, str]:
    return {m["name"]: html.unescape(m["value"]) for m in HIDDEN.finditer(page)}


@dataclass
class Browser:
    client: TestClientProtocol

    async def get(self, path: str, **kwargs: Any) -> Any:
        return await self.client.get(path, scheme="https", **kwargs)

    async def post(self, path: str, form: dict[str, str], **kwargs: Any) -> Any:
        return await self.client.post(path, form=form, scheme="https", **kwargs)

    async def authorize(self, params: dict[str, list[str]]) -> Any:
        return await self.get("/oauth2/authorize?" + urlencode(params, doseq=True))

    async def sign_in(self, page: str, email: str = EMAIL, password: str = PASSWORD) -> Any:
        return await self.post("/oauth2/authorize/sign-in", {**hidden_fields(page), "email": email,
                                                              "password": password})

    async def decide(self, page: str, decision: str = "approve") -> Any:
        return await self.post("/oauth2/authorize/consent", {**hidden_fields(page), "decision": decision})

    async def consent_page(self, params: dict[str, list[str]]) -> str:
        """Sign in (if needed) and return the consent page's HTML."""
        page = await (await self.authorize(params)).get_data(as_text=True)
        if 'name="password"' in page:
            followed = await self.sign_in(page)
            page = await (await self.get(followed.headers["Location"])).get_data(as_text=True)
        return page
