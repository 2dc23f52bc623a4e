"""Where the authorization server keeps clients, codes, refresh tokens, grants and consents."""

from adapters.outbound.oauth_store.in_memory import InMemoryOAuthStateStore
from adapters.outbound.oauth_store.redis_store import RedisOAuthStateStore

__all__ = ["InMemoryOAuthStateStore", "RedisOAuthStateStore"]
