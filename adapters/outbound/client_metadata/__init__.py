"""Fetching Client ID Metadata Documents safely."""

from adapters.outbound.client_metadata.fetcher import HttpxClientMetadataFetcher

__all__ = ["HttpxClientMetadataFetcher"]
