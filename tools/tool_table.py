"""Print docs/tools.md: every tool of the catalog, and the reference tools left out, with why.

    python -m tools.tool_table > docs/tools.md      (or: make docs)

A toolset module may declare `REMOVED = {"tool_name": "reason"}` for reference tools that no
route of the real API can serve.
"""

from __future__ import annotations

from application.catalog import full_catalog, toolset_modules
from application.catalog.core import CORE_TOOLS


def access(tool_effect: str, admin: bool) -> str:
    return "admin" if admin else tool_effect


def render() -> str:
    catalog = full_catalog()
    lines = [
        "# Tools",
        "",
        "Generated from the catalog by `make docs` (`python -m tools.tool_table`); a test checks it is current.",
        "",
        f"{len(catalog)} tools in {len(catalog.toolsets)} toolsets. The {len(CORE_TOOLS)} marked ★ are the core set "
        "`tools/list` shows by default; `find_tools` finds every other one, and any of them can be called by name "
        "(`MCP_TOOLSETS=all` lists them all).",
        "",
        "| Tool | Toolset | Access | Gauzy routes |",
        "| --- | --- | --- | --- |",
    ]
    for tool in catalog:
        routes = "<br>".join(f"`{route}`" for route in tool.routes()) or "—"
        core = " ★" if tool.name in CORE_TOOLS else ""
        lines.append(f"| `{tool.name}`{core} | {tool.toolset} | {access(tool.effect.value, tool.admin)} | {routes} |")
    removed = {name: reason for module in toolset_modules() for name, reason in getattr(module, "REMOVED", {}).items()}
    lines += ["", "## Reference tools not offered", ""]
    if not removed:
        lines.append("None: every reference tool is offered.")
    else:
        lines += ["| Tool | Why |", "| --- | --- |"]
        lines += [f"| `{name}` | {reason} |" for name, reason in sorted(removed.items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
