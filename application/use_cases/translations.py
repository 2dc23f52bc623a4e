"""Save product categories (and the translated part of products) from a plain name.

Gauzy keeps these names in `translations` (one row per language, each validated as a
TenantOrganizationBaseDTO), and a category update deletes and recreates the row, so a
translation left out of an update is lost. A model gives `name` / `description` in one
language: they become that language's translation, merged with the record's others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from application.catalog.model import ResourceCall
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.requests import build_request, current_record_request
from application.use_cases.declared import declared
from domain.principal import GauzyCredential

DEFAULT_LANGUAGE = "en"
TRANSLATED = ("name", "description")


def translations(data: Mapping[str, Any], credential: GauzyCredential,
                 current: Sequence[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """The record's translations after applying `data`, each scoped to the caller's organization."""
    by_language = {str(t.get("languageCode")): _kept(t) for t in current if t.get("languageCode")}
    for given in data.get("translations") or []:
        by_language[str(given["languageCode"])] = dict(given)
    language = str(data.get("languageCode") or DEFAULT_LANGUAGE)
    if any(data.get(key) for key in TRANSLATED):
        entry = by_language.setdefault(language, {"languageCode": language})
        entry.update({key: data[key] for key in TRANSLATED if data.get(key) is not None})
    scope = {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}
    return [entry | scope for entry in by_language.values() if entry.get("name")]


def _kept(translation: Mapping[str, Any]) -> dict[str, Any]:
    return {key: translation[key] for key in ("id", "languageCode", "name", "description") if key in translation}


def body_with_translations(data: Mapping[str, Any], credential: GauzyCredential,
                           current: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    body = {key: value for key, value in data.items() if key not in ("languageCode", "translations")}
    return body | {"translations": translations(data, credential, current)}


class CreateTranslated:
    """The input model names its create route in `creates` (body_from = the data field)."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        call = declared(arguments, "creates", ResourceCall)
        credential = await self._keeper.current(invocation.caller)
        data = arguments.model_dump(exclude_none=True)[str(call.body_from)]
        values = {str(call.body_from): body_with_translations(data, credential)}
        return await self._keeper.send(invocation.caller, build_request(call, values, credential))


class UpdateTranslated:
    """The input model names its PUT route in `updates`; the record is read first so the
    languages and fields the update leaves out survive Gauzy's delete-and-recreate."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        call = declared(arguments, "updates", ResourceCall)
        values = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)
        request = build_request(call, values, credential)
        current = await self._keeper.send(invocation.caller, current_record_request(request, credential))
        data = values.get(str(call.body_from)) or {}
        body = {key: current.get(key) for key in call.merge_current if current.get(key) is not None}
        body |= body_with_translations(data, credential, current.get("translations") or [])
        values[str(call.body_from)] = body
        return await self._keeper.send(invocation.caller, build_request(call, values, credential))
