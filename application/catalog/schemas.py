"""The schema compiler: a tool's pydantic models become the compact JSON Schema 2020-12 that
`tools/list` publishes and that validation checks calls against (docs/decisions/020).

Every byte here is read by a model before the user's first word, so the compiler drops what
pydantic adds for its own sake and keeps what a model needs: required fields, real enums,
formats and the bounds that matter.

- `$ref`s are inlined: some assistants read only flat schemas.
- No generated `title`s; `default: null` is dropped.
- An optional input field is its plain type, not `anyOf [T, null]`: leave it out instead of
  sending null. Outputs keep `null` in `type`, because Gauzy answers with nulls.
- The UUID pattern becomes `format: uuid` (formats are asserted on our side).
- An enum of more than `LONG_ENUM` codes (currencies) becomes a pattern, a few `examples`
  and a short description; the input model still checks the full list.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from application.catalog.fields import UUID_PATTERN
from application.catalog.model import Effect, ToolSpec
from application.catalog.outputs import PageOutput, RecordOutput

LONG_ENUM = 24
# Outputs that say no more than "{items, total}" or "the record" (the server's instructions say so once):
# their structured content is still sent, but a schema of "objects" would cost ~24 KB and tell nobody anything.
UNTYPED_OUTPUTS = (PageOutput, RecordOutput)
# What `tools/list` carries: what a model needs to choose a tool and call it. The display title and the
# output schema are in the full definition, which get_tool_schemas returns (docs/decisions/020).
LISTED_KEYS = ("name", "description", "inputSchema", "annotations")
ID_DESCRIPTION = "A Gauzy id (UUID)."
# Keywords whose value is a map of names to subschemas, a subschema, or a list of subschemas.
SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs")
SCHEMA_VALUES = ("items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames")
SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")


def tool_definition(spec: ToolSpec) -> dict[str, Any]:
    """The tool's full definition (MCP `Tool`, wire spelling), as get_tool_schemas returns it."""
    definition: dict[str, Any] = {"name": spec.name, "title": spec.title, "description": spec.description,
                                  "inputSchema": input_schema(spec.input_model)}
    if spec.output_model is not None and spec.output_model not in UNTYPED_OUTPUTS:
        definition["outputSchema"] = output_schema(spec.output_model)
    if hints := annotation_hints(spec):
        definition["annotations"] = hints
    return definition


def listed_definition(definition: dict[str, Any]) -> dict[str, Any]:
    """The part of a full definition `tools/list` publishes: every byte of it is read by a model
    before the user's first word, for every tool listed."""
    return {key: value for key, value in definition.items() if key in LISTED_KEYS}


def annotation_hints(spec: ToolSpec) -> dict[str, bool]:
    """Only the hints that differ from MCP's defaults (not read-only, destructive, not idempotent,
    open world): the defaults would cost bytes on every tool and say nothing."""
    if spec.read_only:
        return {"readOnlyHint": True}
    hints = {} if spec.effect is Effect.DESTRUCTIVE else {"destructiveHint": False}
    return {**hints, "idempotentHint": True} if spec.idempotent else hints


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    return compile_schema(model.model_json_schema(), nullable=False)


def output_schema(model: type[BaseModel]) -> dict[str, Any]:
    return compile_schema(model.model_json_schema(mode="serialization"), nullable=True)


def compile_schema(schema: dict[str, Any], *, nullable: bool) -> dict[str, Any]:
    """`schema` as pydantic generates it, compacted; `nullable`: keep null as an allowed type."""
    compiled: dict[str, Any] = _node(inline_refs(schema), nullable)
    return compiled


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Replace `$ref`s by their definitions: some assistants read only flat schemas."""
    definitions = {name: _undocumented(sub) for name, sub in schema.get("$defs", {}).items()}

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:  # a field's own keywords (its description) sit beside the $ref
                siblings = {key: value for key, value in node.items() if key != "$ref"}
                return resolve({**definitions[node["$ref"].rsplit("/", 1)[-1]], **siblings})
            return {key: resolve(value) for key, value in node.items() if key != "$defs"}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(_undocumented(schema))
    return resolved


def _undocumented(model_schema: dict[str, Any]) -> dict[str, Any]:
    """A model's docstring (pydantic's `description` of it) is written for developers; the tool's
    description and each field's own tell a model what it needs."""
    return {key: value for key, value in model_schema.items() if key != "description"}


