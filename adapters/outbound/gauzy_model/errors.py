"""Nest-style error bodies.

Facts: contracts ``errors`` (no custom exception filter; Nest's BaseExceptionFilter plus the global
TransformInterceptor). Guards raise built-in exceptions whose body keeps ``error`` (401 from passport's
AuthGuard has none: ``{"statusCode":401,"message":"Unauthorized"}``; 403 ``Forbidden resource``). Pipes
and handlers run inside the interceptor, which re-throws non-400 errors as ``HttpException(message,
status)``, so those bodies are ``{"statusCode", "message"}`` without ``error``; 400 bodies from the
ValidationPipe are kept whole (``message`` is a list, ``error`` is ``"Bad Request"``).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any


class HttpError(Exception):
    """An error answer: status, JSON body and extra headers."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status}: {body}")
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


def phrase(status: int) -> str:
    """The standard reason phrase (``Service Unavailable`` for 503)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def plain(status: int, message: Any) -> HttpError:
    """Error raised in a pipe/handler after TransformInterceptor: ``{statusCode, message}``."""
    return HttpError(status, {"statusCode": status, "message": message})


def with_error(status: int, message: Any) -> HttpError:
    """Built-in exception body with the ``error`` phrase (guards, validation)."""
    return HttpError(status, {"statusCode": status, "message": message, "error": phrase(status)})


def route_not_found(method: str, url: str) -> HttpError:
    """404 from the Nest router: ``Cannot GET /api/x``."""
    return with_error(404, f"Cannot {method} {url}")


def unauthorized() -> HttpError:
    """401 from passport's AuthGuard (``new UnauthorizedException()``)."""
    return HttpError(401, {"statusCode": 401, "message": "Unauthorized"})


def forbidden() -> HttpError:
    """403 when a guard returns false."""
    return with_error(403, "Forbidden resource")


def bad_request(messages: list[str]) -> HttpError:
    """400 from class-validator through the ValidationPipe."""
    return with_error(400, messages)


def record_not_found() -> HttpError:
    """404 from crud.service ``findOneByIdString``."""
    return plain(404, "The requested record was not found")


def internal_error() -> HttpError:
    """500 for a non-HTTP error thrown inside a guard."""
    return HttpError(500, {"statusCode": 500, "message": "Internal server error"})
