"""Single class-validator constraints with their default messages.

Facts: contracts ``dtos[].fields[].validators`` name the decorators in effect; the messages are
class-validator 0.14's defaults (``$property should not be empty``, ``$property must be a UUID``,
``$property must be one of the following values: <values joined by ", ">`` ...). UUIDs follow
validator.js ``isUUID(value, 'all')`` (versions 1-8, nil, max). Gauzy's own constraints are modelled
as ``tenancy.tenantOrganizationBaseDTO`` describes them (IsTenantBelongsToUser,
IsOrganizationBelongsToUser, ...), with the default messages of their constraint classes.
Constraints whose rule needs data the double does not model (IsBeforeDate, IsBetweenActivity,
IsRoleShouldExist, IsExpenseCategoryAlreadyExist, CustomLength) always pass.
"""

from __future__ import annotations

import json
import math
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

UUID_RE = re.compile(
    r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    r"|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$",
    re.IGNORECASE,
)
ISO_RE = re.compile(
    r"^[+-]?\d{4}(?:-?(?:0[1-9]|1[0-2])(?:-?(?:[12]\d|0[1-9]|3[01]))?)?"
    r"(?:[T ](?:[01]\d|2[0-3])(?::?[0-5]\d)?(?::?[0-5]\d(?:[.,]\d+)?)?"
    r"(?:[zZ]|[+-](?:[01]\d|2[0-3]):?(?:[0-5]\d)?)?)?$"
)
EMAIL_RE = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]{2,}$")
URL_RE = re.compile(
    r"^(?:(?:https?|ftp)://)?(?:[^\s:@/]+(?::[^\s:@/]*)?@)?"
    r"(?:(?:[a-z0-9\u00a1-\uffff-]+\.)+[a-z\u00a1-\uffff]{2,}|\d{1,3}(?:\.\d{1,3}){3})"
    r"(?::\d{1,5})?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
_QUOTED_RE = re.compile(r"'([^']*)'|\"([^\"]*)\"")

MESSAGES: dict[str, str] = {
    "IsNotEmpty": "{p} should not be empty",
    "ArrayNotEmpty": "{p} should not be empty",
    "IsString": "{p} must be a string",
    "IsUUID": "{p} must be a UUID",
    "IsBoolean": "{p} must be a boolean value",
    "IsNumber": "{p} must be a number conforming to the specified constraints",
    "IsInt": "{p} must be an integer number",
    "IsDateString": "{p} must be a valid ISO 8601 date string",
    "IsDate": "{p} must be a Date instance",
    "IsObject": "{p} must be an object",
    "IsArray": "{p} must be an array",
    "IsEnum": "{p} must be one of the following values: {c}",
    "IsIn": "{p} must be one of the following values: {c}",
    "IsEmail": "{p} must be an email",
    "IsUrl": "{p} must be a URL address",
    "Min": "{p} must not be less than {c}",
    "Max": "{p} must not be greater than {c}",
    "MinLength": "{p} must be longer than or equal to {c} characters",
    "MaxLength": "{p} must be shorter than or equal to {c} characters",
    "ArrayMaxSize": "{p} must contain no more than {c} elements",
    "IsNotEmptyObject": "{p} must be a non-empty object",
    "IsTimeZone": "{p} must be a valid IANA time-zone",
    "IsStrongPassword": "{p} is not strong enough",
    "Match": "The values do not match.",
}


@dataclass
class Context:
    """Who asks (JWT claims) and how to look up tenant-owned data."""

    tenant_id: str | None = None
    user_id: str | None = None
    organization_ids: frozenset[str] = frozenset()
    enums: dict[str, dict[str, Any]] = field(default_factory=dict)
    employee_in_org: Callable[[str, str], bool] = lambda _employee, _org: True


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness ({} and [] are truthy, NaN is not)."""
    if value is None or value is False or value == "":
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    return True


def is_empty(value: Any) -> bool:
    """``isEmpty`` of @gauzy/utils: undefined, null, '', [] and {} are empty."""
    return value is None or value == "" or value == [] or value == {}


def split_decorator(text: str) -> tuple[str, str]:
    """``IsEnum(TimeLogType, { each: true })`` -> ``("IsEnum", "TimeLogType, { each: true }")``."""
    name, _, rest = text.partition("(")
    return name.strip(), rest.rsplit(")", 1)[0].strip()


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _first_number(args: str) -> float:
    found = re.search(r"-?\d+(?:\.\d+)?", args)
    return float(found.group(0)) if found else 0.0


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def _timezone(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _strong(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return (
        len(value) >= 8
        and any(c.islower() for c in value)
        and any(c.isupper() for c in value)
        and any(c.isdigit() for c in value)
        and any(not c.isalnum() for c in value)
    )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _id_of(value: Any) -> Any:
    return value if isinstance(value, str) else (value.get("id") if isinstance(value, dict) else value)


_SIMPLE: dict[str, Callable[[Any], bool]] = {
    "IsNotEmpty": lambda v: v is not None and v != "",
    "ArrayNotEmpty": lambda v: isinstance(v, list) and len(v) > 0,
    "IsString": lambda v: isinstance(v, str),
    "IsUUID": lambda v: isinstance(v, str) and bool(UUID_RE.match(v)),
    "IsBoolean": lambda v: isinstance(v, bool),
    "IsNumber": lambda v: _number(v) and math.isfinite(v),
    "IsInt": lambda v: _number(v) and math.isfinite(v) and float(v).is_integer(),
    "IsDateString": lambda v: isinstance(v, str) and bool(ISO_RE.match(v)),
    "IsObject": lambda v: isinstance(v, dict),
    "IsArray": lambda v: isinstance(v, list),
    "IsEmail": lambda v: isinstance(v, str) and bool(EMAIL_RE.match(v)),
    "IsUrl": lambda v: isinstance(v, str) and bool(URL_RE.match(v)),
    "IsNotEmptyObject": lambda v: isinstance(v, dict) and len(v) > 0,
    "IsTimeZone": _timezone,
    "IsStrongPassword": _strong,
}


def check(decorator: str, value: Any, obj: dict[str, Any], prop: str, ctx: Context) -> str | None:
    """Run one decorator on ``value``; return its message, or None when it passes or is not modelled."""
    name, args = split_decorator(decorator)
    each = "each: true" in args.replace("  ", " ")
    if each and isinstance(value, list):
        failed = [m for v in value if (m := _check_one(name, args, v, obj, prop, ctx)) is not None]
        return f"each value in {failed[0]}" if failed else None
    return _check_one(name, args, value, obj, prop, ctx)


def _check_one(name: str, args: str, value: Any, obj: dict[str, Any], prop: str, ctx: Context) -> str | None:
    template = MESSAGES.get(name)
    if name in _SIMPLE:
        return None if _SIMPLE[name](value) else (template or "").format(p=prop, c="")
    if name == "IsDate":
        ok = isinstance(value, str) and bool(ISO_RE.match(value))
        return None if ok else MESSAGES["IsDate"].format(p=prop)
    if name in ("IsEnum", "IsIn"):
        if name == "IsEnum":
            values = list(ctx.enums.get(args.split(",")[0].strip(), {}).values())
            if not values:
                return None
        else:
            values = [a or b for a, b in _QUOTED_RE.findall(args)]
        constraint = ", ".join(str(v) for v in values)
        return None if value in values else MESSAGES[name].format(p=prop, c=constraint)
    if name in ("Min", "Max"):
        limit = _first_number(args)
        ok = _number(value) and (value >= limit if name == "Min" else value <= limit)
        return None if ok else MESSAGES[name].format(p=prop, c=_fmt(limit))
    if name in ("MinLength", "MaxLength", "ArrayMaxSize"):
        limit = _first_number(args)
        if name == "ArrayMaxSize":
            ok = isinstance(value, list) and len(value) <= limit
        else:
            ok = isinstance(value, str) and (len(value) >= limit if name == "MinLength" else len(value) <= limit)
        return None if ok else MESSAGES[name].format(p=prop, c=_fmt(limit))
    if name == "Match":
        other = re.search(r"it\.(\w+)", args)
        return None if other and obj.get(other.group(1)) == value else MESSAGES["Match"]
    return _gauzy_constraint(name, value, obj, ctx)


def _gauzy_constraint(name: str, value: Any, obj: dict[str, Any], ctx: Context) -> str | None:
    """Gauzy's custom constraints (shared/validators/constraints/*.constraint.ts)."""
    if name == "IsTenantBelongsToUser":
        if is_empty(value) or _id_of(value) == ctx.tenant_id:
            return None
        return f"The user is not associated with the requested tenant. Received tenant details: {_json(value)}"
    if name == "IsOrganizationBelongsToUser":
        if is_empty(value) or (ctx.tenant_id and ctx.user_id and _id_of(value) in ctx.organization_ids):
            return None
        return f"The user with ID {ctx.user_id} is not associated with the specified organization."
    if name == "IsEmployeeBelongsToOrganization":
        organization = obj.get("organizationId") or _id_of(obj.get("organization"))
        if is_empty(value) or not organization or ctx.employee_in_org(str(_id_of(value)), str(organization)):
            return None
        return f"This employee ({_json(value)}) does not belong to the specified organization."
    return None
