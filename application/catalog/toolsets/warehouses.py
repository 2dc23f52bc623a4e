"""Warehouses (`/api/warehouses`)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, write

TOOLSET = "warehouses"
BASE = "/api/warehouses"
# UpdateWarehouseDTO requires these, so every PUT carries them (taken from the warehouse when absent).
REQUIRED = ("name", "code", "email")


class WarehouseData(ToolInput):
    """Fields of CreateWarehouseDTO (unknown fields are dropped by the API)."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    code: str | None = Field(None, min_length=1)
    email: str | None = Field(None, description="Defaults to the signed-in user's.")
    description: str | None = None
    active: bool | None = None
    contactId: Uuid | None = None  # noqa: N815
    logoId: Uuid | None = None  # noqa: N815


class NewWarehouseData(WarehouseData):
    name: str = Field(min_length=1)
    code: str = Field(min_length=1, description="Warehouse code, e.g. 'WH-01'.")


class GetWarehouses(PageInput, RelationsInput):
    search: str | None = Field(None, description="Exact warehouse name to match.")
    active: bool | None = None


class GetWarehouse(IdInput, RelationsInput):
    pass


class CreateWarehouse(ToolInput):
    warehouse_data: NewWarehouseData
    creates: ClassVar[ResourceCall] = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="warehouse_data",
                                                   body_defaults={"active": True})


class UpdateWarehouse(IdInput):
    warehouse_data: WarehouseData


TOOLS = (
    read("get_warehouses", "List warehouses",
         "The organization's warehouses. Use to find a warehouse's id.",
         TOOLSET, GetWarehouses,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"search": "name", "active": "active"})),
    read("get_warehouse", "Get a warehouse",
         "One warehouse by id; relations e.g. 'products', 'merchants', 'contact'.",
         TOOLSET, GetWarehouse, ResourceCall("GET", f"{BASE}/{{id}}", paging=None), RECORD),
    write("create_warehouse", "Create a warehouse",
          "Create a warehouse from a name and a code.",
          TOOLSET, CreateWarehouse, UseCaseCall("create_with_contact", (f"POST {BASE}",)), output=RECORD),
    write("update_warehouse", "Update a warehouse",
          "Change the given fields of a warehouse.",
          TOOLSET, UpdateWarehouse,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="warehouse_data",
                       merge_current=REQUIRED),
          idempotent=True),
    delete("delete_warehouse", "Delete a warehouse", "Delete a warehouse permanently by id; this cannot be undone.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
)
