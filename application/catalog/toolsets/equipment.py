"""Equipment (`/api/equipment`) and its sharings (`/api/equipment-sharing`).

Gauzy equipment has no status, assignee or manufacturer: who holds an item is an approved
equipment sharing (see application/use_cases/equipment.py). The list tools read every item
with its sharings and filter here; the reference's `/equipment/me`, `/statistics`,
`/search`, `/assign` and `/unassign` paths do not exist.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ConfigDict, Field

from application.catalog.client_query import ClientQuery, Result
from application.catalog.enums import Currency
from application.catalog.enums_inventory import EquipmentGrouping, EquipmentStatus, SharingStatus
from application.catalog.fields import IdInput, IsoDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ContextValue, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import CountOutput, PageOutput
from application.catalog.rows import RECORD, delete, read, write
from domain.gauzy import QueryStyle

TOOLSET = "equipment"
BASE = "/api/equipment"
SHARING = "/api/equipment-sharing"
DEFAULT_CURRENCY = "USD"
# Every list reads all of the organization's equipment (?data= findAll) and its sharings.
ALL = ResourceCall("GET", BASE, Shape.PAGE, Tenancy.DATA, query={"id": "findInput.id"}, paging=None,
                   query_style=QueryStyle.DATA_JSON)
INVENTORY = UseCaseCall("equipment_inventory", (f"GET {BASE}", f"GET {SHARING}"))
FILTERS = {"type": "type", "status": "status"}
SEARCHED = ("name", "type", "serialNumber")


class EquipmentData(ToolInput):
    """Fields of CreateEquipmentDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    type: str | None = Field(None, description="Free text, e.g. 'Laptop' or 'Monitor'.")
    serialNumber: str | None = None  # noqa: N815
    manufacturedYear: int | None = None  # noqa: N815
    initialCost: float | None = Field(None, ge=0)  # noqa: N815
    currency: Currency | None = Field(None, description=f"Of the cost; defaults to {DEFAULT_CURRENCY}.")
    maxSharePeriod: int | None = Field(None, ge=0, description="Longest sharing, in days.")  # noqa: N815
    autoApproveShare: bool | None = None  # noqa: N815
    tags: list[dict[str, Any]] | None = Field(None, description="Tags as [{'id': tagId}].")


class NewEquipmentData(EquipmentData):
    name: str = Field(min_length=1)


class Filters(ToolInput):
    type: str | None = Field(None, description="Exact type, e.g. 'Laptop'.")
    status: EquipmentStatus | None = Field(None, description="ASSIGNED while an approved sharing covers today.")


class GetEquipment(PageInput, RelationsInput, Filters):
    search: str | None = Field(None, description="Text the name, type or serial number contains.")
    assignedToEmployeeId: Uuid | None = None  # noqa: N815
    available: bool | None = None
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, equals=FILTERS | {"assignedToEmployeeId": "assignedEmployeeIds", "available": "available"},
        search=SEARCHED)


class CountEquipment(Filters):
    assignedToEmployeeId: Uuid | None = None  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, Result.COUNT, equals=FILTERS | {"assignedToEmployeeId": "assignedEmployeeIds"})


class GetEquipmentById(IdInput, RelationsInput):
    client_query: ClassVar[ClientQuery] = ClientQuery(ALL, Result.FIRST, noun="equipment with that id")


class CreateEquipment(ToolInput):
    equipment_data: NewEquipmentData


class UpdateEquipment(IdInput):
    equipment_data: EquipmentData


class AssignEquipment(IdInput):
    employeeId: Uuid  # noqa: N815
    shareEndDate: IsoDate | None = Field(None, description="When the assignment ends; open-ended if omitted.")  # noqa: N815
    reason: str | None = None


class ByEmployee(PageInput, RelationsInput, Filters):
    employeeId: Uuid  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, equals=FILTERS | {"employeeId": "assignedEmployeeIds"})


class Mine(PageInput, RelationsInput, Filters):
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, equals=FILTERS, mine={"assignedEmployeeIds": ContextValue.EMPLOYEE_ID})


class Available(PageInput, RelationsInput):
    type: str | None = Field(None, description="Exact type, e.g. 'Laptop'.")
    client_query: ClassVar[ClientQuery] = ClientQuery(ALL, equals={"type": "type"}, fixed={"status": "AVAILABLE"})


class Statistics(ToolInput):
    type: str | None = None
    groupBy: EquipmentGrouping | None = Field(None, description="Keep only this grouping.")  # noqa: N815
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ALL, Result.SUMMARY, equals={"type": "type"},
        groups={"type": "type", "status": "status", "assignee": "assignedEmployeeIds"})


