"""How the nylas-python package lies on disk, in every release from 4.x to 6.x: a
copy of it (vendored into ``vendor/`` or ``third_party/``, installed somewhere the
project walk reaches) is someone else's code, not the app's."""

from __future__ import annotations

# The import name of the SDK's top-level package.
SDK_PACKAGE = "nylas"

# A module every release keeps at the top of the package (``__VERSION__ = "6.18.0"``),
# read by its ``setup.py``; an app's own package named ``nylas`` has no reason to.
SDK_VERSION_MODULE = "_client_sdk_version.py"
