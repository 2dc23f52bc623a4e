"""What a generic use case runs is declared on the tool's input model as a class variable
(`client_query`, `creates`, `updates`, `bulk_creates`), next to the fields it reads."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

T = TypeVar("T")


def declared(arguments: BaseModel, name: str, kind: type[T]) -> T:
    value = getattr(type(arguments), name, None)
    if not isinstance(value, kind):
        raise TypeError(f"{type(arguments).__name__} declares no {name} ({kind.__name__})")
    return value
