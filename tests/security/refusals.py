"""Asserting a refusal: the logged reason names the failed check, the client message does not."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from domain.errors import InvalidTokenError

GENERIC = "The access token is missing, invalid or expired."


@contextmanager
def refused(reason: str = "") -> Iterator[None]:
    """The block raises `InvalidTokenError` whose log-only reason contains `reason`
    (case-insensitive) and whose client-facing text is the generic one."""
    with pytest.raises(InvalidTokenError) as caught:
        yield
    assert reason.lower() in caught.value.reason.lower(), caught.value.reason
    assert str(caught.value).startswith(GENERIC)
    assert caught.value.reason not in str(caught.value) or not caught.value.reason
