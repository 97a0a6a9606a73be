"""The rule-code registry: the public contract of the tool.

Codes never change number or meaning; users put them in ``noqa`` comments,
``per-file-ignores`` and CI configuration.  Every front end (flake8, the CLI, the
codemod) reads its codes and messages from here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass


class FixSafety(enum.Enum):
    """Whether the codemod may apply a rule's fix without being asked."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Code:
    code: str
    slug: str
    summary: str
    # A ``str.format`` template with named fields; the rendered message always starts
    # with the code because flake8 treats the first token as the code.
    template: str
    enabled_by_default: bool
    fix: FixSafety

    def message(self, **fields: object) -> str:
        return f"{self.code} " + self.template.format(**fields)


def _registry(*codes: Code) -> Mapping[str, Code]:
    return {code.code: code for code in codes}


CODES: Mapping[str, Code] = _registry(
    Code(
        "NYS101",
        "unknown-scope",
        "a scope name that is not in the vocabulary of that SDK generation",
        "{scope!r} is not a Nylas scope{suggestion}",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS102",
        "malformed-scope-item",
        "one list item holds several scopes, or a scope with stray whitespace or case",
        "{item!r} {problem}; write {replacement}",
        True,
        FixSafety.SAFE,
    ),
    Code(
        "NYS103",
        "duplicate-scope",
        "the same scope twice in one request",
        "{scope!r} is requested twice; remove this one",
        True,
        FixSafety.SAFE,
    ),
    Code(
        "NYS104",
        "redundant-scope",
        "a scope already included by another requested scope",
        "{scope!r} is already granted by {by!r}; remove it",
        True,
        FixSafety.SAFE,
    ),
    Code(
        "NYS105",
        "implicit-default-scopes",
        "an auth call with no scopes, so the default (legacy everything) is requested",
        "no scopes given, so {default} is requested; pass the scopes the app needs",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS106",
        "legacy-email-scope",
        "legacy 'email' requested; granular scopes exist",
        "legacy 'email' grants sending and modifying all mail; request granular "
        "email.* scopes instead",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS107",
        "empty-scopes",
        "an empty scopes value: no scopes parameter is sent and the server default applies",
        "an empty scopes value sends no scopes, so the server default (every scope) applies; "
        "list the scopes the app needs",
        True,
        FixSafety.NONE,
    ),
    Code(
        "NYS108",
        "ignored-scope-parameter",
        "a v2 hosted-auth request names scopes under the singular 'scope' key, which Nylas ignores",
        "Nylas v2 ignores the singular 'scope' key{where}, so every scope is requested; "
        "send 'scopes' instead",
        True,
        # No code renames the key: a fix the registry promised would be a fix that
        # never comes (the contract's "rename the key" is for a later version).
        FixSafety.NONE,
    ),
    Code(
        "NYS201",
        "google-metadata-conflict",
        "email.metadata with email.read_only/email.modify where the account can be Google",
        "'email.metadata' with {other!r} makes Google accounts fail to sync; "
        "remove 'email.metadata'",
        True,
        FixSafety.SAFE,
    ),
    Code(
        "NYS202",
        "gmail-send-only",
        "email.send is the only email scope where the account can be Gmail",
        "'email.send' as the only email scope breaks threading on Gmail accounts; "
        "add the email scope the app reads with (e.g. 'email.read_only')",
        True,
        FixSafety.NONE,
    ),
    Code(
        "NYS203",
        "microsoft-metadata-upgrade",
        "email.metadata where the account can be Microsoft: consent asks for read access",
        "'email.metadata' on {provider} accounts asks the user to consent to read access; "
        "expect the read_only consent screen",
        False,
        FixSafety.NONE,
    ),
    Code(
        "NYS204",
        "imap-calendar-without-email",
        "calendar/contacts scopes without an email scope where the account can be IMAP",
        "{scope!r} gives IMAP accounts nothing without an email scope; add one "
        "(e.g. 'email.read_only')",
        True,
        FixSafety.NONE,
    ),
    Code(
        "NYS205",
        "service-account-non-calendar",
        "a service-account auth requests non-calendar scopes",
        "{scope!r} is not available to service accounts, which are calendar-only; remove it",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS206",
        "admin-consent-scope",
        "room_resources.read_only where the account can be Office 365",
        "'room_resources.read_only' needs tenant admin consent on Office 365; "
        "make sure an admin grants it",
        False,
        FixSafety.NONE,
    ),
    Code(
        "NYS301",
        "missing-scope",
        "a call needs a scope that no requested scope grants (403 at runtime)",
        "{call} needs {needed} but {where}; add {suggestion}",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS302",
        "overbroad-scope",
        "a requested scope is broader than every use needs",
        "{scope!r} is broader than the code needs; request {narrower} instead",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS303",
        "unused-scope",
        "a requested scope that no call uses",
        "{scope!r} is requested but no Nylas call in the project needs it; remove it",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS304",
        "unresolved-client",
        "a Nylas client or scope list the analysis cannot follow",
        "{what}; usage rules stay silent for the scopes it could touch",
        False,
        FixSafety.NONE,
    ),
    Code(
        "NYS401",
        "v2-scope-in-v3-request",
        "Nylas v2 scope names passed to a v3 auth request",
        "{scope!r} is a Nylas v2 scope; v3 requests take provider scopes{suggestion}",
        True,
        FixSafety.UNSAFE,
    ),
    Code(
        "NYS402",
        "unknown-provider-scope",
        "not a known Google/Microsoft scope, or one provider's scope in the other's request",
        "{scope!r} {problem}",
        True,
        FixSafety.NONE,
    ),
    Code(
        "NYS403",
        "redundant-provider-scope",
        "a provider scope included by another requested one",
        "{scope!r} is already granted by {by!r}; remove it",
        True,
        FixSafety.SAFE,
    ),
    Code(
        "NYS404",
        "scope-string-not-list",
        "a v3 scope given as a str where the SDK wants a list",
        "v3 'scope' is a str{effect}; {advice}",
        True,
        FixSafety.SAFE,
    ),
    Code(
        "NYS405",
        "restricted-scope-avoidable",
        "a Google restricted scope where non-restricted scopes cover every use",
        "{scope!r} is a Google restricted scope but {instead} covers every use; "
        "request that to avoid a security assessment",
        True,
        FixSafety.UNSAFE,
    ),
)

# The codes this version can report; the others are reserved in the contract.
IMPLEMENTED: frozenset[str] = frozenset(
    code for code in CODES if code.startswith(("NYS1", "NYS2", "NYS3"))
) | {"NYS401", "NYS402", "NYS403", "NYS404", "NYS405"}

DEFAULT_OFF: frozenset[str] = frozenset(
    code.code for code in CODES.values() if not code.enabled_by_default
)
