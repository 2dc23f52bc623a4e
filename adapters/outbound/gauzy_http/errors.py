"""Gauzy's answers and httpx's exceptions, turned into domain errors the user can act on.

Error bodies come from Nest's default exception filter (gauzy-contracts `errors`):
`{"statusCode", "message", "error"?}` where `message` is a list of class-validator
messages for a 400 from the ValidationPipe and a string otherwise. A 400 raised from an
ORM error carries the error object instead (no `message`; `detail` when Postgres gave one).
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Callable
from typing import Any

import httpx

from adapters.outbound.gauzy_http.redaction import scrub
from domain.errors import (
    AuthenticationError,
    ConflictError,
    DomainError,
    GauzyDefectError,
    GauzyValidationError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitedError,
    UpstreamUnavailableError,
)

# Raised before a request is written: it cannot have reached Gauzy.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def messages(response: httpx.Response) -> list[str]:
    """Gauzy's own words for an error answer, secrets masked."""
    found = _said(_json_or_none(response)) or response.reason_phrase or f"HTTP {response.status_code}"
    items = found if isinstance(found, list) else [found]
    return [scrub(str(item)) for item in items]


def _said(body: Any) -> Any:
    if not isinstance(body, dict):
        return None
    if body.get("code") and not body.get("message"):  # an ORM error object, not an HttpException
        if "NOTNULL" in str(body["code"]) or body["code"] == "23502":
            return _not_null(body)
        return body.get("detail") or f"database error {body['code']}"
    return body.get("message")


MAX_LISTED = 15
INSERT = re.compile(r'^\s*INSERT INTO "(?P<table>\w+)"\s*\((?P<columns>[^)]*)\)\s*VALUES\s*\((?P<values>.*)\)', re.S)


def _not_null(body: dict[str, Any]) -> str:
    """A NOT NULL column got no value. PostgreSQL names it (`column`); SQLite's message is not in
    the body, but the failed INSERT is: the columns it sent as NULL are where to look."""
    if body.get("column"):
        return f"the database requires a value for {body.get('table') or 'the record'}.{body['column']}"
    found = INSERT.match(str(body.get("query") or ""))
    if found is None:
        return f"the database requires a value for a column that got none ({body['code']})"
    columns = [c.strip().strip('"') for c in found["columns"].split(",")]
    values = [v.strip().upper() for v in _top_level(found["values"])]
    empty = [column for column, value in zip(columns, values, strict=False) if value == "NULL"]
    return (f"the database requires a value for one of the {found['table']} columns sent empty: "
            f"{', '.join(empty[:MAX_LISTED]) or 'none listed'} ({body['code']}); give it in the call")


