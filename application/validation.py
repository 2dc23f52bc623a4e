"""Validation failures that name the field, the bad value and what is allowed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

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
        if item["type"] == "missing":
            problems.append(f"{where}: required")
        elif item["type"] == "extra_forbidden":
            allowed = ", ".join(model.model_fields) or "none"
            problems.append(f"{where}: unknown parameter; allowed: {allowed}")
        else:
            problems.append(f"{where}: {item['msg']} (got {_shown(where, item.get('input'))})")
    return problems


def _shown(where: str, value: Any) -> str:
    if any(word in where.lower() for word in SECRET_WORDS):
        return "<hidden>"
    text = repr(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 3] + "..."
