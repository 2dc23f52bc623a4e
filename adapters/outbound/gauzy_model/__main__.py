"""``python -m adapters.outbound.gauzy_model --port 0``: serve the double until killed.

Prints ``GAUZY_DOUBLE_URL=<url>`` on one stdout line once the socket listens, for tests that start
server processes.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from .server import GauzyDouble


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, start the double, print its URL and wait for SIGTERM / SIGINT."""
    parser = argparse.ArgumentParser(prog="python -m adapters.outbound.gauzy_model", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token-ttl-seconds", type=float, default=3600)
    parser.add_argument("--login-limit-per-minute", type=int, default=5)
    args = parser.parse_args(argv)
    stop = threading.Event()

    def _on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    double = GauzyDouble(
        token_ttl_seconds=args.token_ttl_seconds,
        login_limit_per_minute=args.login_limit_per_minute,
        host=args.host,
        port=args.port,
    )
    with double:
        sys.stdout.write(f"GAUZY_DOUBLE_URL={double.base_url}\n")
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
