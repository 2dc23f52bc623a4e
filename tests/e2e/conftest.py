"""Fixtures of the end-to-end tests: the remote-transport and Redis-backed tests (see
tests/remote.py), and `backend_client`, which runs a test once on the in-memory demo Gauzy,
once on the Gauzy API double (the real REST adapter over HTTP) and once on a real Gauzy API
when GAUZY_REAL_URL names one (see tests/live.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractAsyncContextManager

import pytest
from mcp import Client

from adapters.outbound.gauzy_model import GauzyDouble
from bootstrap.container import Container
from tests.demo import demo_client, demo_container
from tests.e2e.time_tracking import time_demo  # noqa: F401 - a fixture of the time-tracking suites
from tests.live import LIVE, LIVE_EMAIL, LIVE_PASSWORD, live_url
from tests.remote import redis_server

__all__ = ["BackendClient", "backend_client", "demo_backend", "double_backend", "redis_server"]

BackendClient = Callable[[], AbstractAsyncContextManager[Client]]
"""Opens an MCP client, signed in as the backend's admin, on the backend a test was given."""


@pytest.fixture(scope="module")
def demo_backend() -> Container:
    """One demo Gauzy per test module, so its tests share (and may build on) its state."""
    return demo_container()


@pytest.fixture(scope="module")
def double_backend() -> Iterator[GauzyDouble]:
    """One Gauzy API double per test module, started on loopback."""
    with GauzyDouble() as running:
        yield running


@pytest.fixture(params=["demo", "double", LIVE])
def backend_client(request: pytest.FixtureRequest) -> BackendClient:
    """A factory of MCP clients on the demo Gauzy, the Gauzy API double or the real API.

    The double throttles login like Gauzy (5 a minute), so its throttle is reset before each
    client signs in. The backend only starts when a test asks for it."""
    if request.param == "demo":
        container: Container = request.getfixturevalue("demo_backend")
        return lambda: demo_client(container)
    if request.param == "live":
        url = live_url()
        return lambda: demo_client(api_base_url=url, auth_email=LIVE_EMAIL, auth_password=LIVE_PASSWORD)
    double: GauzyDouble = request.getfixturevalue("double_backend")

    def on_double() -> AbstractAsyncContextManager[Client]:
        double.reset_throttle()
        return demo_client(api_base_url=double.base_url, auth_email="admin@ever.co", auth_password="admin")

    return on_double
