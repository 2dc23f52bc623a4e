"""Candidates (`/api/candidate`). Skills, experience and education are in candidate_profile.py.

Gauzy's only status routes are "hired" (which also makes the candidate an employee) and
"rejected"; APPLIED is written with a plain update. Both run in one use case.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from application.catalog.enums import Currency
from application.catalog.enums_finance import CandidateStatus, PayPeriod
from application.catalog.fields import IdInput, IsoDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "candidates"
BASE = "/api/candidate"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def rating_field() -> Any:
    return Field(None, ge=0, le=5)


class CandidateUser(ToolInput):
    email: str = Field(pattern=EMAIL, description="The candidate's email; Gauzy sends a welcome message there.")
    firstName: str | None = None  # noqa: N815
    lastName: str | None = None  # noqa: N815
    imageUrl: str | None = None  # noqa: N815


class CandidateData(ToolInput):
    """Fields of UpdateCandidateDTO; other entity fields are passed through."""

    model_config = ConfigDict(extra="allow")
    short_description: str | None = Field(None, max_length=200)
    description: str | None = None
    appliedDate: IsoDate | None = None  # noqa: N815
    rejectDate: IsoDate | None = None  # noqa: N815
    candidateLevel: str | None = Field(None, max_length=500)  # noqa: N815
    cvUrl: str | None = None  # noqa: N815
    organizationPositionId: Uuid | None = None  # noqa: N815
    sourceId: Uuid | None = None  # noqa: N815
    rating: float | None = rating_field()
    billRateValue: float | None = Field(None, ge=0)  # noqa: N815
    billRateCurrency: Currency | None = None  # noqa: N815
    minimumBillingRate: float | None = Field(None, ge=0)  # noqa: N815
    payPeriod: PayPeriod | None = None  # noqa: N815
    reWeeklyLimit: float | None = Field(None, ge=0)  # noqa: N815


class NewCandidateData(CandidateData):
    user: CandidateUser = Field(description=(
        "The candidate's user account: {email, firstName, lastName}; email is required."))
    password: str | None = Field(
        None, min_length=8, description="Defaults to a random one they can reset.")


class CandidateFilters(ToolInput):
    status: CandidateStatus | None = None
    organizationPositionId: Uuid | None = None  # noqa: N815
    sourceId: Uuid | None = None  # noqa: N815


class GetCandidates(PageInput, RelationsInput, CandidateFilters):
    search: str | None = Field(None, description="Exact first name to find.")
    rating: float | None = rating_field()


class GetCandidate(IdInput, RelationsInput):
    pass


class CreateCandidate(ToolInput):
    candidate_data: NewCandidateData


class UpdateCandidate(IdInput):
    candidate_data: CandidateData


class CandidateStatusChange(IdInput):
    status: CandidateStatus


class RateCandidate(IdInput):
    rating: float = Field(ge=0, le=5)


class CandidatesByPosition(PageInput, RelationsInput):
    positionId: Uuid  # noqa: N815
    status: CandidateStatus | None = None


PAGE = f"{BASE}/pagination"
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="candidate_data")
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="candidate_data")
STATUS = ResourceCall("PUT", f"{BASE}/{{id}}/{{status}}")
GET = ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.WHERE)

TOOLS = (
    read("get_candidates", "List candidates",
         "The organization's job candidates; relations ['user'] adds names and emails.",
         TOOLSET, GetCandidates,
         ResourceCall("GET", PAGE, Shape.PAGE, Tenancy.WHERE,
                      where={**same(*CandidateFilters.model_fields, "rating"), "search": "user.firstName"})),
    read("get_candidate_count", "Count candidates",
         "Count the organization's candidates, optionally filtered.",
         TOOLSET, CandidateFilters,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY, query=same(*CandidateFilters.model_fields))),
    read("get_candidate", "Get a candidate",
         "One candidate by id; relations e.g. 'user', 'skills', 'experience', 'educations'.",
         TOOLSET, GetCandidate, GET, RECORD),
    write("create_candidate", "Add a candidate",
          "Add a job candidate (candidate_data.user.email required). Gauzy creates their user account and emails a "
          "welcome; status starts as APPLIED.",
          TOOLSET, CreateCandidate, UseCaseCall("create_candidate", (CREATE.route,)), output=RECORD),
    write("update_candidate", "Update a candidate",
          "Change the given fields of a candidate.",
          TOOLSET, UpdateCandidate, UPDATE, idempotent=True, output=RECORD),
    write("update_candidate_status", "Hire or reject a candidate",
          "Set a candidate's status: HIRED (Gauzy also creates their employee record), REJECTED or APPLIED.",
          TOOLSET, CandidateStatusChange, UseCaseCall("update_candidate_status", (STATUS.route, UPDATE.route)),
          idempotent=True, output=RECORD),
    write("rate_candidate", "Rate a candidate", "Set a candidate's rating from 0 to 5.",
          TOOLSET, RateCandidate,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body=same("rating")),
          idempotent=True, output=RECORD),
    delete("delete_candidate", "Delete a candidate",
           "Delete a candidate and their profile permanently; to keep the record, reject them.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_candidates_by_position", "Candidates for a position",
         "The candidates who applied for one organization position.",
         TOOLSET, CandidatesByPosition,
         ResourceCall("GET", PAGE, Shape.PAGE, Tenancy.WHERE,
                      where={"positionId": "organizationPositionId", "status": "status"})),
)
