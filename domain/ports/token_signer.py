from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class TokenSigner(Protocol):
    """Signs the authorization server's access tokens and publishes the keys that verify them.

    Contract:
    - `sign` returns a compact JWS of `claims` with the header `typ: at+jwt` (RFC 9068 §2.1),
      the configured asymmetric `alg` and the current key's `kid`.
    - `verify` returns the claims of a token this server signed with any key it still
      publishes, when its signature is valid and `exp` has not passed; None for anything else
      (it never raises for a bad token). It checks no audience: callers compare what they need.
    - `public_jwks` is the JWK Set (RFC 7517 §5) of every key still publishing: the current
      one and retired ones whose tokens may not have expired. Public parameters only.
    - Key storage failures raise `StorageUnavailableError`.
    It does not promise: that a token survives the key store being wiped.
    """

    @property
    def algorithm(self) -> str: ...

    async def sign(self, claims: Mapping[str, Any]) -> str: ...

    async def verify(self, token: str) -> dict[str, Any] | None: ...

    async def public_jwks(self) -> dict[str, Any]: ...