class SearchEquipment(Filters):
    query: str = Field(min_length=1, description="Text the name, type or serial number contains (any case).")
    limit: int = Field(20, ge=1, le=100)
    client_query: ClassVar[ClientQuery] = ClientQuery(ALL, equals=FILTERS, search=SEARCHED, search_field="query")


class RequestSharing(ToolInput):
    equipmentId: Uuid  # noqa: N815
    shareWithEmployeeId: Uuid  # noqa: N815
    shareStartDate: IsoDate  # noqa: N815
    shareEndDate: IsoDate  # noqa: N815
    reason: str | None = Field(None, description="Why it is needed; becomes the request's name.")


class SharingRequests(PageInput):
    equipmentId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815
    status: SharingStatus | None = None
    client_query: ClassVar[ClientQuery] = ClientQuery(
        ResourceCall("GET", SHARING, Shape.PAGE, Tenancy.DATA, paging=None, query_style=QueryStyle.DATA_JSON,
                     defaults={"relations": ["employees", "equipment"]}),
        equals={"equipmentId": "equipmentId", "employeeId": "employees.id", "status": "status"})


# NOT NULL columns of the equipment table without a default, which CreateEquipmentDTO leaves optional.
NOT_NULL = {"type": "", "serialNumber": "", "autoApproveShare": False}

TOOLS = (
    read("get_equipment", "List equipment",
         "The organization's equipment and who holds each item.",
         TOOLSET, GetEquipment, INVENTORY, PageOutput),
    read("get_equipment_count", "Count equipment",
         "Count the organization's equipment, optionally filtered.",
         TOOLSET, CountEquipment, INVENTORY, CountOutput),
    read("get_equipment_by_id", "Get equipment",
         "One item of equipment by id, with its status and holders.",
         TOOLSET, GetEquipmentById, INVENTORY, RECORD),
    write("create_equipment", "Create equipment",
          "Add an item of equipment; only equipment_data.name is needed.",
          TOOLSET, CreateEquipment,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="equipment_data",
                       body_defaults={"currency": DEFAULT_CURRENCY, **NOT_NULL}),
          output=RECORD),
    write("update_equipment", "Update equipment",
          "Change the given fields of an item of equipment.",
          TOOLSET, UpdateEquipment,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="equipment_data",
                       merge_current=("name", "currency")),
          idempotent=True),
    write("assign_equipment", "Assign equipment",
          "Give an item of equipment to an employee from now on (an approved sharing); repeating it changes "
          "nothing.",
          TOOLSET, AssignEquipment,
          UseCaseCall("assign_equipment", (f"GET {SHARING}", f"POST {SHARING}/organization/:id")),
          idempotent=True),
    write("unassign_equipment", "Unassign equipment",
          "Take an item of equipment back: approved sharings covering today end now.",
          TOOLSET, IdInput, UseCaseCall("unassign_equipment", (f"GET {SHARING}", f"PUT {SHARING}/:id")),
          idempotent=True),
    delete("delete_equipment", "Delete equipment", "Delete an item of equipment permanently.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_equipment_by_employee", "Equipment held by an employee",
         "The equipment an employee holds today.",
         TOOLSET, ByEmployee, INVENTORY, PageOutput),
    read("get_my_equipment", "My equipment",
         "The equipment the signed-in employee holds today.",
         TOOLSET, Mine, INVENTORY, PageOutput),
    read("get_available_equipment", "Available equipment",
         "Equipment nobody holds today, optionally of one type.",
         TOOLSET, Available, INVENTORY, PageOutput),
    read("get_equipment_statistics", "Equipment statistics",
         "Count the organization's equipment by type, status and holder.",
         TOOLSET, Statistics, INVENTORY),
    write("request_equipment_sharing", "Request equipment sharing",
          "Ask to share an item of equipment with an employee between two dates; it waits for approval.",
          TOOLSET, RequestSharing, UseCaseCall("request_equipment_sharing", (f"POST {SHARING}/organization/:id",)),
          output=RECORD),
    read("get_equipment_sharing_requests", "Equipment sharing requests",
         "Equipment sharings, optionally of one item, employee or status.",
         TOOLSET, SharingRequests, UseCaseCall("client_query", (f"GET {SHARING}",)), PageOutput),
    read("search_equipment", "Search equipment",
         "Equipment whose name, type or serial number contains the text (any case).",
         TOOLSET, SearchEquipment, INVENTORY, PageOutput),
)
