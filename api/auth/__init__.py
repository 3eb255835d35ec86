"""Authentication: who a bearer token or key belongs to, and staff log-in."""
