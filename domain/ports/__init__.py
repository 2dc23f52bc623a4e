"""Ports: the Protocols the application depends on. Adapters implement them."""

from domain.ports.clock import Clock
from domain.ports.gauzy_api import GauzyApi
from domain.ports.rate_limiter import RateDecision, RateLimiter
from domain.ports.session_store import SessionStore
from domain.ports.token_verifier import TokenVerifier

__all__ = ["Clock", "GauzyApi", "RateDecision", "RateLimiter", "SessionStore", "TokenVerifier"]
