"""Shape what Gauzy answered into what a tool returns."""

from __future__ import annotations

from typing import Any

from application.catalog.model import Shape
from domain.errors import NotFoundError


def check_deleted(method: str, path: str, answer: Any) -> None:
    """Gauzy answers a DELETE of an unknown id with `affected: 0`, not 404: say it plainly."""
    if method == "DELETE" and isinstance(answer, dict) and answer.get("affected") == 0:
        raise NotFoundError(f"Nothing was deleted: no record at {path}.", hint="Check the id with a list tool.")


def shape_result(shape: Shape, answer: Any) -> Any:
    if shape is Shape.PAGE:
        if isinstance(answer, list):
            return {"items": answer, "total": len(answer)}
        if isinstance(answer, dict) and "items" in answer:
            return {"items": answer["items"], "total": answer.get("total", len(answer["items"]))}
    if shape is Shape.COUNT:
        if isinstance(answer, int | float):
            return {"count": int(answer)}
        for key in ("count", "total"):
            if isinstance(answer, dict) and key in answer:
                return {"count": int(answer[key])}
    return answer
