"""What the server remembers about a caller between requests."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from domain.principal import GauzyCredential


@dataclass(frozen=True)
class Session:
    """One caller's state: who they are and the Gauzy credential their calls use.

    `fingerprint` binds an HTTP session to the client's address and user agent.
    """

    key: str
    subject: str
    created_at: datetime
    last_seen_at: datetime
    credential: GauzyCredential | None = None
    fingerprint: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)

    def signed_in(self, credential: GauzyCredential | None) -> Session:
        return replace(self, credential=credential)

    def seen(self, now: datetime) -> Session:
        return replace(self, last_seen_at=now)
