"""`python -m benchmarks` (the Makefile's `bench`): the context benchmark, the transport benchmark,
then WebSocket memory."""

import sys

from benchmarks import context, transports, websocket_memory

context.main()
sys.exit(transports.main() or websocket_memory.main([]))
