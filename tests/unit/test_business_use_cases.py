"""The pure helpers of the invoices, deals, pipelines and awards use cases."""

from __future__ import annotations

import pytest

from application.use_cases.deals import fold, in_range, stage_named
from application.use_cases.employee_awards import group_key
from application.use_cases.invoices import item_lines, next_number
from application.use_cases.pipelines import find_stage, stages_of
from domain.errors import NotFoundError


@pytest.mark.parametrize(("answer", "expected"), [({"max": 7}, 8), ({"max": "12"}, 13), ({"max": None}, 1),
                                                   (None, 1), ({"max": "n/a"}, 1)])
def test_next_invoice_number_follows_the_highest(answer: object, expected: int) -> None:
    assert next_number(answer) == expected


def test_invoice_lines_name_their_invoice_and_default_their_total() -> None:
    lines = item_lines([{"price": 50.0, "quantity": 2}, {"price": 10.0, "quantity": 1, "totalValue": 8.0}],
                       {"invoiceId": "i-1", "organizationId": "o-1", "tenantId": "t-1"})
    assert [(line["totalValue"], line["invoiceId"], line["organizationId"]) for line in lines] == [
        (100.0, "i-1", "o-1"), (8.0, "i-1", "o-1")]


def test_stage_names_match_in_any_spelling() -> None:
    pipeline = {"name": "Sales", "stages": [{"id": "s2", "name": "Qualified Lead", "index": 2},
                                            {"id": "s1", "name": "Lead", "index": 1}]}
    assert fold("QUALIFIED_LEAD") == fold("qualified-lead") == fold(" Qualified Lead ")
    assert stage_named(pipeline, "qualified_lead")["id"] == "s2"
    with pytest.raises(NotFoundError, match="no stage named 'Won'") as raised:
        stage_named(pipeline, "Won")
    assert "Lead, Qualified Lead" in raised.value.hint


def test_pipeline_stages_are_read_in_index_order_and_found_by_id() -> None:
    stages = stages_of({"stages": [{"id": "b", "index": 10}, {"id": "a", "index": 2}]})
    assert [s["id"] for s in stages] == ["a", "b"]
    assert find_stage(stages, "b") == 1
    with pytest.raises(NotFoundError):
        find_stage(stages, "c")


def test_ranges_keep_rows_inside_both_ends() -> None:
    rows = [{"at": "2026-01-31T23:00:00+00:00"}, {"at": "2026-02-01T00:00:00Z"}, {"at": None}]
    assert in_range(rows, "at", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z") == [rows[1]]
    assert in_range(rows, "at", None, None) == rows


def test_awards_group_by_employee_year_or_month_recorded() -> None:
    award = {"employeeId": "e-1", "year": "2025", "createdAt": "2026-03-04T10:00:00+00:00"}
    assert [group_key(award, grouping) for grouping in ("employee", "year", "month")] == ["e-1", "2025", "2026-03"]
