"""Session <-> JSON for stores outside the process; the credential is sealed, never plain."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from datetime import datetime
from typing import Any, Protocol

from domain.principal import GauzyCredential
from domain.session import Session

log = logging.getLogger(__name__)
FORMAT_VERSION = 1


class Cipher(Protocol):
    def seal(self, plaintext: bytes, associated: bytes) -> str: ...

    def open(self, token: str, associated: bytes) -> bytes: ...


def encode_session(session: Session, cipher: Cipher) -> bytes:
    document = {
        "v": FORMAT_VERSION,
        "key": session.key,
        "subject": session.subject,
        "createdAt": session.created_at.isoformat(),
        "lastSeenAt": session.last_seen_at.isoformat(),
        "fingerprint": session.fingerprint,
        "attributes": session.attributes,
        "credential": _seal(session.credential, session.key, cipher),
    }
    return json.dumps(document, separators=(",", ":")).encode("utf-8")


def decode_session(raw: bytes | str, cipher: Cipher) -> Session:
    document = json.loads(raw)
    return Session(
        key=document["key"],
        subject=document["subject"],
        created_at=datetime.fromisoformat(document["createdAt"]),
        last_seen_at=datetime.fromisoformat(document["lastSeenAt"]),
        credential=_open(document.get("credential"), document["key"], cipher),
        fingerprint=document.get("fingerprint"),
        attributes=dict(document.get("attributes") or {}),
    )


def _seal(credential: GauzyCredential | None, key: str, cipher: Cipher) -> str | None:
    if credential is None:
        return None
    fields: dict[str, Any] = asdict(credential)
    fields["expires_at"] = credential.expires_at.isoformat() if credential.expires_at else None
    return cipher.seal(json.dumps(fields).encode("utf-8"), key.encode("utf-8"))


def _open(sealed: str | None, key: str, cipher: Cipher) -> GauzyCredential | None:
    if sealed is None:
        return None
    try:
        fields = json.loads(cipher.open(sealed, key.encode("utf-8")))
    except Exception:  # any failure (wrong key, altered or malformed blob) means the sign-in is lost
        # Another instance with a different MCP_SESSION_SECRET wrote it, or it was altered:
        # the session survives, signed out, rather than failing every call.
        log.warning("a stored Gauzy credential could not be decrypted; the session is treated as signed out "
                    "(do all instances share the same MCP_SESSION_SECRET?)")
        return None
    expires = fields.pop("expires_at")
    return GauzyCredential(**fields, expires_at=datetime.fromisoformat(expires) if expires else None)