def _node(node: dict[str, Any], nullable: bool) -> dict[str, Any]:
    node = _without_null(node, nullable)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if not _says_nothing(key, value, node, nullable):
            out[key] = _keyword(key, value, nullable)
    return _long_enum(_uuid(out))


def _says_nothing(key: str, value: Any, node: dict[str, Any], nullable: bool) -> bool:
    """Keywords that change nothing a validator or a model would do with the schema."""
    return (key == "title" or (key == "default" and (value is None or nullable))  # an answer has no default
            or (key == "additionalProperties" and value is True)  # the default
            or (key == "type" and value == "string" and isinstance(node.get("enum"), list)
                and len(node["enum"]) <= LONG_ENUM and all(isinstance(v, str) for v in node["enum"])))


def _keyword(key: str, value: Any, nullable: bool) -> Any:
    if key in SCHEMA_MAPS and isinstance(value, dict):
        return {name: _node(sub, nullable) for name, sub in value.items()}
    if key in SCHEMA_VALUES and isinstance(value, dict):
        return _node(value, nullable)
    if key in SCHEMA_LISTS and isinstance(value, list):
        return [_node(sub, nullable) if isinstance(sub, dict) else sub for sub in value]
    return value


def _without_null(node: dict[str, Any], nullable: bool) -> dict[str, Any]:
    """`anyOf [T, {type: null}]` (pydantic's `T | None`) as T itself, or T with `null` in its type."""
    options = node.get("anyOf")
    if not isinstance(options, list) or {"type": "null"} not in options:
        return node
    rest = [option for option in options if option != {"type": "null"}]
    outer = {key: value for key, value in node.items() if key != "anyOf"}
    if len(rest) != 1:
        merged = {**outer, "anyOf": rest + ([{"type": "null"}] if nullable else [])}
    else:
        inner = dict(rest[0])
        if "description" in outer:  # the field's own words beat the shared type's boilerplate
            inner.pop("description", None)
        merged = {**inner, **outer}
        if nullable:
            merged = _with_null_type(merged)
    return merged


def _with_null_type(node: dict[str, Any]) -> dict[str, Any]:
    kind = node.get("type")
    if isinstance(kind, str):
        return {**node, "type": [kind, "null"]}
    return {"anyOf": [node, {"type": "null"}]}


def _uuid(node: dict[str, Any]) -> dict[str, Any]:
    if node.get("pattern") != UUID_PATTERN:
        return node
    node = {key: value for key, value in node.items() if key != "pattern"}
    if node.get("description") == ID_DESCRIPTION:
        del node["description"]
    return {**node, "format": "uuid"}


def _long_enum(node: dict[str, Any]) -> dict[str, Any]:
    """A code list too long to publish: a pattern every code matches, and a few examples."""
    codes = node.get("enum")
    if not isinstance(codes, list) or len(codes) <= LONG_ENUM or not all(isinstance(c, str) for c in codes):
        return node
    node = {key: value for key, value in node.items() if key != "enum"}
    described = f"{node.get('description', '')} One of {len(codes)} codes.".strip()
    examples = [codes[i] for i in _example_positions(codes)]
    return {**node, "pattern": code_pattern(codes), "description": described, "examples": examples}


# Examples a model recognises: the common currencies, the record kinds it meets most.
PREFERRED_EXAMPLES = ("USD", "EUR", "GBP", "Task", "OrganizationProject", "Employee")


def _example_positions(codes: list[str]) -> list[int]:
    preferred = [codes.index(code) for code in PREFERRED_EXAMPLES if code in codes]
    return preferred or list(range(min(3, len(codes))))


def code_pattern(codes: list[str]) -> str:
    """The tightest simple pattern all `codes` match: `^[A-Z]{3}$` for currency codes."""
    lengths = sorted({len(code) for code in codes})
    size = f"{{{lengths[0]}}}" if len(lengths) == 1 else f"{{{lengths[0]},{lengths[-1]}}}"
    for charset in ("A-Z", "A-Za-z", "A-Za-z0-9", r"A-Za-z0-9_\-"):
        if all(re.fullmatch(f"[{charset}]+", code) for code in codes):
            return f"^[{charset}]{size}$"
    return ".+"
