"""Inventory routes with behaviour of their own: `?data=` findAll routes (equipment, sharings,
products), equipment sharing requests, translated products and product images."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import Caller, Store, check_organization, page, scoped_where
from domain.errors import GauzyValidationError


def find_input(query: Mapping[str, Any], caller: Caller) -> dict[str, Any]:
    """`?data={"findInput": {...}}`: a TypeORM where; the tenant comes from the token."""
    where = {k: v for k, v in dict(query.get("findInput") or {}).items() if k != "tenantId"}
    if where.get("organizationId"):
        check_organization(str(where["organizationId"]), caller, field="findInput.organizationId")
    return where


def found(collection: str) -> Handler:
    """findAll over `?data=`: every matching row, as IPagination."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        rows = store.find(collection, caller, find_input(query, caller))
        return {"items": rows, "total": len(rows)}

    return handle


def translate(row: dict[str, Any], language: str | None) -> dict[str, Any]:
    """Product.translateNested: the language's name and description at the top level."""
    chosen = next((t for t in row.get("translations") or [] if t.get("languageCode") == language), None)
    if chosen is None:
        return row
    return row | {"name": chosen.get("name"), "description": chosen.get("description")}


def product_count(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    return len(store.find("products", caller, find_input(query, caller)))


def products_translated(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                        body: Any) -> Any:
    rows = [translate(row, params["langCode"]) for row in store.find("products", caller, find_input(query, caller))]
    return {"items": rows, "total": len(rows)}


def product_translated(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                       body: Any) -> Any:
    return translate(store.get("products", caller, params["id"]), params["langCode"])


def products_page(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    """ProductService.pagination: `where.languageCode` picks the language instead of filtering."""
    where = scoped_where(query, caller)
    language = where.pop("languageCode", None)
    answer = page(store.find("products", caller, where), query, skip_is_page=True)
    return answer | {"items": [translate(row, language) for row in answer["items"]]}


def linked_asset(store: Store, caller: Caller, image: Any) -> dict[str, Any] | None:
    """Product gallery / featured image link image assets by id without cascading: an image without an
    id is not saved (so not linked), an id naming no image asset breaks the foreign key."""
    if not isinstance(image, Mapping) or not image.get("id"):
        return None
    if not any(row["id"] == image["id"] for row in store.rows("image-assets", caller)):
        raise GauzyValidationError([f"image asset {image['id']} does not exist (foreign key)"])
    return store.get("image-assets", caller, str(image["id"]))


def add_images(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    if not isinstance(body, list):
        raise GauzyValidationError(["images must be an array"])
    product = store.get("products", caller, params["productId"])
    gallery = list(product.get("gallery", []))
    for image in body:
        asset = linked_asset(store, caller, image)
        if asset is not None and all(kept["id"] != asset["id"] for kept in gallery):
            gallery.append(asset)
    return store.update("products", caller, product["id"], {"gallery": gallery})


def set_featured(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    product = store.get("products", caller, params["productId"])
    asset = linked_asset(store, caller, body)
    return store.update("products", caller, product["id"], {"featuredImage": asset} if asset else {})


def remove_gallery_image(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                         body: Any) -> Any:
    product = store.get("products", caller, params["productId"])
    gallery = [image for image in product.get("gallery", []) if image.get("id") != params["imageId"]]
    return store.update("products", caller, product["id"], {"gallery": gallery})


def remove_featured(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    return store.update("products", caller, params["productId"], {"featuredImage": None})


def share_equipment(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    """EquipmentSharingCreateHandler: the organization comes from the path; status defaults to REQUESTED."""
    check_organization(params["id"], caller, field="organizationId")
    fields = dict(body or {})
    store.get("equipment", caller, str(fields.get("equipmentId")))
    return store.insert("equipment-sharing", caller, {**fields, "organizationId": params["id"],
                                                      "status": fields.get("status") or 1,
                                                      "createdBy": caller.credential.user_id})


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_checked(method: str, path: str) -> Handler:
    """Merchant and warehouse DTOs also check `email` with IsEmail; the rest is the generic route."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        # Imported when called: `routes` imports every specials module while it loads.
        from adapters.outbound.in_memory_gauzy import routes

        if isinstance(body, Mapping) and body.get("email") and not EMAIL.match(str(body["email"])):
            raise GauzyValidationError(["email must be an email"])
        entry = next(route.entry for route in routes.route_table() if route.key == (method, path))
        return routes.GENERIC[entry["handler"]](entry)(store, caller, params, query, body)

    return handle


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/equipment"): found("equipment"),
    ("GET", "/api/equipment-sharing"): found("equipment-sharing"),
    ("POST", "/api/equipment-sharing/organization/:id"): share_equipment,
    ("GET", "/api/products"): found("products"),
    ("GET", "/api/products/count"): product_count,
    ("GET", "/api/products/pagination"): products_page,
    ("GET", "/api/products/local/:langCode"): products_translated,
    ("GET", "/api/products/local/:langCode/:id"): product_translated,
    ("POST", "/api/products/add-images/:productId"): add_images,
    ("POST", "/api/products/set-as-featured/:productId"): set_featured,
    ("DELETE", "/api/products/:productId/gallery-image/:imageId"): remove_gallery_image,
    ("DELETE", "/api/products/featured-image/:productId"): remove_featured,
    **{key: email_checked(*key) for key in (("POST", "/api/merchants"), ("PUT", "/api/merchants/:id"),
                                            ("POST", "/api/warehouses"), ("PUT", "/api/warehouses/:id"))},
}
