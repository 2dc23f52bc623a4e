"""Inventory data every seeded organization has and no tool can create: a product type.

Gauzy's seeder (``packages/core/src/lib/core/seeds/seed-data.service.ts``, "Default Product Types")
runs ``createDefaultProductType`` (``product-type/type.seed.ts``, from ``product-type.seed.json``) for
each default organization: a translatable type with an ``icon`` from ``ProductTypesIconsEnum``
(``contracts/src/lib/product.model.ts``) and its translations. ``CreateProductDTO`` requires a
non-empty ``type`` object (contracts ``dtos.CreateProductDTO``) and no tool of the server creates
product types, so each organization of the double gets one. Product categories are left out on
purpose: ``create_product_category`` makes them.
"""

from __future__ import annotations

from ..store import Store


def seed_inventory(store: Store) -> None:
    """One product type per organization (tenant and organization taken from the organization row)."""
    for organization in store.rows("Organization"):
        store.insert(
            "ProductType",
            {
                "tenantId": organization["tenantId"],
                "organizationId": organization["id"],
                "icon": "shopping-bag-outline",
                "translations": [{"languageCode": "en", "name": "Physical goods", "description": "Goods to ship"}],
            },
        )
