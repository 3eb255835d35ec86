"""What every layer shares: settings, domain errors, the clock, job names, signed links."""
