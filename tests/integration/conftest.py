"""Fixtures of the remote-transport and Redis-backed tests (see tests/remote.py)."""

from tests.remote import gauzy_double, redis_server

__all__ = ["gauzy_double", "redis_server"]
