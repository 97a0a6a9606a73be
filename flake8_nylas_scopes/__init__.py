"""Static analysis of the Nylas OAuth scopes an application requests and needs."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("flake8-nylas-scopes")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
