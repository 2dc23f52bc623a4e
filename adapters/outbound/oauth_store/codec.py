"""The authorization server's records <-> JSON, for stores outside the process."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from domain.oauth.model import (
    AuthorizationCode,
    BrowserSession,
    ClientKind,
    Consent,
    GrantScope,
    OAuthClient,
    Person,
    RefreshToken,
)


def _dump(document: dict[str, Any]) -> bytes:
    return json.dumps(document, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _when(value: datetime) -> str:
    return value.isoformat()


def encode_client(client: OAuthClient) -> bytes:
    return _dump({
        "client_id": client.client_id, "client_name": client.client_name,
        "redirect_uris": list(client.redirect_uris), "grant_types": list(client.grant_types),
        "response_types": list(client.response_types),
        "token_endpoint_auth_method": client.token_endpoint_auth_method, "scope": client.scope,
        "issued_at": _when(client.issued_at), "kind": client.kind.value, "secret_hash": client.secret_hash,
        "client_uri": client.client_uri,
    })


def decode_client(raw: bytes | str) -> OAuthClient:
    d = json.loads(raw)
    return OAuthClient(
        client_id=d["client_id"], client_name=d["client_name"], redirect_uris=tuple(d["redirect_uris"]),
        grant_types=tuple(d["grant_types"]), response_types=tuple(d["response_types"]),
        token_endpoint_auth_method=d["token_endpoint_auth_method"], scope=d["scope"],
        issued_at=datetime.fromisoformat(d["issued_at"]), kind=ClientKind(d["kind"]), secret_hash=d["secret_hash"],
        client_uri=d.get("client_uri"),
    )


def encode_person(person: Person) -> bytes:
    return _dump({"subject": person.subject, "email": person.email, "tenant_id": person.tenant_id,
                  "organization_id": person.organization_id, "employee_id": person.employee_id})


def decode_person(raw: bytes | str) -> Person:
    return Person(**json.loads(raw))


def encode_consent(consent: Consent) -> bytes:
    return _dump({"subject": consent.subject, "client_id": consent.client_id, "scopes": sorted(consent.scopes),
                  "redirect_uris": sorted(consent.redirect_uris), "granted_at": _when(consent.granted_at)})


def decode_consent(raw: bytes | str) -> Consent:
    d = json.loads(raw)
    return Consent(subject=d["subject"], client_id=d["client_id"], scopes=frozenset(d["scopes"]),
                   redirect_uris=frozenset(d["redirect_uris"]), granted_at=datetime.fromisoformat(d["granted_at"]))


def _grant(grant: GrantScope) -> dict[str, Any]:
    return {"grant_id": grant.grant_id, "client_id": grant.client_id, "subject": grant.subject,
            "scopes": sorted(grant.scopes), "resource": grant.resource, "tenant_id": grant.tenant_id,
            "organization_id": grant.organization_id}


def _grant_from(d: dict[str, Any]) -> GrantScope:
    return GrantScope(grant_id=d["grant_id"], client_id=d["client_id"], subject=d["subject"],
                      scopes=frozenset(d["scopes"]), resource=d["resource"], tenant_id=d["tenant_id"],
                      organization_id=d["organization_id"])


def encode_code(code: AuthorizationCode) -> bytes:
    return _dump({"grant": _grant(code.grant), "redirect_uri": code.redirect_uri,
                  "code_challenge": code.code_challenge, "expires_at": _when(code.expires_at)})


def decode_code(raw: bytes | str) -> AuthorizationCode:
    d = json.loads(raw)
    return AuthorizationCode(grant=_grant_from(d["grant"]), redirect_uri=d["redirect_uri"],
                             code_challenge=d["code_challenge"], expires_at=datetime.fromisoformat(d["expires_at"]))


def encode_refresh(token: RefreshToken) -> bytes:
    return _dump({"grant": _grant(token.grant), "issued_at": _when(token.issued_at),
                  "expires_at": _when(token.expires_at)})


def decode_refresh(raw: bytes | str) -> RefreshToken:
    d = json.loads(raw)
    return RefreshToken(grant=_grant_from(d["grant"]), issued_at=datetime.fromisoformat(d["issued_at"]),
                        expires_at=datetime.fromisoformat(d["expires_at"]))


def encode_browser_session(session: BrowserSession) -> bytes:
    return _dump({"csrf_token": session.csrf_token, "created_at": _when(session.created_at),
                  "subject": session.subject, "notice": session.notice})


def decode_browser_session(raw: bytes | str) -> BrowserSession:
    d = json.loads(raw)
    return BrowserSession(csrf_token=d["csrf_token"], created_at=datetime.fromisoformat(d["created_at"]),
                          subject=d["subject"], notice=d.get("notice"))


def decode_text(raw: bytes | str) -> str:
    return raw.decode("utf-8") if isinstance(raw, bytes) else raw
