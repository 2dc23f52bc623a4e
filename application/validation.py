"""Validate a call's arguments against the schema `tools/list` publishes, then the input model.

The published schema is checked first (JSON Schema 2020-12, formats asserted), so a call is
accepted exactly when the schema a model read accepts it (docs/decisions/020). Two deliberate
differences stay on the model's side: enum fields also take the reference server's spellings
(`IN_PROGRESS`), and a long code list published as a pattern is checked code by code.
Failures name the field, the bad value and what is allowed.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema import ValidationError as SchemaError
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from application.catalog.schemas import input_schema
from domain.errors import InvalidInputError

SECRET_WORDS = ("password", "secret", "token")
MAX_VALUE_CHARS = 80
FORMAT_EXAMPLES = {"date": "ISO 8601 date (2026-11-21)", "date-time": "ISO 8601 date-time (2026-11-21T09:30:00Z)",
                   "uuid": "UUID"}
BOUNDS = {"minimum": "at least {}", "maximum": "at most {}", "exclusiveMinimum": "more than {}",
          "exclusiveMaximum": "less than {}", "minLength": "at least {} characters",
          "maxLength": "at most {} characters", "minItems": "at least {} items", "maxItems": "at most {} items"}


def validate_arguments(model: type[BaseModel], arguments: Mapping[str, Any] | None) -> BaseModel:
    values = dict(arguments or {})
    problems = schema_problems(model, values)
    if problems:
        raise InvalidInputError(problems)
    try:
        return model.model_validate(_integral_numbers_as_int(values))
    except ValidationError as error:
        raise InvalidInputError(describe(model, error)) from None


def _integral_numbers_as_int(value: Any) -> Any:
    """JSON Schema counts a number with no fractional part as an integer (2020-12 validation §6.1.1),
    whatever its size: pydantic refuses floats past 2**63 for int fields, so they become Python ints
    first and both sides agree."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _integral_numbers_as_int(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integral_numbers_as_int(item) for item in value]
    return value


@cache
def schema_validator(model: type[BaseModel]) -> Draft202012Validator:
    """One compiled validator per input model, built on first use."""
    return Draft202012Validator(input_schema(model), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_problems(model: type[BaseModel], values: Mapping[str, Any]) -> list[str]:
    """What the published schema refuses in `values`, one line per problem, sorted by field.
    A string outside an enum is left to the model, which also knows the reference's spellings."""
    errors = [e for e in schema_validator(model).iter_errors(values)
              if not (e.validator == "enum" and isinstance(e.instance, str))]
    return sorted({line for error in errors for line in _explain(error)})


def _explain(error: SchemaError) -> list[str]:
    where = ".".join(str(part) for part in error.absolute_path)
    prefix = where + "." if where else ""
    instance, kind, expected = error.instance, error.validator, error.validator_value
    if kind == "required":
        # The field's published description says what it is and which tool finds one.
        about = {name: (error.schema.get("properties", {}).get(name) or {}).get("description") for name in expected}
        return [f"{prefix}{name}: required" + (f" ({about[name]})" if about[name] else "")
                for name in expected if name not in instance]
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        return [f"{prefix}{name}: unknown parameter; allowed: {', '.join(allowed) or 'none'}"
                for name in instance if name not in allowed]
    if kind == "dependentRequired":
        return [f"{prefix}{name}: give both {name} and {' and '.join(others)}, or neither"
                for name, others in expected.items()
                if name in instance and any(other not in instance for other in others)]
    return [f"{where or '(arguments)'}: {_requirement(error)} (got {_shown(where, instance)})"]


def _requirement(error: SchemaError) -> str:
    kind, expected = error.validator, error.validator_value
    if kind == "type" and error.instance is None:
        return "null is not allowed; leave the parameter out instead"
    if kind == "type":
        return f"expected {' or '.join(expected) if isinstance(expected, list) else expected}"
    if kind == "format":
        return f"expected {FORMAT_EXAMPLES.get(expected, expected)}"
    if kind == "anyOf" and all("required" in option for option in expected):
        return " or ".join("give " + " and ".join(option["required"]) for option in expected)
    if kind == "anyOf" and all(set(option) == {"format"} for option in expected):
        return "expected " + " or ".join(FORMAT_EXAMPLES.get(o["format"], o["format"]) for o in expected)
    if kind == "pattern":
        return f"must match {expected}"
    if kind in BOUNDS:
        return "must be " + BOUNDS[str(kind)].format(expected)
    return f"does not satisfy {kind} {expected!r}"


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
