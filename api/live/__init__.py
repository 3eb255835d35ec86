"""Live delivery: one Redis subscription per process, typed events, per-subscriber streams."""
