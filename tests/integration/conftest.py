"""Fixtures of the remote-transport and Redis-backed tests (see tests/remote.py)."""

from tests.remote import redis_server

__all__ = ["redis_server"]
