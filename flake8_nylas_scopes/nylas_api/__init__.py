"""Nylas knowledge, one folder per API version."""
