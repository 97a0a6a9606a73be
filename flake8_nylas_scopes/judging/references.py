"""Module constants read across the project: URL pieces and scope lists.

Each module's facts hold its own constants; a module that builds a URL or a scopes
value from another module's names records references (``pkg.constants.SEND_URI``).
The index reads them here, with Django's ``settings`` object standing for the
project's settings modules.  What it cannot read stays unread: the caller keeps its
stand-in (a hole in a URL, an unresolved value) and stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis.extract import FLASK_CONFIG
from ..analysis.facts import ModuleFacts, ScopeValue, UrlPart

# Django's lazy settings object: attributes of the project's settings module.
DJANGO_SETTINGS = "django.conf.settings"
# Modules that are Django settings by their name: ``proj.settings`` and the modules of
# a ``proj.settings`` package (``settings/base.py``, ``settings/production.py``).
_SETTINGS_MODULE = re.compile(r"(^|\.)settings(\.[A-Za-z_][A-Za-z0-9_]*)?$")
# Flask's configuration read through the application: ``current_app.config["KEY"]``,
# or ``app.config["KEY"]`` on a module's ``app``/``application`` object.
_FLASK_READ = re.compile(
    r"^(?:flask\.current_app|(?:[\w.]+\.)?(?:app|application))\.config"
    r"\[(?P<quote>['\"])(?P<key>[^'\"]+)(?P=quote)\]$"
)
# References are followed through at most this many constants.
_MAX_DEPTH = 8


@dataclass(frozen=True)
class Found:
    """A constant read across modules, and the module that defines it."""

    value: ScopeValue
    module: str


class ConstantIndex:
    def __init__(
        self, modules: Iterable[ModuleFacts], mutated: frozenset[str] = frozenset(),
        settings_modules: Iterable[str] = (),
    ) -> None:
        self.by_module: Mapping[str, ModuleFacts] = {
            facts.module: facts for facts in modules if facts.module
        }
        self._mutated = mutated
        named = set(settings_modules) & set(self.by_module)
        self.settings_modules: tuple[str, ...] = tuple(sorted(
            named or {name for name in self.by_module if _SETTINGS_MODULE.search(name)}
        ))

    # -- where a reference points ---------------------------------------------------

    def _owners(self, reference: str) -> list[tuple[str, str]]:
        """(module, name) pairs a reference may mean: one for a module constant, one
        per settings module for ``django.conf.settings.NAME``."""
        # ``pkg.settings.NYLAS['SCOPES']`` and ``pkg.auth.get_scopes()``: the key or
        # the call belongs to the name.
        cut = min((at for at in (reference.find("["), reference.find("(")) if at >= 0),
                  default=len(reference))
        module, _, name = reference[:cut].rpartition(".")
        name += reference[cut:]
        if module == DJANGO_SETTINGS:
            return [(candidate, name) for candidate in self.settings_modules]
        flask = _FLASK_READ.match(reference)
        if flask is not None:
            # ``current_app.config["KEY"]`` (or the app's own ``app.config``): every
            # module that writes the key.
            kept = f"{FLASK_CONFIG}[{flask.group('key')!r}]"
            return [(owner, kept) for owner, facts in self.by_module.items()
                    if kept in facts.constants]
        return [(module, name)]

    @staticmethod
    def is_configuration(reference: str) -> bool:
        """Whether ``reference`` reads Django's settings or Flask's configuration, whose
        module the code does not name."""
        return reference.startswith(DJANGO_SETTINGS + ".") or bool(_FLASK_READ.match(reference))

    # -- URL pieces -----------------------------------------------------------------

    def url_text(self, parts: tuple[UrlPart, ...], depth: int = 0) -> str:
        """The text of a URL, other modules' constants read in; a constant that cannot
        be read (or reads differently in two settings modules) stays a hole."""
        pieces: list[str] = []
        for part in parts:
            text = self._reference_text(part.reference, depth) if part.reference else None
            pieces.append(part.text if text is None else text)
        return _one_slash("".join(pieces)) if any(p.reference for p in parts) else "".join(
            pieces)

    def _reference_text(self, reference: str, depth: int) -> str | None:
        if depth >= _MAX_DEPTH or reference in self._mutated:
            return None
        texts = set()
        owners = self._owners(reference)
        module, _, attribute = reference.rpartition(".")
        if module not in self.by_module and module.rpartition(".")[0] in self.by_module:
            # ``config.settings.api_uri``: a field of an object the module makes.
            owner, _, name = module.rpartition(".")
            owners = [(owner, f"{name}.{attribute}")]
        for module, name in owners:
            facts = self.by_module.get(module)
            parts = facts.strings.get(name) if facts is not None else None
            if parts is not None:
                texts.add(self.url_text(parts, depth + 1))
        return texts.pop() if len(texts) == 1 else None

    # -- scope values ---------------------------------------------------------------

    def scopes(self, reference: str) -> list[Found]:
        """The scopes values a reference may hold: one per module that defines it (the
        settings modules may each set it)."""
        if reference in self._mutated or _whole(reference) in self._mutated:
            return []
        found: list[Found] = []
        for module, name in self._owners(reference):
            if f"{module}.{_whole(name)}" in self._mutated:
                # One of the modules that may define it changes it (a settings module
                # extending the base settings' list): what it holds is not known.
                return []
            facts = self.by_module.get(module)
            value = facts.constants.get(name) if facts is not None else None
            if value is not None:
                found.append(Found(value, module))
        return found


def _whole(reference: str) -> str:
    """The name a reference reads a key or a call of (``NYLAS['SCOPES']``:
    ``NYLAS``): a change to the whole changes the part."""
    cut = min((at for at in (reference.find("["), reference.find("(")) if at >= 0),
              default=len(reference))
    return reference[:cut]


def _one_slash(url: str) -> str:
    """``f"{BASE}/{PATH}"`` with ``BASE`` ending in a slash: one slash, as a route."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    while "//" in rest:
        rest = rest.replace("//", "/")
    return f"{scheme}{sep}{rest}"
