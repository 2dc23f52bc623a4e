from __future__ import annotations

from typing import Any, Protocol


class ClientMetadataFetcher(Protocol):
    """Fetches a Client ID Metadata Document: the JSON a URL-shaped `client_id` points at
    (draft-ietf-oauth-client-id-metadata-document).

    Contract:
    - `fetch` returns the decoded JSON object at `url`, or raises `ClientMetadataError`
      (`invalid_client_metadata`) when it cannot be fetched safely: not https, a host resolving
      to a private, loopback, link-local or otherwise non-public address (unless the adapter
      was configured to allow loopback for tests), a redirect, a non-200 answer, a body over
      the size limit, a timeout, or something that is not a JSON object.
    - It may answer from a cache for a bounded time.
    It does not promise: that the document is a valid client's; the caller validates it.
    """

    async def fetch(self, url: str) -> dict[str, Any]: ...
