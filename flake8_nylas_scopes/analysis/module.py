"""The facts of one module: the one reading of the source every front end runs."""

from __future__ import annotations

import ast
import os
from collections.abc import Sequence

from .checked_scopes import checked_scopes, may_check_scopes
from .empty_records import shed_empty
from .extract import (
    ARGUMENT_NAMES, TRIGGER_FAMILIES, TRIGGER_NAMES, Extractor, may_hold_class_scopes,
)
from .extract_v3 import may_give_sdk_arguments
from .facts import ModuleFacts, ScopeSite
from .flow_extract import FlowExtractor
from .new_saves import new_saves
from .foreign_scopes import (
    functions_handing_on, may_give_scopes, scope_dicts, scope_list_readers)
from .prefilter import may_build_a_query, mentions_nylas, sends_http_requests
from .guard_owners import OwnedCall
from .guard_reaches import text_reaches
from .guarded_callables import guarded_callables
from .provider_guards import (
    guard_scopes, held_predicate_calls, imported_predicate_calls, imported_predicate_guards,
    know_the_module, provider_guards, scope_flags, scope_nodes, unread_guards,
    unread_predicates,
)
from .provider_tests import ProviderTests, may_test_a_provider
from .registrars import class_links, filled_registries, registrars
from .run_time_values import may_read_at_run_time, run_time_scopes
from .source import SourceMap
from .spread_literals import may_spread_literals, spread_literals
from .reflected_reads import may_read_by_protocol, spell_as_getattr
from .script_tests import named_like_a_test, runs_own_tests
from .string_code import STRING_CODE_WORDS
from .unseen_imports import may_import_unseen, may_name_a_test_module, unseen_imports
from .subclass_bindings import (
    may_set_attributes_at_run_time, run_time_setters, subclass_bindings,
)

# Names whose mere mention is a use of scopes (see ``Extractor.named_uses``); the
# start of a family of triggers only as a whole string (``"message."``: the text
# ``message.`` alone is everywhere), or the first part of a dotted name taken to test
# it against one.
NAMED_USES = tuple(sorted(TRIGGER_NAMES | ARGUMENT_NAMES | {
    f"{quote}{start}{quote}" for start in TRIGGER_FAMILIES for quote in "\"'"} | {
    # (``kind.split(".")[0] == "message"``: see ``Extractor._family_test``.)
    f"{method}({quote}.{quote})[0]" for method in ("split", "partition") for quote in "\"'"}))


