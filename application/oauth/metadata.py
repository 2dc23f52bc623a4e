"""RFC 8414 authorization server metadata, and the OpenID-style copy some clients read."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from application.oauth.config import ServerConfig

AS_WELL_KNOWN = "/.well-known/oauth-authorization-server"
OPENID_WELL_KNOWN = "/.well-known/openid-configuration"
JWKS_PATH = "/.well-known/jwks.json"
AUTHORIZE_PATH = "/oauth2/authorize"
TOKEN_PATH = "/oauth2/token"  # noqa: S105 - a path, not a password
REGISTER_PATH = "/oauth2/register"
INTROSPECT_PATH = "/oauth2/introspect"
REVOKE_PATH = "/oauth2/revoke"
USERINFO_PATH = "/oauth2/userinfo"

# RFC 9700 §2.1.1: PKCE with S256; plain is not offered (RFC 7636 §4.2 lets us refuse it).
CHALLENGE_METHODS = ("S256",)
# RFC 9700 §2.1.2: no implicit grant, only the code flow; §2.4: no password grant.
RESPONSE_TYPES = ("code",)
GRANT_TYPES = ("authorization_code", "refresh_token", "client_credentials")
CLIENT_AUTH_METHODS = ("none", "client_secret_basic", "client_secret_post")


def well_known_url(issuer: str, suffix: str = AS_WELL_KNOWN) -> str:
    """RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path."""
    parts = urlsplit(issuer)
    return f"{parts.scheme}://{parts.netloc}{suffix}{parts.path.rstrip('/')}"


def authorization_server_metadata(config: ServerConfig, signing_algorithm: str) -> dict[str, Any]:
    """The RFC 8414 §2 document. `issuer` is the configured string itself (§3.3: clients
    compare it byte for byte with the issuer they expected)."""
    return {
        "issuer": config.issuer,
        "authorization_endpoint": config.endpoint(AUTHORIZE_PATH),
        "token_endpoint": config.endpoint(TOKEN_PATH),
        "registration_endpoint": config.endpoint(REGISTER_PATH),
        "introspection_endpoint": config.endpoint(INTROSPECT_PATH),
        "revocation_endpoint": config.endpoint(REVOKE_PATH),
        "userinfo_endpoint": config.endpoint(USERINFO_PATH),
        "jwks_uri": config.endpoint(JWKS_PATH),
        "scopes_supported": list(config.scopes_supported),
        "response_types_supported": list(RESPONSE_TYPES),
        "response_modes_supported": ["query"],
        "grant_types_supported": list(GRANT_TYPES),
        "code_challenge_methods_supported": list(CHALLENGE_METHODS),
        "token_endpoint_auth_methods_supported": list(CLIENT_AUTH_METHODS),
        "introspection_endpoint_auth_methods_supported": [m for m in CLIENT_AUTH_METHODS if m != "none"],
        "revocation_endpoint_auth_methods_supported": list(CLIENT_AUTH_METHODS),
        "authorization_response_iss_parameter_supported": True,  # RFC 9207 §3
        "client_id_metadata_document_supported": config.client_metadata_documents,
        "resource_indicators_supported": True,
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [signing_algorithm],
    }


def openid_configuration(config: ServerConfig, signing_algorithm: str) -> dict[str, Any]:
    """The same facts at the OpenID Connect Discovery location: several MCP clients probe it
    before RFC 8414's. We issue no ID tokens; the fields Discovery requires are present so
    strict parsers accept the document."""
    return authorization_server_metadata(config, signing_algorithm)
