"""Products: create and update with what a model knows, and gallery uploads.

CreateProductDTO requires a code and non-empty `type` and `category` objects, the name
lives in translations, and both the create and update handlers map over
`optionGroupCreateInputs` without a default (a missing list is a server error). An update
also replaces type, category, tags and translations with what it is sent, so the current
product is read first and those are carried over. Gallery and featured images link existing
image assets by id without cascading, so an image given only by name and url is saved as an
image asset first.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.catalog.model import ResourceCall
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.requests import build_request
from application.use_cases.contacts import code_from
from application.use_cases.declared import declared
from application.use_cases.translations import body_with_translations
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest, QueryStyle
from domain.principal import GauzyCredential

PRODUCTS = "/api/products"
IMAGE_ASSETS = "/api/image-assets"
FIRST_OF = {"productCategoryId": "/api/product-categories/pagination", "productTypeId": "/api/product-types/pagination"}
OPTION_LISTS = ("optionGroupCreateInputs", "optionGroupUpdateInputs", "optionGroupDeleteInputs", "optionDeleteInputs")
CURRENT_RELATIONS = ["productType", "productCategory", "tags", "translations"]


def scope(credential: GauzyCredential) -> dict[str, Any]:
    return {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}


def linked(body: dict[str, Any], category_id: str, type_id: str) -> dict[str, Any]:
    """Both spellings: `category` / `type` are what the DTO validates, the ids what create saves."""
    return body | {"productCategoryId": category_id, "category": {"id": category_id},
                   "productTypeId": type_id, "type": {"id": type_id}}


class CreateProduct:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        call = declared(arguments, "creates", ResourceCall)
        credential = await self._keeper.current(invocation.caller)
        data = arguments.model_dump(exclude_none=True)[str(call.body_from)]
        ids = {key: data.pop(key, None) or await self._first(key, credential, invocation) for key in FIRST_OF}
        body = body_with_translations(data, credential) | {key: [] for key in OPTION_LISTS}
        body["code"] = data.get("code") or code_from(str(data.get("name", "")))
        body = linked(body, ids["productCategoryId"], ids["productTypeId"])
        return await self._keeper.send(invocation.caller, build_request(call, {str(call.body_from): body}, credential))

    async def _first(self, key: str, credential: GauzyCredential, invocation: Invocation) -> str:
        """The organization's first category / type: a product must have both."""
        query = {"where": scope(credential), "take": 1}
        page = await self._keeper.send(invocation.caller, GauzyRequest("GET", FIRST_OF[key], query=query))
        items = page.get("items") if isinstance(page, dict) else None
        if not items:
            what = "product category (create one with create_product_category)" if "Category" in key else "product type"
            raise InvalidInputError([f"product_data.{key}: required; the organization has no {what}"])
        return str(items[0]["id"])


class UpdateProduct:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        call = declared(arguments, "updates", ResourceCall)
        values = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)
        current = await self._keeper.send(invocation.caller, GauzyRequest(
            "GET", f"{PRODUCTS}/{values['id']}", query={"relations": CURRENT_RELATIONS, "findInput": scope(credential)},
            query_style=QueryStyle.DATA_JSON))
        data = dict(values.get(str(call.body_from)) or {})
        category_id = data.pop("productCategoryId", None) or current.get("productCategoryId")
        type_id = data.pop("productTypeId", None) or current.get("productTypeId")
        body = {"code": current.get("code"), "tags": [{"id": t["id"]} for t in current.get("tags") or []]}
        body |= body_with_translations(data, credential, current.get("translations") or [])
        body |= {key: [] for key in OPTION_LISTS}
        values[str(call.body_from)] = linked(body, category_id, type_id)
        return await self._keeper.send(invocation.caller, build_request(call, values, credential))


async def saved_images(keeper: CredentialKeeper, invocation: Invocation,
                       images: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each image as an image asset with an id: those given without one are created first."""
    credential = await keeper.current(invocation.caller)
    saved = []
    for image in images:
        if not image.get("id"):
            request = GauzyRequest("POST", IMAGE_ASSETS, body=image | scope(credential))
            image = image | {"id": (await keeper.send(invocation.caller, request))["id"]}
        saved.append(image)
    return saved


class AddGalleryImages:
    """POST /products/add-images/:productId takes a bare array of image assets."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump(exclude_none=True)
        images = await saved_images(self._keeper, invocation, values["images"])
        path = f"{PRODUCTS}/add-images/{values['productId']}"
        return await self._keeper.send(invocation.caller, GauzyRequest("POST", path, body=images))


class SetFeaturedImage:
    """POST /products/set-as-featured/:productId takes one image asset."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump(exclude_none=True)
        [image] = await saved_images(self._keeper, invocation, [values["image"]])
        path = f"{PRODUCTS}/set-as-featured/{values['productId']}"
        return await self._keeper.send(invocation.caller, GauzyRequest("POST", path, body=image))
