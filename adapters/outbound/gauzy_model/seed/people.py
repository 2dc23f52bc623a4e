"""People of the seed: tenants with their organization and roles, users and their employee rows.

Tenant 1 ("Ever Demo") has ten employees: ``admin@ever.co`` / ``admin`` (SUPER_ADMIN), ``employee@ever.co``
/ ``123456`` (EMPLOYEE) and eight colleagues ``<first>.<last>@demo.gauzy.co`` / ``demo-<n>`` (EMPLOYEE).
Row shapes follow contracts ``entities`` (User, Employee); Organization, Tenant, Role and
UserOrganization carry the columns the API needs (user_organization rows back
IsOrganizationBelongsToUser, see contracts ``tenancy``).
"""

from __future__ import annotations

from typing import Any

from ..store import Store

COLLEAGUES = (("Chloe", "Cole"), ("Dan", "Diaz"), ("Ella", "Evans"), ("Finn", "Ford"), ("Grace", "Gray"),
              ("Hugo", "Hill"), ("Iris", "Ito"), ("Jack", "James"))


def colleague_email(first: str, last: str) -> str:
    """The sign-in of a seeded colleague."""
    return f"{first.lower()}.{last.lower()}@demo.gauzy.co"


def colleagues(store: Store, tenant_id: str, org: str, role_id: str) -> list[tuple[str, str, str]]:
    """The eight colleagues of tenant 1: (email, user id, employee id) each."""
    made = []
    for first, last in COLLEAGUES:
        email = colleague_email(first, last)
        user_id = user(store, tenant_id, org, role_id, first, last, email)
        made.append((email, user_id, employee(store, tenant_id, org, user_id, f"{first} {last}")))
    return made


def user(store: Store, tenant: str, org: str, role_id: str, first: str, last: str, email: str) -> str:
    row = store.insert(
        "User",
        {
            "tenantId": tenant,
            "thirdPartyId": None,
            "firstName": first,
            "lastName": last,
            "name": f"{first} {last}",
            "email": email,
            "username": None,
            "phoneNumber": None,
            "timeZone": "Etc/UTC",
            "timeFormat": 12,
            "imageUrl": None,
            "preferredLanguage": "en",
            "preferredComponentLayout": "TABLE",
            "emailVerifiedAt": None,
            "isEmailVerified": True,
            "lastLoginAt": None,
            "roleId": role_id,
            "imageId": None,
            "defaultTeamId": None,
            "lastTeamId": None,
            "defaultOrganizationId": org,
            "lastOrganizationId": org,
        },
    )
    store.insert(
        "UserOrganization",
        {"tenantId": tenant, "organizationId": org, "userId": row["id"], "isDefault": True},
    )
    return str(row["id"])


def employee(store: Store, tenant: str, org: str, user_id: str, name: str) -> str:
    row = store.insert(
        "Employee",
        {
            "tenantId": tenant,
            "organizationId": org,
            "userId": user_id,
            "fullName": name,
            "startedWorkOn": None,
            "endWork": None,
            "payPeriod": "WEEKLY",
            "billRateValue": 0,
            "billRateCurrency": "USD",
            "reWeeklyLimit": 40,
            "isTrackingEnabled": True,
            "isOnline": False,
            "isAway": False,
            "isTrackingTime": False,
            "allowScreenshotCapture": True,
            "allowManualTime": True,
            "allowModifyTime": True,
            "allowDeleteTime": True,
            "profile_link": name.lower().replace(" ", "-"),
            "isDeleted": False,
        },
    )
    return str(row["id"])


def tenant(store: Store, name: str, org_name: str) -> tuple[str, str, dict[str, str]]:
    tenant = str(store.insert("Tenant", {"name": name})["id"])
    org: dict[str, Any] = {
        "tenantId": tenant,
        "name": org_name,
        "currency": "USD",
        "isDefault": True,
        "profile_link": None,
        "timeZone": "Etc/UTC",
        "defaultValueDateType": "TODAY",
        "startWeekOn": "MONDAY",
        "imageUrl": None,
    }
    organization = str(store.insert("Organization", org)["id"])
    roles = {
        r: str(store.insert("Role", {"tenantId": tenant, "name": r})["id"])
        for r in ("SUPER_ADMIN", "ADMIN", "EMPLOYEE")
    }
    return tenant, organization, roles


