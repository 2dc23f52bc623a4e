"""Inventory routes whose answer is not their generic declared shape.

Facts (ever-gauzy ``packages/core/src/lib``):

* ``equipment-sharing/equipment-sharing.controller.ts`` ``POST /equipment-sharing/organization/:id``
  runs ``EquipmentSharingCreateCommand(organizationId, entity)``;
  ``commands/handlers/equipment-sharing.create.handler.ts`` creates the sharing with the path's
  ``organizationId`` and the JWT tenant (``EquipmentSharingService.create``: TypeORM ``save`` of the body,
  ``employees`` / ``teams`` ManyToMany kept as sent), then a RequestApproval ``{name, requestId: sharing.id,
  requestType: 'EQUIPMENT_SHARING', status: sharing.status ?? REQUESTED (1), min_count: 1,
  organizationId, tenantId}``; the answer (202, ``@HttpCode(ACCEPTED)``) is the saved sharing. A failed insert (an
  ``equipmentId`` naming no equipment: the foreign key) is crud.service's ``BadRequestException``.
* ``product/product.entity.ts``: ``gallery`` is ManyToMany ImageAsset (``cascade: false``, junction
  ``product_gallery_item``) and ``featuredImage`` ManyToOne ImageAsset (``featuredImageId``): both link
  existing image assets by id. An image sent without an id is not inserted (no cascade) and so not
  linked; an id naming no image asset breaks the foreign key.
* ``product/product.service.ts`` (each wrapped in ``try {...} catch (err) { throw new
  BadRequestException(err) }``, so a missing product is a 400, not a 404): ``addGalleryImages`` loads the
  product with ``gallery`` and saves ``gallery.concat(images)``; ``setAsFeatured`` saves ``featuredImage =
  image``; ``deleteGalleryImage`` loads ``gallery`` and ``variants``, refuses an image a variant uses
  (``Image is used in product variants``) and saves the gallery without ``imageId``;
  ``deleteFeaturedImage`` saves ``featuredImage = null``. Each answers the saved entity: TypeORM ``save``
  returns the object it was given, so ``gallery`` / ``featuredImage`` read as sent. The double has no
  product variants (no tool makes them), so the variant check never refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors
from .call import Call, Reply, present
from .store import new_id

if TYPE_CHECKING:
    from .api import Api

SHARINGS = "EquipmentSharing"
PRODUCTS = "Product"
ASSETS = "ImageAsset"
REQUESTED = 1


def _foreign_key(table: str, column: str) -> errors.HttpError:
    return errors.plain(400, f'insert or update on table "{table}" violates foreign key constraint on "{column}"')


def create_equipment_sharing(call: Call, api: Api) -> Reply:
    """POST /api/equipment-sharing/organization/:id (EquipmentSharingCreateHandler)."""
    body = {k: v for k, v in call.body_dict().items() if k not in ("id", "tenant", "organization", "createdAt")}
    equipment_id = body.get("equipmentId")
    if equipment_id is not None and call.store.get("Equipment", equipment_id, call.tenant_id) is None:
        raise _foreign_key("equipment_sharing", "equipmentId")
    organization_id = call.params["id"]
    row = call.store.insert(SHARINGS, {**body, "id": new_id(), "organizationId": organization_id,
                                       "tenantId": call.tenant_id})
    call.store.insert("RequestApproval", {
        "name": body.get("name"), "requestId": row["id"], "requestType": "EQUIPMENT_SHARING",
        "status": row.get("status") if row.get("status") is not None else REQUESTED, "min_count": 1,
        "organizationId": organization_id, "tenantId": call.tenant_id})
    return Reply(call.route.success_status, present(call.store, row))


def _product(call: Call) -> dict[str, Any]:
    row = call.store.get(PRODUCTS, call.params.get("productId"), call.tenant_id)
    if row is None:
        raise errors.plain(400, "The requested record was not found")  # NotFound wrapped in BadRequestException
    return dict(row)


def _asset(call: Call, image: Any, table: str, column: str) -> dict[str, Any] | None:
    """The image asset an image links to; None when it has no id (not cascaded); 400 for an unknown id."""
    if not isinstance(image, dict) or not image.get("id"):
        return None
    asset = call.store.get(ASSETS, image["id"], call.tenant_id)
    if asset is None:
        raise _foreign_key(table, column)
    return dict(asset)


def _gallery(call: Call, row: dict[str, Any]) -> list[dict[str, Any]]:
    loaded = [call.store.get(ASSETS, link.get("id"), call.tenant_id) for link in row.get("gallery") or []]
    return [asset for asset in loaded if asset is not None]


def _saved(call: Call, row: dict[str, Any], changes: dict[str, Any], shown: dict[str, Any]) -> Reply:
    updated = call.store.update(PRODUCTS, str(row["id"]), changes) or row
    return Reply(call.route.success_status, present(call.store, updated) | shown)


def add_gallery_images(call: Call, api: Api) -> Reply:
    """POST /api/products/add-images/:productId (ProductService.addGalleryImages)."""
    images = call.body if isinstance(call.body, list) else [call.body]
    row = _product(call)
    gallery = _gallery(call, row)
    links = [link for link in row.get("gallery") or [] if isinstance(link, dict)]
    for image in images:
        asset = _asset(call, image, "product_gallery_item", "imageAssetId")
        if asset is not None and all(link.get("id") != asset["id"] for link in links):
            links.append({"id": asset["id"]})
    return _saved(call, row, {"gallery": links}, {"gallery": [*gallery, *images]})


def set_featured_image(call: Call, api: Api) -> Reply:
    """POST /api/products/set-as-featured/:productId (ProductService.setAsFeatured)."""
    row = _product(call)
    asset = _asset(call, call.body, "product", "featuredImageId")
    changes = {"featuredImageId": asset["id"]} if asset is not None else {}
    return _saved(call, row, changes, {"featuredImage": call.body})


def delete_gallery_image(call: Call, api: Api) -> Reply:
    """DELETE /api/products/:productId/gallery-image/:imageId (ProductService.deleteGalleryImage)."""
    row = _product(call)
    image_id = call.params.get("imageId")
    links = [link for link in row.get("gallery") or [] if isinstance(link, dict) and link.get("id") != image_id]
    kept = [asset for asset in _gallery(call, row) if asset.get("id") != image_id]
    return _saved(call, row, {"gallery": links}, {"gallery": kept, "variants": []})


def delete_featured_image(call: Call, api: Api) -> Reply:
    """DELETE /api/products/featured-image/:productId (ProductService.deleteFeaturedImage)."""
    row = _product(call)
    return _saved(call, row, {"featuredImageId": None}, {"featuredImage": None})


# merchant/merchant.service.ts declares MerchantService without @Injectable(), so Nest builds it
# without its repositories and every handler dereferences an undefined one. Seen on a real API of
# this commit: the TypeError passes TransformInterceptor as HttpException(message, undefined), so
# the route keeps its success status and answers only {message}; findAll wraps it in
# BadRequestException(error), whose body is the error object serialised: {}. Nothing is stored.
MERCHANT_FAILURE = "Cannot read properties of undefined (reading 'metadata')"
MERCHANT_ROUTES = ("GET /api/merchants/count", "GET /api/merchants/pagination", "GET /api/merchants/:id",
                   "POST /api/merchants", "PUT /api/merchants/:id", "DELETE /api/merchants/:id",
                   "PUT /api/merchants/:id/recover", "DELETE /api/merchants/:id/soft")


def merchant_failure(call: Call, api: Api) -> Reply:
    return Reply(call.route.success_status, {"message": MERCHANT_FAILURE})


def merchant_find_all(call: Call, api: Api) -> Reply:
    return Reply(400, {})


INVENTORY: dict[str, Any] = {
    **dict.fromkeys(MERCHANT_ROUTES, merchant_failure),
    "GET /api/merchants": merchant_find_all,
    "POST /api/equipment-sharing/organization/:id": create_equipment_sharing,
    "POST /api/products/add-images/:productId": add_gallery_images,
    "POST /api/products/set-as-featured/:productId": set_featured_image,
    "DELETE /api/products/:productId/gallery-image/:imageId": delete_gallery_image,
    "DELETE /api/products/featured-image/:productId": delete_featured_image,
}
