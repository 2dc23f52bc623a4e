"""The real Gauzy REST API, over one pooled httpx client."""

from adapters.outbound.gauzy_http.api import HttpxGauzyApi
from adapters.outbound.gauzy_http.retry import RetryPolicy

__all__ = ["HttpxGauzyApi", "RetryPolicy"]