def module_facts(
    tree: ast.Module | None,
    path: str,
    lines: Sequence[str],
    module_name: str = "",
    flow: bool = False,
    foreign_readers: frozenset[str] = frozenset(),
) -> ModuleFacts:
    """Facts of one module.

    A module that mentions Nylas gets its scope requests and its client-flow records:
    whether an ``authentication_url`` call is made on a client, only the records say
    (the judge asks the resolver), so a module judged alone has them too.  Another
    module costs one text scan unless ``flow`` asks for its records as well (needed
    for every module of a project that uses Nylas: a helper taking a client parameter
    need not mention Nylas at all).  ``foreign_readers``: the calls read as only
    reading their arguments (``len``) that other modules may give a meaning of their
    own here (see ``reader_meanings``).
    """
    text = "".join(lines)
    mentions = mentions_nylas(text)
    if not mentions and not flow:
        return ModuleFacts(path, module_name, mentions_nylas=False)
    spread, reflected = may_spread_literals(text), may_read_by_protocol(text)
    if spread or reflected:
        # A tree of its own: the one given (flake8's) is other readers' too.
        tree = ast.parse(text, filename=path)
        if spread:
            spread_literals(tree)
        if reflected:
            spell_as_getattr(tree)
    elif tree is None:
        tree = ast.parse(text, filename=path)
    extractor = Extractor(path, lines, module_name, foreign_readers)
    try:
        facts = extractor.extract(tree) if mentions else ModuleFacts(path)
        facts.module = module_name
        facts.mentions_nylas = mentions
        if flow or mentions:
            if not mentions:
                # Constants matter even here: a settings module defines the scopes list.
                if sends_http_requests(text) or may_give_sdk_arguments(text) or (
                        may_build_a_query(text)):
                    # ``requests.put(message_url(mid))`` with the URL built in another
                    # module: a Nylas request that need not say Nylas; so is a call on
                    # a client imported under another name, whose arguments are read.
                    extracted = extractor.extract(tree)
                    facts.raw_uses = extracted.raw_uses
                    facts.raw_templates = extracted.raw_templates
                    facts.sites = requests_by_reference(extracted.sites)
                    facts.shared_clients = extracted.shared_clients
                    facts.held_clients = extracted.held_clients
                    facts.call_arguments = extracted.call_arguments
                    facts.constants, facts.strings = extracted.constants, extracted.strings
                else:
                    extractor.prepare(tree)
                    facts.constants = extractor.scope_constants()
                    facts.strings = extractor.url_strings()
                    if any(name in text for name in NAMED_USES):
                        extractor.named_uses(tree)
                        facts.raw_uses = extractor.facts.raw_uses
                prepared = extractor.facts
                facts.star_imports = prepared.star_imports
                facts.upper_names, facts.star_bound = prepared.upper_names, prepared.star_bound
                facts.exports, facts.exports_known = prepared.exports, prepared.exports_known
                # ``SCOPES.append(...)`` on another module's list, wherever it is.
                facts.mutated = extractor.facts.mutated
                facts.told_changes = extractor.told_changes()
                facts.given_away = extractor.facts.given_away
                facts.given_to = extractor.facts.given_to
                facts.class_lists = extractor.facts.class_lists
                facts.read_parameters = extractor.facts.read_parameters
                facts.field_read_parameters = extractor.facts.field_read_parameters
                facts.fresh_records = extractor.facts.fresh_records
                facts.returned = extractor.facts.returned
                facts.held_lists = extractor.facts.held_lists
                facts.config_loads = extractor.facts.config_loads
                # A config class other modules call (``OAuthConfig(scope=[...])``).
                facts.typed_dicts = extractor.facts.typed_dicts
            # Reading calls this module may give a meaning of their own elsewhere.
            facts.star_readers = extractor.star_readers()
            facts.redefined_readers = extractor.redefined_readers()
            # The tree's nodes, listed once for the readings of the whole of it.
            tree_nodes = extractor.nodes
            flow_extractor = FlowExtractor(
                extractor.source, module_name, extractor.imports, extractor.module_bindings,
                extractor.body_bindings, extractor.star_imported(), extractor.handed_over_twice,
                foreign_readers.union(facts.redefined_readers), extractor.shadowed_readers,
            )
            flow_extractor.runs_string_code = any(word in text for word in STRING_CODE_WORDS)
            try:
                facts.flow = flow_extractor.run(tree)
            finally:
                flow_extractor.close()
            if ".save(" in text and "create(" in text:
                facts.flow.new_saves = new_saves(tree, extractor.source, tree_nodes) or ()
            if may_import_unseen(text) or may_name_a_test_module(text):
                # A test's module imported in a function, or named by a string a
                # framework loads (``include("site.test.urls")``), may run in the app.
                facts.unseen_imports = unseen_imports(
                    tree, text, extractor.absolute_module, extractor.qualify, tree_nodes)
            if named_like_a_test(os.path.basename(path)):
                facts.runs_own_tests = runs_own_tests(tree)
            # A registry spread over modules (see ``registrars``).
            facts.registrars = registrars(tree, text)
            facts.filled_registries = filled_registries(tree, text) if facts.registrars else []
            facts.class_links = class_links(tree, module_name, extractor.qualify, text)
            # (A module with no class statement may still make a class by calling
            # ``type(name, bases, namespace)``.)
            if "class " in text or "type(" in text or "new_class" in text:
                bound = subclass_bindings(tree, module_name, may_hold_class_scopes,
                                          extractor.qualify, text, tree_nodes)
                facts.subclass_bindings = bound.with_base
                facts.base_free_bindings = bound.base_free
                facts.base_names = bound.base_names
                facts.class_bases = bound.bases
            if may_read_at_run_time(text):
                # ``RAW_SCOPES = os.environ["NYLAS_SCOPES"].split(",")``: said in NYS304.
                facts.run_time_scopes = run_time_scopes(tree, extractor.qualify)
            if may_set_attributes_at_run_time(text):
                # ``configure(obj, **options)`` setting ``obj``'s attributes by name.
                facts.run_time_setters = run_time_setters(tree, module_name)
            if may_test_a_provider(text):
                # Calls kept to some providers' grants (see ``provider_guards``).
                tests = ProviderTests(tree, tree_nodes)
                facts.unread_predicates = know_the_module(tests, tree, extractor.imports, text)
                blocks = guard_scopes(tree, tests)
                nodes = scope_nodes(blocks)
                flags = scope_flags(tests, blocks, nodes)
                owned: list[OwnedCall] = []
                facts.provider_guards = provider_guards(tree, tests, blocks, flags, nodes, owned)
                facts.owned_guard_calls = owned
                facts.unread_guards = unread_guards(tree, tests, blocks, flags, nodes)
                facts.provider_predicates = tests.module_predicates(tree)
                predicate_calls = imported_predicate_calls(text, extractor.imports)
                if predicate_calls:
                    facts.predicate_guards = imported_predicate_guards(
                        tree, tests, facts.provider_guards, predicate_calls)
                # A test calling another module's function is the judge's to read,
                # whatever its name hints (``if is_google(grant):``).
                kept = {(first, last) for first, last, *_ in facts.predicate_guards}
                guarded = guarded_callables(
                    tree, facts.provider_guards, tests, extractor.imports, module_name,
                    sorted(kept), [(first, last, line) for first, last, line
                                   in facts.unread_guards if (first, last) not in kept])
                facts.function_guards = guarded.function_guards
                facts.undecided_guards = guarded.undecided_guards
                facts.unread_callables = guarded.unread_callables
                facts.inherited_guards = guarded.inherited
                facts.callable_reaches = guarded.callables
                facts.import_reaches = guarded.imported
                facts.provider_tables = guarded.tables
            else:
                # A guard in another module may keep this module's functions to some
                # providers: how its own code reaches them, read from the text.
                (facts.callable_reaches, facts.import_reaches, facts.provider_tables,
                 predicate_calls) = text_reaches(tree, text, module_name, extractor.imports,
                                                 extractor.import_lines)
                predicate_calls = held_predicate_calls(text, extractor.imports,
                                                       predicate_calls)
                # Functions named for a provider that other modules' tests may call.
                facts.unread_predicates = unread_predicates(tree, None, text)
                if predicate_calls:
                    # A module whose tests name no provider tests none itself: only
                    # what the functions it imports test may guard its code.
                    tests = ProviderTests(None)
                    facts.predicate_guards = imported_predicate_guards(
                        tree, tests, [], predicate_calls)
                    if facts.predicate_guards:
                        # Then its uses of what it imports are read as where it tests
                        # providers itself (an instance held to call its methods).
                        guarded = guarded_callables(
                            tree, [], tests, extractor.imports, module_name,
                            [(first, last) for first, last, *_ in facts.predicate_guards])
                        facts.callable_reaches = guarded.callables
                        facts.import_reaches = guarded.imported
                        facts.provider_tables = guarded.tables
            if may_give_scopes(text):
                # A list this module gives another library's OAuth request as well
                # (``**OAUTH_KWARGS`` of another module names no scope), or asks
                # whether it holds a scope.
                (facts.foreign_scopes, facts.tested_scopes,
                 facts.unseen_host_scopes) = scope_list_readers(
                    tree, extractor.qualify, extractor.module_bindings.binds, module_name,
                    extractor.value_reference, lambda node: _start(extractor.source, node),
                    extractor.facts.typed_dicts)
                facts.scopes_handed_on = functions_handing_on(
                    tree, module_name, extractor.qualify, extractor.module_bindings.binds)
                facts.scope_dicts = scope_dicts(
                    tree, extractor.value_reference, extractor.module_bindings.binds,
                    module_name)
            if may_check_scopes(text):
                # ``if "email.send" not in granted: raise ...``: the app checks its grant.
                bindings = extractor.module_bindings
                checks = checked_scopes(
                    tree, bindings.lookup, lambda name: bindings.binds(name) or (
                        extractor.qualify(ast.Name(name, ast.Load())) is not None),
                    extractor.qualify, tree_nodes)
                facts.checked_scopes = checks.names
                facts.checked_references = checks.references
                facts.scope_guards = checks.guards
                facts.reference_guards = checks.reference_guards
    finally:
        extractor.close()
    shed_empty(facts)
    return facts


def _start(source: SourceMap, node: ast.AST) -> tuple[int, int]:
    """Where a node starts, as the module's spans count columns."""
    span = source.span(node)
    return span.line, span.col


def requests_by_reference(sites: Sequence[ScopeSite]) -> list[ScopeSite]:
    """The requests a module that does not name Nylas makes to a URL another module's
    constant holds (``requests.get(settings.AUTH_URL, params=params)``,
    ``f"{settings.AUTH_URL}?{urlencode(params)}"``): left out, the scopes they ask
    for would not count and a call needing one would be reported missing.  The judge
    keeps one only where the constant reads as the authorization path (see
    ``ScopeSite.url``); a request of unknown URL is none."""
    return [site for site in sites if site.url]
