"""`gauzy-mcp --test` as a real process against the Gauzy double: each outcome has its own
message and a non-zero exit code for every failure."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.outbound.gauzy_model import GauzyDouble

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def double() -> Iterator[GauzyDouble]:
    with GauzyDouble() as started:
        yield started


def run_test_flag(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in an empty directory (no stray .env) with only the given Gauzy settings."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_"))}
    return subprocess.run(
        [sys.executable, "-m", "bootstrap.cli", "--test"],
        env={**inherited, **env}, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_success(double: GauzyDouble, tmp_path: Path) -> None:
    done = run_test_flag(tmp_path, API_BASE_URL=double.base_url + "/api",
                         GAUZY_AUTH_EMAIL="admin@ever.co", GAUZY_AUTH_PASSWORD="admin")
    assert done.returncode == 0, done.stderr
    assert f"OK: Gauzy at {double.base_url}/api is reachable." in done.stdout
    assert "OK: signed in as admin@ever.co" in done.stdout
    assert "FAILED" not in done.stdout + done.stderr


def test_wrong_password(double: GauzyDouble, tmp_path: Path) -> None:
    done = run_test_flag(tmp_path, API_BASE_URL=double.base_url,
                         GAUZY_AUTH_EMAIL="admin@ever.co", GAUZY_AUTH_PASSWORD="not-the-password")
    assert done.returncode == 3
    assert "Gauzy did not accept GAUZY_AUTH_EMAIL/GAUZY_AUTH_PASSWORD" in done.stderr
    assert "not-the-password" not in done.stdout + done.stderr


def test_unreachable_api(tmp_path: Path) -> None:
    url = closed_port_url()
    done = run_test_flag(tmp_path, API_BASE_URL=url, GAUZY_AUTH_EMAIL="admin@ever.co", GAUZY_AUTH_PASSWORD="admin")
    assert done.returncode == 1
    assert f"Cannot reach Gauzy at {url}" in done.stderr and "Check API_BASE_URL" in done.stderr


def test_missing_credentials(double: GauzyDouble, tmp_path: Path) -> None:
    done = run_test_flag(tmp_path, API_BASE_URL=double.base_url)
    assert done.returncode == 4
    assert "set GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD or use the login tool" in done.stderr
