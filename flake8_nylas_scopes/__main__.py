"""``python -m flake8_nylas_scopes``: the ``nylas-scopes`` command line."""

from __future__ import annotations

import sys

from .cli import main

# Guarded: a worker process started with ``spawn`` (macOS, Windows) imports this
# module again under another name, and must not run the command a second time.
if __name__ == "__main__":
    sys.exit(main())
