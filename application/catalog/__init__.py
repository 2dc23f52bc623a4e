"""The tool catalog: every toolset's rows, in a stable order."""

from __future__ import annotations

from application.catalog.catalog import Catalog
from application.catalog.toolsets import auth, diagnostics, employees, projects, tasks, timer

TOOLSETS = (auth, diagnostics, projects, tasks, employees, timer)


def full_catalog() -> Catalog:
    return Catalog(tuple(tool for module in TOOLSETS for tool in module.TOOLS))


__all__ = ["Catalog", "full_catalog"]
