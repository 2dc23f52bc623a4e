"""The Gauzy model's copy of the reference facts is what `make reference` derives today.

Runs only where the reference folder exists beside the repository (or GAUZY_REFERENCE_DIR names
it); a fresh clone elsewhere has only the copy, which is then all there is to test against."""

from __future__ import annotations

import pytest

from tools.derive_gauzy_reference import TARGET, derived, source_dir

pytestmark = pytest.mark.contract
SOURCE = source_dir()


@pytest.mark.skipif(SOURCE is None, reason="no shared/reference folder beside the repository to compare with")
@pytest.mark.parametrize("name", ["routes.json", "contracts.json"])
def test_the_copy_is_up_to_date(name: str) -> None:
    assert SOURCE is not None
    wanted = derived(SOURCE)[name]
    have = (TARGET / name).read_text(encoding="utf-8")
    assert have == wanted, f"{TARGET / name} is stale: run `make reference`"


def test_the_copy_holds_every_route_and_the_validated_dtos() -> None:
    from adapters.outbound.gauzy_model.reference import load_reference

    reference = load_reference()
    assert len(reference.routes) > 1_500
    assert {"CreateTaskDTO", "BaseQueryDTO"} <= set(reference.dtos)
