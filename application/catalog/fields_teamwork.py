"""Input pieces shared by the teamwork toolsets."""

from __future__ import annotations

from pydantic.json_schema import SkipJsonSchema

from application.catalog.fields import ToolInput, Uuid
from application.catalog.model import ContextValue

# A field the model never sees or sets: the row's `defaults` fill it (the caller's own
# employee, a fixed status), so a route's filter can be pinned without a visible parameter.
Hidden = SkipJsonSchema[None]

ORG_SCOPE = {"organizationId": ContextValue.ORGANIZATION_ID, "tenantId": ContextValue.TENANT_ID}


class OrgScope(ToolInput):
    """The reference's organization-contact tools take the organization explicitly; it
    defaults to the signed-in user's, and Gauzy refuses one the user does not belong to.
    No words on the fields: every organization and tenant parameter defaults to yours
    (docs/decisions/020), and saying so on each would be read before every conversation."""

    organizationId: Uuid | None = None  # noqa: N815
    tenantId: Uuid | None = None  # noqa: N815

