"""The request pipeline, in Nest's order: body parser -> router -> guards -> pipes -> handler.

1. body-parser (middleware, before routing): JSON bodies of ``application/json`` requests are parsed;
   malformed JSON -> 400. Other or empty bodies leave ``req.body`` undefined.
2. Router (``routes.RouteTable``): no match -> 404 ``Cannot <METHOD> <originalUrl>``.
3. Guards: throttler on ``POST /api/auth/login`` (429); global AuthGuard unless ``public`` (401);
   AuthRefreshGuard on ``POST /api/auth/refresh-token`` (401); TenantPermissionGuard /
   TenantBaseGuard (403, 500 for body-less writes), see ``tenancy``.
4. Pipes: UUIDValidationPipe on path params (404 empty / 406 not a UUID), ParseUUIDPipe (400), then
   the ValidationPipe on validated query and body DTOs (400 with class-validator messages);
   ``whitelist`` strips unknown fields before the handler sees them.
5. Handler: ``special.SPECIAL`` when modelled specifically, else ``handlers.handle``.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from . import errors, handlers, tenancy
from .auth import LoginThrottle, Principal, TokenService
from .call import EMPTY, Call, Reply
from .errors import HttpError
from .qs import parse_qs
from .reference import load_reference
from .routes import Route, RouteTable
from .seed import seed
from .special import SPECIAL
from .store import Store, select
from .validation import Validator
from .validators import UUID_RE, Context

Now = Callable[[], datetime]
LOGIN = "POST /api/auth/login"
REFRESH = "POST /api/auth/refresh-token"


def wall_clock() -> datetime:
    """The moment tokens are issued and checked at, and the seed's "today"."""
    return datetime.now(UTC)


def parse_body(headers: list[tuple[str, str]], raw: bytes) -> Any:
    """body-parser ``json()``: only ``application/json`` bodies; objects/arrays only (strict)."""
    content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
    if "json" not in content_type.lower():
        return tenancy.NO_BODY
    if not raw:
        has_length = any(k.lower() in ("content-length", "transfer-encoding") for k, _ in headers)
        return {} if has_length else tenancy.NO_BODY  # type-is hasBody; an empty JSON body parses to {}
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise errors.with_error(400, f"Unexpected token in JSON at position {getattr(exc, 'pos', 0)}") from exc
    if not isinstance(value, dict | list):
        raise errors.with_error(400, f"Unexpected token in JSON at position 0: {raw[:20]!r} is not valid JSON")
    return value


