"""MCP_WORKERS: several server processes of one instance, so that it uses every core.

The parent forks the workers before any event loop exists, then only forwards SIGTERM/SIGINT
and waits. Each worker binds the instance's ports itself with SO_REUSEPORT (Hypercorn sets it
when `workers > 1`), and the kernel spreads new connections over them. Sessions and rate
limits then live in Redis, shared by the workers as by instances: in-process state cannot be.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from types import FrameType

from bootstrap.settings import Settings, SettingsError

log = logging.getLogger("gauzy_mcp")


def worker_count(settings: Settings) -> int:
    """MCP_WORKERS, by default the core count when every piece of state can be shared: sessions
    in Redis and a real Gauzy (the embedded demo Gauzy lives in one process's memory)."""
    if settings.workers is None:
        return (os.cpu_count() or 1) if settings.redis_url and not settings.demo else 1
    if settings.workers < 1:
        raise SettingsError(f"MCP_WORKERS={settings.workers}: use 1 or more (unset: the core count with REDIS_URL)")
    if settings.workers > 1 and not settings.redis_url:
        raise SettingsError(f"MCP_WORKERS={settings.workers} needs REDIS_URL: without it sessions and rate "
                            "limits live in one process's memory, which other workers cannot see")
    if settings.workers > 1 and settings.demo:
        raise SettingsError(f"MCP_WORKERS={settings.workers} needs API_BASE_URL: the embedded demo Gauzy "
                            "lives in one process's memory, so each worker would have a Gauzy of its own")
    return settings.workers


def run_workers(count: int, serve: Callable[[], int]) -> int:
    """Run `serve` in `count` forked processes; 0 when every one ended well, else 1."""
    workers = Workers([_fork(serve) for _ in range(count)])
    log.info("%d worker processes: %s", count, ", ".join(map(str, workers.running)))
    for name in ("SIGINT", "SIGTERM"):
        signal.signal(getattr(signal, name), workers.forward)
    return workers.wait()


def _fork(serve: Callable[[], int]) -> int:
    pid = os.fork()
    if pid == 0:  # the worker: serve, then leave without running the parent's clean-up
        code = 1
        try:
            code = serve()
        finally:
            os._exit(code)
    return pid


class Workers:
    def __init__(self, pids: list[int]) -> None:
        self.running = set(pids)
        self.stop_signal: int | None = None  # set once the parent was told to stop
        self.failed = False

    def forward(self, signum: int, frame: FrameType | None = None) -> None:
        self.stop_signal = self.stop_signal or signum
        for pid in self.running:
            try:
                os.kill(pid, signum)
            except ProcessLookupError:
                continue

    def wait(self) -> int:
        """Reap the workers; when one ends badly on its own, stop the others (a supervisor restarts the instance)."""
        while self.running:
            pid, status = os.wait()
            self.running.discard(pid)
            code = os.waitstatus_to_exitcode(status)
            # A worker still starting when told to stop has no handler yet: the signal ends it, as asked.
            if code != 0 and not (self.stop_signal is not None and code == -self.stop_signal):
                log.error("worker %d ended with status %d: stopping the others", pid, code)
                self.failed = True
                self.forward(signal.SIGTERM)
        return 1 if self.failed else 0
