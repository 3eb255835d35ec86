"""`make bench`: delivery latency, scale and cost of the support chat against a bare baseline.

Run as `python -m bench` (add `--quick` for a smaller run). It starts its own services and
API processes on loopback, bounded in time, and stops everything it started.
"""
