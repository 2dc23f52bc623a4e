from __future__ import annotations

from pathlib import Path

from tools.tool_table import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "tools.md"


def test_docs_tools_md_is_generated_from_the_current_catalog() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), "run `make docs` and commit docs/tools.md"
