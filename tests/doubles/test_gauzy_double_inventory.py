"""Equipment sharing requests, product images, key results by id and the seeded product type in the
Gauzy double (see ``adapters/outbound/gauzy_model/inventory.py``, ``goals.py`` and ``seed_inventory.py``)."""

from __future__ import annotations

from typing import Any

import httpx

from adapters.outbound.gauzy_model import GauzyDouble
from tests.doubles.support import tenant_headers

MISSING = "00000000-0000-4000-8000-000000000009"


def _scope(double: GauzyDouble) -> dict[str, str]:
    return {"tenantId": double.seed.tenant_id, "organizationId": double.seed.organization_id}


def _post(client: httpx.Client, headers: dict[str, str], path: str, body: Any, status: int = 201) -> Any:
    answer = client.post(path, headers=headers, json=body)
    assert answer.status_code == status, answer.text
    return answer.json()


def test_every_organization_has_a_product_type(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    page = gauzy_client.get("/api/product-types/pagination", headers=headers,
                            params={"where[organizationId]": gauzy_double.seed.organization_id}).json()
    assert page["total"] == 1 and page["items"][0]["translations"][0]["languageCode"] == "en"


def test_a_sharing_request_takes_the_path_organization_and_files_an_approval(
        gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers, scope = tenant_headers(gauzy_client, gauzy_double), _scope(gauzy_double)
    not_null = {"type": "", "serialNumber": "", "autoApproveShare": False}
    body = {"name": "Laptop", **scope, "currency": "USD", **not_null}
    equipment = _post(gauzy_client, headers, "/api/equipment", body)
    path = f"/api/equipment-sharing/organization/{gauzy_double.seed.organization_id}"
    sharing = _post(gauzy_client, headers, path, {"name": "Offsite", "equipmentId": equipment["id"], "status": 1,
                                                  "employees": [{"id": gauzy_double.seed.admin_employee_id}]},
                    status=202)  # @HttpCode(ACCEPTED)
    assert (sharing["organizationId"], sharing["tenantId"]) == (scope["organizationId"], scope["tenantId"])
    approvals = gauzy_double.api.store.rows("RequestApproval")
    assert [(a["requestId"], a["requestType"], a["status"]) for a in approvals] == [
        (sharing["id"], "EQUIPMENT_SHARING", 1)]
    refused = gauzy_client.post(path, headers=headers, json={"name": "x", "equipmentId": MISSING})
    assert refused.status_code == 400  # the equipment foreign key


def test_key_result_by_id_answers_a_page_with_its_relations(gauzy_client: httpx.Client,
                                                            gauzy_double: GauzyDouble) -> None:
    headers, scope = tenant_headers(gauzy_client, gauzy_double), _scope(gauzy_double)
    goal = gauzy_double.api.store.insert("Goal", {"name": "G", **scope})
    key_result = gauzy_double.api.store.insert("KeyResult", {"name": "KR", "goalId": goal["id"], **scope})
    page = gauzy_client.get(f"/api/key-results/{key_result['id']}", headers=headers).json()
    assert page["total"] == 1 and page["items"][0]["goal"]["id"] == goal["id"]
    assert (page["items"][0]["updates"], page["items"][0]["owner"]) == ([], None)
    assert gauzy_client.get("/api/key-results/anything", headers=headers).json() == {"items": [], "total": 0}


def test_product_images_link_existing_image_assets_only(gauzy_client: httpx.Client,
                                                        gauzy_double: GauzyDouble) -> None:
    headers, scope = tenant_headers(gauzy_client, gauzy_double), _scope(gauzy_double)
    product = gauzy_double.api.store.insert("Product", {"code": "LAMP", **scope})
    asset = _post(gauzy_client, headers, "/api/image-assets", {"name": "a.png", "url": "https://e.com/a.png", **scope})
    base = "/api/products"
    added = _post(gauzy_client, headers, f"{base}/add-images/{product['id']}", [asset, {"name": "no-id.png"}])
    assert [i.get("id") for i in added["gallery"]] == [asset["id"], None]  # save() answers what it was given
    _post(gauzy_client, headers, f"{base}/set-as-featured/{product['id']}", asset)
    relations = {"data": '{"relations": ["gallery", "featuredImage"]}'}
    shown = gauzy_client.get(f"{base}/{product['id']}", headers=headers, params=relations).json()
    assert [i["id"] for i in shown["gallery"]] == [asset["id"]] and shown["featuredImage"]["id"] == asset["id"]
    assert "gallery" not in gauzy_client.get(f"{base}/{product['id']}", headers=headers).json()
    unknown = gauzy_client.post(f"{base}/set-as-featured/{product['id']}", headers=headers, json={"id": MISSING})
    assert unknown.status_code == 400

    removed = gauzy_client.delete(f"{base}/{product['id']}/gallery-image/{asset['id']}", headers=headers)
    assert removed.status_code == 202 and removed.json()["gallery"] == []
    cleared = gauzy_client.delete(f"{base}/featured-image/{product['id']}", headers=headers)
    assert cleared.status_code == 202 and cleared.json()["featuredImageId"] is None
    missing = gauzy_client.delete(f"{base}/featured-image/{MISSING}", headers=headers)
    assert missing.status_code == 400  # the service wraps NotFound in a BadRequestException
