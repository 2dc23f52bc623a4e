"""Row builders for the common kinds of tool, so each toolset module reads as a table."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.catalog.model import BulkCall, Effect, Operation, ResourceCall, Shape, ToolSpec
from application.catalog.outputs import BulkOutput, CountOutput, PageOutput, RecordOutput

OUTPUT_BY_SHAPE: dict[Shape, type[BaseModel]] = {Shape.PAGE: PageOutput, Shape.COUNT: CountOutput}


def same(*names: str) -> dict[str, str]:
    """Input fields sent under the same name."""
    return {name: name for name in names}


def read(name: str, title: str, description: str, toolset: str, model: type[BaseModel], op: Operation,
         output: type[BaseModel] | None = None) -> ToolSpec:
    if output is None and isinstance(op, ResourceCall):
        output = OUTPUT_BY_SHAPE.get(op.shape)
    return ToolSpec(name=name, title=title, description=description, toolset=toolset, input_model=model,
                    effect=Effect.READ, operation=op, output_model=output, idempotent=True)


def write(name: str, title: str, description: str, toolset: str, model: type[BaseModel], op: Operation,
          *, idempotent: bool = False, output: type[BaseModel] | None = None) -> ToolSpec:
    if isinstance(op, BulkCall):
        output = BulkOutput
    return ToolSpec(name=name, title=title, description=description, toolset=toolset, input_model=model,
                    effect=Effect.WRITE, operation=op, output_model=output, idempotent=idempotent)


def delete(name: str, title: str, description: str, toolset: str, model: type[BaseModel], op: Operation,
           **extra: Any) -> ToolSpec:
    output = BulkOutput if isinstance(op, BulkCall) else None
    return ToolSpec(name=name, title=title, description=description, toolset=toolset, input_model=model,
                    effect=Effect.DESTRUCTIVE, operation=op, output_model=output, **extra)


RECORD = RecordOutput
