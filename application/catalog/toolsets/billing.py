"""Billing from tracked time: draft invoices whose lines are the hours logged per employee (or per
task) at each employee's bill rate. Beyond the reference, whose invoices carry typed-in amounts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from application.catalog.fields import IsoDate, IsoEndDate, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs_time import DraftInvoicesOutput
from application.catalog.rows import write
from application.catalog.toolsets.invoices import ADD_ITEMS, CREATE, HIGHEST
from application.catalog.toolsets.time_logs import LIST_LOGS

TOOLSET = "billing"
PROJECTS = ResourceCall("GET", "/api/organization-projects/pagination", Shape.PAGE, Tenancy.WHERE,
                        where={"status": "status"})


class DraftInvoicesFromTime(ToolInput):
    startDate: IsoDate = Field(description="Bill time logged from this moment...")  # noqa: N815
    endDate: IsoEndDate = Field(description="...to this one.")  # noqa: N815
    projectIds: list[Uuid] | None = Field(  # noqa: N815
        None, max_length=50, description="Projects to invoice; default: every project whose status is 'completed'.")
    groupBy: Literal["employee", "task"] = Field(  # noqa: N815
        "employee", description="One line per employee, or per task and employee.")
    preview: bool = Field(False, description="Compute the invoices without creating them.")


TOOLS = (
    write("draft_invoices_from_time", "Draft invoices from tracked time",
          "Draft one invoice per project to its client: hours logged in the period times each employee's bill rate. "
          "A project lacking a client, time or rates is skipped with the reason.",
          TOOLSET, DraftInvoicesFromTime,
          UseCaseCall("draft_invoices_from_time",
                      (PROJECTS.route, LIST_LOGS.route, HIGHEST.route, CREATE.route, ADD_ITEMS.route)),
          output=DraftInvoicesOutput),
)
