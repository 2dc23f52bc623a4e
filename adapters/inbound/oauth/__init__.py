"""OAuth 2.0 protected resource: bearer-token checks, challenges and RFC 9728 metadata."""
