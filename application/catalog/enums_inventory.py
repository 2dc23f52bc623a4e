"""Enums of the inventory toolsets (equipment, merchants, products, warehouses), as the API spells them."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from application.catalog.fields import api_enum

# LanguagesEnum: translations are keyed by these codes.
LANGUAGES = ("en", "bg", "he", "ru", "fr", "es", "zh", "de", "pt", "it", "nl", "pl", "ar")
Language = api_enum(
    LANGUAGES,
    {"english": "en", "bulgarian": "bg", "hebrew": "he", "russian": "ru", "french": "fr", "spanish": "es",
     "chinese": "zh", "german": "de", "portuguese": "pt", "italian": "it", "dutch": "nl", "polish": "pl",
     "arabic": "ar"},
    what="language code",
)

# Gauzy equipment has no status column: it is available unless an approved equipment sharing
# covers today, then it is assigned to that sharing's employees. Other states do not exist.
EquipmentStatus = api_enum(("AVAILABLE", "ASSIGNED"), {"IN_USE": "ASSIGNED", "FREE": "AVAILABLE"},
                           what="equipment status")
EquipmentGrouping = api_enum(("type", "status", "assignee"), {"employee": "assignee"}, what="grouping")

# RequestApprovalStatusTypesEnum: equipment sharings store the number.
SHARING_STATUSES = {"REQUESTED": 1, "APPROVED": 2, "REFUSED": 3}


def _sharing_status(raw: object) -> int:
    if isinstance(raw, int) and raw in SHARING_STATUSES.values():
        return raw
    if isinstance(raw, str) and raw.strip().upper() in SHARING_STATUSES:
        return SHARING_STATUSES[raw.strip().upper()]
    raise PydanticCustomError("enum", "{value} is not a sharing status; allowed: REQUESTED, APPROVED, REFUSED",
                              {"value": repr(raw)})


SharingStatus = Annotated[
    int, BeforeValidator(_sharing_status), WithJsonSchema({"type": "string", "enum": list(SHARING_STATUSES)})
]
