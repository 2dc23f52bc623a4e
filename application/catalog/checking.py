"""Which read tool shows whether a write happened: for a change whose answer was lost.

Derived from the routes, not kept by hand: the read tool of the same toolset whose GET
route shares the most leading path segments with the write's route (`PUT /api/tasks/{id}`
-> `GET /api/tasks/{id}`, `POST /api/tasks` -> `GET /api/tasks`); on a tie, the shorter
route (the list), which shows a new record as well as a changed one.
"""

from __future__ import annotations

from collections.abc import Iterable

from application.catalog.model import ToolSpec


def _segments(route: str) -> list[str]:
    return route.partition(" ")[2].strip("/").split("/")


def _shared(left: list[str], right: list[str]) -> int:
    count = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        count += 1
    return count


def checking_tool(write: ToolSpec, tools: Iterable[ToolSpec]) -> str | None:
    """The read tool to call to see whether `write` was applied, or None when there is none."""
    routes = write.routes()
    if not routes:
        return None
    target = _segments(routes[0])
    best: tuple[int, int, str] | None = None
    for tool in tools:
        if not tool.read_only or tool.toolset != write.toolset:
            continue
        for route in (r for r in tool.routes() if r.startswith("GET ")):
            segments = _segments(route)
            rank = (_shared(target, segments), -len(segments), tool.name)
            if rank[0] >= 2 and (best is None or rank[:2] > best[:2]):
                best = rank
    return best[2] if best else None
