"""`HttpxGauzyApi`: the real Gauzy REST API behind the `GauzyApi` port.

Every authenticated call carries `Authorization: Bearer`, `Tenant-Id` (spelled exactly so:
TenantPermissionGuard matches the raw header name) and `Organization-Id`. Sign-in calls are
never retried: login is throttled by Gauzy (5 a minute) and a refresh rotates the refresh
token, so a repeat could only fail or lock the user out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx

from adapters.outbound.gauzy_http.errors import defect, error_for, failed_inside, messages, retry_after_seconds
from adapters.outbound.gauzy_http.query import encode_query
from adapters.outbound.gauzy_http.retry import RetryPolicy
from adapters.outbound.gauzy_http.tokens import SIGN_IN_AGAIN, credential_from_login, renewed
from adapters.outbound.gauzy_http.transport import GauzyHttp
from domain.errors import AuthenticationError, DomainError, RateLimitedError, UpstreamUnavailableError
from domain.gauzy import GauzyRequest
from domain.principal import GauzyCredential

LOGIN, REFRESH, LOGOUT = "/api/auth/login", "/api/auth/refresh-token", "/api/auth/logout"
HEALTH, USER_ORGANIZATIONS = "/api/health", "/api/user-organization"


def auth_headers(credential: GauzyCredential) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {credential.access_token}", "Tenant-Id": credential.tenant_id}
    if credential.organization_id:
        headers["Organization-Id"] = credential.organization_id
    return headers


class HttpxGauzyApi:
    def __init__(self, base_url: str, *, timeout: float = 30.0, retry: RetryPolicy | None = None,
                 client: httpx.AsyncClient | None = None) -> None:
        self._http = GauzyHttp(base_url, timeout=timeout, retry=retry or RetryPolicy(), client=client)

    @property
    def base_url(self) -> str:
        return self._http.base_url

    async def aclose(self) -> None:
        """Close the pooled connections; call once on shutdown."""
        await self._http.aclose()

    async def login(self, email: str, password: str) -> GauzyCredential:
        response = await self._http.call("POST", LOGIN, body={"email": email, "password": password})
        if response.status_code == 401:
            raise AuthenticationError("Gauzy did not accept that email and password.",
                                      hint="Check both and try again (Gauzy allows 5 sign-ins a minute).")
        if response.status_code == 429:
            raise RateLimitedError("Gauzy refused the sign-in: too many attempts (it allows 5 a minute).",
                                   retry_after_seconds=retry_after_seconds(response))
        credential = credential_from_login(self._decode(response), email)
        return credential if credential.organization_id else await self._with_organization(credential)

    async def refresh(self, credential: GauzyCredential) -> GauzyCredential:
        if not credential.refresh_token:
            raise AuthenticationError("This Gauzy sign-in cannot be renewed.", hint=SIGN_IN_AGAIN)
        response = await self._http.call("POST", REFRESH, body={"refresh_token": credential.refresh_token})
        if response.status_code in (400, 401, 403):
            refusal = "; ".join(messages(response))
            raise AuthenticationError(f"Gauzy refused to renew the sign-in ({refusal}).", hint=SIGN_IN_AGAIN)
        return renewed(credential, self._decode(response))

    async def logout(self, credential: GauzyCredential) -> None:
        response = await self._http.call("POST", LOGOUT, body={"refresh_token": credential.refresh_token},
                                         headers=auth_headers(credential))
        if response.status_code != 401:  # an expired token: Gauzy has already let the session go
            self._decode(response)

    async def send(self, credential: GauzyCredential, request: GauzyRequest) -> Any:
        response = await self._http.call(
            request.method.upper(), request.path, query=encode_query(request.query, request.query_style),
            body=request.body, headers=auth_headers(credential), repeatable=request.safe_to_repeat,
            changes_data=request.method.upper() != "GET",
        )
        return self._decode(response)

    async def check_health(self) -> None:
        """One try, no retries: `--test` and `test_api_connection` want the answer now."""
        response = await self._http.call("GET", HEALTH)
        if response.status_code == 404:
            raise UpstreamUnavailableError(
                f"{self.base_url} answered 404 for {HEALTH}: that does not look like a Gauzy API.",
                hint="Check API_BASE_URL: the API's address without /api, e.g. https://api.gauzy.co.")
        if response.is_error:
            raise error_for(response, self.base_url)

    def _decode(self, response: httpx.Response) -> Any:
        """The JSON of a 2xx answer (None when empty); the domain error of any other."""
        if response.is_error:
            raise error_for(response, self.base_url)
        if not response.content.strip():
            return None
        try:
            body = response.json()
        except ValueError:
            raise UpstreamUnavailableError(
                f"{self.base_url} answered {response.request.url.path} with something other than JSON.",
                hint="Check that API_BASE_URL points at the Gauzy API, not at the Gauzy web app.",
            ) from None
        if failed_inside(body):
            raise defect(response.request.method, response.request.url.path, body["message"])
        return body

    async def _with_organization(self, credential: GauzyCredential) -> GauzyCredential:
        """A user with no employee record and no last organization (a fresh admin): ask Gauzy
        which organizations they belong to, preferring their default one."""
        request = GauzyRequest("GET", USER_ORGANIZATIONS, query={"where": {"userId": credential.user_id}})
        try:
            page = await self.send(credential, request)
        except DomainError:
            return credential  # tools that need an organization will say so
        rows = [r for r in (page.get("items") or []) if isinstance(r, dict)] if isinstance(page, dict) else []
        rows.sort(key=lambda row: not row.get("isDefault"))
        organization = next((str(r["organizationId"]) for r in rows if r.get("organizationId")), None)
        return replace(credential, organization_id=organization) if organization else credential
