"""Whether a function's text may hold what ``unread_predicates`` looks for in it.

Whether a module-level function may test the provider where the analysis does not
read it as such a test takes a walk of its whole body, a question asked of every
node; most functions' text names no provider, reads nothing called a provider, tests
no part of a string by a method and returns nothing.  A scan of the text, at the
speed of a regular expression, spares their walks; it is a condition each thing the
walk looks for needs, never a reading of its own: where the text may hold one, the
body is walked as before.

The text is what Python reads it as, except in three ways, each of which sends a
function to the walk: an identifier outside ASCII is read in another form (``ｇoogle``
is ``google``), an escape spells characters the text does not hold (``"\\x67oogle"``),
and string literals written one after another are one string (``"goo" "gle"``).
(``"\\n".join(lines)`` spells no letter: only escapes that may are sent.)
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .provider_tests import PROVIDER_NAMES, PROVIDER_WORDS, partial_words

# An escape that may spell a letter or a digit in a string (``\x67``, ``\N{...}``, an
# octal one), or a line break a string goes on after; not ``\n`` and the like.
_SPELLING_ESCAPE = re.compile(r"\\[xuUN0-7\r\n]")
# The words the names of providers are spelled with, and a word of a name that says
# a provider (see ``says_a_provider``: a word starts at an upper-case letter, or
# after what is no letter or digit, and an upper-case word may go on with digits),
# or a provider's name as a string.  The words are looked for first, as parts of the
# lower-cased text: ``ews`` is part of many a word (``views``).
_NAME_WORDS = tuple(sorted(PROVIDER_WORDS | (PROVIDER_NAMES - {"nylas"})))
_PROVIDER_WORD = re.compile(
    r"(?:(?<![A-Za-z0-9])|(?=[A-Z]))(?i:" + "|".join(map(re.escape, _NAME_WORDS))
    + r")(?![a-z])")
# What reads the provider (``grant.provider``, ``getattr(grant, "provider")``,
# ``grant["provider"]``), or may test part of a string: ``.startswith``, ``.endswith``,
# and a regular expression's ``match``, ``search`` or ``fullmatch``; in lower case.
_READ_WORDS = ("provider", "startswith", "endswith", "match", "search")
# A string literal of the letters and digits a part of a provider's name that ``in``
# may test may be (``"mail" in grant.kind``: see ``partial_names``), and those parts.
_SHORT_LITERAL = re.compile(r"""(["'])([A-Za-z0-9]{4,%d})\1""" % max(map(len, partial_words())))
_PARTS = frozenset(word[start:end] for word in partial_words()
                   for start in range(len(word)) for end in range(start + 4, len(word) + 1))
# Two string literals one after the other (apart by white space, comments to the end
# of their lines or a string prefix at most) that may be parts of such a name or part.
_LITERALS_IN_A_ROW = re.compile(
    r"""(["'])[A-Za-z0-9-]*\1(?:\s|#[^\r\n]*[\r\n])*[rRbBuUfF]{0,2}(["'])[A-Za-z0-9-]*\2""")


def may_read_a_provider(text: str, holding: Collection[str]) -> bool:
    """Whether code of ``text`` may return a value and read the provider or a
    provider's name, itself or through one of the names ``holding`` one, or test
    part of a string (see ``_may_test`` in ``provider_guards``)."""
    if "return" not in text:
        return False  # a function that returns nothing tests nothing
    if not text.isascii() or ("\\" in text and _SPELLING_ESCAPE.search(text)):
        return True
    lower = text.lower()
    if any(word in lower for word in _READ_WORDS):
        return True
    if any(word in lower for word in _NAME_WORDS) and _PROVIDER_WORD.search(text):
        return True
    if any(name in text for name in holding):
        return True
    if any(found.group(2).lower() in _PARTS for found in _SHORT_LITERAL.finditer(text)):
        return True
    return _LITERALS_IN_A_ROW.search(text) is not None
