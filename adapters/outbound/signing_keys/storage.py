"""Where the key ring is kept between starts: a file (one host) or Redis (every instance)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Protocol

from redis.asyncio import Redis

from adapters.outbound.redis_connection import redis_errors
from adapters.outbound.session_codec import Cipher

REDIS_KEY = "gauzy-mcp:oauth:signing-keys"
SEAL_CONTEXT = b"gauzy-mcp oauth signing keys"
# Compare-and-set: replace the ring only if nobody changed it since we read it.
SWAP_SCRIPT = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
"""


class KeyStorage(Protocol):
    """`create` writes only when nothing is stored yet and says whether it did, so two
    instances starting together end up with one key; `replace` writes only over `expected`."""

    async def load(self) -> str | None: ...

    async def create(self, text: str) -> bool: ...

    async def replace(self, expected: str, text: str) -> bool: ...


class FileKeyStorage:
    """A JSON file readable by its owner only (0600), written atomically by rename."""

    def __init__(self, path: Path) -> None:
        self._path = path

    async def load(self) -> str | None:
        try:
            return self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    async def create(self, text: str) -> bool:
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            descriptor = os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        return True

    async def replace(self, expected: str, text: str) -> bool:
        if await self.load() != expected:
            return False
        descriptor, temporary = tempfile.mkstemp(dir=self._path.parent, prefix=".keys-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, self._path)  # mkstemp made it 0600 already
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        return True


class RedisKeyStorage:
    """One Redis key, sealed with the session secret's cipher when one is configured."""

    def __init__(self, client: Redis, cipher: Cipher | None = None, *, key: str = REDIS_KEY) -> None:
        self._client = client
        self._cipher = cipher
        self._key = key
        self._swap = client.register_script(SWAP_SCRIPT)

    def _seal(self, text: str) -> str:
        return text if self._cipher is None else self._cipher.seal(text.encode("utf-8"), SEAL_CONTEXT)

    def _open(self, stored: str) -> str:
        return stored if self._cipher is None else self._cipher.open(stored, SEAL_CONTEXT).decode("utf-8")

    async def _raw(self) -> str | None:
        with redis_errors("signing-key"):
            raw = await self._client.get(self._key)
        return None if raw is None else raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)

    async def load(self) -> str | None:
        raw = await self._raw()
        return None if raw is None else self._open(raw)

    async def create(self, text: str) -> bool:
        with redis_errors("signing-key"):
            return bool(await self._client.set(self._key, self._seal(text), nx=True))

    async def replace(self, expected: str, text: str) -> bool:
        raw = await self._raw()
        if raw is None or self._open(raw) != expected:
            return False
        with redis_errors("signing-key"):
            return bool(await self._swap(keys=[self._key], args=[raw, self._seal(text)]))


class InMemoryKeyStorage:
    """Keys for this process only: every restart signs with a new key (tests, throwaway demos)."""

    def __init__(self) -> None:
        self._text: str | None = None

    async def load(self) -> str | None:
        return self._text

    async def create(self, text: str) -> bool:
        if self._text is not None:
            return False
        self._text = text
        return True

    async def replace(self, expected: str, text: str) -> bool:
        if self._text != expected:
            return False
        self._text = text
        return True
