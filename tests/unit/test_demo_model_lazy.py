"""The demo's Gauzy model is built on the first Gauzy call, not when the server starts: start-up
parses no reference JSON and imports none of the model's modules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from adapters.outbound.gauzy_model.in_process import InMemoryGauzyApi
from tests.clock import ManualClock

PROBE = """
import sys
from bootstrap.container import build_container
from bootstrap.settings import Settings
build_container(Settings()).gauzy_api()
print(sorted(m for m in sys.modules if m.startswith("adapters.outbound.gauzy_model.")))
"""


def test_starting_the_demo_imports_no_model_module() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "['adapters.outbound.gauzy_model.in_process']"


@pytest.mark.anyio
async def test_the_first_call_builds_the_model_with_the_seed_story() -> None:
    gauzy = InMemoryGauzyApi(ManualClock())
    credential = await gauzy.login("admin@ever.co", "admin")
    assert len(gauzy.model.seed.employee_ids) == 10 and len(gauzy.model.seed.project_ids) == 10
    assert len(gauzy.model.seed.task_ids) == 50 and credential.employee_id == gauzy.model.seed.admin_employee_id
