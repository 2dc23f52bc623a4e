"""PKCE (RFC 7636), S256 only, mandatory for every client (RFC 9700 §2.1.1)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

# RFC 7636 §4.1: code_verifier = 43*128 unreserved characters.
VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
# RFC 7636 §4.2: BASE64URL(SHA256(verifier)) without padding is always 43 characters.
S256_CHALLENGE = re.compile(r"[A-Za-z0-9\-_]{43}")


def challenge_problem(challenge: str | None, method: str | None) -> str | None:
    """Why an authorization request's PKCE parameters are refused (`invalid_request`), or None."""
    if not challenge:
        return "code_challenge is required: this server requires PKCE (RFC 9700 §2.1.1)"
    if method != "S256":
        # RFC 7636 §4.3 defaults a missing method to "plain", which we refuse like an explicit one.
        return "code_challenge_method must be S256; plain is not supported (RFC 7636 §4.2, RFC 9700 §2.1.1)"
    if not S256_CHALLENGE.fullmatch(challenge):
        return "code_challenge must be 43 base64url characters, an S256 digest (RFC 7636 §4.2)"
    return None


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verifier_matches(verifier: str | None, challenge: str | None) -> bool:
    """RFC 7636 §4.6: S256(verifier) equals the stored challenge, compared in constant time.
    A malformed verifier, or a code that has no stored challenge, never matches."""
    if not verifier or not challenge or not VERIFIER.fullmatch(verifier):
        return False
    return hmac.compare_digest(s256(verifier), challenge)
