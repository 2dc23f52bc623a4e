"""Demo records for equipment (and who holds it), merchants, warehouses, product categories,
product types and products, so the inventory toolsets' list and get tools have data."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

NAMESPACE = uuid.UUID("3a7c2e91-5b4d-4f08-9e61-c2d8a0b7f415")
EQUIPMENT = (("MacBook Pro 16", "Laptop", 2023, 2499), ("Dell UltraSharp 27", "Monitor", 2022, 529),
             ("iPhone 15", "Mobile", 2024, 899), ("Standing desk", "Furniture", 2021, 640),
             ("HP LaserJet Pro", "Printer", 2020, 310))
MERCHANTS = (("Northwind Traders", "NORTHWIND", True), ("Contoso Supplies", "CONTOSO", True),
             ("Fabrikam Parts", "FABRIKAM", False))
CATEGORIES = (("Hardware", "Matériel"), ("Software", "Logiciel"), ("Services", "Services"))
TYPES = ("Physical", "Digital")
PRODUCTS = (("Laptop stand", 0, 0), ("USB-C hub", 0, 0), ("Design suite licence", 1, 1),
            ("Onboarding workshop", 2, 1), ("Support plan", 2, 1))


def record_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


class Rows:
    def __init__(self, data: dict[str, Any], now: datetime) -> None:
        self.scope = {"tenantId": data["tenant"]["id"], "organizationId": data["organizations"][0]["id"]}
        self.collections: dict[str, list[dict[str, Any]]] = data["collections"]
        self.employees = [e["id"] for e in data["collections"]["employee"]]
        self.now = now

    def row(self, kind: str, n: object, days_ago: float, **fields: Any) -> dict[str, Any]:
        stamp = (self.now - timedelta(days=days_ago)).isoformat()
        return {"id": record_id(kind, n), **self.scope, "createdAt": stamp, "updatedAt": stamp, "deletedAt": None,
                "isActive": True, "isArchived": False, **fields}

    def add(self, collection: str, rows: list[dict[str, Any]]) -> None:
        self.collections.setdefault(collection, []).extend(rows)

    def translations(self, kind: str, n: object, english: str, french: str | None = None) -> list[dict[str, Any]]:
        names = {"en": english} | ({"fr": french} if french else {})
        return [{"id": record_id(kind, n, code), **self.scope, "languageCode": code, "name": name,
                 "description": f"{name} ({code})"} for code, name in names.items()]


def seed_inventory(data: dict[str, Any], now: datetime) -> None:
    rows = Rows(data, now)
    _equipment(rows)
    rows.add("merchants", [rows.row("merchant", i, 60 - i, name=name, code=code, active=active, currency="USD",
                                    email=f"sales@{code.lower()}.example", phone=f"+1 555 010{i}",
                                    description=f"{name}, a demo supplier")
                           for i, (name, code, active) in enumerate(MERCHANTS)])
    rows.add("warehouses", [rows.row("warehouse", i, 50 - i, name=name, code=f"WH-{i + 1:02d}", active=True,
                                     email=f"warehouse{i + 1}@demo.gauzy.co", description=f"{name} warehouse")
                            for i, name in enumerate(("Central", "East Coast"))])
    _products(rows)


def _equipment(rows: Rows) -> None:
    rows.add("equipment", [rows.row("equipment", i, 80 - i, name=name, type=kind, manufacturedYear=year,
                                    initialCost=cost, currency="USD", serialNumber=f"SN-{1000 + i}",
                                    maxSharePeriod=30, autoApproveShare=False)
                           for i, (name, kind, year, cost) in enumerate(EQUIPMENT)])
    start, end = (rows.now - timedelta(days=20)).isoformat(), (rows.now + timedelta(days=60)).isoformat()
    holders = ((0, 0, 2), (1, 1, 2), (2, 2, 1))  # (equipment, employee, status): approved x2, requested
    rows.add("equipment-sharing", [
        rows.row("sharing", i, 21, name="Demo sharing", equipmentId=record_id("equipment", item),
                 employees=[{"id": rows.employees[holder]}], teams=[], shareRequestDay=start,
                 shareStartDay=start, shareEndDay=end, status=status)
        for i, (item, holder, status) in enumerate(holders)])


def _products(rows: Rows) -> None:
    rows.add("product-categories", [rows.row("category", i, 70 - i, imageUrl=None,
                                             translations=rows.translations("category", i, en, fr))
                                    for i, (en, fr) in enumerate(CATEGORIES)])
    rows.add("product-types", [rows.row("product-type", i, 70 - i, icon=None,
                                        translations=rows.translations("product-type", i, name))
                               for i, name in enumerate(TYPES)])
    rows.add("products", [
        rows.row("product", i, 40 - i, code=f"PRD-{i + 1:03d}", enabled=i != 4, imageUrl=None,
                 productCategoryId=record_id("category", category), productTypeId=record_id("product-type", kind),
                 translations=rows.translations("product", i, name), gallery=[], featuredImage=None, tags=[])
        for i, (name, category, kind) in enumerate(PRODUCTS)])
