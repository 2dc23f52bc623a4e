"""Arguments for calling every tool with only what the reference marks required.

Each module here holds `SAMPLES: {tool name: arguments}` for some toolsets. Values that
start with `$` are filled in at run time by `tests.tool_harness.resolve` from earlier
results (ids of existing or freshly created records), so no id is hard-coded.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def all_samples() -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        overlap = merged.keys() & module.SAMPLES.keys()
        assert not overlap, f"samples defined twice: {sorted(overlap)}"
        merged.update(module.SAMPLES)
    return merged
