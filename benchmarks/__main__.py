"""`python -m benchmarks` (the Makefile's `bench`): the context benchmark, then the transport benchmark."""

import sys

from benchmarks import context, transports

context.main()
sys.exit(transports.main())
