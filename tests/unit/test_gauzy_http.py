"""The pure parts of HttpxGauzyApi: query encoding, redaction, token reading, error wording."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from urllib.parse import urlencode

import httpx
import jwt
import pytest

from adapters.outbound.gauzy_http import HttpxGauzyApi
from adapters.outbound.gauzy_http.errors import error_for, messages, retry_after_seconds
from adapters.outbound.gauzy_http.query import encode_query
from adapters.outbound.gauzy_http.redaction import REDACTED, for_log, redact
from adapters.outbound.gauzy_http.tokens import credential_from_login, expiry
from adapters.outbound.gauzy_http.transport import api_root
from adapters.outbound.gauzy_model.qs import parse_qs
from domain.errors import (
    AuthenticationError,
    ConflictError,
    GauzyValidationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    UpstreamUnavailableError,
)
from domain.gauzy import GauzyRequest, QueryStyle
from domain.principal import GauzyCredential

QUERY = {
    "where": {"organizationId": "org-1", "project": {"id": "p-1"}, "isArchived": False,
              "members": [{"id": "e-1"}, {"id": "e-2"}], "title": None},
    "relations": ["project", "members.user"],
    "order": {"createdAt": "DESC"},
    "take": 10,
    "skip": 1,
}


def test_brackets_encode_nested_mappings_lists_and_booleans() -> None:
    pairs = encode_query(QUERY, QueryStyle.BRACKETS)
    assert pairs == [
        ("where[organizationId]", "org-1"), ("where[project][id]", "p-1"), ("where[isArchived]", "false"),
        ("where[members][0][id]", "e-1"), ("where[members][1][id]", "e-2"),
        ("relations[]", "project"), ("relations[]", "members.user"),
        ("order[createdAt]", "DESC"), ("take", "10"), ("skip", "1"),
    ]


def test_what_express_qs_parses_back_is_the_query_with_string_values() -> None:
    parsed = parse_qs(urlencode(encode_query(QUERY, QueryStyle.BRACKETS)))
    assert parsed == {
        "where": {"organizationId": "org-1", "project": {"id": "p-1"}, "isArchived": "false",
                  "members": [{"id": "e-1"}, {"id": "e-2"}]},
        "relations": ["project", "members.user"], "order": {"createdAt": "DESC"}, "take": "10", "skip": "1",
    }


def test_lists_up_to_the_qs_array_limit_stay_lists_and_longer_ones_are_refused() -> None:
    ids = [f"id-{n}" for n in range(20)]
    assert parse_qs(urlencode(encode_query({"employeeIds": ids}, QueryStyle.BRACKETS))) == {"employeeIds": ids}
    with pytest.raises(InvalidInputError, match="employeeIds: Gauzy reads at most 20 values"):
        encode_query({"employeeIds": [*ids, "one-more"]}, QueryStyle.BRACKETS)


def test_data_json_style_sends_one_data_parameter() -> None:
    query = {"findInput": {"organizationId": "org-1"}, "startDate": datetime(2026, 1, 2, tzinfo=UTC)}
    [(name, value)] = encode_query(query, QueryStyle.DATA_JSON)
    assert name == "data"
    assert json.loads(value) == {"findInput": {"organizationId": "org-1"}, "startDate": "2026-01-02T00:00:00+00:00"}
    assert encode_query({}, QueryStyle.DATA_JSON) == []


@pytest.mark.anyio
async def test_the_adapter_puts_the_encoded_query_on_the_url() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"items": [], "total": 0})

    client = httpx.AsyncClient(base_url="http://gauzy.test", transport=httpx.MockTransport(answer))
    api = HttpxGauzyApi("http://gauzy.test", client=client)
    credential = GauzyCredential("access", "refresh", "tenant-1", "org-1", "user-1")
    await api.send(credential, GauzyRequest("GET", "/api/tasks", query={"where": {"status": "open"}}))
    await api.aclose()
    assert seen[0].url.path == "/api/tasks"
    assert seen[0].url.params.multi_items() == [("where[status]", "open")]


@pytest.mark.parametrize("given", ["https://api.gauzy.co", "https://api.gauzy.co/", "https://api.gauzy.co/api",
                                   "https://api.gauzy.co/api/", " https://api.gauzy.co/api// "])
def test_the_base_url_loses_a_trailing_api_or_slash(given: str) -> None:
    assert api_root(given) == "https://api.gauzy.co"


def test_a_base_url_without_scheme_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match=re.escape("API_BASE_URL='api.gauzy.co' must start with http")):
        api_root("api.gauzy.co")


def test_redaction_hides_secret_fields_and_any_jwt() -> None:
    token = jwt.encode({"id": "u"}, "k" * 32, algorithm="HS256")
    body = {"email": "a@b.co", "password": "pw", "user": {"refresh_token": "r"}, "note": f"got {token}",
            "items": [{"Authorization": "Bearer x"}]}
    assert redact(body) == {"email": "a@b.co", "password": REDACTED, "user": {"refresh_token": REDACTED},
                            "note": f"got {REDACTED}", "items": [{"Authorization": REDACTED}]}
    assert len(for_log({"text": "x" * 5000})) < 2100


def test_login_answer_gives_ids_and_expiry_preferring_the_tokens_organization() -> None:
    exp = int(datetime(2030, 1, 1, tzinfo=UTC).timestamp())
    token = jwt.encode({"id": "u-1", "tenantId": "t-1", "organizationId": "org-claim", "employeeId": "e-1",
                        "exp": exp}, "k" * 32, algorithm="HS256")
    body = {"token": token, "refresh_token": "r-1",
            "user": {"id": "u-1", "email": "a@b.co", "tenantId": "t-1", "lastOrganizationId": "org-last",
                     "employee": {"id": "e-1", "organizationId": "org-employee"}}}
    credential = credential_from_login(body, "typed@b.co")
    assert (credential.tenant_id, credential.user_id, credential.employee_id) == ("t-1", "u-1", "e-1")
    assert credential.organization_id == "org-claim"
    assert credential.expires_at == datetime(2030, 1, 1, tzinfo=UTC)
    assert credential.email == "a@b.co" and credential.refresh_token == "r-1"


def test_an_empty_login_answer_is_a_refused_sign_in() -> None:
    with pytest.raises(AuthenticationError):
        credential_from_login(None, "a@b.co")
    assert expiry("not-a-jwt") is None


def response(status: int, body: object = None, headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request("GET", "http://gauzy.test/api/tasks")
    return httpx.Response(status, json=body, headers=headers, request=request)


@pytest.mark.parametrize(("status", "kind"), [
    (400, GauzyValidationError), (401, AuthenticationError), (403, PermissionDeniedError), (404, NotFoundError),
    (406, GauzyValidationError), (409, ConflictError), (429, RateLimitedError), (500, UpstreamUnavailableError),
    (502, UpstreamUnavailableError), (503, UpstreamUnavailableError), (422, GauzyValidationError),
])
def test_each_status_maps_to_its_domain_error(status: int, kind: type[Exception]) -> None:
    assert isinstance(error_for(response(status, {"statusCode": status, "message": "m"}), "http://g"), kind)


def test_validation_messages_are_kept_whole() -> None:
    error = error_for(response(400, {"statusCode": 400, "message": ["title should not be empty",
                                                                    "status must be a string"],
                                     "error": "Bad Request"}), "http://g")
    assert isinstance(error, GauzyValidationError)
    assert error.messages == ("title should not be empty", "status must be a string")


def test_an_orm_error_body_becomes_its_detail() -> None:
    body = {"query": "INSERT ...", "parameters": ["x"], "code": "23505", "detail": "Key (code)=(P1) already exists."}
    assert messages(response(400, body)) == ["Key (code)=(P1) already exists."]


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after_seconds(response(429, headers={"Retry-After": "42"})) == 42
    assert retry_after_seconds(response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0
    assert retry_after_seconds(response(429)) is None
