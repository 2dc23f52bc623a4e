"""Organization contacts (`/api/organization-contact`): clients, customers and leads.

The reference's `/{id}/assign`, `/{id}/projects`, `/{id}/invite` and `/statistics` do not
exist: membership goes through `PUT /organization-contact/employee`, a contact's projects
through the projects list, the invitation through `PUT /invite/organization-contact/:id`,
and the statistics are counted by a use case.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from application.catalog.enums_teamwork import ContactBudgetType, ContactInviteStatus, ContactInviteType, ContactType
from application.catalog.fields import IdInput, IsoDate, IsoEndDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.fields_teamwork import ORG_SCOPE, OrgScope
from application.catalog.model import BulkCall, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write
from domain.gauzy import QueryStyle

TOOLSET = "organization-contact"
BASE = "/api/organization-contact"
SCOPE = same("organizationId", "tenantId")
# The pagination route matches name, email and phone as substrings and members by id.
FILTERS = {**SCOPE, "contactType": "contactType", "name": "name", "primaryEmail": "primaryEmail",
           "primaryPhone": "primaryPhone", "employeeId": "members[]", "members": "members"}


class ContactFilters(OrgScope):
    contactType: ContactType | None = None  # noqa: N815
    name: str | None = Field(None, description="Part of the contact's name.")
    primaryEmail: str | None = Field(None, description="Part of the contact's email.")  # noqa: N815
    primaryPhone: str | None = Field(None, description="Part of the contact's phone number.")  # noqa: N815


class GetContacts(PageInput, RelationsInput, ContactFilters):
    employeeId: Uuid | None = Field(None, description="Only contacts this employee is a member of.")  # noqa: N815


class ContactsPage(PageInput, RelationsInput, ContactFilters):
    members: list[Uuid] | None = Field(None, description="Only contacts with one of these employees as member.")


class CountContacts(OrgScope):
    contactType: ContactType | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815


class ContactsByEmployee(OrgScope):
    employeeId: Uuid  # noqa: N815
    contactType: ContactType | None = None  # noqa: N815


class GetContact(IdInput, RelationsInput):
    pass


class ContactData(ToolInput):
    """Fields of CreateOrganizationContactDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    name: str | None = Field(None, min_length=1)
    organizationId: Uuid | None = None  # noqa: N815 - defaults to yours, as everywhere (020)
    primaryEmail: str | None = None  # noqa: N815
    primaryPhone: str | None = None  # noqa: N815
    contactType: ContactType | None = None  # noqa: N815
    inviteStatus: ContactInviteStatus | None = None  # noqa: N815
    notes: str | None = None
    budget: float | None = Field(None, ge=0)
    budgetType: ContactBudgetType | None = None  # noqa: N815
    members: list[dict[str, str]] | None = Field(None, description="Member employees as [{'id': employeeId}].")


class NewContactData(ContactData):
    name: str = Field(min_length=1)


class CreateContact(ToolInput):
    contact_data: NewContactData


class UpdateContact(IdInput):
    contact_data: ContactData


class MembershipChanges(ContactData):
    """Membership changes, or else a contact's own fields (the reference sends either)."""

    addedEntityIds: list[Uuid] | None = Field(None, description="Contacts to add the employee to.")  # noqa: N815
    removedEntityIds: list[Uuid] | None = Field(  # noqa: N815
        None, description="Contacts to remove the employee from."
    )


MEMBERSHIP = ResourceCall("PUT", f"{BASE}/employee", body_from="contact_data", body={**SCOPE, "id": "member.id"},
                          defaults=ORG_SCOPE)
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", body_from="contact_data", body_defaults=ORG_SCOPE,
                      merge_current=("name",))


class UpdateByEmployee(OrgScope):
    id: Uuid = Field(description="The employee whose contacts change, or the contact whose fields change.")
    contact_data: MembershipChanges
    membership: ClassVar[ResourceCall] = MEMBERSHIP
    contact_update: ClassVar[ResourceCall] = UPDATE


class ContactUpdate(ContactData):
    """One item of a bulk update: Gauzy's field names, flat, next to the id."""

    model_config = ConfigDict(extra="forbid")
    id: Uuid
    tenantId: Uuid | None = None  # noqa: N815 - defaults to yours, as everywhere (020)


class BulkCreateContacts(ToolInput):
    contacts: list[NewContactData] = Field(min_length=1, max_length=100)


class BulkUpdateContacts(ToolInput):
    contacts: list[ContactUpdate] = Field(min_length=1, max_length=100)


class BulkDeleteContacts(ToolInput):
    ids: list[Uuid] = Field(min_length=1, max_length=100)


class ContactStatistics(OrgScope):
    contactType: ContactType | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815
    startDate: IsoDate | None = Field(None, description="Only contacts created from this day.")  # noqa: N815
    endDate: IsoEndDate | None = None  # noqa: N815


class ContactMember(OrgScope):
    contactId: Uuid  # noqa: N815
    employeeId: Uuid  # noqa: N815


class ContactProjects(OrgScope, PageInput):
    contactId: Uuid  # noqa: N815


class InviteContact(OrgScope):
    contactId: Uuid  # noqa: N815
    inviteType: ContactInviteType = Field("EMAIL", description="Gauzy invites by email only.")  # noqa: N815