def _top_level(text: str) -> list[str]:
    """Split a VALUES list on the commas outside parentheses (`datetime('now')` stays whole)."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def failed_inside(body: Any) -> bool:
    """A success status whose body is only `{"message"}`: a non-HTTP error (a TypeError, an
    unwrapped ORM error) inside the handler, which Gauzy's TransformInterceptor rethrows
    without a status, so the route's own 200/201/202 stays. No Gauzy route answers a bare
    message on success."""
    return isinstance(body, dict) and set(body) == {"message"} and isinstance(body["message"], str)


# Every merchant route of Gauzy at least up to 39a5c3adfe: MerchantService has no @Injectable(),
# so Nest builds it without its repositories and each call dereferences an undefined one.
BROKEN_ROUTES = {"/api/merchants": (
    "This Gauzy version cannot serve merchants at all: its merchant service is built without a database "
    "repository, so every merchant route fails the same way, reads and writes alike, and nothing is stored. "
    "No other Gauzy route reads or writes merchants; it needs a Gauzy release that fixes the merchant module.")}


def defect(method: str, path: str, message: str) -> GauzyDefectError:
    said = scrub(message)
    hint = next((why for prefix, why in BROKEN_ROUTES.items() if path.startswith(prefix)),
                "This is a failure inside Gauzy, not a problem with the arguments; trying again will not help. "
                "Check with a read tool whether anything changed, and look at the Gauzy server's log.")
    return GauzyDefectError(f"Gauzy failed while handling {method} {path}: {said}.", hint=hint)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """`Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    raw = response.headers.get("Retry-After")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(raw).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def error_for(response: httpx.Response, base_url: str) -> DomainError:
    """The domain error for a non-2xx answer (the port's table)."""
    status = response.status_code
    path = response.request.url.path
    if any(path.startswith(prefix) for prefix in BROKEN_ROUTES):
        return defect(response.request.method, path, "; ".join(messages(response)))
    if status >= 500:
        return server_error(response, base_url)
    make = _BY_STATUS.get(status, _rejected)
    return make(response)


def server_error(response: httpx.Response, base_url: str) -> UpstreamUnavailableError:
    detail = "; ".join(messages(response))
    return UpstreamUnavailableError(
        f"Gauzy at {base_url} answered {response.status_code} ({detail}).",
        hint="Gauzy or a proxy in front of it is failing or restarting; try again shortly, "
        "and check the Gauzy server's logs if it persists.",
    )


def unreachable(error: httpx.RequestError, base_url: str, timeout: float, *,
                lost_change: bool = False) -> UpstreamUnavailableError:
    """A call that got no answer: refused, unresolvable, dropped or too slow. `lost_change`:
    it was a change not safe to repeat, so an answer lost after sending leaves it unknown."""
    if lost_change and not isinstance(error, NOT_SENT):
        return answer_lost(error, base_url, timeout)
    if isinstance(error, httpx.TimeoutException):
        return UpstreamUnavailableError(
            f"Gauzy at {base_url} did not answer within {timeout:g} s.",
            hint="It may be overloaded or down; try again, or raise API_TIMEOUT if it is just slow.",
        )
    reason = scrub(str(error)) or type(error).__name__
    return UpstreamUnavailableError(
        f"Cannot reach Gauzy at {base_url}: {reason}.",
        hint="Check API_BASE_URL and that the Gauzy API is running and reachable from this machine.",
    )


def answer_lost(error: httpx.RequestError, base_url: str, timeout: float) -> OutcomeUnknownError:
    """A call not safe to repeat whose request may have reached Gauzy: whether it was applied
    is unknown, and saying "try again" could make it happen twice."""
    what = (f"gave no answer within {timeout:g} s" if isinstance(error, httpx.TimeoutException)
            else "dropped the connection before answering")
    return OutcomeUnknownError(
        f"Gauzy at {base_url} {what}, so the outcome is unknown: the change may or may not have been applied.",
        hint="Do not repeat the call blindly: first read the record back to see whether it happened.",
    )


def _rejected(response: httpx.Response) -> DomainError:
    return GauzyValidationError(messages(response), status=response.status_code)


def _unauthorized(response: httpx.Response) -> DomainError:
    return AuthenticationError(
        f"Gauzy did not accept the sign-in token ({'; '.join(messages(response))}).",
        hint="Sign in again with the login tool.",
    )


def _forbidden(response: httpx.Response) -> DomainError:
    said = "; ".join(messages(response))
    if TRACKING_DISABLED in said:
        return PermissionDeniedError(f"Gauzy refused this request: {said}", hint=TRACKING_HINT)
    return PermissionDeniedError(
        f"Gauzy refused this request: {said}.",
        hint="The signed-in user lacks a permission this needs, or the record belongs to another "
        "tenant or organization; ask a Gauzy admin for the permission or sign in as another user.",
    )


# The timer's 403 when the employee record has isTrackingEnabled false: no role or permission
# changes that, so the generic "ask for the permission" would send even a super admin astray.
TRACKING_DISABLED = "time tracking functionality has been disabled"
TRACKING_HINT = ("Time tracking is switched off on this employee's record (isTrackingEnabled: false), whatever "
                 "the user's role. Switch it on with update_employee_profile (or update_employee) and "
                 "employee_data {\"isTrackingEnabled\": true}.")


def _not_found(response: httpx.Response) -> DomainError:
    return NotFoundError(
        f"Gauzy found nothing there: {'; '.join(messages(response))}.",
        hint="Check the id (list the records to find it); it may have been deleted.",
    )


def _conflict(response: httpx.Response) -> DomainError:
    return ConflictError(
        f"Gauzy reported a conflict: {'; '.join(messages(response))}.",
        hint="Another record already uses that value, or the record changed meanwhile; read it again.",
    )


def _rate_limited(response: httpx.Response) -> DomainError:
    return RateLimitedError(
        f"Gauzy is limiting requests: {'; '.join(messages(response))}.",
        retry_after_seconds=retry_after_seconds(response),
    )


_BY_STATUS: dict[int, Callable[[httpx.Response], DomainError]] = {
    401: _unauthorized,
    403: _forbidden,
    404: _not_found,
    409: _conflict,
    429: _rate_limited,
}


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
