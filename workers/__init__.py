"""Background jobs: Dramatiq actors on the Redis broker."""
