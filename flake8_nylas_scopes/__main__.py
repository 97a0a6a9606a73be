"""``python -m flake8_nylas_scopes``: the ``nylas-scopes`` command line."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
