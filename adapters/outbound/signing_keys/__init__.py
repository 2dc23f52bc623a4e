"""The embedded authorization server's signing keys and the access-token signer."""

from adapters.outbound.signing_keys.signer import JwtTokenSigner
from adapters.outbound.signing_keys.storage import FileKeyStorage, RedisKeyStorage

__all__ = ["FileKeyStorage", "JwtTokenSigner", "RedisKeyStorage"]
