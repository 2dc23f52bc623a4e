"""Benchmarks of the running server; `python -m benchmarks` runs them all (see README.md)."""
