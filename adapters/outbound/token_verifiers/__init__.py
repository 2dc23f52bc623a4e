"""TokenVerifier adapters: JWTs checked with a JWKS or one public key, or RFC 7662 introspection."""

from adapters.outbound.token_verifiers.http_json import new_auth_client
from adapters.outbound.token_verifiers.introspection import IntrospectionClient, IntrospectionTokenVerifier
from adapters.outbound.token_verifiers.jwks import JwksTokenVerifier
from adapters.outbound.token_verifiers.jwt_checks import ASYMMETRIC, JwtRules, allowed_algorithms
from adapters.outbound.token_verifiers.public_key import PublicKeyTokenVerifier

__all__ = [
    "ASYMMETRIC", "IntrospectionClient", "IntrospectionTokenVerifier", "JwksTokenVerifier", "JwtRules",
    "PublicKeyTokenVerifier", "allowed_algorithms", "new_auth_client",
]
