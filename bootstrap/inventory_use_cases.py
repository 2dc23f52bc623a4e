"""The named use cases of the equipment, merchants, products, product-categories,
warehouses, goals and key-results toolsets, as providers for the container's `use_cases`
dict (keyed by their UseCaseCall names)."""

from __future__ import annotations

from typing import Any

from dependency_injector import providers

from application.use_cases.client_query import RunClientQuery
from application.use_cases.contacts import BulkCreateWithContact, CreateWithContact
from application.use_cases.equipment import (
    AssignEquipment,
    EquipmentInventory,
    RequestEquipmentSharing,
    UnassignEquipment,
)
from application.use_cases.goals import AlignGoals
from application.use_cases.products import AddGalleryImages, CreateProduct, SetFeaturedImage, UpdateProduct
from application.use_cases.translations import CreateTranslated, UpdateTranslated


def inventory_use_cases(keeper: providers.Provider[Any], clock: providers.Provider[Any]) -> dict[str, Any]:
    on_keeper = {
        "client_query": RunClientQuery,
        "create_with_contact": CreateWithContact,
        "bulk_create_with_contact": BulkCreateWithContact,
        "create_translated": CreateTranslated,
        "update_translated": UpdateTranslated,
        "create_product": CreateProduct,
        "update_product": UpdateProduct,
        "add_product_images": AddGalleryImages,
        "set_product_featured_image": SetFeaturedImage,
        "align_goals": AlignGoals,
    }
    made: dict[str, Any] = {name: providers.Singleton(kind, keeper) for name, kind in on_keeper.items()}
    on_clock = {
        "equipment_inventory": EquipmentInventory,
        "request_equipment_sharing": RequestEquipmentSharing,
        "assign_equipment": AssignEquipment,
        "unassign_equipment": UnassignEquipment,
    }
    made |= {name: providers.Singleton(kind, keeper, clock) for name, kind in on_clock.items()}
    return made
