from __future__ import annotations

from pathlib import Path

import pytest

from bootstrap.container import exposed_catalog, service_account
from bootstrap.settings import Settings, SettingsError


def test_defaults_serve_the_demo_over_stdio(tmp_path: Path) -> None:
    settings = Settings.from_env({}, dotenv=tmp_path / ".env")
    assert settings.demo and settings.transport == "stdio"
    assert service_account(settings) is not None, "the demo signs in its demo user"


def test_environment_overrides_dotenv(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("API_BASE_URL=https://dotenv.example\nMCP_READ_ONLY=true\n")
    settings = Settings.from_env({"API_BASE_URL": "https://env.example"}, dotenv=tmp_path / ".env")
    assert settings.api_base_url == "https://env.example" and settings.read_only


def test_bad_values_name_the_variable(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="MCP_HTTP_PORT='abc'"):
        Settings.from_env({"MCP_HTTP_PORT": "abc"}, dotenv=tmp_path / ".env")
    with pytest.raises(SettingsError, match="MCP_READ_ONLY"):
        Settings.from_env({"MCP_READ_ONLY": "maybe"}, dotenv=tmp_path / ".env")


def test_real_gauzy_without_credentials_has_no_service_account(tmp_path: Path) -> None:
    settings = Settings.from_env({"API_BASE_URL": "https://gauzy.example"}, dotenv=tmp_path / ".env")
    assert service_account(settings) is None


def test_toolsets_and_read_only_select_the_catalog() -> None:
    catalog = exposed_catalog(Settings(toolsets=("tasks", "timer"), read_only=True))
    assert {t.toolset for t in catalog} == {"auth", "test-connection", "discovery", "tasks", "timer"}
    assert all(t.read_only for t in catalog if t.toolset in ("tasks", "timer"))
    with pytest.raises(ValueError, match="unknown toolsets"):
        exposed_catalog(Settings(toolsets=("nope",)))


def test_help_lists_every_variable() -> None:
    text = Settings.help_text()
    for name in ("API_BASE_URL", "GAUZY_AUTH_EMAIL", "MCP_TRANSPORT", "MCP_TOOLSETS", "GAUZY_MCP_DEBUG"):
        assert name in text


def test_a_reference_session_ttl_in_milliseconds_is_converted(tmp_path: Path) -> None:
    assert Settings.from_env({"MCP_SESSION_TTL": "1800000"}, dotenv=tmp_path / ".env").session_ttl == 1800
    assert Settings.from_env({"MCP_SESSION_TTL": "3600"}, dotenv=tmp_path / ".env").session_ttl == 3600


def test_mcp_tools_and_the_default_word_shape_the_listing(tmp_path) -> None:
    settings = Settings.from_env({"MCP_TOOLSETS": "default,goals", "MCP_TOOLS": "get_invoices, create_invoice"},
                                 dotenv=tmp_path / ".env")
    listed = {t.name for t in exposed_catalog(settings).listed}
    assert {"get_invoices", "create_invoice", "get_goals", "get_tasks"} <= listed and "get_payments" not in listed
