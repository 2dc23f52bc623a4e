"""`python -m benchmarks` (the Makefile's `bench`): the transport benchmark, then WebSocket memory."""

import sys

from benchmarks import transports, websocket_memory

sys.exit(transports.main() or websocket_memory.main([]))
