"""The named use cases of the invoices, deals, pipelines, candidates and awards toolsets,
as providers for the container's `use_cases` dict (keyed by their UseCaseCall names)."""

from __future__ import annotations

from typing import Any

from dependency_injector import providers

from application.use_cases.candidates import CreateCandidate, SetCandidateStatus
from application.use_cases.catalog_rows import RowRunner
from application.use_cases.deals import CreateDeal, DealsBoard, DealStatistics, MoveDealToStage, SearchDeals
from application.use_cases.employee_awards import AwardStatistics
from application.use_cases.invoices import CreateInvoice, HighestInvoiceNumber, SendInvoiceEmail
from application.use_cases.payments import PaymentTotals
from application.use_cases.pipelines import (
    AddPipelineStage,
    CreatePipeline,
    RemovePipelineStage,
    UpdatePipeline,
    UpdatePipelineStage,
)


def business_use_cases(keeper: providers.Provider[Any], clock: providers.Provider[Any]) -> dict[str, Any]:
    runner = providers.Singleton(RowRunner, keeper)
    on_rows = {
        "send_invoice_email": SendInvoiceEmail,
        "get_highest_invoice_number": HighestInvoiceNumber,
        "get_payment_statistics": PaymentTotals,
        "create_deal": CreateDeal,
        "update_deal_stage": MoveDealToStage,
        "search_deals": SearchDeals,
        "get_deal_statistics": DealStatistics,
        "get_deals_pipeline": DealsBoard,
        "create_pipeline": CreatePipeline,
        "update_pipeline": UpdatePipeline,
        "add_pipeline_stage": AddPipelineStage,
        "update_pipeline_stage": UpdatePipelineStage,
        "remove_pipeline_stage": RemovePipelineStage,
        "create_candidate": CreateCandidate,
        "update_candidate_status": SetCandidateStatus,
        "get_employee_awards_statistics": AwardStatistics,
    }
    made: dict[str, Any] = {name: providers.Singleton(kind, runner) for name, kind in on_rows.items()}
    made["create_invoice"] = providers.Singleton(CreateInvoice, runner, clock)
    return made
