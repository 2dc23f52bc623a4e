"""Validation failures that name the field, the bad value and what is allowed."""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from domain.errors import InvalidInputError

SECRET_WORDS = ("password", "secret", "token")
MAX_VALUE_CHARS = 80


def validate_arguments(model: type[BaseModel], arguments: Mapping[str, Any] | None) -> BaseModel:
    try:
        return model.model_validate(dict(arguments or {}))
    except ValidationError as error:
        raise InvalidInputError(describe(model, error)) from None


def describe(model: type[BaseModel], error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "(arguments)"
        owner, field = _field_at(model, item["loc"])
        if item["type"] == "missing":
            # The field's description says what it is and which tool finds one.
            about = field.description if field is not None and field.description else ""
            problems.append(f"{where}: required" + (f" ({about})" if about else ""))
        elif item["type"] == "extra_forbidden":
            allowed = ", ".join(owner.model_fields) if owner is not None else ""
            problems.append(f"{where}: unknown parameter; allowed: {allowed or 'none'}")
        else:
            problems.append(f"{where}: {item['msg']} (got {_shown(where, item.get('input'))})")
    return problems


def _field_at(model: type[BaseModel], loc: Sequence[int | str]) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model that holds the field at `loc` (list indices skipped) and the field itself."""
    owner: type[BaseModel] | None = model
    field: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if owner is None or part not in owner.model_fields:
            return owner, None
        field = owner.model_fields[part]
        owner = _model_in(field.annotation)
    return owner, field


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as `Data`, `Data | None` or `list[Data]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _shown(where: str, value: Any) -> str:
    if any(word in where.lower() for word in SECRET_WORDS):
        return "<hidden>"
    text = repr(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 3] + "..."
