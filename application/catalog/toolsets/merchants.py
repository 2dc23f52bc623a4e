"""Merchants (`/api/merchants`). The reference's `/merchants/archive`, `/restore`, `/by-code`,
`/search`, `/statistics` and `/bulk` do not exist: archiving toggles the merchant's `active`
flag, and lookups, search and statistics read the merchant list."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field, computed_field
from pydantic.json_schema import SkipJsonSchema

from application.catalog.client_query import ClientQuery, Result
from application.catalog.enums import Currency
from application.catalog.fields import DateRangeInput, IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import BulkCall, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import BulkOutput, PageOutput
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "merchants"
BASE = "/api/merchants"
# UpdateMerchantDTO requires these, so every PUT carries them (taken from the merchant when absent).
REQUIRED = ("name", "code", "email", "currency")
DEFAULT_CURRENCY = "USD"
Hidden = SkipJsonSchema[None]  # a field the model neither sees nor sets; a row's `defaults` fill it


class MerchantData(ToolInput):
    """Fields of CreateMerchantDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    code: str | None = Field(None, min_length=1, description="Derived from the name when omitted.")
    email: str | None = Field(None, description="Defaults to the signed-in user's.")
    currency: Currency | None = Field(None, description=f"Defaults to {DEFAULT_CURRENCY}.")
    phone: str | None = None
    description: str | None = None
    active: bool | None = None
    contactId: Uuid | None = None  # noqa: N815


class NewMerchantData(MerchantData):
    name: str = Field(min_length=1)


class Flags(ToolInput):
    isActive: bool | None = None  # noqa: N815
    isArchived: bool | None = None  # noqa: N815


class GetMerchants(PageInput, RelationsInput):
    search: str | None = Field(None, description="Exact merchant name to match (search_merchants matches parts).")
    where: Flags | None = None


class CountMerchants(ToolInput):
    where: Flags | None = None


class GetMerchant(IdInput, RelationsInput):
    pass


class MerchantPage(PageInput, RelationsInput):
    search: str | None = Field(None, description="Exact merchant name to match.")
    active: Hidden = None  # pinned by the row's defaults


CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="merchant_data",
                      body_defaults={"currency": DEFAULT_CURRENCY, "active": True})


class CreateMerchant(ToolInput):
    merchant_data: NewMerchantData
    creates: ClassVar[ResourceCall] = CREATE


class UpdateMerchant(IdInput):
    merchant_data: MerchantData


class BulkCreateMerchants(ToolInput):
    merchants: list[NewMerchantData] = Field(min_length=1, max_length=100)
    bulk_creates: ClassVar[BulkCall] = BulkCall(CREATE, "merchants", item_as="merchant_data")


LIST_ALL = ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where={"active": "active"}, paging=None)


class MerchantByCode(RelationsInput):
    code: str = Field(min_length=1)
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where=same("code"), paging=None),
        Result.FIRST, noun="merchant with that code")


class SearchMerchants(ToolInput):
    query: str = Field(min_length=1, description="Text to find in the name, code, email, phone or description.")
    limit: int = Field(20, ge=1, le=100)
    includeArchived: bool = Field(False, description="Also match archived (inactive) merchants.")  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        LIST_ALL, search=("name", "code", "email", "phone", "description"), search_field="query")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def active(self) -> bool | None:
        """Sent as where[active]=true unless archived merchants are wanted too."""
        return None if self.includeArchived else True


class MerchantStatistics(DateRangeInput):
    client_query: ClassVar[ClientQuery] = ClientQuery(
        LIST_ALL, Result.SUMMARY, groups={"currency": "currency", "active": "active"})


PAGE = ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where={"search": "name", "where": "*"})
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="merchant_data", merge_current=REQUIRED)
CONTACT_CREATE_ROUTES = (f"POST {BASE}",)


def flagged(active: bool) -> ResourceCall:
    return ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_defaults={"active": active},
                        merge_current=REQUIRED)


def active_page(active: bool) -> ResourceCall:
    return ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                        where={"search": "name", "active": "active"}, defaults={"active": active})


TOOLS = (
    read("get_merchants", "List merchants",
         "The organization's merchants (suppliers). Use to find a merchant's id.",
         TOOLSET, GetMerchants, PAGE),
    read("get_merchant_count", "Count merchants",
         "Count the organization's merchants, optionally filtered.",
         TOOLSET, CountMerchants,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY, query={"where": "*"})),
    read("get_merchant", "Get a merchant",
         "One merchant by id; relations e.g. 'warehouses', 'contact', 'tags'.",
         TOOLSET, GetMerchant, ResourceCall("GET", f"{BASE}/{{id}}", paging=None), RECORD),
    write("create_merchant", "Create a merchant",
          "Create a merchant; only merchant_data.name is needed.",
          TOOLSET, CreateMerchant, UseCaseCall("create_with_contact", CONTACT_CREATE_ROUTES), output=RECORD),
    write("update_merchant", "Update a merchant",
          "Change the given fields of a merchant.",
          TOOLSET, UpdateMerchant, UPDATE, idempotent=True),
    delete("delete_merchant", "Delete a merchant",
           "Delete a merchant permanently; archive_merchant hides it instead.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    write("archive_merchant", "Archive a merchant",
          "Archive a merchant (mark it inactive); restore_merchant undoes it.",
          TOOLSET, IdInput, flagged(False), idempotent=True),
    write("restore_merchant", "Restore a merchant",
          "Bring an archived merchant back by marking it active.",
          TOOLSET, IdInput, flagged(True), idempotent=True),
    read("get_merchant_by_code", "Find a merchant by code",
         "The merchant whose code is exactly the one given; not found if none.",
         TOOLSET, MerchantByCode, UseCaseCall("client_query", (f"GET {BASE}/pagination",)), RECORD),
    read("search_merchants", "Search merchants",
         "Merchants whose name, code, email, phone or description contains the text (any case).",
         TOOLSET, SearchMerchants, UseCaseCall("client_query", (f"GET {BASE}",)), PageOutput),
    read("get_merchant_statistics", "Merchant statistics",
         "Merchants per currency and active flag, optionally created in a date range.",
         TOOLSET, MerchantStatistics, UseCaseCall("client_query", (f"GET {BASE}",))),
    write("bulk_create_merchants", "Create several merchants",
          "Create up to 100 merchants one by one, reporting progress.",
          TOOLSET, BulkCreateMerchants, UseCaseCall("bulk_create_with_contact", CONTACT_CREATE_ROUTES),
          output=BulkOutput),
    read("get_active_merchants", "List active merchants",
         "The organization's active merchants, optionally by exact name.",
         TOOLSET, MerchantPage, active_page(True)),
    read("get_archived_merchants", "List archived merchants",
         "The organization's archived (inactive) merchants.",
         TOOLSET, MerchantPage, active_page(False)),
)
