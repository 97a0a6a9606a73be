"""v3app: a scheduling assistant on the Nylas API v3 (nylas-python 6.x)."""
