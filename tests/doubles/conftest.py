"""Fixtures for the Gauzy double; other suites reuse them.

* ``gauzy_double`` (function scope): a started :class:`GauzyDouble` with default settings, stopped after
  the test.
* ``gauzy_double_factory``: call it with ``GauzyDouble`` keyword arguments to get more / tuned doubles;
  all are stopped after the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from adapters.outbound.gauzy_model import GauzyDouble

GauzyDoubleFactory = Callable[..., GauzyDouble]


@pytest.fixture
def gauzy_double_factory() -> Iterator[GauzyDoubleFactory]:
    """Make started doubles; every one is stopped at teardown."""
    started: list[GauzyDouble] = []

    def make(**kwargs: Any) -> GauzyDouble:
        double = GauzyDouble(**kwargs).start()
        started.append(double)
        return double

    yield make
    for double in started:
        double.stop()
    for double in started:
        assert not double.unexpected_errors, "the Gauzy double crashed:\n" + "\n".join(double.unexpected_errors)


@pytest.fixture
def gauzy_double(gauzy_double_factory: GauzyDoubleFactory) -> GauzyDouble:
    """A started double with the seeded demo data."""
    return gauzy_double_factory()


@pytest.fixture
def gauzy_client(gauzy_double: GauzyDouble) -> Iterator[httpx.Client]:
    """An ``httpx.Client`` whose base URL is the ``gauzy_double``."""
    with httpx.Client(base_url=gauzy_double.base_url, timeout=10) as client:
        yield client
