"""The embedded authorization server's signing keys and the access-token signer."""

from adapters.outbound.signing_keys.signer import JwtTokenSigner
from adapters.outbound.signing_keys.storage import FileKeyStorage, InMemoryKeyStorage, RedisKeyStorage

__all__ = ["FileKeyStorage", "InMemoryKeyStorage", "JwtTokenSigner", "RedisKeyStorage"]
