"""Reports (`/api/report`): the catalogue of Gauzy's built-in reports and which of them the
organization shows in its menu. Gauzy returns the whole catalogue at once; the filters
are applied by a use case."""

from __future__ import annotations

from pydantic import Field

from application.catalog.fields import PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import PageOutput
from application.catalog.rows import RECORD, read, write

TOOLSET = "reports"
BASE = "/api/report"


class GetReports(PageInput, RelationsInput):
    search: str | None = Field(None, description="Text to find in the report's name or description.")
    category: str | None = Field(None, description="Category name or part of it, e.g. 'Time Tracking'.")
    showInMenu: bool | None = Field(None, description="Only reports shown (true) or hidden (false) in the menu.")  # noqa: N815
    enabled: bool | None = Field(None, description="Same as showInMenu: enabled for the organization's menu.")


class NoInput(ToolInput):
    pass


class UpdateMenu(ToolInput):
    reportId: Uuid  # noqa: N815
    isEnabled: bool = Field(description="Show (true) or hide (false) the report in the organization's menu.")  # noqa: N815


TOOLS = (
    read("get_reports", "List reports",
         "Gauzy's reports with their category and whether the organization's menu shows them.",
         TOOLSET, GetReports, UseCaseCall("list_reports", (f"GET {BASE}",)), PageOutput),
    read("get_report_categories", "Report categories",
         "The report categories (Time Tracking, Payments, Time Off, Invoicing, ...).",
         TOOLSET, NoInput, ResourceCall("GET", f"{BASE}/category", Shape.PAGE, paging=None)),
    read("get_report_menu_items", "Reports in the menu",
         "The reports the organization shows in its menu.",
         TOOLSET, NoInput, ResourceCall("GET", f"{BASE}/menu-items", Shape.PAGE, Tenancy.QUERY, paging=None)),
    write("update_report_menu", "Show or hide a report",
          "Show or hide a report in the organization's menu.",
          TOOLSET, UpdateMenu,
          ResourceCall("POST", f"{BASE}/menu-item", tenancy=Tenancy.BODY, body={"reportId": "reportId",
                                                                                 "isEnabled": "isEnabled"}),
          idempotent=True, output=RECORD),
)
