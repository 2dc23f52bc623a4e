"""Equipment, merchants, warehouses, products and product categories: the exact Gauzy
requests their rows and use cases build."""

from __future__ import annotations

from application.use_cases.contacts import CreateWithContact
from application.use_cases.equipment import AssignEquipment, RequestEquipmentSharing
from application.use_cases.products import CreateProduct
from application.use_cases.translations import UpdateTranslated
from domain.gauzy import QueryStyle
from tests.clock import ManualClock
from tests.unit.catalog.recording import SCOPE, RecordingKeeper, query_request_for, request_for, run, tool

ID = "0b6f5c1e-3a2d-4c8b-9e7f-1a2b3c4d5e6f"
EMPLOYEE = "7a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"


def test_equipment_lists_read_every_item_with_a_data_json_find_input() -> None:
    request = query_request_for("get_equipment", {"type": "Laptop", "status": "assigned", "page": 2})
    assert (request.method, request.path, request.query_style) == ("GET", "/api/equipment", QueryStyle.DATA_JSON)
    assert request.query == {"findInput": SCOPE}, "type and status are applied after the assignment is known"


def test_equipment_create_defaults_the_currency_the_dto_requires() -> None:
    request = request_for("create_equipment", {"equipment_data": {"name": "Laptop", "initialCost": 900}})
    assert (request.method, request.path) == ("POST", "/api/equipment")
    assert request.body == {"name": "Laptop", "initialCost": 900, "currency": "USD", "type": "", "serialNumber": "",
                            "autoApproveShare": False, **SCOPE}


def test_equipment_update_carries_the_required_name_and_currency() -> None:
    spec = tool("update_equipment")
    assert spec.operation.merge_current == ("name", "currency")
    assert spec.idempotent


def test_assigning_equipment_files_an_approved_sharing_for_the_organization() -> None:
    keeper = RecordingKeeper({("GET", "/api/equipment-sharing"): {"items": [], "total": 0}})
    run(AssignEquipment(keeper, ManualClock()), "assign_equipment", {"id": ID, "employeeId": EMPLOYEE})
    lookup, created = keeper.sent
    assert lookup.query == {"findInput": {**SCOPE, "equipmentId": ID}, "relations": ["employees"]}
    assert (created.method, created.path) == ("POST", "/api/equipment-sharing/organization/o-1")
    assert created.body["status"] == 2 and created.body["employees"] == [{"id": EMPLOYEE}]
    assert created.body["equipmentId"] == ID and created.body["shareEndDay"] is None


def test_a_sharing_request_waits_for_approval() -> None:
    keeper = RecordingKeeper()
    run(RequestEquipmentSharing(keeper, ManualClock()), "request_equipment_sharing",
        {"equipmentId": ID, "shareWithEmployeeId": EMPLOYEE, "shareStartDate": "2026-12-01",
         "shareEndDate": "2026-12-15", "reason": "Conference"})
    body = keeper.sent[0].body
    assert body["status"] == 1 and body["name"] == "Conference"
    assert (body["shareStartDay"], body["shareEndDay"]) == ("2026-12-01T00:00:00Z", "2026-12-15T00:00:00Z")


def test_merchant_create_fills_code_email_and_currency() -> None:
    keeper = RecordingKeeper()
    run(CreateWithContact(keeper), "create_merchant", {"merchant_data": {"name": "Acme Supplies, Ltd."}})
    request = keeper.sent[0]
    assert (request.method, request.path) == ("POST", "/api/merchants")
    assert request.body == {"name": "Acme Supplies, Ltd.", "code": "ACME-SUPPLIES-LTD", "email": "me@example.com",
                            "currency": "USD", "active": True, **SCOPE}


def test_archiving_a_merchant_marks_it_inactive_keeping_the_required_fields() -> None:
    request = request_for("archive_merchant", {"id": ID})
    assert (request.method, request.path) == ("PUT", f"/api/merchants/{ID}")
    assert request.body == {"active": False, **SCOPE}
    assert tool("archive_merchant").operation.merge_current == ("name", "code", "email", "currency")


def test_archived_merchants_are_the_inactive_ones() -> None:
    request = request_for("get_archived_merchants", {"limit": 5})
    assert request.path == "/api/merchants/pagination"
    assert request.query == {"where": {"active": False, **SCOPE}, "take": 5, "skip": 1}


def test_warehouse_create_keeps_the_given_code_and_defaults_the_email() -> None:
    keeper = RecordingKeeper()
    run(CreateWithContact(keeper), "create_warehouse",
        {"warehouse_data": {"name": "Central", "code": "WH-01"}})
    assert keeper.sent[0].path == "/api/warehouses"
    assert keeper.sent[0].body == {"name": "Central", "code": "WH-01", "email": "me@example.com", "active": True,
                                   **SCOPE}


def test_products_list_sends_find_input_and_relations_as_data_json() -> None:
    request = query_request_for("get_products", {"data": {"relations": ["productType"],
                                                          "findInput": {"enabled": True}}, "limit": 5})
    assert (request.path, request.query_style) == ("/api/products", QueryStyle.DATA_JSON)
    assert request.query == {"relations": ["productType"], "findInput": {"enabled": True, **SCOPE}}


def test_products_by_category_pick_the_language_through_where() -> None:
    request = request_for("get_products_by_category", {"categoryId": ID, "langCode": "FRENCH"})
    assert request.path == "/api/products/pagination"
    assert request.query["where"] == {"productCategoryId": ID, "languageCode": "fr", **SCOPE}


def test_product_create_names_category_type_code_and_translation() -> None:
    first = {"items": [{"id": "first-id"}], "total": 1}
    keeper = RecordingKeeper({("GET", "/api/product-categories/pagination"): first,
                              ("GET", "/api/product-types/pagination"): first})
    run(CreateProduct(keeper), "create_product", {"product_data": {"name": "Desk lamp"}})
    create = keeper.sent[-1]
    assert (create.method, create.path) == ("POST", "/api/products")
    assert create.body["code"] == "DESK-LAMP"
    assert create.body["category"] == {"id": "first-id"} and create.body["productTypeId"] == "first-id"
    assert create.body["translations"] == [{"languageCode": "en", "name": "Desk lamp", **SCOPE}]
    assert create.body["optionGroupCreateInputs"] == []


def test_category_rename_keeps_the_other_languages() -> None:
    current = {"id": ID, "imageUrl": "https://example.com/c.png",
               "translations": [{"id": "t-en", "languageCode": "en", "name": "Hardware"},
                                {"id": "t-fr", "languageCode": "fr", "name": "Matériel"}]}
    keeper = RecordingKeeper({("GET", f"/api/product-categories/{ID}"): current})
    run(UpdateTranslated(keeper), "update_product_category",
        {"id": ID, "category_data": {"name": "Devices"}})
    update = keeper.sent[-1]
    assert (update.method, update.path) == ("PUT", f"/api/product-categories/{ID}")
    assert update.body["imageUrl"] == "https://example.com/c.png"
    assert update.body["translations"] == [{"id": "t-en", "languageCode": "en", "name": "Devices", **SCOPE},
                                           {"id": "t-fr", "languageCode": "fr", "name": "Matériel", **SCOPE}]
