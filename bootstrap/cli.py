"""The `gauzy-mcp` command line."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Coroutine
from dataclasses import replace
from typing import Any

from adapters.inbound.mcp_tools import build_mcp_server
from adapters.inbound.stdio import resolve_stdio_caller, serve_stdio
from bootstrap import event_loop
from bootstrap.auth_server_settings import AuthServerSettings
from bootstrap.container import SERVER_NAME, VERSION, Container, build_container, close_resources
from bootstrap.logs import configure_logging
from bootstrap.settings import Settings, SettingsError
from bootstrap.workers import run_workers, worker_count

log = logging.getLogger("gauzy_mcp")


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="gauzy-mcp",
        description="Model Context Protocol server for Ever Gauzy. With no API_BASE_URL it serves an "
        "embedded demo Gauzy, signed in as the demo user.",
        epilog="Environment variables (also read from ./.env):\n" + Settings.help_text() + "\n"
        + AuthServerSettings.help_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument("command", nargs="?", choices=["auth-server"],
                     help="auth-server: run only the OAuth authorization server, on MCP_AUTH_PORT")
    cli.add_argument("--transport", help="stdio (default), http, websocket, or http,websocket")
    cli.add_argument("--toolsets", help="comma-separated toolsets, or default / all (default: the core set listed)")
    cli.add_argument("--tools", help="comma-separated tool names to list besides the toolsets")
    cli.add_argument("--read-only", action="store_true", help="expose only tools that do not write")
    cli.add_argument("--test", action="store_true",
                     help="check the Gauzy connection and credentials, then exit (0 = all good)")
    cli.add_argument("--version", action="version", version=f"{SERVER_NAME} {VERSION}")
    return cli


def settings_from(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if args.transport:
        settings = replace(settings, transport=args.transport)
    if args.toolsets:
        settings = replace(settings, toolsets=tuple(t.strip() for t in args.toolsets.split(",") if t.strip()))
    if args.tools:
        settings = replace(settings, tools=tuple(t.strip() for t in args.tools.split(",") if t.strip()))
    if args.read_only:
        settings = replace(settings, read_only=True)
    return settings


async def serve(container: Container, server_settings: AuthServerSettings) -> None:
    settings: Settings = container.settings()
    if settings.transport != "stdio":
        from bootstrap.auth_server import embedded_authorization_server
        from bootstrap.remote import serve_remote

        await serve_remote(container, embedded_authorization_server(container, server_settings))
        return
    server = build_mcp_server(container.dispatcher(), resolve_stdio_caller, name=SERVER_NAME, version=VERSION)
    log.info("serving %d tools over stdio on %s", len(container.catalog()),
             "the demo Gauzy" if settings.demo else settings.api_base_url)
    try:
        await serve_stdio(server)
    finally:
        await close_resources(container)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = settings_from(args)
        configure_logging(debug=settings.debug)
        # gauzy_mcp.gauzy_http logs each Gauzy call (redacted) at debug; httpx's own line per call is noise
        logging.getLogger("httpx").setLevel(logging.WARNING)
        server_settings = AuthServerSettings.from_env()
        container = build_container(settings if stdio_only(args, settings) else
                                    embedded_defaults(settings, server_settings))
        container.catalog()  # unknown toolsets fail here, before any transport starts
        if args.test:
            from bootstrap.connection_check import check_connection

            return event_loop.run(check_connection(container))
        if args.command == "auth-server":
            from bootstrap.auth_server import serve_auth_server

            return run_until_stopped(serve_auth_server(container, server_settings))
        workers = 1 if settings.transport == "stdio" else worker_count(settings)
    except (SettingsError, ValueError) as error:
        return refused(error)
    except KeyboardInterrupt:
        return 0
    if workers > 1:
        container.token_cipher()  # made before the fork: without MCP_SESSION_SECRET, one generated key for all
        return run_workers(workers, lambda: run_until_stopped(serve(container, server_settings)))
    return run_until_stopped(serve(container, server_settings))


def stdio_only(args: argparse.Namespace, settings: Settings) -> bool:
    """Serving stdio, which never sees OAuth: start-up then skips loading the HTTP, OAuth and
    authorization-server modules (decision 038)."""
    return settings.transport == "stdio" and args.command is None and not args.test


def embedded_defaults(settings: Settings, server_settings: AuthServerSettings) -> Settings:
    from bootstrap.auth_server import with_embedded_defaults

    return with_embedded_defaults(settings, server_settings)


def run_until_stopped(server: Coroutine[Any, Any, None]) -> int:
    try:
        event_loop.run(server)
    except (SettingsError, ValueError) as error:
        return refused(error)
    except KeyboardInterrupt:
        return 0
    return 0


def refused(error: Exception) -> int:
    print(f"gauzy-mcp: {error}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
