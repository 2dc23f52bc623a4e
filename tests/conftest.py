"""Fixtures shared by every kind of test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = Path(os.environ.get("GAUZY_REFERENCE_DIR", ROOT.parent / "shared" / "reference"))


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    if not (REFERENCE_DIR / "gauzy-api-routes.json").is_file():
        pytest.fail(f"reference facts not found in {REFERENCE_DIR}; set GAUZY_REFERENCE_DIR")
    return REFERENCE_DIR


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, the loop the server itself uses."""
    return "asyncio"
