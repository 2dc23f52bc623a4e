"""Fixtures shared by every kind of test."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, the loop the server itself uses."""
    return "asyncio"
