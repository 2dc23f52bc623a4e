"""Organization-contact routes with behaviour of their own: the list's substring and member
filters, contacts by employee, membership edits, and the contact invitation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import Caller, Store, check_organization, matches, page, scoped_where
from adapters.outbound.in_memory_gauzy.teamwork_rules import like, listed
from domain.errors import GauzyValidationError

CONTACTS = "organization-contact"
SUBSTRING_FIELDS = ("name", "primaryEmail", "primaryPhone")


def contact_page(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                 body: Any) -> Any:
    """OrganizationContactService.pagination: name, email and phone match as LIKE %x%,
    `members` as a list of employee ids; other where keys by equality."""
    where = scoped_where(query, caller)
    exact = {k: v for k, v in where.items() if k not in (*SUBSTRING_FIELDS, "members", "tenantId")}
    members = set(listed(where.get("members")))
    rows = [
        contact for contact in store.find(CONTACTS, caller, exact)
        if all(like(contact.get(f), where[f]) for f in SUBSTRING_FIELDS if where.get(f))
        and (not members or members & {m.get("id") for m in contact.get("members") or []})
    ]
    return page(rows, query, skip_is_page=True)


def contacts_of_employee(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                         body: Any) -> Any:
    check_organization(str(query.get("organizationId")), caller)
    where = {"organizationId": query["organizationId"], "members": {"id": params["employeeId"]}}
    if query.get("contactType"):
        where["contactType"] = query["contactType"]
    return [{"id": c["id"], "name": c.get("name"), "imageUrl": c.get("imageUrl")}
            for c in store.rows(CONTACTS, caller) if matches(c, where)]


def edit_by_employee(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                     body: Any) -> Any:
    """PUT /organization-contact/employee (UpdateEntityByMembersHandler)."""
    fields = dict(body or {})
    member_id = str((fields.get("member") or {}).get("id"))
    store.get("employee", caller, member_id)
    for contact_id in listed(fields.get("addedEntityIds")):
        contact = store.get(CONTACTS, caller, contact_id)
        others = [m for m in contact.get("members") or [] if m.get("id") != member_id]
        store.update(CONTACTS, caller, contact_id, {"members": [*others, {"id": member_id}]})
    for contact_id in listed(fields.get("removedEntityIds")):
        contact = store.get(CONTACTS, caller, contact_id)
        store.update(CONTACTS, caller, contact_id,
                     {"members": [m for m in contact.get("members") or [] if m.get("id") != member_id]})
    return True


def invite_contact(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    """PUT /invite/organization-contact/:id: needs an email that is not already a user's."""
    contact = store.get(CONTACTS, caller, params["id"])
    email = contact.get("primaryEmail")
    if not email:
        raise GauzyValidationError([f"Organization contact with id {contact['id']} does not have a primary email "
                                    "address. A valid primary email is required to send the invitation."])
    if any(str(e.get("user", {}).get("email", "")).lower() == str(email).lower()
           for e in store.rows("employee", caller)):
        raise GauzyValidationError(["Contact email already exists in the account as a user"])
    return store.update(CONTACTS, caller, contact["id"], {"inviteStatus": "INVITED"})


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/organization-contact/pagination"): contact_page,
    ("GET", "/api/organization-contact/employee/:employeeId"): contacts_of_employee,
    ("PUT", "/api/organization-contact/employee"): edit_by_employee,
    ("PUT", "/api/invite/organization-contact/:id"): invite_contact,
}
