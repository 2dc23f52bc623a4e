"""Hypothesis strategies built from the tools' published input schemas.

`from_schema` draws values the schema accepts (formats, patterns, bounds, required and
dependent fields); `mutated` spoils some of them, so a test sees both sides of every rule.
"""

from __future__ import annotations

import string
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st

TEXT = st.text(alphabet=string.ascii_letters + string.digits + " -_", min_size=1, max_size=20)
DATE_TIMES = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC).isoformat()
)
DATES = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
FORMATS: dict[str, st.SearchStrategy[str]] = {
    "uuid": st.uuids().map(str), "date": DATES, "date-time": DATE_TIMES, "email": st.emails(),
}
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=5,
)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "anyOf" in schema:  # an option narrows its parent (`{type: string, anyOf: [{format: date}, ...]}`)
        parent = {key: value for key, value in schema.items() if key != "anyOf"}
        return st.one_of([from_schema({**parent, **option}) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**schema, "type": one}) for one in kind])
    if kind == "object":
        return _object(schema)
    if kind == "array":
        items = from_schema(schema.get("items", {"type": "string"}))
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=min(schema.get("maxItems", 3), 3))
    return _scalar(kind, schema)


def _scalar(kind: str | None, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        return _number(kind, schema)
    if kind == "boolean":
        return st.booleans()
    return ANY_JSON if kind is None else st.none()


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    if "examples" in schema:  # a long code list: its examples, and other strings the pattern allows
        return st.sampled_from(schema["examples"])
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True)
    low, high = schema.get("minLength", 0), schema.get("maxLength", 10_000)
    return TEXT.filter(lambda s: low <= len(s) <= high)


def _number(kind: str, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    low = schema.get("minimum", schema.get("exclusiveMinimum", -10))
    high = schema.get("maximum", schema.get("exclusiveMaximum", low + 1000))
    values: st.SearchStrategy[Any] = (st.integers(min_value=int(low), max_value=int(high)) if kind == "integer"
                                      else st.floats(min_value=low, max_value=high, allow_nan=False))
    return values.filter(lambda v: v != schema.get("exclusiveMinimum") and v != schema.get("exclusiveMaximum"))


def _object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    objects = st.fixed_dictionaries(
        {name: from_schema(sub) for name, sub in properties.items() if name in required},
        optional={name: from_schema(sub) for name, sub in properties.items() if name not in required},
    )
    dependent = schema.get("dependentRequired", {})
    return objects.filter(lambda value: all(set(dependent[name]) <= set(value) for name in value if name in dependent))


@st.composite
def mutated(draw: st.DrawFn, schema: dict[str, Any]) -> Any:
    """Arguments drawn from `schema`, then (mostly) spoiled at one place: a field set to any JSON
    value, a required field dropped, or an unknown field added."""
    value = draw(from_schema(schema))
    if not isinstance(value, dict) or draw(st.integers(0, 3)) == 0:
        return value
    target = _pick_object(draw, value)
    how = draw(st.sampled_from(("replace", "drop", "add")))
    if how == "replace" and target:
        target[draw(st.sampled_from(sorted(target)))] = draw(ANY_JSON)
    elif how == "drop" and target:
        del target[draw(st.sampled_from(sorted(target)))]
    else:
        target[draw(TEXT)] = draw(ANY_JSON)
    return value


def _pick_object(draw: st.DrawFn, value: dict[str, Any]) -> dict[str, Any]:
    """`value` or one of the objects nested in it."""
    nested = [v for v in value.values() if isinstance(v, dict)]
    nested += [item for v in value.values() if isinstance(v, list) for item in v if isinstance(item, dict)]
    return draw(st.sampled_from([value, *nested]))


def wrong_value_for(schema: dict[str, Any]) -> Any:
    """A value no field of this schema accepts: an object where a scalar or list belongs, a
    string where an object belongs."""
    kinds: set[str] = set()
    for option in schema.get("anyOf", [schema]):
        kind = option.get("type")
        kinds.update(kind if isinstance(kind, list) else [kind])
    return "not an object" if "object" in kinds else {"unexpected": [1, 2]}


__all__ = ["from_schema", "mutated", "wrong_value_for"]
