"""`python -m benchmarks` (the Makefile's `bench`): the transport benchmark."""

import sys

from benchmarks.transports import main

sys.exit(main())
