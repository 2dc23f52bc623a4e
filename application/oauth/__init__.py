"""The embedded OAuth 2.0 authorization server as pure use cases (no HTTP, no JWT library):
client registration, authorization with PKCE, the token grants, introspection, revocation."""
