"""Pipelines, their stages and deals in the Gauzy double (see ``adapters/outbound/gauzy_model/sales.py``)."""

from __future__ import annotations

from typing import Any

import httpx

from adapters.outbound.gauzy_model import GauzyDouble
from tests.doubles.support import tenant_headers


def _setup(client: httpx.Client, double: GauzyDouble) -> tuple[dict[str, str], dict[str, str]]:
    scope = {"tenantId": double.seed.tenant_id, "organizationId": double.seed.organization_id}
    return tenant_headers(client, double), scope


def _pipeline(client: httpx.Client, headers: dict[str, str], pipeline_id: str) -> dict[str, Any]:
    answer = client.get(f"/api/pipelines/{pipeline_id}", headers=headers, params={"relations[]": "stages"})
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_a_pipeline_is_created_with_its_stages_in_order(gauzy_client: httpx.Client,
                                                         gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    created = gauzy_client.post("/api/pipelines", headers=headers,
                                json={"name": "Sales", **scope, "stages": [{"name": "Lead"}, {"name": "Won", **scope}]})
    assert created.status_code == 201
    stages = created.json()["stages"]
    assert [(s["name"], s["index"], s["tenantId"]) for s in stages] == [
        ("Lead", 1, None), ("Won", 2, gauzy_double.seed.tenant_id)]  # nothing fills a cascaded stage's tenant
    plain = gauzy_client.get(f"/api/pipelines/{created.json()['id']}", headers=headers).json()
    assert "stages" not in plain
    assert [s["name"] for s in _pipeline(gauzy_client, headers, created.json()["id"])["stages"]] == ["Lead", "Won"]


def test_a_put_rewrites_the_stage_list(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    stages = [{"name": n, **scope} for n in ("A", "B", "C")]
    pipeline_id = gauzy_client.post("/api/pipelines", headers=headers,
                                    json={"name": "P", **scope, "stages": stages}).json()["id"]
    a, b, c = _pipeline(gauzy_client, headers, pipeline_id)["stages"]
    answer = gauzy_client.put(f"/api/pipelines/{pipeline_id}", headers=headers,
                              json={"name": "P2", **scope, "stages": [c, {"name": "New"}, a]})
    assert answer.status_code == 202 and "stages" not in answer.json() and answer.json()["name"] == "P2"
    after = _pipeline(gauzy_client, headers, pipeline_id)["stages"]
    assert [(s["name"], s["index"]) for s in after] == [("C", 1), ("New", 2), ("A", 3)]
    assert b["id"] not in {s["id"] for s in after}
    gauzy_client.put(f"/api/pipelines/{pipeline_id}", headers=headers, json={"name": "P2", **scope})
    kept = _pipeline(gauzy_client, headers, pipeline_id)["stages"]
    assert [s["name"] for s in kept] == ["New"]  # a PUT without stages removes every stage it can find


def test_a_put_cannot_remove_stages_stored_without_the_tenant(gauzy_client: httpx.Client,
                                                              gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    pipeline_id = gauzy_client.post("/api/pipelines", headers=headers,
                                    json={"name": "P", **scope, "stages": [{"name": "Orphan"}]}).json()["id"]
    gauzy_client.put(f"/api/pipelines/{pipeline_id}", headers=headers, json={"name": "P", **scope, "stages": []})
    assert [s["name"] for s in _pipeline(gauzy_client, headers, pipeline_id)["stages"]] == ["Orphan"]


def test_a_put_on_an_unknown_pipeline_answers_202_without_a_body(gauzy_client: httpx.Client,
                                                                 gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    answer = gauzy_client.put("/api/pipelines/00000000-0000-4000-8000-000000000000", headers=headers,
                              json={"name": "P", **scope})
    assert (answer.status_code, answer.content) == (202, b"")


def test_deals_join_their_stage_and_go_with_it(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    pipeline = gauzy_client.post("/api/pipelines", headers=headers, json={
        "name": "P", **scope, "stages": [{"name": "Lead", **scope}, {"name": "Won", **scope}]}).json()
    lead, won = pipeline["stages"]
    bad = gauzy_client.post("/api/deals", headers=headers, json={
        "title": "X", "probability": 1, "stageId": "00000000-0000-4000-8000-000000000000", **scope})
    assert bad.status_code == 400 and "Error occurred while creating deal" in bad.json()["message"]
    deal = gauzy_client.post("/api/deals", headers=headers,
                             json={"title": "Big", "probability": 2, "stageId": won["id"], **scope}).json()
    assert deal["createdByUserId"] == gauzy_double.seed.admin_user_id
    found = gauzy_client.get("/api/deals", headers=headers,
                             params={"where[stage][name]": "Won", "relations[]": "stage"}).json()
    assert [(d["id"], d["stage"]["name"]) for d in found["items"]] == [(deal["id"], "Won")]
    assert gauzy_client.get("/api/deals", headers=headers, params={"where[stage][name]": "Lead"}).json()["total"] == 0
    board = gauzy_client.get(f"/api/pipelines/{pipeline['id']}/deals", headers=headers).json()
    assert [d["id"] for d in board["items"]] == [deal["id"]]
    gauzy_client.put(f"/api/pipelines/{pipeline['id']}", headers=headers,
                     json={"name": "P", **scope, "stages": [lead]})
    assert gauzy_client.get(f"/api/deals/{deal['id']}", headers=headers).status_code == 404  # onDelete CASCADE


def test_pipeline_pagination_matches_names_in_part(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers, scope = _setup(gauzy_client, gauzy_double)
    for name in ("Enterprise sales", "Partners"):
        gauzy_client.post("/api/pipelines", headers=headers, json={"name": name, **scope})
    where = {f"where[{key}]": value for key, value in {**scope, "name": "SALES"}.items()}
    found = gauzy_client.get("/api/pipelines/pagination", headers=headers, params=where).json()
    assert [p["name"] for p in found["items"]] == ["Enterprise sales"]
