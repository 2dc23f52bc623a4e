"""The one in-memory model of the Ever Gauzy REST API: ``api.Api.handle(method, target, headers, body)``.

Two ways of serving it: ``in_process.InMemoryGauzyApi`` (the embedded demo, no sockets) and
``server.GauzyDouble`` (real HTTP on loopback, the test double; ``python -m adapters.outbound.gauzy_model``).
Built only from the reference facts (its own copy in ``reference_data/``) and from reading the public
ever-gauzy source for response shapes; it is not derived from any adapter code. ``api`` is the request
pipeline, ``handlers`` the generic answer, ``special`` the areas with routes modelled specifically,
``seed`` the one seed story.

Not modelled (every route still answers with its documented shape):

* role permissions: PermissionGuard, OrganizationPermissionGuard, RoleGuard, FeatureFlagGuard and
  ApiKeyAuthGuard always pass (only CHANGE_SELECTED_EMPLOYEE changes data visibility, see ``special``);
* time slots, screenshots, activities and report aggregations (report routes answer empty shapes);
* validators that need data the double lacks (IsBeforeDate, IsBetweenActivity, IsRoleShouldExist,
  IsExpenseCategoryAlreadyExist, CustomLength) pass; ISO-8601/URL/e-mail checks are close
  approximations of validator.js;
* the exact text of body-parser's malformed-JSON 400 message;
* ORM errors (the uncertain ``BadRequestException(error)`` bodies) and plugin-specific behaviour.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Account", "GauzyDouble", "RecordedRequest", "Seed"]


def __getattr__(name: str) -> Any:
    """The served model on first use only: importing the demo adapter must not load the model."""
    if name in ("GauzyDouble", "RecordedRequest"):
        from . import server

        return getattr(server, name)
    if name in ("Account", "Seed"):
        from . import seed

        return getattr(seed, name)
    raise AttributeError(name)
