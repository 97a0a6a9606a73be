"""Judge a whole project: resolve sites and client flow, then run every rule."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from ..analysis.chosen_methods import CHOSEN_BY_NAME
from ..analysis.facts import (
    Generation,
    ItemForm,
    ModuleFacts,
    RawTemplate,
    RawUse,
    ScopeItem,
    ScopeSite,
    ScopeValue,
    ValueState,
    shown_reference,
)
from ..analysis.facts_values import ParameterKind, ParameterReference
from ..analysis.raw_uses import sent_raw_use
from ..analysis.registry_writes import ITEM_WRITE
from ..analysis.flow_facts import FlowFacts, Store, Val
from ..analysis.unseen_imports import ANY_MODULE
from ..codes import CODES
from ..findings import Finding, Fix, FixAction
from ..nylas_api import dialect_catalogue
from ..nylas_api.http import ANY_METHOD, NOTIFY
from ..settings.config import CodeFilter, Config
from ..spans import Span
from .argument_cases import ArgumentCases
from .attribute_changers import attribute_changer
from .changed_lists import ChangedLists
from .clients import (
    awaits_client,
    chosen_logins,
    lost_helper_requests,
    untold_receiver_calls,
    with_confirmed_sites,
)
from .environment_settings import HOW_TO_TELL, environment_class
from .exported_getters import with_used_getters
from .factory_configs import read_factory_loads
from .typed_dict_configs import with_typed_dict_configs
from .flow_names import referenced_names
from .inferred_providers import inferred_dialects
from .provider_reach import owned_guards, provider_guards
from .redundancy_advice import with_coherent_advice
from .list_rules import (
    is_nylas_request, names_nylas_scopes, read_entry, requests_findings, with_inferred_scopes,
    with_send_only_advice,
)
from .raw_requests import RawRoutes, is_unread, reaches_nylas_v2_over_http
from .written_registries import changed_registries
from .wrapped_lists import GivenLists, read_given_lists, read_unseen_hosts, unread_reason
from .references import DJANGO_SETTINGS, ConstantIndex, ObjectChange
from .resolver import EndpointUse, FlowResolver, NewSave, UnresolvedUse
from .sdk_view import SdkView
from .held_clients import held_client_requests
from .shared_clients import shared_client_requests
from .results import FileError, ProjectResult
from .scope_checks import guards_read, scope_check_uses
from .test_code import is_patcher, is_test_by_name_only, is_test_library, is_test_module
from .usage_rules import (
    Inference, ProjectState, in_rank_order, infer, unneeded_claims_alone, usage_findings,
    with_gmail_companions,
)
from .v3_requests import judged_alternative, site_dialect, with_connectors_scopes

# Scopes given to a wrapper function's parameter (see extract._parameter_reference).


# A value read across modules may be one of several (tiers, settings modules); more
# than this many requests from one site is not judged.
_MAX_ALTERNATIVES = 16


def _expand(index: ConstantIndex, value: ScopeValue, depth: int = 0) -> list[ScopeValue]:
    """The values a scopes value may take, other modules' constants read in: one per
    alternative, each judged as a request of its own (never merged into one list)."""
    found = _expand_value(index, value, depth)
    # ``set(BASE + ["x"])`` with ``BASE`` imported: a set still, once read in.
    return [one.as_set() for one in found] if value.distinct else found


def _expand_value(index: ConstantIndex, value: ScopeValue, depth: int) -> list[ScopeValue]:
    if depth > 8:
        return [value]
    if value.alternatives:
        found = [alt for option in value.alternatives for alt in _expand(index, option, depth + 1)]
        return found if len(found) <= _MAX_ALTERNATIVES else [_too_many(value)]
    if value.state is ValueState.UNRESOLVED and value.reference:
        if ParameterReference.parse(value.reference) is not None:
            return [value]
        defined = index.scopes(value.reference)
        if not defined:
            if value.reference.startswith(DJANGO_SETTINGS + "."):
                changing = index.changing_owners(value.reference)
                if changing:
                    # ``NYLAS_SCOPES = NYLAS_SCOPES + [...]`` in the production
                    # settings: a list is defined, but what it holds once changed is
                    # not read.
                    return [dataclasses.replace(value, reason=(
                        f"scopes come from {value.reference}, which code in "
                        f"{', '.join(changing)} may change (a list built again from "
                        "another settings module's, or changed in place), so the list it "
                        "ends up holding cannot be read"))]
                where = ", ".join(index.settings_modules) or "none found"
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {value.reference}, which no settings module "
                    f"({where}) defines as a list"))]
            if index.star_may_rebind(value.reference):
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {value.reference}, which a star import after "
                    "its import may bind again"))]
            settings_class = environment_class(index.by_module, value.reference)
            if settings_class:
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {shown_reference(value.reference)}, a field of "
                    f"{settings_class}, which the environment (or a .env file) may set "
                    f"when the program runs; {HOW_TO_TELL}"))]
            setter = index.set_at_run_time(value.reference)
            if setter:
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {shown_reference(value.reference)}, which "
                    f"{setter}() may set on an object it is given, by a name known only "
                    "at run time"))]
            subclasses = index.subclass_reason(value.reference)
            if subclasses is not None:
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {shown_reference(value.reference)}, {subclasses}"))]
            if index.changed_elsewhere(value.reference):
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {shown_reference(value.reference)}, which other "
                    "code may change"))]
            through = index.changed_through_objects(value.reference)
            if through is not None:
                return [dataclasses.replace(value, reason=_object_change_reason(
                    index, shown_reference(value.reference), through))]
            source = index.read_at_run_time(value.reference)
            if source:
                return [dataclasses.replace(value, reason=(
                    f"scopes come from {shown_reference(value.reference)}, which is read "
                    f"from {source} when the program runs"))]
            return [value]
        found = [
            _from(index, value.reference, one.module, alt)
            for one in defined for alt in _expand(index, one.value, depth + 1)
        ]
        return found if len(found) <= _MAX_ALTERNATIVES else [_too_many(value)]
    if value.splices:
        return [_spliced(index, value, depth)]
    return [value]


def _object_change_reason(index: ConstantIndex, shown: str, change: ObjectChange) -> str:
    """NYS304's reason for an attribute of an object a module makes that code may
    change through other objects or names (see ``ConstantIndex.changed_through_objects``)."""
    if change.attribute:
        changer = attribute_changer(index.changing_modules(), change.attribute)
        return f"scopes come from {shown}, which {changer} may change through an object it is given"
    return (f"scopes come from {shown}, and other code may bind {shown_reference(change.holder)} "
            "again or hand it to code that may change it")


def _from(index: ConstantIndex, reference: str, module: str, value: ScopeValue) -> ScopeValue:
    """The value, saying which module's configuration it was read from."""
    if value.origin or not index.is_configuration(reference):
        return value
    return dataclasses.replace(value, origin=f"{reference} in {module}")


