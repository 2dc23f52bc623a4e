"""Product categories (`/api/product-categories`). Names live in per-language translations;
the tools take a plain name (and language) and keep the other languages on update."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from application.catalog.client_query import ClientQuery
from application.catalog.enums_inventory import Language
from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.rows import RECORD, read, write

TOOLSET = "product-categories"
BASE = "/api/product-categories"


class Translation(ToolInput):
    languageCode: Language  # noqa: N815
    name: str = Field(min_length=1)
    description: str | None = None


class CategoryData(ToolInput):
    """A category: `name` / `description` in `languageCode` (default 'en'), or full `translations`."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    description: str | None = None
    languageCode: Language | None = Field(None, description="Language of name/description; default 'en'.")  # noqa: N815
    translations: list[Translation] | None = Field(None, description="Names in several languages at once.")
    imageUrl: str | None = None  # noqa: N815
    imageId: Uuid | None = None  # noqa: N815


class NewCategoryData(CategoryData):
    name: str = Field(min_length=1)


class GetCategories(PageInput, RelationsInput):
    search: str | None = Field(None, description="Text the category name contains (any case).")
    langCode: Language | None = Field(None, description="Show names in this language.")  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, paging=None),
        search=("name",), language_field="langCode")


class CountCategories(ToolInput):
    pass


class CreateCategory(ToolInput):
    category_data: NewCategoryData
    creates: ClassVar[ResourceCall] = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="category_data")


class UpdateCategory(IdInput):
    category_data: CategoryData
    updates: ClassVar[ResourceCall] = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY,
                                                   body_from="category_data", merge_current=("imageUrl", "imageId"))


class ProductsByCategory(PageInput, RelationsInput):
    categoryId: Uuid  # noqa: N815
    enabled: bool | None = None
    langCode: Language | None = Field(None, description="Show product names in this language.")  # noqa: N815


TOOLS = (
    read("get_product_categories", "List product categories",
         "The organization's product categories. Use to find a category id.",
         TOOLSET, GetCategories, UseCaseCall("client_query", (f"GET {BASE}",)), PageOutput),
    read("get_product_category_count", "Count product categories",
         "Count the organization's product categories.",
         TOOLSET, CountCategories, ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY)),
    write("create_product_category", "Create a product category",
          "Create a product category from a name in one language, or from translations.",
          TOOLSET, CreateCategory, UseCaseCall("create_translated", (f"POST {BASE}",)), output=RECORD),
    write("update_product_category", "Update a product category",
          "Rename or describe a category in one language (others are kept), or replace translations per language.",
          TOOLSET, UpdateCategory,
          UseCaseCall("update_translated", (f"GET {BASE}/:id", f"PUT {BASE}/:id")), idempotent=True),
    read("get_products_by_category", "Products of a category",
         "The products in one category, optionally only enabled ones.",
         TOOLSET, ProductsByCategory,
         ResourceCall("GET", "/api/products/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"categoryId": "productCategoryId", "enabled": "enabled", "langCode": "languageCode"})),
)
