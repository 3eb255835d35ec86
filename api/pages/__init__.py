"""Pages a person opens: demo host page, dev mail, unsubscribe, health."""
