"""Write the Gauzy model's own copy of the reference facts it needs.

Reads ``gauzy-api-routes.json`` and ``gauzy-contracts.json`` from ``$GAUZY_REFERENCE_DIR`` (default:
the first ``shared/reference`` folder beside the repository or beside its parent folder) and writes trimmed copies into
``adapters/outbound/gauzy_model/reference_data/``: only the keys the model reads, so that nothing at
run or test time needs the reference folder. Run it again when the reference changes:

    make reference          # or: python -m tools.derive_gauzy_reference
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (ROOT.parent / "shared" / "reference", ROOT.parent.parent / "shared" / "reference")
TARGET = ROOT / "adapters" / "outbound" / "gauzy_model" / "reference_data"
ROUTE_KEYS = ("method", "path", "controller", "handler", "file", "order", "guards", "public", "inherited", "params")
CONTRACT_ROUTE_KEYS = ("method", "path", "successStatus", "pathParams", "query", "body", "returns")
FIELD_DROPPED = ("from",)


def trimmed_routes(routes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every NestJS route with the keys the route table reads (matching order, guards, pipes)."""
    return [{key: route[key] for key in ROUTE_KEYS if key in route} for route in routes]


def trimmed_contracts(contracts: dict[str, Any]) -> dict[str, Any]:
    """Enums, DTO fields and the covered resources' routes: what validation and responses need."""
    resources = {
        name: {"entity": resource.get("entity"),
               "routes": [{k: r[k] for k in CONTRACT_ROUTE_KEYS if k in r} for r in resource.get("routes", [])]}
        for name, resource in contracts["resources"].items()
    }
    dtos = {
        name: {"fields": [{k: v for k, v in f.items() if k not in FIELD_DROPPED} for f in dto.get("fields", [])]}
        for name, dto in contracts["dtos"].items()
    }
    return {"enums": contracts["enums"], "dtos": dtos, "resources": resources}


def derived(source: Path) -> dict[str, str]:
    """File name -> the text it should hold, derived from the reference folder ``source``."""
    routes = json.loads((source / "gauzy-api-routes.json").read_text(encoding="utf-8"))
    contracts = json.loads((source / "gauzy-contracts.json").read_text(encoding="utf-8"))
    return {"routes.json": dump(trimmed_routes(routes)), "contracts.json": dump(trimmed_contracts(contracts))}


def dump(value: Any) -> str:
    """One line per top-level entry keeps diffs readable and the files small."""
    if isinstance(value, list):
        return "[\n" + ",\n".join(json.dumps(item, separators=(",", ":")) for item in value) + "\n]\n"
    body = ",\n".join(f"{json.dumps(k)}:{json.dumps(v, separators=(',', ':'))}" for k, v in value.items())
    return "{\n" + body + "\n}\n"


def source_dir() -> Path | None:
    """The reference folder to derive from, or None when there is none on this machine."""
    configured = os.environ.get("GAUZY_REFERENCE_DIR")
    candidates = (Path(configured),) if configured else CANDIDATES
    return next((c.resolve() for c in candidates if (c / "gauzy-api-routes.json").is_file()), None)


def main() -> int:
    source = source_dir()
    if source is None:
        print("reference not found beside the repository; set GAUZY_REFERENCE_DIR", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, text in derived(source).items():
        (TARGET / name).write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT) / name} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
