"""Nylas API v2: its scopes, endpoints, SDK and raw-HTTP routes."""
