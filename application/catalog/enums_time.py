"""Values of the time-tracking fields, as the real API spells them (gauzy-contracts `enums`)."""

from __future__ import annotations

from application.catalog.fields import api_enum

TimesheetStatus = api_enum(("DRAFT", "PENDING", "IN REVIEW", "DENIED", "APPROVED"), {"IN_REVIEW": "IN REVIEW"},
                           what="timesheet status")
TimesheetDecision = api_enum(("APPROVED", "DENIED"), {"approve": "APPROVED", "deny": "DENIED"}, what="decision")
