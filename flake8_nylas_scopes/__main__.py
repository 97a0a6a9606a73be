"""``python -m flake8_nylas_scopes``: the same as the ``nylas-scopes`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
