"""Hypothesis strategies built from the tools' input models (their JSON Schemas)."""

from __future__ import annotations

import string
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from application.catalog.fields import UUID_PATTERN

TEXT = st.text(alphabet=string.ascii_letters + string.digits + " -_", min_size=1, max_size=20)
DATES = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC).isoformat()
)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "anyOf" in schema:
        return st.one_of([from_schema(option) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        return _object(schema)
    if kind == "array":
        items = from_schema(schema.get("items", {"type": "string"}))
        return st.lists(items, min_size=max(schema.get("minLength", 0), schema.get("minItems", 0), 0),
                        max_size=min(schema.get("maxItems", 3), 3))
    return _scalar(kind, schema)


def _scalar(kind: str | None, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if kind == "string":
        if schema.get("pattern") == UUID_PATTERN:
            return st.uuids().map(str)
        if "ISO 8601" in schema.get("description", ""):
            return DATES
        if "@" in schema.get("pattern", ""):
            return st.emails()
        return TEXT.filter(lambda s: schema.get("minLength", 0) <= len(s) <= schema.get("maxLength", 10_000))
    if kind == "integer":
        low = schema.get("minimum", 0)
        return st.integers(min_value=low, max_value=schema.get("maximum", low + 1000))
    if kind == "number":
        return st.floats(min_value=schema.get("minimum", 0), max_value=1e6, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return st.none()


def _object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    if not properties:
        return st.just({})
    required = set(schema.get("required", ()))
    return st.fixed_dictionaries(
        {name: from_schema(sub) for name, sub in properties.items() if name in required},
        optional={name: from_schema(sub) for name, sub in properties.items() if name not in required},
    )


def wrong_value_for(schema: dict[str, Any]) -> Any:
    """A value no field of this schema accepts: an object where a scalar or list belongs, a
    string where an object belongs."""
    kinds = {option.get("type") for option in schema.get("anyOf", [schema])}
    return "not an object" if "object" in kinds else {"unexpected": [1, 2]}


__all__ = ["from_schema", "wrong_value_for"]
