"""Draft invoices from tracked time: per project, the period's logs summed per employee (or task
and employee), priced at each employee's bill rate, billed to the project's client. A project is
skipped, with the reason, rather than invoiced with a guessed client or rate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets import billing as rows
from application.catalog.toolsets.billing import PROJECTS
from application.catalog.toolsets.invoices import ADD_ITEMS, CREATE, DAYS_TO_PAY, DEFAULT_CURRENCY, HIGHEST
from application.catalog.toolsets.time_logs import LIST_LOGS
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from application.use_cases.invoices import item_lines, next_number
from application.use_cases.time_reports import hours, person_name, related
from domain.errors import DomainError
from domain.ports import Clock

Row = dict[str, Any]
INVOICE_TYPE = {"employee": "BY_EMPLOYEE_HOURS", "task": "BY_TASK_HOURS"}


def _stamp(clock: Clock, days: int = 0) -> str:
    return (clock.now() + timedelta(days=days)).isoformat().replace("+00:00", "Z")


def invoice_lines(logs: Sequence[Row], group_by: str) -> list[Row]:
    """Hours per employee (and task), rounded to the hundredth, times the employee's rate."""
    sums: dict[tuple[Any, Any], Row] = {}
    for log in logs:
        employee, task = related(log, "employee"), related(log, "task")
        key = (log.get("employeeId"), log.get("taskId") if group_by == "task" else None)
        line = sums.setdefault(key, {"employeeId": key[0], "taskId": key[1], "seconds": 0,
                                     "name": person_name(employee) or str(key[0]), "task": task.get("title"),
                                     "rate": float(employee.get("billRateValue") or 0)})
        line["seconds"] += int(log.get("duration") or 0)
    return [_priced(line) for line in sums.values()]


def _priced(line: Row) -> Row:
    quantity = hours(line["seconds"])
    label = f"{line['task']} ({line['name']})" if line["taskId"] else line["name"]
    return {"description": f"{label}: {quantity} h", "employeeId": line["employeeId"], "taskId": line["taskId"],
            "hours": quantity, "rate": line["rate"], "amount": round(quantity * line["rate"], 2),
            "employeeName": line["name"]}


def why_not(project: Row, lines: Sequence[Row]) -> str | None:
    """The reason a project cannot be invoiced from its time, or None."""
    if not project.get("organizationContactId"):
        return "the project has no client (organizationContactId): set one with update_project"
    if not lines:
        return "no time logged on the project in the period"
    unpriced = sorted({line["employeeName"] for line in lines if line["rate"] <= 0})
    if unpriced:
        return f"no bill rate for {', '.join(unpriced)}: set billRateValue with update_employee"
    return None


class DraftInvoicesFromTime:
    def __init__(self, runner: RowRunner, clock: Clock) -> None:
        self._runner = runner
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        request = arguments_as(rows.DraftInvoicesFromTime, arguments)
        projects = await self._projects(request, invocation)
        selection = {"startDate": request.startDate, "endDate": request.endDate,
                     "projectIds": [p["id"] for p in projects], "relations": ["employee", "employee.user", "task"]}
        logs = await self._runner.all_items(LIST_LOGS, selection, invocation) if projects else []
        number = next_number(await self._runner.run(HIGHEST, {}, invocation))
        outcomes = []
        for index, project in enumerate(projects):
            mine = [log for log in logs if log.get("projectId") == project["id"]]
            outcome = await self._one(project, invoice_lines(mine, request.groupBy), number, request, invocation)
            number += outcome["outcome"] == "drafted"
            outcomes.append(outcome)
            await invocation.progress(index + 1, len(projects), f"{project.get('name')}: {outcome['outcome']}")
        count = {kind: sum(o["outcome"] == kind for o in outcomes) for kind in ("drafted", "skipped", "failed")}
        return {**count, "projects": outcomes}

    async def _projects(self, request: rows.DraftInvoicesFromTime, invocation: Invocation) -> list[Row]:
        wanted = {"limit": 100, "page": 1} | ({} if request.projectIds else {"status": "completed"})
        found = await self._runner.all_items(PROJECTS, wanted, invocation)
        if request.projectIds:
            found = [p for p in found if p.get("id") in request.projectIds]
        return found

    async def _one(self, project: Row, lines: list[Row], number: int, request: rows.DraftInvoicesFromTime,
                   invocation: Invocation) -> Row:
        total = round(sum(line["amount"] for line in lines), 2)
        outcome: Row = {"projectId": project["id"], "projectName": project.get("name"),
                        "clientId": project.get("organizationContactId"),
                        "currency": project.get("currency") or DEFAULT_CURRENCY, "total": total,
                        "hours": round(sum(line["hours"] for line in lines), 2), "lines": lines}
        reason = why_not(project, lines)
        if reason or request.preview:
            return {**outcome, "outcome": "skipped", "reason": reason or "preview: nothing was created"}
        try:
            invoice = await self._create(project, lines, number, total, request, invocation)
        except DomainError as error:
            return {**outcome, "outcome": "failed", "reason": str(error)}
        return {**outcome, "outcome": "drafted", "invoiceId": invoice["id"], "invoiceNumber": number}

    async def _create(self, project: Row, lines: list[Row], number: int, total: float,
                      request: rows.DraftInvoicesFromTime, invocation: Invocation) -> Row:
        period = f"{request.startDate[:10]} to {request.endDate[:10]}"
        data = {"invoiceNumber": number, "invoiceDate": _stamp(self._clock),
                "dueDate": _stamp(self._clock, DAYS_TO_PAY), "currency": project.get("currency") or DEFAULT_CURRENCY,
                "toContactId": project["organizationContactId"], "invoiceType": INVOICE_TYPE[request.groupBy],
                "totalValue": total, "isEstimate": False,
                "internalNote": f"Time logged {period} on {project.get('name')}"}
        invoice: Row = await self._runner.run(CREATE, {"invoice_data": data}, invocation)
        items = [{"description": line["description"], "price": line["rate"], "quantity": line["hours"],
                  "totalValue": line["amount"], "employeeId": line["employeeId"], "taskId": line["taskId"],
                  "projectId": project["id"]} for line in lines]
        scoped = item_lines(items, {**invoice, "invoiceId": invoice["id"]})
        await self._runner.run(ADD_ITEMS, {"invoiceId": invoice["id"], "items": scoped}, invocation)
        return invoice
