"""The embedded OAuth 2.0 authorization server's vocabulary: clients, grants, consents, errors."""