class Api:
    """Routes, data, tokens and the pipeline of one double instance."""

    def __init__(self, token_ttl_seconds: float, login_limit_per_minute: int, now: Now = wall_clock):
        self.reference = load_reference()
        self.routes = RouteTable(self.reference)
        self.validator = Validator(self.reference.dtos)
        self.store = Store()
        self.seed = seed(self.store, now())
        self.tokens = TokenService(token_ttl_seconds, clock=lambda: now().timestamp())
        self.throttle = LoginThrottle(login_limit_per_minute)
        self.strict_logout = True
        self.unexpected_errors: list[str] = []

    def handle(self, method: str, target: str, headers: list[tuple[str, str]], raw_body: bytes) -> Reply:
        """Answer one HTTP request; errors become Nest-style JSON bodies."""
        try:
            return self._pipeline(method.upper(), target, headers, raw_body)
        except HttpError as error:
            return Reply(error.status, error.body, error.headers)
        except Exception:  # a bug of the double: answer like Nest's catch-all, keep the trace for tests
            self.unexpected_errors.append(traceback.format_exc())
            return Reply(500, {"statusCode": 500, "message": "Internal server error"})

    def _pipeline(self, method: str, target: str, headers: list[tuple[str, str]], raw_body: bytes) -> Reply:
        path, _, raw_query = target.partition("?")
        body = parse_body(headers, raw_body)
        found = self.routes.match("GET" if method == "HEAD" else method, path)
        if found is None:
            raise errors.route_not_found(method, target)
        route, params = found
        query = parse_qs(raw_query)
        principal = self._guards(route, method, headers, query, body)
        self._param_pipes(route, params, query)
        query, body = self._validate(route, query, body, principal)
        call = Call(
            route,
            method,
            path,
            params,
            query,
            None if body is tenancy.NO_BODY else body,
            principal,
            self.store,
            headers,
        )
        special = SPECIAL.get(route.key)
        return special(call, self) if special else handlers.handle(call)

    def _guards(
        self, route: Route, method: str, headers: list[tuple[str, str]], query: dict[str, Any], body: Any
    ) -> Principal | None:
        if route.key == LOGIN:
            self.throttle.hit()
        principal: Principal | None = None
        if not route.public and method != "OPTIONS":
            principal = self._bearer(headers)
            if principal is None:
                raise errors.unauthorized()
        if route.key == REFRESH:
            self.tokens.check_refresh(body.get("refresh_token") if isinstance(body, dict) else None)
        tenancy.check_tenant(route, method, headers, query, body, principal.tenant_id if principal else None)
        return principal

    def _bearer(self, headers: list[tuple[str, str]]) -> Principal | None:
        value = next((v for k, v in headers if k.lower() == "authorization"), "")
        scheme, _, token = value.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return self.tokens.authenticate(token.strip())

    @staticmethod
    def _param_pipes(route: Route, params: dict[str, str], query: dict[str, Any]) -> None:
        values = [(params.get(name, ""), kind) for name, kind in route.param_pipes.items()]
        for spec in route.queries:
            if spec.get("shape") == "named" and "UUIDValidationPipe" in " ".join(spec.get("pipes") or []):
                values.append((query.get(str(spec.get("name")), ""), "uuid"))
        for value, kind in values:
            text = value if isinstance(value, str) else ""
            if kind == "parse-uuid" and not UUID_RE.match(text):
                raise errors.with_error(400, "Validation failed (uuid is expected)")
            if kind == "uuid" and not text:
                raise errors.plain(404, "Validation failed (uuid is expected)")
            if kind == "uuid" and not UUID_RE.match(text):
                raise errors.plain(406, "Validation failed (valid uuid is expected)")

    def context(self, principal: Principal | None) -> Context:
        """What Gauzy's custom validators read from RequestContext and the database."""
        if principal is None:
            return Context(enums=self.reference.enums)
        links = select(self.store.rows("UserOrganization"), principal.tenant_id, {"userId": principal.user_id})

        def employee_in_org(employee_id: str, organization_id: str) -> bool:
            row = self.store.get("Employee", employee_id, principal.tenant_id)
            return row is not None and row.get("organizationId") == organization_id

        return Context(
            tenant_id=principal.tenant_id,
            user_id=principal.user_id,
            organization_ids=frozenset(str(link.get("organizationId")) for link in links),
            enums=self.reference.enums,
            employee_in_org=employee_in_org,
        )

    def _validate(
        self, route: Route, query: dict[str, Any], body: Any, principal: Principal | None
    ) -> tuple[dict[str, Any], Any]:
        ctx: Context | None = None
        for spec in route.queries:
            dto = spec.get("dto")
            if spec.get("validated") and self.validator.knows(dto):
                ctx = ctx or self.context(principal)
                strip = bool(spec.get("unknownParamsStripped"))
                messages, cleaned = self.validator.validate(str(dto), query, ctx, strip)
                if messages:
                    raise errors.bad_request(messages)
                query = cleaned if strip else query
        spec = route.body or {}
        dto = spec.get("dto")
        if spec.get("validated") and self.validator.knows(dto):
            ctx = ctx or self.context(principal)
            payload = None if body is tenancy.NO_BODY else body
            wrapped = bool(spec.get("wrappedAs"))
            if wrapped:
                payload = {"list": payload}
            strip = bool(spec.get("unknownFieldsStripped"))
            messages, cleaned = self.validator.validate(str(dto), payload, ctx, strip)
            if messages:
                raise errors.bad_request(messages)
            if strip:
                body = cleaned.get("list") if wrapped and isinstance(cleaned, dict) else cleaned
        return query, body


def encode(reply: Reply) -> bytes:
    """``res.json`` (JSON.stringify, no spaces); no body for EMPTY."""
    if reply.body is EMPTY or reply.body is None:
        return b""
    return json.dumps(reply.body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