def _spliced(index: ConstantIndex, value: ScopeValue, depth: int) -> ScopeValue:
    """``[*BASE, "x"]`` with ``BASE`` from another module: its items read in, when it
    holds one known list; ``[consts.SCOPE_SEND, "x"]``: the string the constant holds,
    as one item."""
    items = list(value.items)
    complete = value.rest_complete
    # The first constant that cannot be read, in the order written, for NYS304 to
    # name where no item the module writes itself is unread.
    unread = ""
    # From the last, so that each position is still the one it was read at; in the
    # order written where two stand at one position.
    for order, (at, reference, one_item, split) in sorted(
            enumerate(value.splices), key=lambda entry: (entry[1].at, entry[0]), reverse=True):
        inner = _expand(index, ScopeValue(ValueState.UNRESOLVED, reference=reference), depth + 1)
        if split is not None:
            parts = _split_string(inner, split)
            if parts is None:
                complete = False
                unread = f"{reference}.split()"
            else:
                items[at:at] = parts
            continue
        if one_item:
            item = _one_string(inner)
            if item is None:
                complete = False
                unread = reference
            else:
                items.insert(at, item)
            continue
        if len(inner) == 1 and any(i.form is ItemForm.STRING_PART for i in inner[0].items):
            # A string spliced into a list (or joined) is split per character: not a
            # list of scopes the analysis can read.
            complete = False
            unread = reference
        elif len(inner) == 1 and inner[0].state is ValueState.ITEMS:
            items[at:at] = inner[0].items
            complete = complete and inner[0].complete
            if not inner[0].complete:
                unread = f"{inner[0].unread} (in {reference})" if inner[0].unread else (
                    reference)
        elif len(inner) == 1 and inner[0].state is ValueState.EMPTY:
            continue
        else:
            complete = False
            unread = reference
    if not items:
        (first, *more) = value.splices
        reason = f"scopes come from {first.reference}.split()" if (
            first.split is not None and not more and not value.items) else (
                "the scopes are built from lists that cannot be read")
        return ScopeValue(ValueState.UNRESOLVED, complete=False, reason=reason)
    return dataclasses.replace(value, state=ValueState.ITEMS, items=tuple(items),
                               complete=complete, splices=(), reason="",
                               unread=value.unread or unread)


def _one_string(values: list[ScopeValue]) -> ScopeItem | None:
    """The item a constant standing as one item of a list holds: one plain string
    (``SCOPE_SEND = "email.send"``) it certainly holds; None for anything else (a list,
    a comma-joined string, one of several values)."""
    if len(values) != 1:
        return None
    value = values[0]
    if value.state is not ValueState.ITEMS or not value.complete or value.alternatives or (
            len(value.items) != 1):
        return None
    (item,) = value.items
    if item.form is not ItemForm.STRING_PART or "," in item.text:
        return None
    return ScopeItem(item.text, item.span, ItemForm.LIST_ITEM)


def _split_string(values: list[ScopeValue], separator: str) -> list[ScopeItem] | None:
    """The items ``conf.SCOPES.split(separator)`` makes of the one string another
    module's constant certainly holds, each written where the string is (as a split of
    the module's own string is read); None for anything else (a list, one of several
    values, a string built at run time)."""
    if len(values) != 1:
        return None
    value = values[0]
    if value.state is not ValueState.ITEMS or not value.complete or value.alternatives or (
            value.splices or value.span is None or not value.items):
        return None
    # A string is read as its comma-separated parts, each at the string's span, in
    # order: joined again they are the string as written.
    if any(item.form is not ItemForm.STRING_PART or item.span != value.span
           or item.part != order for order, item in enumerate(value.items)):
        return None
    text = ",".join(item.text for item in value.items)
    return [ScopeItem(part, value.span, ItemForm.LIST_ITEM, order)
            for order, part in enumerate(text.split(separator or None))]


def _too_many(value: ScopeValue) -> ScopeValue:
    return ScopeValue(ValueState.UNRESOLVED, complete=False,
                      reason=f"the scopes may take more than {_MAX_ALTERNATIVES} values")


def _callers_scopes(
    modules: Mapping[str, ModuleFacts], index: ConstantIndex, resolver: FlowResolver,
    site: ScopeSite, defaults: Mapping[str, ScopeValue], wrapped: dict[Span, set[str]],
) -> list[ScopeSite]:
    """The requests a wrapper makes: one per caller passing scopes, plus its default.
    Each caller's argument made a request is noted in ``wrapped`` with the wrapper."""
    parameter = ParameterReference.parse(site.value.reference)
    assert parameter is not None
    found: list[ScopeSite] = []
    for facts in modules.values():
        for argument in facts.flow.scope_args if facts.flow else ():
            if ("func", parameter.function) not in resolver.resolve(argument.callee):
                continue
            if argument.position != parameter.position and argument.keyword != parameter.name:
                continue
            wrapped.setdefault(argument.span, set()).add(parameter.function)
            if _unread_where_passed(argument.value):
                # The caller's own list it changes or hands on: said where it is
                # passed, the one place the user can look at it.
                found.append(dataclasses.replace(site, span=argument.span, value=argument.value))
                continue
            found.extend(dataclasses.replace(site, value=_copied(site.value, value))
                         for value in _expand(index, argument.value))
    default = defaults.get(site.value.reference)
    if default is not None:
        found.extend(dataclasses.replace(site, value=_copied(site.value, value))
                     for value in _expand(index, default))
    return found


def _unread_where_passed(passed: ScopeValue) -> bool:
    """Whether a caller's argument is unresolved as its own module reads it, with no
    other module's list to read in (``SUP_SCOPES`` the caller's module changes)."""
    return passed.state is ValueState.UNRESOLVED and not passed.reference and (
        not passed.splices)


def _copied(wrapper: ScopeValue, passed: ScopeValue) -> ScopeValue:
    """What a wrapper that copies its parameter into a new list sends for ``passed``
    (``scopes = [*(scopes or DEFAULT), "openid"]``); ``passed`` itself where the
    wrapper sends its parameter as it is."""
    if not wrapper.splices:
        return passed
    (splice,) = wrapper.splices
    if passed.state is ValueState.EMPTY and not wrapper.items:
        # ``list(scopes or DEFAULT)`` given ``None``: the fallback, which is read as
        # the request where callers pass nothing, as the plain form is.
        return passed
    if passed.state is not ValueState.ITEMS or passed.alternatives or passed.splices or any(
            item.form is not ItemForm.LIST_ITEM for item in passed.items):
        # A string is copied character by character; an empty value may be replaced by
        # the fallback or not (``or`` against ``is None``); anything unresolved stays so.
        return ScopeValue(ValueState.UNRESOLVED, complete=False, reason=passed.reason or (
            "cannot read the scopes a wrapper copies into a new list"))
    items = (*wrapper.items[:splice.at], *passed.items, *wrapper.items[splice.at:])
    return dataclasses.replace(passed, items=items)


# A body is followed through at most this many helpers passing it on.
_MAX_BODY_HOPS = 4


def _callers_bodies(
    modules: Mapping[str, ModuleFacts], resolver: FlowResolver, site: ScopeSite,
    reference: str, hops: int = 0,
) -> list[ScopeSite]:
    """The requests a helper posting its parameter makes: one per caller's body.

    A caller passing something else (a body built elsewhere, a parameter changed on
    the way) is an unresolved request where it calls; a caller passing the parameter
    of its own function on unchanged gives what that function's callers pass.
    """
    parameter = ParameterReference.parse(reference)
    assert parameter is not None
    function, position, name = parameter.function, parameter.position, parameter.name
    found: list[ScopeSite] = []
    for facts in modules.values():
        if facts.flow is None:
            continue
        passed = {(arg.span, arg.position, arg.keyword): arg for arg in facts.body_args}
        for call in facts.flow.calls:
            if not call.invokes or ("func", function) not in resolver.resolve(call.callee):
                continue
            at = position
            given = at < len(call.args) or any(key == name for key, _ in call.kwargs)
            body = passed.get((call.span, at, "")) if at < len(call.args) else (
                passed.get((call.span, -1, name)))
            if body is not None and body.site is not None:
                found.append(dataclasses.replace(body.site, url=site.url,
                                                 url_path=site.url_path))
                continue
            if body is not None and hops < _MAX_BODY_HOPS:
                further = _callers_bodies(modules, resolver, site, body.reference, hops + 1)
                if further:
                    found.extend(further)
                    continue
            if not given and call.star is None and call.double_star is None:
                continue  # no body passed: the call fails, or posts a default
            found.append(dataclasses.replace(site, span=call.span, value=dataclasses.replace(
                site.value, reference="",
                reason=f"the native-auth body passed to {call.callee_text}() cannot be read",
            )))
    return found


def _is_request_url(index: ConstantIndex, site: ScopeSite) -> bool:
    """Whether a site whose URL is built from other modules' constants is a Nylas
    authorization request: its URL, read across modules, names Nylas and its path."""
    if not site.url:
        return True
    text = index.url_text(site.url)
    path = text.split("?", 1)[0].rstrip("/")
    return path.endswith(site.url_path) and "nylas" in text.lower()


def _resolve_sites(
    modules: Mapping[str, ModuleFacts], resolver: FlowResolver, index: ConstantIndex,
    wrapped: dict[Span, set[str]],
) -> tuple[list[ScopeSite], list[ScopeSite], bool]:
    sites: list[ScopeSite] = []
    unresolved: list[ScopeSite] = []
    # True when some request's scopes come from callers the analysis may not all see.
    partial = False
    changed = ChangedLists(modules, index)
    # ``authentication_url`` calls on a receiver that may be a client, asked only
    # where such a call is not shown to be made on one.
    untold = untold_receiver_calls(modules.values(), resolver) if any(
        awaits_client(site) for facts in modules.values() for site in facts.sites
    ) else frozenset()
    for facts in modules.values():
        for site in facts.sites:
            if not _is_request_url(index, site):
                continue
            parameter = ParameterReference.parse(site.value.reference)
            if parameter is not None and parameter.kind is ParameterKind.SCOPES:
                from_callers = _callers_scopes(
                    modules, index, resolver, site, facts.param_defaults, wrapped
                )
                if from_callers:
                    for one in from_callers:
                        value = changed.unless_changed(one.value)
                        # A caller's argument or the default read no better than the
                        # request itself (another module's ``", ".join(SCOPES)``) is
                        # unresolved there, as it is written at the request.
                        if value is one.value and (
                                value.state is not ValueState.UNRESOLVED or one.ignored_key):
                            sites.append(one)
                        else:
                            unresolved.append(dataclasses.replace(one, value=value))
                    partial = True
                    continue
            requests = [site]
            if parameter is not None and parameter.kind is ParameterKind.BODY:
                requests = _callers_bodies(
                    modules, resolver, site, site.value.reference) or requests
                partial = partial or len(requests) > 1 or requests[0] is not site
            for request in requests:
                values = _expand(index, request.value)
                for value in values:
                    one = judged_alternative(
                        dataclasses.replace(request, value=value), len(values) > 1)
                    if not is_nylas_request(one) and not (
                            value.state is ValueState.UNRESOLVED and one.span in untold
                            and one.description != CHOSEN_BY_NAME):
                        # (A request on what may be a client, whose scopes cannot be
                        # read, may grant what the project's other requests do not.)
                        continue
                    one = dataclasses.replace(one, value=changed.unless_changed(value))
                    if one.value.state is ValueState.UNRESOLVED and not one.ignored_key:
                        unresolved.append(one)
                    else:
                        sites.append(one)
    return sites, unresolved, partial


def _raw_uses(facts: ModuleFacts, index: ConstantIndex,
              shared: Sequence[RawTemplate] = ()) -> Iterator[tuple[RawUse, str]]:
    """A module's raw HTTP calls, those built from other modules' constants read in,
    and those other modules may send with its clients (``shared``), each with why
    the analysis cannot tell it goes where its URL says ("" where it can)."""
    for raw in facts.raw_uses:
        yield raw, ""
    for template in (*facts.raw_templates, *shared):
        use = sent_raw_use(template.method, index.url_text(template.url), template.span,
                           template.text, template.sends_http)
        if use is not None:
            yield use, template.unsure


def _request_words(method: str, path: str) -> str:
    """A raw request as messages name it: ``PUT /messages/{...}``, or, where the
    method is chosen at run time, ``a request to /messages/{...}``."""
    return f"a request to {path}" if method == ANY_METHOD else f"{method} {path}"


def _notification_keys(sdk: SdkView) -> list[str]:
    """The pseudo-endpoints of every notification trigger."""
    return [key for key in sdk.endpoints if key.startswith(f"{NOTIFY} ")]


# A raw request's path as shown when none of it can be read.
_UNREAD_PATH = "/{...}"


def _unmatched(path: str) -> str:
    """Why a raw request's endpoint is not known: a path built at run time, or with
    a part built at run time that is not a whole segment (``/v3{...}``, where the
    rest of the path may be anything), may be any route; another path (an id built at
    run time is a whole segment) is none the endpoint map knows."""
    if path == _UNREAD_PATH:
        return "cannot be matched to an endpoint (its path is built at run time)"
    if any("{...}" in segment and segment != "{...}" for segment in path.split("/")):
        return "cannot be matched to an endpoint (part of its path is built at run time)"
    return "is not in the endpoint map"


def _flow_effects(flow: FlowFacts, resolver: FlowResolver, nylas_module: bool
                  ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
    """The requests a module's uses, calls, sinks and stores make, and the values
    they lose."""
    endpoints: list[EndpointUse] = []
    unresolved: list[UnresolvedUse] = []
    for use in flow.uses:
        found, lost = resolver.interpret(use, nylas_module)
        endpoints.extend(found)
        unresolved.extend(lost)
    # ``context["events"] = nylas.events.where(...)`` into a dict the analysis does
    # not follow is a sink of the value and a write recorded for the project index
    # (``registry_writes``), at one place; so is ``work.put(message)``, a call that
    # loses its argument and a write into ``work``: the write's loss is said once,
    # by the sink or the call, unless it could touch scopes they leave judged.
    stores: list[Store] = []
    echoes: list[Store] = []
    for store in flow.stores:
        (echoes if store.attr == ITEM_WRITE else stores).append(store)
    for effects in (
        *(resolver.call_effects(call, nylas_module) for call in flow.calls),
        *(resolver.sink_effects(sink, nylas_module) for sink in flow.sinks),
        *(resolver.store_effects(store, nylas_module) for store in stores),
        ([], resolver.escaping_chains(flow.functions, nylas_module, flow.module_chains)),
    ):
        endpoints.extend(effects[0])
        unresolved.extend(effects[1])
    for echo in echoes:
        found, lost = resolver.store_effects(echo)
        endpoints.extend(found)
        unresolved.extend(use for use in lost if not _said_already(use, unresolved))
    if flow.new_saves:
        endpoints = _with_new_saves(endpoints, frozenset(flow.new_saves))
    return endpoints, _said_where_taken(unresolved)


def _with_new_saves(endpoints: list[EndpointUse], places: frozenset[tuple[int, int]]
                    ) -> list[EndpointUse]:
    """The module's requests, each model's ``save()`` at one of ``places`` (on an
    object certainly new there) naming its create alone: the same endpoint and
    scopes, only the words change."""
    return [NewSave(use.endpoint, use.span, use.call, use.operation, use.read)
            if type(use) is EndpointUse and use.operation.endswith(".save")
            and (use.span.line, use.span.col) in places else use
            for use in endpoints]


def _said_where_taken(unresolved: list[UnresolvedUse]) -> list[UnresolvedUse]:
    """A module's uses of bound methods held in a value, less those met again where
    the value leaves its function or is called (``return jobs``, ``for job in jobs:
    job(grant)``) that say nothing more than the uses where the module takes each of
    their methods from its object (``jobs.append(raw.messages.list)``): one cause,
    one finding, at the place that names the method.  What a dropped use leaves
    unjudged is left so by the uses kept."""
    taken = [use for use in unresolved if use.taken]
    if not taken:
        return unresolved  # the common path: nothing held is taken in the module
    chains = frozenset(chain for use in taken for chain in use.held)
    return [use for use in unresolved if use.taken or not use.held or not (
        use.held <= chains and _leaves_unjudged(
            [each for each in taken if each.held & use.held], use.scopes))]


def _leaves_unjudged(uses: list[UnresolvedUse], scopes: frozenset[str] | None) -> bool:
    """Whether ``uses`` together leave every one of ``scopes`` unjudged (None: any)."""
    if any(use.scopes is None for use in uses):
        return True
    return scopes is not None and scopes <= frozenset().union(
        *(use.scopes for use in uses if use.scopes is not None))


def _said_already(use: UnresolvedUse, unresolved: list[UnresolvedUse]) -> bool:
    """Whether another unresolved use at the same place leaves every scope ``use``
    could touch unjudged: then ``use`` says nothing more."""
    return any(other.span == use.span and (other.scopes is None or (
        use.scopes is not None and use.scopes <= other.scopes)) for other in unresolved)


def _usage(
    modules: Mapping[str, ModuleFacts], resolver: FlowResolver, index: ConstantIndex
) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
    endpoints: list[EndpointUse] = []
    unresolved: list[UnresolvedUse] = []
    sdk = resolver.sdk
    # The endpoint map's verdict on each raw request, once per method, host and path.
    routes = RawRoutes.of_registry()
    shared = shared_client_requests(modules)
    for path, requests in held_client_requests(modules, resolver).items():
        shared[path] = [*shared.get(path, ()), *requests]
    raw_uses = {path: list(_raw_uses(facts, index, shared.get(path, ())))
                for path, facts in modules.items()}
    # A request to a URL the analysis cannot read may be a Nylas request where the
    # project asks for API v2 scopes and sends raw HTTP requests to API v2: left out,
    # its scopes would look unused.
    over_http = any(site.generation is Generation.V2 for facts in modules.values()
                    for site in facts.sites) and reaches_nylas_v2_over_http(
        (raw for uses in raw_uses.values() for raw, _ in uses),
        (parts for facts in modules.values() for parts in facts.strings.values()))
    for path, facts in modules.items():
        for raw, unsure in raw_uses[path]:
            because = f" ({unsure})" if unsure else ""
            if is_unread(raw):
                if over_http:
                    unresolved.append(UnresolvedUse(
                        raw.span, f"cannot read the URL {raw.text}() sends its request to",
                        None))
                continue
            for target in routes.targets(raw):
                # Parts of the path built at run time are shown as ``{...}``.
                sent = _request_words(target.method or raw.method, raw.shown_path)
                if target.maybe or (unsure and target.endpoint):
                    unresolved.append(UnresolvedUse(
                        raw.span, f"cannot tell whether {sent} goes to Nylas{because}",
                        frozenset(sdk.endpoint_scopes([target.endpoint]))))
                elif target.endpoint:
                    # A name in the code (a trigger, an argument) is shown as written,
                    # not as a call.
                    endpoints.extend(
                        EndpointUse(endpoint, raw.span, raw.text, sent,
                                    read=raw.is_mention)
                        for endpoint in sdk.endpoint(target.endpoint)
                    )
                elif raw.is_mention:
                    # A subscription to triggers the analysis cannot read: each
                    # notification needs its own scopes.
                    unresolved.append(UnresolvedUse(
                        raw.span, f"cannot read {raw.text}",
                        frozenset(sdk.endpoint_scopes(_notification_keys(sdk)))))
                else:
                    if raw.text and raw.shown_path == _UNREAD_PATH:
                        # Nothing of the request is spelt: say what sends it.
                        sent = f"{sent} sent by {raw.text}(...)"
                    unresolved.append(UnresolvedUse(
                        raw.span, f"{sent} {_unmatched(raw.shown_path)}{because}", None))
        flow = facts.flow
        if flow is None:
            continue
        with resolver.module_records(flow.edges, frozenset(flow.v3_shaped_calls),
                                     frozenset(flow.v3_create_calls), flow.calls):
            # A module that mentions Nylas takes any unknown receiver of a Nylas-looking
            # call for a possible Nylas object; others only one named like a client
            # (``def calendars(client)``), not Django's ``user.messages.all()``.
            found, lost = _flow_effects(flow, resolver, facts.mentions_nylas)
            if found and not facts.mentions_nylas:
                # A module whose own calls reach Nylas through names that do not say so
                # (``from .auth import client``) is a Nylas module too: its
                # ``ctx.obj["api"].threads.get(tid)`` may be one more call on the client.
                found, lost = _flow_effects(flow, resolver, True)
            endpoints += found
            unresolved += lost
            found, lost = resolver.unseen_base_escapes(flow.classes, flow.functions, path)
            endpoints += found
            unresolved += lost
            for read in flow.reads:
                found, lost = resolver.read_effects(read)
                endpoints += found
                unresolved += lost
    # Where a call's literal arguments say which case of the endpoint applies.
    arguments = {args.span: args for facts in modules.values()
                 for args in facts.call_arguments}
    cases = ArgumentCases()
    endpoints = [
        dataclasses.replace(request, endpoint=cases.decide(
            request.endpoint, arguments.get(request.span)))
        if request.endpoint.variants else request
        for request in endpoints
    ]
    # A request found twice (a loop's iterable is a use and a read) counts once.
    unique: dict[tuple[Span, str, str], EndpointUse] = {}
    for request in endpoints:
        # The call as written (a use) before the same request seen as a read.
        unique.setdefault(
            (request.span, request.endpoint.key, request.endpoint.dialect), request)
    return list(unique.values()), _first_of_each_origin(list(dict.fromkeys(unresolved)))


def _unreadable_reason(error: FileError) -> str:
    """Why a module cannot be read, without its path: the finding already sits at
    the file, and the path the error was made with is absolute in a project run,
    which would put the machine's directories in every report (a SARIF alert's text
    would differ between two checkouts)."""
    reason = error.message.removeprefix(error.path)
    line, separator, rest = reason.removeprefix(":").partition(": ")
    if separator and line.isdigit():
        return f"line {line}: {rest}"
    return reason.removeprefix(": ")


def _first_of_each_origin(unresolved: list[UnresolvedUse]) -> list[UnresolvedUse]:
    """One use of each value the analysis lost track of per module, where it is first
    met (``box.outgoing`` read, then each draft in it used): the rest say the same."""
    first: dict[tuple[str, str], UnresolvedUse] = {}
    for use in unresolved:
        if use.origin:
            key = (use.span.path, use.origin)
            known = first.get(key)
            if known is None or (use.span.line, use.span.col) < (known.span.line,
                                                                 known.span.col):
                first[key] = use
    return [use for use in unresolved
            if not use.origin or first[(use.span.path, use.origin)] is use]


def _test_modules(modules: Mapping[str, ModuleFacts], errors: list[FileError],
                  ) -> tuple[set[str], dict[str, str], bool]:
    """The paths of the project's tests, read from the project's top directory, and
    of the modules among them that may be the app's as well, with why (see
    ``test_code``): they are tests only because they patch with ``unittest.mock``, or
    the app's code imports them although their place makes them tests (``from
    tests.helpers import use_demo_scopes`` in a dev server); and whether the app's
    code loads a module by a name the analysis cannot read, which may be any test's."""
    paths = [*modules, *(error.path for error in errors)]
    if not paths:
        return set(), {}, False
    top = os.path.commonpath([os.path.abspath(path) for path in paths])
    if len(paths) == 1:
        top = os.path.dirname(top)
    relative = {path: os.path.relpath(os.path.abspath(path), top) for path in paths}
    defined: dict[str, list[str]] = {}
    test_library_callers: set[str] = set()
    only_patching: set[str] = set()
    for path in paths:
        facts = modules.get(path)
        flow = facts.flow if facts is not None else None
        defined[path] = [*flow.classes, *(f.qualname for f in flow.functions)] if flow else []
        if flow is None:
            continue
        # Many calls share a callee (records share their values): each is looked at once.
        called = {name for callee in {id(call.callee): call.callee
                                      for call in flow.calls}.values()
                  for name in _refs_in(callee) if is_test_library(name)}
        if called:
            test_library_callers.add(path)
            if all(is_patcher(name) for name in called):
                only_patching.add(path)
    found = {path for path in paths
             if is_test_module(relative[path], defined[path],
                               calls_test_library=path in test_library_callers)}
    imported: set[str] = set()
    while found:
        # A module the app imports is app code, and so is what it imports in turn.
        imported = _imported_modules(modules, found)
        app = {path for path in found if path in modules and modules[path].module in imported
               and not is_test_module(relative[path], defined[path], imported_by_app=True)}
        if not app:
            break
        found -= app
    # Tests only by patching: a test's helper or code run by name, that the tests may
    # import too (a handler and its tests).
    unsure = {path: _UNSURE_TEST for path in found & only_patching
              if not is_test_module(relative[path], defined[path])}
    # Tests only by their name whose own code runs their tests: a smoke script.
    unsure.update((path, _SCRIPT_TEST) for path in found
                  if path in modules and modules[path].runs_own_tests
                  and is_test_by_name_only(relative[path]))
    if not found:
        # No tests: none runs in the app, and whether the app loads a module by a
        # name it cannot read matters only for a test's records (the judge asks it
        # only of a path among the tests), so every module's references need not be
        # gathered (a tenth of a second on a 2,000-module project).
        return found, unsure, False
    # A test's module the app imports runs in the app too: what it changes and calls
    # may be the app's.
    # The loop above ends only where nothing it found in ``imported`` left ``found``:
    # it is what the modules outside ``found`` refer to, which the search starts from.
    run, named = _tests_run_by_app(modules, found, imported)
    unsure.update((path, _IMPORTED_TEST) for path in run)
    return found, unsure, ANY_MODULE in named


def _tests_run_by_app(modules: Mapping[str, ModuleFacts], tests: set[str],
                      imported: set[str] | None = None) -> tuple[set[str], set[str]]:
    """The tests the app's code imports, and the tests those import in turn: a
    package's ``__init__.py`` re-exporting from its modules (``from .helpers import
    seed``), or a helper importing demo data that changes a list at import time, runs
    in the app as the module the app names does.  With them, every module name the
    app's code and those tests refer to (and their packages).  ``imported``: the
    ``_imported_modules`` of ``tests`` where the caller has them already (extended
    here)."""
    named = _imported_modules(modules, tests) if imported is None else imported
    run: set[str] = set()
    while True:
        reached = {path for path in tests - run
                   if path in modules and modules[path].module in named}
        if not reached:
            return run, named
        run |= reached
        for path in reached:
            named.update(_with_packages(_module_references(modules[path])))


def _imported_modules(modules: Mapping[str, ModuleFacts], tests: set[str]) -> set[str]:
    """The modules (and their packages) that code outside ``tests`` refers to.

    Any reference counts, not only a module-level ``from`` import: a view imports
    lazily inside a function (``from .test_email import test_email_settings``), or
    imports the module itself and calls through it (``import test_email``, then
    ``test_email.test_email_settings(token)``)."""
    referenced: set[str] = set()
    for path, facts in modules.items():
        if path not in tests:
            referenced.update(_module_references(facts))
    return _with_packages(referenced)


def _module_references(facts: ModuleFacts) -> Iterator[str]:
    """The dotted names a module refers to: its flow records' references, and the
    imports those may not name (``import tests.helpers``, an import in a function,
    a star import)."""
    if facts.flow is None:
        return
    yield from referenced_names(facts.flow)
    yield from facts.unseen_imports
    yield from (star.module for star in facts.star_imports)


def _with_packages(names: Iterable[str]) -> set[str]:
    """Dotted names with each package above them (``tests.helpers.seed``, then
    ``tests.helpers`` and ``tests``): importing a module runs its packages too."""
    named: set[str] = set()
    for name in names:
        parts = name.split(".")
        named.update(".".join(parts[:cut]) for cut in range(1, len(parts) + 1))
    return named


def _refs_in(value: Val | None) -> Iterator[str]:
    """The dotted names a value and the values it is made from refer to."""
    while value is not None:
        if value.kind == "ref":
            yield value.name
        value = value.inner


def judge_project(
    modules: Mapping[str, ModuleFacts],
    errors: list[FileError],
    config: Config,
    enabled: CodeFilter,
    outside: Sequence[str] = (),
    alone: bool = False,
    unlinted: Mapping[str, str] | None = None,
) -> ProjectResult:
    """Findings of the project made of ``modules``.  ``outside``: files of the same
    repository outside the project that mention Nylas (they may use its grants); with
    ``alone``, files beside a file that has no project above it.  ``unlinted``: the
    project's files nothing is reported on (notebooks, scripts the exclusions leave
    out), each with the name to show it by."""
    result = ProjectResult(
        errors=list(errors), facts=dict(modules),
        files=frozenset(modules).union(error.path for error in errors),
    )
    result.mentions_nylas = any(facts.mentions_nylas for facts in modules.values())
    if not result.mentions_nylas:
        return result
    # (Asked while the values are solved: an element of such a container may be
    # called far from it.)
    changed = changed_registries(
        modules.values(),
        (facts.django_settings for facts in modules.values() if facts.django_settings))
    resolver = FlowResolver(modules.values(), config.client_names, changed)
    # The facts as judged: each request's ``confirmed`` is the resolver's verdict, for
    # the rules here and for the fix plan, which judges requests one by one.
    modules = result.facts = with_used_getters(
        with_confirmed_sites(with_typed_dict_configs(modules), resolver))
    # Tests take no part in the usage rules (see ``test_code``).
    tests, unsure_tests, any_loaded = _test_modules(modules, errors)
    # What a test changes (``mock.patch.object(mail, "client_for")``, ``SCOPES.append``)
    # lasts for that test only: the app's lists stay as written.  A module that may
    # be the app's as well (patching in a mode of its own) still counts, and so does
    # every test where the app loads a module by a name it builds at run time.
    changers = [facts for path, facts in modules.items()
                if any_loaded or path not in tests or path in unsure_tests]
    index = ConstantIndex(
        modules.values(),
        frozenset(reference for facts in changers for reference in facts.mutated),
        (facts.django_settings for facts in modules.values() if facts.django_settings),
        frozenset(reference for facts in changers for reference in facts.given_away),
        read_factory_loads(modules, resolver),
        frozenset(facts.module for facts in changers),
    )
    # The callers' arguments a wrapper's request reads, with the wrappers reading them.
    wrapped: dict[Span, set[str]] = {}
    every_site, unresolved_sites, partial = _resolve_sites(modules, resolver, index, wrapped)
    given = read_given_lists((facts for path, facts in modules.items() if path not in tests),
                             modules.values(), resolver.resolve, wrapped)
    read_unseen_hosts((facts for path, facts in modules.items() if path not in tests),
                      index.url_text, given)
    sites = [site for site in every_site if site.span.path not in tests]
    unresolved_sites = [site for site in unresolved_sites if site.span.path not in tests]
    endpoint_uses, unresolved = _usage(
        {path: facts for path, facts in modules.items()
         if path not in tests or path in unsure_tests}, resolver, index
    )
    if unsure_tests:
        endpoint_uses, unresolved = _unsure_test_uses(endpoint_uses, unresolved, unsure_tests)
    # A helper that requests scopes, handed to code the analysis does not follow.
    unresolved_sites += lost_helper_requests(resolver)
    # A client's method chosen by a name that cannot be read: possibly the login.
    unresolved_sites += [site for site in chosen_logins(modules.values(), resolver)
                         if site.span.path not in tests]

    def read_constant(reference: str) -> list[ScopeValue]:
        """The scope values another module's constant holds."""
        return [value for found in index.scopes(reference)
                for value in _expand(index, found.value)]

    # ``if "email.send" not in granted: raise ...``: the app checks its grant itself.
    unresolved.extend(scope_check_uses(
        (facts for path, facts in modules.items() if path not in tests),
        [*every_site, *unresolved_sites], read_constant))
    if not resolver.converged:
        # What was found is true, but calls the analysis did not reach yet may need
        # any scope: no claim that a scope is unneeded can stand.
        gave_up = _GAVE_UP.format(reason=resolver.gave_up)
        unresolved.extend(UnresolvedUse(site.span, gave_up, None) for site in sites)
    # Nothing below resolves a value: the rules run with the resolver's tables freed.
    del resolver
    for error in (error for error in errors if error.path not in tests):
        # A module that cannot be read may use the client in any way.
        unresolved.append(UnresolvedUse(
            Span(error.path, 1, 0, 1, 0),
            f"{_unreadable_reason(error)}; its Nylas calls are unknown", None
        ))
    if unlinted:
        # What the analysis cannot follow in a file nothing is reported on keeps the
        # scopes it could touch, as anywhere: said at each request, or the silence
        # would have no reason the user can see.
        unresolved.extend(_unlinted_uses(unresolved, unlinted, sites))
    if outside:
        # Another project of the repository may make calls with the grants requested
        # here (a worker using the tokens a web app stored): said at each request.
        unresolved.extend(UnresolvedUse(site.span, _outside_reason(outside, alone), None)
                          for site in sites)
    # What tests call runs for no grant of the app's: they keep nothing unguarded.
    app_facts = {path: facts for path, facts in modules.items() if path not in tests}
    guards, undecided, unread = provider_guards(app_facts)
    inferred, owned = owned_guards(app_facts, guards)
    state = ProjectState(with_connectors_scopes(sites, unresolved_sites), endpoint_uses,
                         unresolved, unresolved_sites, partial,
                         guards, undecided, unread, inferred, owned,
                         {path: guards_read(facts, read_constant)
                          for path, facts in app_facts.items()
                          if facts.scope_guards or facts.reference_guards})
    result.state = state
    # The set infer names keeps what check keeps: the email scope Gmail needs beside
    # ``email.send``.
    result.inference = with_gmail_companions(infer(endpoint_uses), state, config)
    # A provider's API v3 scopes are inferred where the project asks for them or makes
    # a v3 call; a name alone (``"reply_to_message_id"`` in an API v2 request body) is
    # no sign of an API v3 app.
    requested = {site_dialect(site) for site in sites}
    # A call kept to other providers' grants, with the grant of the object its guard
    # tests, needs nothing of this provider's (``ProjectState.needs_for``).
    stated = {use.endpoint.dialect for use in endpoint_uses
              if use.endpoint.user_scoped and use.endpoint.dialect != "v2"
              and (not use.endpoint.mention or use.endpoint.dialect in requested)}
    result.provider_inferences = {
        dialect: infer([use for use in endpoint_uses if state.needs_for(use, dialect)], dialect)
        for dialect in inferred_dialects(
            stated, requested | {site_dialect(site) for site in unresolved_sites},
            endpoint_uses, state, config)
    }
    inference = result.inference

    def amend(finding: Finding, site: ScopeSite) -> Finding:
        if finding.code == "NYS401":
            return _migration_narrowed(finding, result.provider_inferences, state, site)
        return _with_inferred_scopes(finding, inference, state, site, config)

    findings = set(requests_findings(every_site, config, enabled, amend))
    findings.update(usage_findings(state, config, enabled))
    findings = _agreed(findings, every_site, state, config, enabled)
    app_modules = [facts for path, facts in modules.items() if path not in tests]
    # A list also given to another library's OAuth request, or to a function of the
    # project the analysis does not read as a request (a wrapper's callers' lists are
    # its requests' own, see ``wrapped_lists``).
    shared = _item_spans(app_modules, index, given.silenced) | given.handed_items
    dropped = {finding.span for finding in findings
               if finding.code in _NOT_NEEDED_CLAIMS and finding.span in shared}
    findings = {finding for finding in findings
                if finding.code not in _NOT_NEEDED_CLAIMS or finding.span not in shared}
    if enabled("NYS304") and dropped:
        findings.update(_unread_gives(given, index, dropped))
    # Before fixes are withheld from tested lists: the advice follows the rules' fixes.
    findings = with_coherent_advice(findings, every_site)
    findings = with_send_only_advice(findings)
    tested = _item_spans(app_modules, index, lambda facts: facts.tested_scopes)
    findings = {_without_item_fix(finding) if finding.span in tested else finding
                for finding in findings}
    result.findings = sorted(findings, key=lambda finding: finding.sort_key)
    return result


def _unsure_test_uses(
    endpoint_uses: list[EndpointUse], unresolved: list[UnresolvedUse],
    unsure_tests: Mapping[str, str],
) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
    """The uses of the app, where a call in a module that may be a test's or the app's
    is unresolved for the scopes of its endpoint: counted as a need, a test's mocked
    call would ask for a scope; left out, the app's call would make one look unused."""
    kept: list[EndpointUse] = []
    # One finding per call: each provider's endpoint of it adds its scopes.
    unsure: dict[tuple[Span, str], set[str]] = {}
    for use in endpoint_uses:
        if use.span.path not in unsure_tests:
            kept.append(use)
        elif use.endpoint.user_scoped:
            unsure.setdefault((use.span, use.shown), set()).update(
                scope for option in use.endpoint.options for scope in option.scopes)
    return kept, [*unresolved, *(
        UnresolvedUse(span, unsure_tests[span.path].format(call=shown), frozenset(scopes))
        for (span, shown), scopes in unsure.items() if scopes)]


_UNSURE_TEST = ("{call} is in a module that patches with unittest.mock and that the app "
                "does not import: it may be a test's, or the app's run by name (a handler, "
                "a task)")
_IMPORTED_TEST = ("{call} is in a test's module that the app's code imports: it may run "
                  "in the app")
_SCRIPT_TEST = ("{call} is in a module named like a test whose own code calls its tests "
                "(a script's main()): it may be the app's")


_GAVE_UP = ("the analysis stopped following values through this project before the end "
            "({reason}), so its Nylas calls may be more than it found")


def _unlinted_uses(unresolved: Sequence[UnresolvedUse], unlinted: Mapping[str, str],
                   sites: Sequence[ScopeSite]) -> list[UnresolvedUse]:
    """One unresolved use at each request for the uses in ``unlinted`` files, which
    may touch the scopes those uses may touch."""
    lost = [use for use in unresolved if use.span.path in unlinted]
    if not lost:
        return []
    first = lost[0]
    line = f", line {first.span.line}" if first.span.line > 1 else ""
    more = (f" (and {len(lost) - 1} more in files that are not linted)" if len(lost) > 1
            else "")
    reason = f"{unlinted[first.span.path]}{line}, which is not linted: {first.reason}{more}"
    scopes = None if any(use.scopes is None for use in lost) else frozenset(
        scope for use in lost for scope in use.scopes or ())
    return [UnresolvedUse(site.span, reason, scopes) for site in sites]


def _outside_reason(outside: Sequence[str], alone: bool) -> str:
    more = f" and {len(outside) - 1} more files" if len(outside) > 1 else ""
    if alone:
        return (f"{outside[0]}{more} beside this file use Nylas and may use the grants "
                "requested here, but no project file or .git above them makes them one "
                "project (add a pyproject.toml, or set project-root, to judge them together)")
    return (f"{outside[0]}{more} outside the project, in the same repository, use "
            "Nylas and may use the grants requested here (set project-root to the "
            "repository to judge them together)")


# Claims that a scope is not needed: the Nylas calls alone back them.
_NOT_NEEDED_CLAIMS = frozenset({"NYS302", "NYS303", "NYS405"})


def _without_item_fix(finding: Finding) -> Finding:
    """A finding on an item of a list the code tests (``if "email.read_only" in
    SCOPES:``) keeps its message, but no fix takes the item out or renames it: the
    test would answer otherwise.  Dropping one of two equal items changes no answer."""
    fix = finding.fix
    if fix is None or fix.action not in _ITEM_FIXES or finding.code == "NYS103":
        return finding
    return dataclasses.replace(finding, fix=None)


def _unread_gives(given: GivenLists, index: ConstantIndex,
                  dropped: set[Span]) -> Iterator[Finding]:
    """NYS304 where a list naming Nylas scopes is given to a project function read
    neither as a Nylas request nor as another library's, or a list is sent in a query
    to a URL whose host is not read, and a claim that an item of it is not needed was
    dropped for that: the finding names the call."""
    for give in given.unread:
        values = [value for found in index.given_scopes(give.name)
                  for value in _expand(index, found.value)]
        items = [item for value in values for item in value.items]
        if not any(item.span in dropped for item in items):
            continue
        # A list given to a function is said only where it reads as a Nylas request's;
        # a list sent to a URL not read was judged as one (its claims were dropped).
        if give.url_start is None and not names_nylas_scopes(
                [scope for item in items for scope in read_entry(item).scopes]):
            continue
        yield Finding("NYS304", give.span, CODES["NYS304"].message(what=unread_reason(give)))


def _item_spans(modules: list[ModuleFacts], index: ConstantIndex,
                lists: Callable[[ModuleFacts], Sequence[str]]) -> set[Span]:
    """Where the items are written of the lists the modules name in ``lists``: those
    the project also gives another library's OAuth request
    (``Flow.from_client_secrets_file(..., scopes=SCOPES)``), where a scope no Nylas
    call needs may serve that library's calls; and those it tests for a scope."""
    spans: set[Span] = set()
    for facts in modules:
        for reference in lists(facts):
            for found in index.given_scopes(reference):
                for value in _expand(index, found.value):
                    spans.update(item.span for item in value.items)
    return spans


# Findings whose fix takes an item out of (or narrows it in) every request that reads it.
_ITEM_FIXES = frozenset({FixAction.REMOVE, FixAction.REPLACE})
_USAGE_CLAIMS = frozenset({"NYS302", "NYS303", "NYS405"})


def _agreed(
    findings: set[Finding], sites: list[ScopeSite], state: ProjectState, config: Config,
    enabled: CodeFilter,
) -> set[Finding]:
    """Findings about an item that several requests read, checked against each of them.

    Requests that read one constant, and the alternatives of one request (tiers,
    settings modules, ``[*BASE, "x"]`` and ``BASE``), share their items: removing or
    narrowing one changes every request that reads it.  A claim that an item is not
    needed (NYS302, NYS303, NYS405) stands only when every request reading it makes it
    (the fix plan cannot tell: it judges the requests' lists, not the project's calls);
    a list finding whose fix not every reader calls for, among alternatives or
    requests the fix plan does not see read the item, loses the fix.
    """
    readers: dict[tuple[Span, int], list[ScopeSite]] = {}
    for site in sites:
        if site.value.state is ValueState.ITEMS:
            for item in site.value.items:
                readers.setdefault((item.span, item.part), []).append(site)
    kept: set[Finding] = set()
    judged: dict[int, set[Finding]] = {}
    unneeded: dict[int, set[Finding]] | None = None

    def alone(site: ScopeSite, usage: bool) -> set[Finding]:
        nonlocal unneeded
        if usage:
            if unneeded is None:
                # Every request at once: what the calls use is gathered a single time.
                unneeded = unneeded_claims_alone(
                    dataclasses.replace(state, sites=sites), config, enabled)
            return unneeded[id(site)]
        if id(site) not in judged:
            judged[id(site)] = set(requests_findings([site], config, enabled))
        return judged[id(site)]

    for finding in findings:
        fix = finding.fix
        reading = readers.get((fix.span, fix.part), []) if fix is not None else []
        usage = finding.code in _USAGE_CLAIMS
        if fix is None or fix.action not in _ITEM_FIXES or not _checked_here(
                reading, fix.span, usage):
            kept.add(finding)
            continue
        agree = all(
            any(other.code == finding.code and other.fix == fix for other in alone(site, usage))
            for site in reading
        )
        if agree:
            kept.add(finding)
        elif not usage:
            kept.add(dataclasses.replace(finding, fix=None))
    return kept


def _checked_here(reading: list[ScopeSite], item: Span, usage: bool) -> bool:
    """Whether a finding on an item is checked here against each request reading it:
    a claim that it is not needed wherever several requests read it (the fix plan
    judges their lists, not the project's calls); a list finding where the fix plan
    does not see every request read it (alternatives, imports)."""
    if usage:
        return len(reading) > 1
    return _derived(reading) or _read_through_imports(reading, item)


def _derived(reading: list[ScopeSite]) -> bool:
    """Whether some request reading an item is one of several alternatives made from a
    single request (the fix plan sees only the requests as written)."""
    return len({site.span for site in reading}) < len(reading)


def _read_through_imports(reading: list[ScopeSite], item: Span) -> bool:
    """Whether several requests read an item and one of them in another module than
    the item: the fix plan holds each request's items as its own module's facts say,
    so it does not see that request read a constant it imports."""
    return len(reading) > 1 and any(site.span.path != item.path for site in reading)


_PROVIDER_NAMES = {"v3/google": "Google", "v3/microsoft": "Microsoft"}


def _migration_narrowed(
    finding: Finding, inferences: Mapping[str, Inference], state: ProjectState,
    site: ScopeSite,
) -> Finding:
    """Narrow NYS401's migration (a v2 name -> the provider scopes granting the same)
    to the provider scopes the code's v3 calls need of it.

    Only when every use is resolved and the request's provider is known: the scopes of
    the replacement that the inferred minimal set holds (or that hold one of its
    scopes), so ``email.modify`` for an app that only sends becomes ``gmail.send``.
    Where no call needs anything of it, the full replacement stays: dropping a scope
    is the usage rules' claim to make.
    """
    fix = finding.fix
    if fix is None or fix.action is not FixAction.REPLACE or state.unresolved \
            or state.unresolved_sites:
        return finding
    dialect = site_dialect(site)
    inference = inferences.get(dialect)
    if inference is None or inference.uncertain:
        return finding
    catalogue = dialect_catalogue(dialect)
    replacement = set(fix.replacement)
    needed = tuple(
        scope for scope in inference.scopes
        if any(catalogue.may_include(whole, scope) for whole in replacement)
    )
    if not needed or set(needed) == replacement:
        return finding
    # Scopes the request has already are not written twice.
    requested = {catalogue.canonical(item.text.strip()) for item in site.value.items}
    new = tuple(scope for scope in needed if scope not in requested)
    provider = _PROVIDER_NAMES[dialect]
    shown = " + ".join(repr(scope) for scope in needed)
    message = CODES["NYS401"].message(
        scope=fix.text,
        suggestion=f"; for {provider} write {shown} (what the calls need of it)")
    narrowed = dataclasses.replace(fix, replacement=new) if new else Fix(
        FixAction.REMOVE, fix.span, fix.part, fix.text)
    return dataclasses.replace(finding, template=message, fix=narrowed)


def _with_inferred_scopes(
    finding: Finding, inference: Inference, state: ProjectState, site: ScopeSite,
    config: Config,
) -> Finding:
    """Give NYS105 and NYS106 their fixes from the inferred minimal set, when every
    use is resolved (an unseen call may need more), with the scopes the calls whose
    need the endpoint map only infers likely need (``messages.search``: a mail scope,
    which the minimal set of the certain calls may not hold)."""
    if state.unresolved or finding.code not in ("NYS105", "NYS106"):
        return finding
    inferred = in_rank_order(dialect_catalogue(site_dialect(site)),
                             [*inference.scopes, *inference.likely])
    return with_inferred_scopes(finding, tuple(inferred), site, config)
