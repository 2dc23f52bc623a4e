"""Settings from environment variables (and an optional `.env`), under the reference
server's names so an existing deployment's configuration keeps working."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

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


@dataclass(frozen=True)
class Settings:
    """Each field's metadata names its environment variable and says what it does (for --help)."""

    api_base_url: str | None = field(default=None, metadata={"env": "API_BASE_URL", "help": "Gauzy API base URL without /api, e.g. https://api.gauzy.co. Unset: the embedded demo Gauzy."})
    api_timeout: float = field(default=30.0, metadata={"env": "API_TIMEOUT", "help": "Seconds before a Gauzy call times out."})
    auth_email: str | None = field(default=None, metadata={"env": "GAUZY_AUTH_EMAIL", "help": "Email to sign in to Gauzy with automatically."})
    auth_password: str | None = field(default=None, repr=False, metadata={"env": "GAUZY_AUTH_PASSWORD", "help": "Password for GAUZY_AUTH_EMAIL."})
    auto_login: bool = field(default=True, metadata={"env": "GAUZY_AUTO_LOGIN", "help": "Sign in with GAUZY_AUTH_EMAIL/PASSWORD on first use (true/false)."})
    transport: str = field(default="stdio", metadata={"env": "MCP_TRANSPORT", "help": "stdio, http, websocket or http,websocket."})
    http_host: str = field(default="127.0.0.1", metadata={"env": "MCP_HTTP_HOST", "help": "HTTP listen address."})
    http_port: int = field(default=3001, metadata={"env": "MCP_HTTP_PORT", "help": "HTTP listen port."})
    ws_host: str = field(default="127.0.0.1", metadata={"env": "MCP_WS_HOST", "help": "WebSocket listen address."})
    ws_port: int = field(default=3002, metadata={"env": "MCP_WS_PORT", "help": "WebSocket listen port."})
    ws_path: str = field(default="/sse", metadata={"env": "MCP_WS_PATH", "help": "WebSocket path."})
    session_ttl: int = field(default=1800, metadata={"env": "MCP_SESSION_TTL", "help": "Seconds an idle session lives."})
    redis_url: str | None = field(default=None, metadata={"env": "REDIS_URL", "help": "Redis for sessions and rate limits shared by instances. Unset: in memory."})
    toolsets: tuple[str, ...] = field(default=(), metadata={"env": "MCP_TOOLSETS", "help": "Comma-separated toolsets to expose (default: all)."})
    read_only: bool = field(default=False, metadata={"env": "MCP_READ_ONLY", "help": "Expose only tools that do not write (true/false)."})
    debug: bool = field(default=False, metadata={"env": "GAUZY_MCP_DEBUG", "help": "Debug logging on stderr (secrets redacted)."})

    @property
    def demo(self) -> bool:
        return not self.api_base_url

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        source = {**read_dotenv(dotenv or Path(".env")), **(os.environ if environ is None else environ)}
        values = {}
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
