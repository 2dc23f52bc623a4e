"""Products (`/api/products`). The `?data=` list routes cannot page, so their tools page the
answer here; names live in per-language translations."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import ConfigDict, Field, model_validator

from application.catalog.client_query import ClientQuery
from application.catalog.enums_inventory import Language
from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.rows import RECORD, delete, read, write
from domain.gauzy import QueryStyle

TOOLSET = "products"
BASE = "/api/products"
IMAGE_ASSETS = "POST /api/image-assets"
Relations = list[str] | None


class Find(ToolInput):
    model_config = ConfigDict(extra="allow")
    enabled: bool | None = None
    productCategoryId: Uuid | None = None  # noqa: N815
    productTypeId: Uuid | None = None  # noqa: N815


class Query(ToolInput):
    relations: Relations = Field(None, description="E.g. ['productType', 'productCategory'].")
    findInput: Find | None = None  # noqa: N815


class ProductData(ToolInput):
    """Fields of CreateProductDTO; `name` / `description` become the `languageCode` translation."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    languageCode: Language | None = Field(None, description="Language of name/description; default 'en'.")  # noqa: N815
    code: str | None = Field(None, min_length=1, description="Product code; derived from the name when omitted.")
    enabled: bool | None = None
    imageUrl: str | None = None  # noqa: N815
    productCategoryId: Uuid | None = Field(  # noqa: N815
        None, description="On create defaults to the organization's first.")
    productTypeId: Uuid | None = Field(  # noqa: N815
        None, description="On create defaults to the organization's first.")
    tags: list[dict[str, Any]] | None = Field(None, description="Tags as [{'id': tagId}].")


class NewProductData(ProductData):
    name: str = Field(min_length=1)


class Image(ToolInput):
    """An image asset (IImageAsset); give the id of an uploaded asset, or its name and url."""

    # The schema says "id or url" too, so that a model reads the rule the validator below applies:
    # the id of an existing image asset, or the url of a new one.
    model_config = ConfigDict(extra="allow", json_schema_extra={"anyOf": [
        {"required": ["id"]}, {"required": ["url"], "properties": {"url": {"minLength": 1}}}]})
    id: Uuid | None = None
    name: str = Field(min_length=1)
    url: str | None = None
    thumb: str | None = None
    width: int | None = Field(None, gt=0)
    height: int | None = Field(None, gt=0)
    size: int | None = Field(None, ge=0)
    isFeatured: bool | None = None  # noqa: N815

    @model_validator(mode="after")
    def _id_or_url(self) -> Self:
        # A new image asset without a url is refused by the database (image_asset.url is NOT NULL).
        if self.id is None and not self.url:
            raise ValueError("give the id of an existing image asset, or the url of a new one")
        return self


def data_call(path: str, shape: Shape, tenancy: Tenancy = Tenancy.DATA) -> ResourceCall:
    return ResourceCall("GET", path, shape, tenancy, query={"data": "*"}, paging=None,
                        query_style=QueryStyle.DATA_JSON)


class GetProducts(PageInput):
    data: Query | None = None
    client_query: ClassVar[ClientQuery] = ClientQuery(data_call(BASE, Shape.PAGE))


class GetProductsTranslated(PageInput):
    langCode: Language  # noqa: N815
    data: Query | None = None
    client_query: ClassVar[ClientQuery] = ClientQuery(data_call(f"{BASE}/local/{{langCode}}", Shape.PAGE))


class CountQuery(ToolInput):
    findInput: Find | None = None  # noqa: N815


class CountProducts(ToolInput):
    data: CountQuery | None = None


class Where(Find):
    pass


class ProductsPage(PageInput, RelationsInput):
    search: str | None = Field(None, description="Exact product name to match.")
    where: Where | None = None


class GetProduct(IdInput):
    data: Query | None = None


class RelationsOnly(ToolInput):
    relations: Relations = None


class GetProductTranslated(IdInput):
    langCode: Language  # noqa: N815
    data: RelationsOnly | None = None


class CreateProduct(ToolInput):
    product_data: NewProductData
    creates: ClassVar[ResourceCall] = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="product_data")


class UpdateProduct(IdInput):
    product_data: ProductData
    updates: ClassVar[ResourceCall] = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY,
                                                   body_from="product_data")


class GalleryImages(ToolInput):
    productId: Uuid  # noqa: N815
    images: list[Image] = Field(min_length=1, max_length=50)


class FeaturedImage(ToolInput):
    productId: Uuid  # noqa: N815
    image: Image


class GalleryImage(ToolInput):
    productId: Uuid  # noqa: N815
    imageId: Uuid  # noqa: N815


class ProductId(ToolInput):
    productId: Uuid  # noqa: N815


CLIENT_QUERY = "client_query"

TOOLS = (
    read("get_products", "List products",
         "The organization's products; data.findInput filters, data.relations adds details.",
         TOOLSET, GetProducts, UseCaseCall(CLIENT_QUERY, (f"GET {BASE}",)), PageOutput),
    read("get_products_translated", "List products in a language",
         "Like get_products, with names and descriptions in the language langCode.",
         TOOLSET, GetProductsTranslated, UseCaseCall(CLIENT_QUERY, (f"GET {BASE}/local/:langCode",)), PageOutput),
    read("get_product_count", "Count products",
         "Count the organization's products, optionally filtered by data.findInput.",
         TOOLSET, CountProducts, data_call(f"{BASE}/count", Shape.COUNT)),
    read("get_products_pagination", "Page through products",
         "Page through products with equality filters in `where`.",
         TOOLSET, ProductsPage,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"where": "*", "search": "translations.name"})),
    read("get_product", "Get a product",
         "One product by id; data.relations e.g. 'productType', 'variants'.",
         TOOLSET, GetProduct, data_call(f"{BASE}/{{id}}", Shape.OBJECT), RECORD),
    read("get_product_translated", "Get a product in a language",
         "One product by id, its name and description in the language langCode.",
         TOOLSET, GetProductTranslated, data_call(f"{BASE}/local/{{langCode}}/{{id}}", Shape.OBJECT, Tenancy.NONE),
         RECORD),
    write("create_product", "Create a product",
          "Create a product; only product_data.name is required.",
          TOOLSET, CreateProduct,
          UseCaseCall("create_product", ("GET /api/product-categories/pagination",
                                         "GET /api/product-types/pagination", f"POST {BASE}")),
          output=RECORD),
    write("update_product", "Update a product",
          "Change the given fields of a product; name and description in one language.",
          TOOLSET, UpdateProduct, UseCaseCall("update_product", (f"GET {BASE}/:id", f"PUT {BASE}/:id")),
          idempotent=True, output=RECORD),
    delete("delete_product", "Delete a product", "Delete a product permanently by id; this cannot be undone.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    write("add_product_gallery_images", "Add gallery images",
          "Add images to a product's gallery: existing image asset ids, or a name and url each (saved as new image "
          "assets).",
          TOOLSET, GalleryImages,
          UseCaseCall("add_product_images", (IMAGE_ASSETS, f"POST {BASE}/add-images/:productId"))),
    write("set_product_featured_image", "Set the featured image",
          "Make an image the product's featured image: an existing image asset id, or a name and url (saved as a "
          "new image asset).",
          TOOLSET, FeaturedImage,
          UseCaseCall("set_product_featured_image", (IMAGE_ASSETS, f"POST {BASE}/set-as-featured/:productId"))),
    delete("delete_product_gallery_image", "Remove a gallery image",
           "Remove one image from a product's gallery (refused while a variant uses it).",
           TOOLSET, GalleryImage, ResourceCall("DELETE", f"{BASE}/{{productId}}/gallery-image/{{imageId}}")),
    delete("delete_product_featured_image", "Remove the featured image",
           "Clear a product's featured image.",
           TOOLSET, ProductId, ResourceCall("DELETE", f"{BASE}/featured-image/{{productId}}")),
)
