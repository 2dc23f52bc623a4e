"""Nest ValidationPipe + class-validator over the DTOs of gauzy-contracts.json.

Facts and rules (contracts ``legend`` and ``dtos``; Nest/class-validator behaviour):

* Only DTOs whose route says ``validated: true`` are checked (``body.validated`` / ``query.validated``);
  interfaces, ``DeepPartial<T>``, ``FindOptionsWhere<T>`` and ``any`` are never validated.
* A missing body becomes ``{}`` (ValidationPipe ``toEmptyIfNil``); a body that is not an object fails
  with class-validator's ``an unknown value was passed to the validate function``.
* ``IsOptional`` skips a field that is null/undefined; ``ValidateIf((it) => ...)`` skips it when the
  condition is false ("conditional" rules: organizationId / organization / sentTo, user / userId ...).
  All conditions must hold (class-validator ANDs them). Otherwise every constraint runs, also on
  undefined values (skipMissingProperties is off).
* Constraint messages of one property come in registration order: decorators register bottom-up,
  so the last decorator in the source (last in ``validators``) reports first.
* ``ValidateNested`` checks the nested DTO (``nestedDto``); Nest prefixes nested messages with the
  parent path (``where.organizationId must be a UUID``).
* ``whitelist: true`` (``unknownFieldsStripped`` / ``unknownParamsStripped``) removes properties
  without any class-validator decorator, recursively inside validated nested objects.
* Transforms that change what is validated are applied: ``Number.parseInt`` (take/skip),
  ``parseToBoolean``, ``parseRelationsString``.
"""

from __future__ import annotations

import re
from typing import Any

from .validators import Context, check, js_truthy, split_decorator

UNKNOWN_VALUE = "an unknown value was passed to the validate function"
_NOT_CHECKS = {"IsOptional", "ValidateIf", "ValidateNested", "Type", "Transform"}
_MISSING = object()


def _js_parse_int(value: Any) -> Any:
    found = re.match(r"^\s*([+-]?\d+)", str(value)) if value is not None else None
    return int(found.group(1)) if found else float("nan")


def _transform(field: dict[str, Any], value: Any) -> Any:
    """Apply the field's ``transforms`` that change validation outcomes."""
    if value is _MISSING:
        return value
    transforms = " ".join(field.get("transforms") or [])
    if "Number.parseInt" in transforms:
        return _js_parse_int(value)
    if "parseToBoolean" in transforms and isinstance(value, str):
        lowered = value.strip().lower()
        return {"true": True, "1": True, "false": False, "0": False}.get(lowered, value)
    if "parseRelationsString" in transforms:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, list):
            return [v.strip() for v in value if isinstance(v, str) and v.strip()]
        return [] if value is None else value
    return value


def _condition(decorator: str, obj: dict[str, Any]) -> bool:
    """Evaluate ``IsOptional()`` / ``ValidateIf((it) => !it.a && !it.b)`` for one object."""
    name, args = split_decorator(decorator)
    if name != "ValidateIf":
        return True
    body = args.split("=>", 1)[1].strip() if "=>" in args else ""
    if not body:
        return True
    alternatives = []
    for alternative in body.split("||"):
        terms = []
        for raw in alternative.split("&&"):
            term = raw.strip().strip("()").strip()
            negate = term.startswith("!")
            term = term.lstrip("!").strip()
            compare = re.match(r"^\w+\.(\w+)\s*!=\s*null$", term)
            if compare:
                terms.append(obj.get(compare.group(1)) is not None)
                continue
            prop = re.match(r"^\w+\.(\w+)$", term)
            if not prop:
                terms.append(True)
                continue
            truthy = js_truthy(obj.get(prop.group(1)))
            terms.append(not truthy if negate else truthy)
        alternatives.append(all(terms))
    return any(alternatives)


class Validator:
    """Validates payloads against named DTOs of the contracts."""

    def __init__(self, dtos: dict[str, Any]) -> None:
        self._dtos = dtos

    def knows(self, dto: str | None) -> bool:
        """True when ``dto`` is described in contracts ``dtos``."""
        return bool(dto) and dto in self._dtos

    def validate(self, dto: str, payload: Any, ctx: Context, whitelist: bool = False) -> tuple[list[str], Any]:
        """Return (messages, payload after whitelist) for ``payload`` checked against ``dto``."""
        if payload is None:
            payload = {}
        if not isinstance(payload, dict):
            return [UNKNOWN_VALUE], payload
        messages: list[str] = []
        cleaned = self._object(dto, payload, ctx, whitelist, "", messages)
        return messages, cleaned

    def _object(
        self, dto: str, obj: dict[str, Any], ctx: Context, whitelist: bool, prefix: str, out: list[str]
    ) -> dict[str, Any]:
        fields = self._dtos.get(dto, {}).get("fields", [])
        kept: dict[str, Any] = {} if whitelist else dict(obj)
        for field in fields:
            name = field["name"]
            validators: list[str] = list(field.get("validators") or [])
            raw = obj.get(name, _MISSING)
            if whitelist and validators and raw is not _MISSING:
                kept[name] = raw
            value = _transform(field, raw)
            value_or_none = None if value is _MISSING else value
            if not self._applies(validators, obj, value_or_none):
                continue
            for decorator in reversed(validators):
                if split_decorator(decorator)[0] in _NOT_CHECKS:
                    continue
                message = check(decorator, value_or_none, obj, name, ctx)
                if message is not None:
                    out.append(prefix + message)
            nested = [v for v in validators if v.startswith("ValidateNested")]
            if nested and value_or_none is not None:
                result = self._nested(field, nested[0], value_or_none, ctx, whitelist, prefix, out)
                if whitelist and name in kept:
                    kept[name] = result
        return kept

    @staticmethod
    def _applies(validators: list[str], obj: dict[str, Any], value: Any) -> bool:
        for decorator in validators:
            name = split_decorator(decorator)[0]
            if name == "IsOptional" and value is None:
                return False
            if name == "ValidateIf" and not _condition(decorator, obj):
                return False
        return True

    def _nested(
        self,
        field: dict[str, Any],
        decorator: str,
        value: Any,
        ctx: Context,
        whitelist: bool,
        prefix: str,
        out: list[str],
    ) -> Any:
        name = field["name"]
        target = field.get("nestedDto")
        each = "each: true" in decorator
        if isinstance(value, list):
            items = []
            for index, item in enumerate(value):
                if isinstance(item, dict) and self.knows(target):
                    items.append(self._object(str(target), item, ctx, whitelist, f"{prefix}{name}.{index}.", out))
                else:
                    items.append(item)
                    if not isinstance(item, dict):
                        out.append(f"{prefix}{name}.{index}.nested property {index} must be either object or array")
            return items
        if isinstance(value, dict):
            if self.knows(target):
                return self._object(str(target), value, ctx, whitelist, f"{prefix}{name}.", out)
            return value
        prefix_each = "each value in " if each else ""
        out.append(f"{prefix}{prefix_each}nested property {name} must be either object or array")
        return value
