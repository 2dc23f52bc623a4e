"""Invite an organization contact: `PUT /api/invite/organization-contact/:id` emails the
contact's primary email. Gauzy answers 500 when the contact has no primary email or when a
user of the tenant already has that email, which would read like an outage; the first is
checked before calling, the second is reported as the conflict it is."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from domain.errors import ConflictError, DomainError, InvalidInputError
from domain.gauzy import GauzyRequest

CONTACTS = "/api/organization-contact"
ALREADY_A_USER = "already exists in the account as a user"


class InviteContact:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        contact_id = str(arguments.model_dump()["contactId"])
        contact = await self._keeper.send(invocation.caller, GauzyRequest("GET", f"{CONTACTS}/{contact_id}"))
        if not isinstance(contact, dict) or not contact.get("primaryEmail"):
            name = contact.get("name") if isinstance(contact, dict) else contact_id
            raise InvalidInputError([f"contactId: contact {name!r} has no primary email, and Gauzy invites by "
                                     "email; set primaryEmail with update_organization_contact, then invite"])
        request = GauzyRequest("PUT", f"/api/invite/organization-contact/{contact_id}", body={}, idempotent=False)
        try:
            return await self._keeper.send(invocation.caller, request)
        except DomainError as error:  # a 500 from Gauzy (a 400 from the in-memory demo)
            if ALREADY_A_USER not in str(error):
                raise
            raise ConflictError(f"{contact['primaryEmail']} already belongs to a user of this Gauzy tenant, "
                                "so the contact cannot be invited; give the contact another primary email") from None
