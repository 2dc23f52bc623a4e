"""A contract-faithful double of the Ever Gauzy REST API, served over real HTTP on loopback.

Built only from the facts in ``shared/reference`` (route table, contracts) and from reading the public
ever-gauzy source for response shapes; it is not derived from any adapter code. See ``server`` for the
public API, ``api`` for the request pipeline and ``handlers`` / ``special`` / ``timer`` for what each
route answers.

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

from .seed import Account, Seed
from .server import GauzyDouble, RecordedRequest

__all__ = ["Account", "GauzyDouble", "RecordedRequest", "Seed"]
