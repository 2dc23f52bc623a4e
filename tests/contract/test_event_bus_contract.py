"""The EventBus port's contract (domain/ports/event_bus.py), run on every adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
import pytest

from adapters.outbound.event_buses import InMemoryEventBus, RedisEventBus
from adapters.outbound.redis_connection import connect_redis
from domain.errors import StorageUnavailableError
from domain.ports.event_bus import EventBus
from tests.remote import RedisProcess, free_port

pytestmark = [pytest.mark.contract, pytest.mark.anyio]


@pytest.fixture(params=["memory", "redis"])
async def bus(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    if request.param == "memory":
        yield InMemoryEventBus()
        return
    redis: RedisProcess = request.getfixturevalue("redis_server")
    client = connect_redis(redis.url())
    try:
        yield RedisEventBus(client, channel=f"test-{request.node.name}")
    finally:
        await client.aclose()


async def collect(bus: EventBus, into: list[tuple[str, bytes]]) -> None:
    async for message in bus.messages():
        into.append(message)


async def until_listening(bus: EventBus, *inboxes: list[tuple[str, bytes]]) -> None:
    """Probe until every listener is subscribed (messages published before are not promised)."""
    with anyio.fail_after(5):
        while not all(("probe", b"") in inbox for inbox in inboxes):
            await bus.publish("probe", b"")
            await anyio.sleep(0.05)


def published(inbox: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    return [message for message in inbox if message[0] != "probe"]


async def test_every_listener_gets_each_message_with_its_topic(bus: EventBus) -> None:
    first: list[tuple[str, bytes]] = []
    second: list[tuple[str, bytes]] = []
    sent = [("session:a", b"event: progress\n\n"), ("session:b", b"second")]
    async with anyio.create_task_group() as listeners:
        listeners.start_soon(collect, bus, first)
        listeners.start_soon(collect, bus, second)
        await until_listening(bus, first, second)
        for topic, payload in sent:
            await bus.publish(topic, payload)
        with anyio.fail_after(5):
            while len(published(first)) < 2 or len(published(second)) < 2:  # noqa: ASYNC110 - polling lists
                await anyio.sleep(0.02)
        listeners.cancel_scope.cancel()
    assert published(first) == sent and published(second) == sent


async def test_the_redis_subscription_survives_a_restart() -> None:
    """The relay of each instance keeps listening across a Redis outage (issue 13)."""
    redis = RedisProcess()
    redis.start()
    client = connect_redis(redis.url())
    inbox: list[tuple[str, bytes]] = []
    try:
        bus = RedisEventBus(client)
        async with anyio.create_task_group() as listeners:
            listeners.start_soon(collect, bus, inbox)
            await until_listening(bus, inbox)
            redis.stop()
            redis.start()
            inbox.clear()
            await until_listening(bus, inbox)
            listeners.cancel_scope.cancel()
    finally:
        await client.aclose()
        redis.close()


async def test_an_unreachable_redis_raises_storage_unavailable_on_publish() -> None:
    client = connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    try:
        with pytest.raises(StorageUnavailableError):
            await RedisEventBus(client).publish("t", b"x")
    finally:
        await client.aclose()
