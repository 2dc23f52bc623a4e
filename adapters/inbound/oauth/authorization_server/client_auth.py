"""Reading how a request authenticates its client (RFC 6749 §2.3.1) and its form parameters."""

from __future__ import annotations

import base64
import binascii
from typing import Any
from urllib.parse import unquote_plus

from application.oauth.clients import ClientCredentials
from application.oauth.requests import Params, single
from domain.oauth.errors import InvalidClientError, OAuthError


def as_params(multidict: Any) -> dict[str, list[str]]:
    """A Werkzeug/Quart MultiDict as name → every value (duplicates are errors later)."""
    return {name: list(multidict.getlist(name)) for name in multidict}


def _basic(authorization: str | None) -> tuple[str, str] | None:
    if not authorization:
        return None
    scheme, _, encoded = authorization.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise InvalidClientError("Malformed HTTP Basic credentials.") from None
    client_id, colon, secret = decoded.partition(":")
    if not colon or not client_id:
        raise InvalidClientError("Malformed HTTP Basic credentials.")
    # RFC 6749 §2.3.1: both are form-urlencoded before being joined.
    return unquote_plus(client_id), unquote_plus(secret)


def client_credentials(authorization: str | None, form: Params) -> ClientCredentials | None:
    """The client's credentials, by the one method it used; None when it sent none at all.
    RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request."""
    basic = _basic(authorization)
    form_id, form_secret = single(form, "client_id"), single(form, "client_secret")
    if basic is not None:
        if form_secret is not None or (form_id is not None and form_id != basic[0]):
            raise OAuthError("invalid_request", "Authenticate the client one way only (RFC 6749 §2.3).")
        return ClientCredentials(basic[0], basic[1], "client_secret_basic")
    if form_secret is not None:
        if form_id is None:
            raise InvalidClientError("client_secret without client_id.")
        return ClientCredentials(form_id, form_secret, "client_secret_post")
    return ClientCredentials(form_id, None, "none") if form_id else None


def used_basic(authorization: str | None) -> bool:
    return bool(authorization) and str(authorization).strip().lower().startswith("basic ")
