"""`gauzy-mcp --test`: is Gauzy reachable, and do the configured credentials work?

Each failure gets its own message and exit code, so a person or a script can tell a wrong
API_BASE_URL from a wrong password from a missing account:
0 all good, 1 Gauzy unreachable or failing, 3 credentials refused, 4 no credentials configured
(2 is the CLI's code for invalid settings).
"""

from __future__ import annotations

import sys
from contextlib import suppress
from dataclasses import replace

from bootstrap.container import Container, close_resources, service_account
from bootstrap.settings import Settings
from domain.errors import AuthenticationError, DomainError, GauzyValidationError
from domain.ports import GauzyApi

EXIT_OK, EXIT_UNREACHABLE, EXIT_REFUSED, EXIT_NO_ACCOUNT = 0, 1, 3, 4


def ok(line: str) -> None:
    print(f"OK: {line}")


def failed(line: str) -> None:
    print(f"FAILED: {line}", file=sys.stderr)


async def check_connection(container: Container) -> int:
    try:
        return await _check(container.settings(), container.gauzy_api())
    finally:
        await close_resources(container)


async def _check(settings: Settings, gauzy: GauzyApi) -> int:
    backend = "the embedded demo Gauzy" if settings.demo else f"Gauzy at {settings.api_base_url}"
    try:
        await gauzy.check_health()
    except DomainError as error:
        failed(str(error))
        return EXIT_UNREACHABLE
    ok(f"{backend} is reachable.")
    return await _check_sign_in(settings, gauzy)


async def _check_sign_in(settings: Settings, gauzy: GauzyApi) -> int:
    account = service_account(replace(settings, auto_login=True))  # --test checks them even if auto-login is off
    if account is None:
        failed("No Gauzy account is configured: set GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD "
               "or use the login tool once the server runs.")
        return EXIT_NO_ACCOUNT
    try:
        credential = await gauzy.login(account.email, account.password)
    except (AuthenticationError, GauzyValidationError) as error:  # 400: e.g. not an email address
        said = f" Gauzy said: {'; '.join(error.messages)}." if isinstance(error, GauzyValidationError) else ""
        failed(f"Gauzy did not accept GAUZY_AUTH_EMAIL/GAUZY_AUTH_PASSWORD (signing in as {account.email}).{said} "
               "Check both in the environment or .env.")
        return EXIT_REFUSED
    except DomainError as error:
        failed(f"Signing in to Gauzy as {account.email} did not work: {error}")
        return EXIT_UNREACHABLE
    ok(f"signed in as {credential.email} (tenant {credential.tenant_id}, "
       f"organization {credential.organization_id or 'none'}, employee {credential.employee_id or 'none'}).")
    with suppress(DomainError):  # leave no session behind; a failed logout changes nothing for the check
        await gauzy.logout(credential)
    return EXIT_OK
