"""Derive the in-memory Gauzy's route table from the reference facts.

Reads ../shared/reference/gauzy-api-routes.json and gauzy-contracts.json and writes
adapters/outbound/in_memory_gauzy/gauzy_routes.json: every route (method, path, handler,
collection) in NestJS matching order, plus the required fields and enum-checked fields of
validated request bodies. Run it again when the reference facts change:

    python tools/derive_gauzy_routes.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(os.environ.get("GAUZY_REFERENCE_DIR", ROOT.parent / "shared" / "reference"))
TARGET = ROOT / "adapters" / "outbound" / "in_memory_gauzy" / "gauzy_routes.json"
ENUM_VALIDATORS = ("IsEnum(",)


def common_base(paths: list[str]) -> str:
    """The controller's base path: the segments all its routes share, up to the first parameter."""
    split = [path.split("/") for path in paths]
    shared = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) != 1 or parts[0].startswith(":"):
            break
        shared.append(parts[0])
    return "/".join(shared)


def collection_of(path: str, base_paths: dict[str, str], controller: str) -> str:
    return base_paths.get(controller, path).removeprefix("/api/")


def body_rules(contracts: dict, route: dict) -> dict:
    body = route.get("body") or {}
    dto = contracts["dtos"].get(body.get("dto") or "")
    if not body.get("validated") or dto is None:
        return {}
    required = [f["name"] for f in dto["fields"] if f.get("required") is True]
    enums = {
        f["name"]: sorted(set(contracts["enums"][f["enum"]].values()), key=str)
        for f in dto["fields"]
        if isinstance(f.get("enum"), str) and f["enum"] in contracts["enums"]
        and any(v.startswith(ENUM_VALIDATORS) for v in f["validators"])
    }
    return {k: v for k, v in (("required", required), ("enums", enums)) if v}


def main() -> None:
    routes = json.loads((REFERENCE / "gauzy-api-routes.json").read_text())
    contracts = json.loads((REFERENCE / "gauzy-contracts.json").read_text())
    details = {(r["method"], r["path"]): r for res in contracts["resources"].values() for r in res["routes"]}
    base_paths = {controller: common_base([r["path"] for r in routes if r["controller"] == controller])
                  for controller in {r["controller"] for r in routes}}
    table = []
    for route in sorted(routes, key=lambda r: r["order"]):
        entry = {"method": route["method"], "path": route["path"], "handler": route["handler"],
                 "collection": collection_of(route["path"], base_paths, route["controller"])}
        entry.update(body_rules(contracts, details.get((route["method"], route["path"]), {})))
        table.append(entry)
    TARGET.write_text(json.dumps(table, separators=(",", ":")) + "\n")
    print(f"wrote {len(table)} routes to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