def page(model: type[ToolInput], shape: Shape = Shape.PAGE) -> ResourceCall:
    where = {name: key for name, key in FILTERS.items() if name in model.model_fields}
    return ResourceCall("GET", f"{BASE}/pagination", shape, Tenancy.NONE, where=where, defaults=ORG_SCOPE)


def members(change: str) -> ResourceCall:
    keep = "removedEntityIds" if change == "addedEntityIds" else "addedEntityIds"
    body = {**SCOPE, "contactId": f"{change}[]", "employeeId": "member.id"}
    return ResourceCall("PUT", f"{BASE}/employee", body=body, body_defaults={keep: []}, defaults=ORG_SCOPE)


CREATE = ResourceCall("POST", BASE, body_from="contact_data", body_defaults=ORG_SCOPE)
UPDATE_ITEM = ResourceCall("PUT", f"{BASE}/{{id}}", body=same(*(f for f in ContactUpdate.model_fields if f != "id")),
                           body_defaults=ORG_SCOPE, merge_current=("name",))
DELETE = ResourceCall("DELETE", f"{BASE}/{{id}}")

TOOLS = (
    read("get_organization_contacts", "List contacts",
         "The organization's clients, customers and leads. Use to find a contact's id.",
         TOOLSET, GetContacts, page(GetContacts)),
    read("get_organization_contact_count", "Count contacts",
         "Count the organization's contacts, optionally filtered.",
         TOOLSET, CountContacts,
         ResourceCall("GET", f"{BASE}/pagination", Shape.COUNT, Tenancy.NONE,
                      where={**SCOPE, "contactType": "contactType", "employeeId": "members[]"},
                      defaults={**ORG_SCOPE, "limit": 1})),
    read("get_organization_contacts_pagination", "Page through contacts",
         "Page through contacts, also by several member employees.",
         TOOLSET, ContactsPage, page(ContactsPage)),
    read("get_organization_contacts_by_employee", "Contacts of an employee",
         "The contacts an employee is a member of (id, name and image only).",
         TOOLSET, ContactsByEmployee,
         ResourceCall("GET", f"{BASE}/employee/{{employeeId}}", Shape.PAGE, Tenancy.NONE,
                      query={**SCOPE, "contactType": "contactType"}, defaults=ORG_SCOPE, paging=None)),
    read("get_organization_contact", "Get a contact",
         "One contact by id; relations e.g. 'members', 'projects', 'tags'.",
         TOOLSET, GetContact,
         ResourceCall("GET", f"{BASE}/{{id}}", query_style=QueryStyle.DATA_JSON, paging=None), RECORD),
    write("create_organization_contact", "Create a contact",
          "Create a client, customer or lead; only contact_data.name is required.",
          TOOLSET, CreateContact, CREATE, output=RECORD),
    write("update_organization_contact", "Update a contact",
          "Change the given fields of a contact.",
          TOOLSET, UpdateContact,
          UPDATE, idempotent=True, output=RECORD),
    write("update_organization_contact_by_employee", "Change an employee's contacts",
          "Add an employee (id) to contacts and remove them from others (contact_data.addedEntityIds, "
          "removedEntityIds), or change a contact's fields (id is the contact).",
          TOOLSET, UpdateByEmployee,
          UseCaseCall("update_contact_by_employee", (MEMBERSHIP.route, UPDATE.route, f"GET {BASE}/:id")),
          idempotent=True),
    delete("delete_organization_contact", "Delete a contact", "Delete a client, customer or lead permanently.",
           TOOLSET, IdInput, DELETE),
    write("bulk_create_organization_contacts", "Create several contacts",
          "Create up to 100 contacts one by one, reporting progress.",
          TOOLSET, BulkCreateContacts, BulkCall(CREATE, "contacts", item_as="contact_data")),
    write("bulk_update_organization_contacts", "Update several contacts",
          "Update up to 100 contacts one by one, reporting progress.",
          TOOLSET, BulkUpdateContacts, BulkCall(UPDATE_ITEM, "contacts"), idempotent=True),
    delete("bulk_delete_organization_contacts", "Delete several contacts",
           "Delete up to 100 contacts by id one by one.",
           TOOLSET, BulkDeleteContacts, BulkCall(DELETE, "ids")),
    read("get_organization_contact_statistics", "Contact statistics",
         "Count the organization's contacts by type and invite status.",
         TOOLSET, ContactStatistics, UseCaseCall("contact_statistics", (f"GET {BASE}/pagination",))),
    write("assign_contact_to_employee", "Add an employee to a contact",
          "Make an employee a member of a contact. Returns true when done.",
          TOOLSET, ContactMember, members("addedEntityIds"), idempotent=True),
    write("unassign_contact_from_employee", "Remove an employee from a contact",
          "Remove an employee from a contact's members. Returns true when done.",
          TOOLSET, ContactMember, members("removedEntityIds"), idempotent=True),
    read("get_contact_projects", "Projects of a contact",
         "The projects whose client is this contact.",
         TOOLSET, ContactProjects,
         ResourceCall("GET", "/api/organization-projects/pagination", Shape.PAGE, Tenancy.NONE,
                      where={**SCOPE, "contactId": "organizationContactId"}, defaults=ORG_SCOPE)),
    write("invite_organization_contact", "Invite a contact",
          "Email the contact an invitation to join as a viewer; it needs a primary email and must not be a user "
          "yet.",
          TOOLSET, InviteContact,
          UseCaseCall("invite_organization_contact", (f"GET {BASE}/:id", "PUT /api/invite/organization-contact/:id")),
          output=RECORD),
)
