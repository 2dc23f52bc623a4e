"""The tool catalog: every toolset module's rows, in a stable order.

Each module in `application/catalog/toolsets/` declares `TOOLSET` and `TOOLS`; modules are
discovered, so adding a toolset is adding a file. Order: the toolsets named in FIRST, then
the rest by module name, each module's rows in the order written.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from application.catalog import toolsets
from application.catalog.catalog import Catalog

FIRST = ("discovery", "auth", "diagnostics", "projects", "tasks", "employees", "timer")


def toolset_modules() -> list[ModuleType]:
    names = sorted(info.name for info in pkgutil.iter_modules(toolsets.__path__))
    ordered = [n for n in FIRST if n in names] + [n for n in names if n not in FIRST]
    return [importlib.import_module(f"{toolsets.__name__}.{name}") for name in ordered]


def full_catalog() -> Catalog:
    return Catalog(tuple(tool for module in toolset_modules() for tool in module.TOOLS))


__all__ = ["Catalog", "full_catalog", "toolset_modules"]
