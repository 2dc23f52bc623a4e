"""Encryption of Gauzy credentials at rest: AES-256-GCM, key derived from MCP_SESSION_SECRET.

See docs/decisions/008-session-tokens-encrypted-at-rest.md for why AES-GCM and not Fernet.
"""

from __future__ import annotations

import base64
import logging
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

NONCE_BYTES = 12  # the GCM nonce size NIST SP 800-38D §8.2 recommends
HKDF_INFO = b"gauzy-mcp session credential v1"


class CredentialDecryptError(Exception):
    """The ciphertext was not made with this key (another secret) or was altered."""


class AesGcmTokenCipher:
    """Seals bytes with AES-256-GCM; the associated data (the session key) binds each
    ciphertext to its session, so a blob copied under another key does not decrypt."""

    def __init__(self, secret: str | None) -> None:
        if not secret:
            log.warning("MCP_SESSION_SECRET is not set: using a key for this process only; "
                        "stored sessions will not survive a restart or be shared between instances")
            secret = secrets.token_urlsafe(32)
        self._aead = AESGCM(_derive_key(secret))

    def seal(self, plaintext: bytes, associated: bytes) -> str:
        nonce = os.urandom(NONCE_BYTES)  # random 96-bit nonces: safe well below 2^32 seals per key
        sealed = self._aead.encrypt(nonce, plaintext, associated)
        return base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, token: str, associated: bytes) -> bytes:
        try:
            raw = base64.urlsafe_b64decode(token.encode("ascii"))
            return self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated)
        except (InvalidTag, ValueError) as error:
            raise CredentialDecryptError("stored credential does not decrypt with this key") from error


def _derive_key(secret: str) -> bytes:
    """A 256-bit key from a secret of any length (RFC 5869 HKDF-SHA256)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO)
    return hkdf.derive(secret.encode("utf-8"))
