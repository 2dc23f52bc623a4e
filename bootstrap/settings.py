"""Settings from environment variables (and an optional `.env`), under the reference
server's names so an existing deployment's configuration keeps working."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

TRUE = {"1", "true", "yes", "on"}


class SettingsError(ValueError):
    """A setting has a value the server cannot use; the message names it and what is allowed."""


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `#` comments and surrounding quotes are ignored."""
    if not path.is_file():
        return {}
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


def setting(env: str, default: Any, help_text: str, *, secret: bool = False) -> Any:
    """A settings field read from environment variable `env`; secrets stay out of repr."""
    return field(default=default, repr=not secret, metadata={"env": env, "help": help_text})


@dataclass(frozen=True)
class Settings:
    """Each field's metadata names its environment variable and says what it does (for --help)."""

    api_base_url: str | None = setting(
        "API_BASE_URL", None,
        "Gauzy API base URL without /api, e.g. https://api.gauzy.co. Unset: the embedded demo Gauzy.",
    )
    api_timeout: float = setting(
        "API_TIMEOUT", 30.0,
        "Seconds before a Gauzy call times out.",
    )
    api_retry_deadline: float = setting(
        "API_RETRY_DEADLINE", 15.0,
        "Seconds a Gauzy call that is safe to repeat may spend retrying after 429/502/503/504 "
        "or a refused connection (0: never retry).",
    )
    auth_email: str | None = setting(
        "GAUZY_AUTH_EMAIL", None,
        "Email to sign in to Gauzy with automatically.",
    )
    auth_password: str | None = setting(
        "GAUZY_AUTH_PASSWORD", None,
        "Password for GAUZY_AUTH_EMAIL.", secret=True,
    )
    auto_login: bool = setting(
        "GAUZY_AUTO_LOGIN", True,
        "Sign in with GAUZY_AUTH_EMAIL/PASSWORD on first use (true/false).",
    )
    transport: str = setting(
        "MCP_TRANSPORT", "stdio",
        "stdio, http, websocket or http,websocket.",
    )
    http_host: str = setting(
        "MCP_HTTP_HOST", "127.0.0.1",
        "HTTP listen address.",
    )
    http_port: int = setting(
        "MCP_HTTP_PORT", 3001,
        "HTTP listen port.",
    )
    ws_host: str = setting(
        "MCP_WS_HOST", "127.0.0.1",
        "WebSocket listen address.",
    )
    ws_port: int = setting(
        "MCP_WS_PORT", 3002,
        "WebSocket listen port.",
    )
    ws_path: str = setting(
        "MCP_WS_PATH", "/sse",
        "WebSocket path.",
    )
    session_ttl: int = setting(
        "MCP_SESSION_TTL", 1800,
        "Seconds an idle session lives.",
    )
    redis_url: str | None = setting(
        "REDIS_URL", None,
        "Redis for sessions and rate limits shared by instances. Unset: in memory.",
    )
    toolsets: tuple[str, ...] = setting(
        "MCP_TOOLSETS", (),
        "Comma-separated toolsets to expose (default: all).",
    )
    read_only: bool = setting(
        "MCP_READ_ONLY", False,
        "Expose only tools that do not write (true/false).",
    )
    debug: bool = setting(
        "GAUZY_MCP_DEBUG", False,
        "Debug logging on stderr (secrets redacted).",
    )

    @property
    def demo(self) -> bool:
        return not self.api_base_url

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        source = {**read_dotenv(dotenv or Path(".env")), **(os.environ if environ is None else environ)}
        values: dict[str, Any] = {}
        for spec in fields(cls):
            raw = source.get(spec.metadata["env"])
            if raw is not None and raw.strip() != "":
                values[spec.name] = _convert(spec.metadata["env"], spec.type, raw.strip())
        return cls(**values)

    @classmethod
    def help_text(cls) -> str:
        return "\n".join(f"  {f.metadata['env']:<22} {f.metadata['help']}" for f in fields(cls))


def _convert(name: str, kind: object, raw: str) -> object:
    kind = str(kind)
    try:
        if kind.startswith("bool"):
            if raw.lower() not in TRUE | {"0", "false", "no", "off"}:
                raise ValueError
            return raw.lower() in TRUE
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a valid {kind.split()[0]}") from None
    if kind.startswith("tuple"):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw
