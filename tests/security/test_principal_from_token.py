"""The principal of an OAuth request comes from its token, and its Gauzy credential from the
session store — issue 5 §5 and SECURITY.md items 5 and 23 (MCP Security Best Practices,
"Session Hijacking", "Token Passthrough")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.outbound.gauzy_model.in_process import DEMO_EMAIL, DEMO_PASSWORD, InMemoryGauzyApi
from adapters.outbound.in_memory_sessions import InMemorySessionStore
from application.access_policy import caller_from_claims, oauth_session_key
from application.credentials import CredentialKeeper
from application.oauth.browser import person_session_key
from bootstrap.container import service_account
from bootstrap.settings import Settings
from domain.access import AccessClaims
from domain.errors import NotSignedInError, PermissionDeniedError
from tests.clock import ManualClock

pytestmark = pytest.mark.anyio


def claims(**overrides) -> AccessClaims:
    values = {"subject": "user-7", "scopes": frozenset({"mcp.read"}), "audience": "http://127.0.0.1:3001/mcp",
              "expires_at": datetime(2030, 1, 1, tzinfo=UTC), "client_id": "client-7", **overrides}
    return AccessClaims(**values)


def keeper() -> CredentialKeeper:
    clock = ManualClock()
    return CredentialKeeper(InMemoryGauzyApi(clock), InMemorySessionStore(clock), clock, session_ttl_seconds=600)


def test_the_caller_is_the_tokens_subject_in_a_subject_keyed_session() -> None:
    """Item 23: session key `<sub>:<id>`; the credential lives with the person, not the session."""
    caller = caller_from_claims(claims(tenant_id="t-1"), oauth_session_key("user-7", "abc"))
    assert (caller.session_key, caller.subject, caller.client_id) == ("user-7:abc", "user-7", "client-7")
    assert caller.scopes == {"mcp.read"} and caller.tenant_id == "t-1"
    assert caller.credential_key == person_session_key("user-7")


async def test_one_sign_in_serves_every_session_of_the_person() -> None:
    """Issue 5 §5: the Gauzy credential comes from the store, shared by the person's sessions."""
    subject = keeper()
    first = caller_from_claims(claims(), oauth_session_key("user-7", "one"))
    second = caller_from_claims(claims(), oauth_session_key("user-7", "two"))
    other = caller_from_claims(claims(subject="user-8"), oauth_session_key("user-8", "one"))
    await subject.sign_in(first, DEMO_EMAIL, DEMO_PASSWORD)
    assert (await subject.current(second)).email == DEMO_EMAIL
    with pytest.raises(NotSignedInError, match="login tool"):
        await subject.current(other)


async def test_a_credential_of_another_tenant_than_the_token_is_refused() -> None:
    """Issue 5 §5: a token issued for one tenant never runs calls in another."""
    subject = keeper()
    caller = caller_from_claims(claims(tenant_id="not-the-demo-tenant"), oauth_session_key("user-7", "s"))
    await subject.sign_in(caller, DEMO_EMAIL, DEMO_PASSWORD)
    with pytest.raises(PermissionDeniedError, match="another tenant"):
        await subject.current(caller)


def test_no_service_account_stands_in_for_an_oauth_principal() -> None:
    """Issue 5 §5: with OAuth on a remote transport, a person without a sign-in is told to sign
    in instead of silently acting as the configured or demo account; stdio keeps it."""
    env = {"GAUZY_AUTH_EMAIL": "svc@example.test", "GAUZY_AUTH_PASSWORD": "pw", "MCP_AUTH_ENABLED": "true"}
    assert service_account(Settings.from_env({**env, "MCP_TRANSPORT": "http"}, dotenv=None)) is None
    assert service_account(Settings.from_env({**env, "MCP_TRANSPORT": "stdio"}, dotenv=None)) is not None
