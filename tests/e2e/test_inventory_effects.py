"""Equipment, merchants, warehouses, products and product categories: each write tool's
effect shows through the matching read tool, over MCP on the demo Gauzy and on the Gauzy API double.
Merchants: Gauzy itself fails on every merchant route at the modelled commit, and so do the demo and
the double, which model it (tests/e2e/test_live_findings.py checks that the tools say so)."""

from __future__ import annotations

import pytest
from mcp import Client

from bootstrap.container import Container
from tests.demo import demo_client
from tests.e2e.conftest import BackendClient
from tests.e2e.tool_calls import ok, refused

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]



async def employee_without_equipment(client: Client) -> str:
    """An employee of the organization who holds no equipment (looked up: the backends seed different people)."""
    for employee in (await ok(client, "get_employees", {"limit": 100}))["items"]:
        if (await ok(client, "get_equipment_by_employee", {"employeeId": employee["id"]}))["total"] == 0:
            return str(employee["id"])
    raise AssertionError("every employee holds equipment")



async def test_equipment_lifecycle_and_assignment(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await employee_without_equipment(client)
        item = await ok(client, "create_equipment", {"equipment_data": {"name": "Effect laptop", "type": "Laptop"}})
        shown = await ok(client, "get_equipment_by_id", {"id": item["id"]})
        assert (shown["name"], shown["currency"], shown["status"]) == ("Effect laptop", "USD", "AVAILABLE")

        await ok(client, "update_equipment", {"id": item["id"], "equipment_data": {"serialNumber": "SN-42"}})
        assert (await ok(client, "get_equipment_by_id", {"id": item["id"]}))["serialNumber"] == "SN-42"

        await ok(client, "assign_equipment", {"id": item["id"], "employeeId": employee})
        await ok(client, "assign_equipment", {"id": item["id"], "employeeId": employee})  # changes nothing
        held = await ok(client, "get_equipment_by_employee", {"employeeId": employee})
        assert [row["id"] for row in held["items"]] == [item["id"]]
        requests = await ok(client, "get_equipment_sharing_requests", {"equipmentId": item["id"]})
        assert requests["total"] == 1

        ended = await ok(client, "unassign_equipment", {"id": item["id"]})
        assert len(ended["endedSharingIds"]) == 1
        assert (await ok(client, "get_equipment_by_employee", {"employeeId": employee}))["total"] == 0
        assert (await ok(client, "get_equipment_by_id", {"id": item["id"]}))["available"] is True

        await ok(client, "delete_equipment", {"id": item["id"]})
        assert "not_found" in await refused(client, "get_equipment_by_id", {"id": item["id"]})


async def test_equipment_sharing_request_is_listed_as_requested(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        employee = await employee_without_equipment(client)
        item = await ok(client, "create_equipment", {"equipment_data": {"name": "Shared projector"}})
        await ok(client, "request_equipment_sharing", {
            "equipmentId": item["id"], "shareWithEmployeeId": employee, "shareStartDate": "2026-12-01",
            "shareEndDate": "2026-12-05", "reason": "Offsite"})
        listed = await ok(client, "get_equipment_sharing_requests", {"equipmentId": item["id"], "status": "REQUESTED"})
        assert [row["name"] for row in listed["items"]] == ["Offsite"]
        assert (await ok(client, "get_equipment_by_id", {"id": item["id"]}))["status"] == "AVAILABLE"


async def test_merchant_writes_are_refused_plainly_and_store_nothing(demo_backend: Container) -> None:
    """The demo is the model of a Gauzy version whose merchant routes all fail: a write says so,
    the bulk tool reports it per item (the rest of the batch is not lost), and nothing is stored."""
    async with demo_client(demo_backend) as client:
        refusal = await refused(client, "create_merchant", {"merchant_data": {"name": "Effect Traders"}})
        assert "cannot serve merchants" in refusal
        outcome = await ok(client, "bulk_create_merchants", {"merchants": [
            {"name": "Bulk effect one"}, {"name": "Bulk effect two", "email": "not-an-email"}]})
        assert (outcome["succeeded"], outcome["failed"]) == (0, 2)
        assert "email" in outcome["results"][1]["error"]
        assert "cannot serve merchants" in outcome["results"][0]["error"]


async def test_warehouse_lifecycle(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        warehouse = await ok(client, "create_warehouse", {"warehouse_data": {"name": "North", "code": "WH-N"}})
        assert (await ok(client, "get_warehouse", {"id": warehouse["id"]}))["email"] == "admin@ever.co"
        await ok(client, "update_warehouse", {"id": warehouse["id"], "warehouse_data": {"description": "Cold"}})
        shown = await ok(client, "get_warehouse", {"id": warehouse["id"]})
        assert (shown["description"], shown["code"]) == ("Cold", "WH-N")
        await ok(client, "delete_warehouse", {"id": warehouse["id"]})
        assert "not found" in (await refused(client, "get_warehouse", {"id": warehouse["id"]})).lower()


async def test_product_and_category_lifecycle(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        category = await ok(client, "create_product_category", {"category_data": {"name": "Lighting"}})
        await ok(client, "update_product_category", {"id": category["id"], "category_data": {
            "name": "Éclairage", "languageCode": "fr"}})
        categories = await ok(client, "get_product_categories", {"search": "clairage", "langCode": "fr"})
        assert [row["id"] for row in categories["items"]] == [category["id"]]
        english = await ok(client, "get_product_categories", {"search": "lighting", "langCode": "en"})
        assert [row["id"] for row in english["items"]] == [category["id"]], "the English name is kept"

        product = await ok(client, "create_product", {"product_data": {"name": "Desk lamp",
                                                                       "productCategoryId": category["id"]}})
        in_category = await ok(client, "get_products_by_category", {"categoryId": category["id"]})
        assert [row["id"] for row in in_category["items"]] == [product["id"]]
        await ok(client, "update_product", {"id": product["id"],
                                            "product_data": {"name": "Lampe", "languageCode": "fr"}})
        french = await ok(client, "get_product_translated", {"id": product["id"], "langCode": "fr"})
        assert (french["name"], french["code"]) == ("Lampe", "DESK-LAMP")

        images = {"data": {"relations": ["gallery", "featuredImage"]}}
        added = await ok(client, "add_product_gallery_images", {"productId": product["id"], "images": [
            {"name": "side.png", "url": "https://example.com/s.png"}]})  # saved as an image asset first
        image = {"id": added["gallery"][0]["id"], "name": "side.png"}
        await ok(client, "set_product_featured_image", {"productId": product["id"], "image": image})
        shown = await ok(client, "get_product", {"id": product["id"], **images})
        assert [i["id"] for i in shown["gallery"]] == [image["id"]] and shown["featuredImage"]["id"] == image["id"]
        assert shown["gallery"][0]["url"] == "https://example.com/s.png"
        await ok(client, "delete_product_gallery_image", {"productId": product["id"], "imageId": image["id"]})
        await ok(client, "delete_product_featured_image", {"productId": product["id"]})
        shown = await ok(client, "get_product", {"id": product["id"], **images})
        assert (shown["gallery"], shown["featuredImage"]) == ([], None)

        await ok(client, "delete_product", {"id": product["id"]})
        assert "not found" in (await refused(client, "get_product", {"id": product["id"]})).lower()
