"""The requests sent with HTTP clients held on objects.

``self.http = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc")`` in a
class is read by its module where the class's own methods send requests with it.
Code elsewhere reaches the same client through an instance (``Api(gid).http.get(
"events")``), a subclass's ``self.http``, a property that returns it, framework state
(``request.app.state.http``) or a name it was handed to (``async with self.http as
c``).  The resolver follows the client from the place that holds it (see
``HeldClient``) to each of those calls: a request method given a path that is spelled
goes to the base joined with it, as the client's library joins them; any other use
that may send a request (a path built at run time, a method with no rule of its own,
the client handed to a library) may send any request below the base, which is then an
unresolved request: left out, the scopes it may need would look unused.  So is a
client no code the analysis reads reaches, unless its class's own methods use it: it
is there for code elsewhere (a script, a module outside the project).  A request
method called on an attribute of that name of an object the resolver cannot tell
(``def events(api): api.http.get("events")``) may use the client or another object's:
a request the analysis cannot tell goes to Nylas.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping

from ..analysis.base_url_clients import (
    DATA_MEMBERS, QUIET_METHODS, SENDING_METHODS, ClientBase, any_path_below,
)
from ..analysis.facts import HeldClient, ModuleFacts, RawTemplate
from ..analysis.flow_calls import DATA_FUNCTIONS, DATA_METHODS
from ..analysis.flow_facts import CallSite, FlowFacts, ImportedRequest, Val
from ..analysis.symbols import kind_of, qualified_name
from ..nylas_api.http import ANY_METHOD, HTTP_METHODS
from ..spans import Span
from .resolver import FlowResolver, Objs
from .shared_clients import any_request_below, request_below

# What a call may hand a held client to and still be followed: the project's code.
_PROJECT_CALLEES = frozenset({"func", "class", "inst", "super"})


def held_client_requests(modules: Mapping[str, ModuleFacts], resolver: FlowResolver
                         ) -> dict[str, list[RawTemplate]]:
    """By module path, the requests sent with the project's held clients where the
    module holding each does not read them itself."""
    held: dict[str, list[HeldClient]] = {}
    for facts in modules.values():
        for client in facts.held_clients:
            held.setdefault(client.symbol, []).append(client)
    if not held:
        return {}
    by_attribute = _held_by_attribute(held, resolver)
    found: dict[str, list[RawTemplate]] = {}
    reached: set[str] = set()
    # The clients a method of which is bound to a name: called where the analysis
    # does not read which path it is given.
    unseen: set[str] = set()
    for path, facts in modules.items():
        flow = facts.flow
        if flow is None:
            continue
        with resolver.module_records(flow.edges):
            for client, request in _module_requests(flow, resolver, held):
                reached.add(client.symbol)
                if request is not None:
                    found.setdefault(path, []).append(request)
            unseen.update(client.symbol for client in _methods_bound(flow, resolver, held))
            if by_attribute:
                found.setdefault(path, []).extend(
                    _unknown_holders_requests(flow, resolver, by_attribute))
    for path, facts in modules.items():
        for client in facts.held_clients:
            if client.symbol in unseen or (
                    client.symbol not in reached and not client.read_where_made):
                found.setdefault(path, []).append(
                    _any_request(client, client.span, _held_at(client.symbol)))
    return found


def _module_requests(flow: FlowFacts, resolver: FlowResolver,
                     held: Mapping[str, list[HeldClient]]
                     ) -> Iterator[tuple[HeldClient, RawTemplate | None]]:
    """The held clients one module's calls and sinks use, each with the request
    that use sends (None: none, as ``close()``, or one its module reads)."""
    spelled = {request.span: request for request in flow.imported_requests
               if not request.callee}
    for call in flow.calls:
        callee = call.callee
        if callee is not None and callee.kind == "attr" and call.invokes:
            for client in _clients(resolver.resolve(callee.inner), held):
                request = None if _read_where_made(callee.inner, client) else (
                    _method_request(call, callee.name, client, spelled.get(call.span)))
                yield client, request
        for client in _handed_to_library(call, resolver, held):
            yield client, _any_request(client, call.span, call.callee_text)
    for sink in flow.sinks:
        for client in _clients(resolver.resolve(sink.value), held):
            yield client, _any_request(client, sink.span, sink.what)
        for client in _held_through(sink.value, resolver, held):
            yield client, _any_request(client, sink.span, sink.what)
    # A method handed on as a value (``retry(api.http.get, "events")``), which the
    # code it goes to calls with any path.
    for call in flow.calls:
        for argument in call.passed:
            for client in _method_of(argument, resolver, held):
                yield client, _any_request(client, call.span, call.callee_text)
    for sink in flow.sinks:
        for client in _method_of(sink.value, resolver, held):
            yield client, _any_request(client, sink.span, sink.what)
    for store in flow.stores:
        for client in _method_of(store.value, resolver, held):
            yield client, _any_request(client, store.span, store.attr)


def _held_by_attribute(held: Mapping[str, list[HeldClient]], resolver: FlowResolver
                       ) -> dict[str, list[HeldClient]]:
    """The clients the project's classes hold, by the attribute instances read them
    through: an attribute of the instances or the class, or a property."""
    found: dict[str, list[HeldClient]] = {}
    for symbol, clients in held.items():
        kind = kind_of(symbol)
        place = qualified_name(symbol)
        if kind == "attribute" or (kind == "returned" and resolver.is_property(place)):
            found.setdefault(place.rpartition(".")[2], []).extend(clients)
    return found


def _unknown_holders_requests(flow: FlowFacts, resolver: FlowResolver,
                              by_attribute: Mapping[str, list[HeldClient]]
                              ) -> Iterator[RawTemplate]:
    """``api.http.get("events")`` where ``api`` is an object the resolver cannot
    tell (a parameter a framework fills, what an unknown call returns) and ``http``
    is the name under which a class of the project holds a client: the call may be a
    request with that client, or with any other object's ``http``.  Read as sent with
    the client, a request to another object would be taken for a Nylas call; left
    out, the scopes the client's request needs would look unused.  So it is a
    request the analysis cannot tell goes to Nylas: to the path it spells below the
    base, or anywhere below it for a path built at run time.  A path spelled with no
    word of a Nylas route (``request.session.get("user_id")``) is left alone.  Any
    other method of the client that may send (``api.http.stream("GET", "events")``,
    ``api.http.send(request)``) may send any request below the base, as it does on a
    client the resolver tells; one that sends nothing (``close``, a logging or
    formatting method) is left alone."""
    spelled = {request.span: request for request in flow.imported_requests
               if not request.callee}
    for call in flow.calls:
        callee = call.callee
        if callee is None or callee.kind != "attr" or not call.invokes:
            continue
        holder = callee.inner
        if holder is None or holder.kind != "attr":
            continue
        clients = by_attribute.get(holder.name)
        sends = callee.name in SENDING_METHODS
        if not clients or not (sends or _may_send(callee.name)):
            continue
        request = spelled.get(call.span)
        if (sends and request is None and not _path_built_at_run_time(call)) or (
                any(kind != "lost" for kind, _ in resolver.resolve(holder))) or (
                not resolver.tells_nothing_of(holder.inner)):
            continue
        unsure = (f"{call.callee_text}() is called on an object the analysis cannot "
                  f"tell; a class of the project holds a client as {holder.name}")
        for client in clients:
            template = _method_request(call, callee.name, client, request)
            if template is not None:
                yield dataclasses.replace(template, unsure=unsure)


# Members of a held client that send nothing: those that close it, and its data
# (``headers``), called or taken as a value.
_SENDS_NOTHING = QUIET_METHODS | DATA_MEMBERS


def _may_send(method: str) -> bool:
    """Whether calling a method of a held client may send a request: any but those
    that close it, its data, and those that only log or format."""
    return method not in _SENDS_NOTHING and method not in DATA_METHODS


def _path_built_at_run_time(call: CallSite) -> bool:
    """Whether a request method's URL is a value built at run time (a name, a call,
    ``*args``), not a literal string or nothing."""
    position = 1 if call.callee is not None and call.callee.name == "request" else 0
    url = call.args[position] if len(call.args) > position else None
    return url is not None or call.star is not None or call.double_star is not None or any(
        name == "url" for name, _ in call.kwargs)


def _methods_bound(flow: FlowFacts, resolver: FlowResolver,
                   held: Mapping[str, list[HeldClient]]) -> Iterator[HeldClient]:
    """The held clients a method of which a module binds to a name or returns
    (``get = api.http.get``)."""
    for edge in flow.edges:
        yield from _method_of(edge.value, resolver, held)


def _method_of(value: Val | None, resolver: FlowResolver,
               held: Mapping[str, list[HeldClient]]) -> Iterator[HeldClient]:
    """The held clients ``value`` may be a method of that may send a request (not
    ``close``, nor data such as ``headers``), where the module holding the client
    does not read it itself."""
    if value is None or value.kind != "attr" or value.name in _SENDS_NOTHING:
        return
    for client in _clients(resolver.resolve(value.inner), held):
        if not _read_where_made(value.inner, client):
            yield client


def _clients(objs: Objs, held: Mapping[str, list[HeldClient]]) -> Iterator[HeldClient]:
    for kind, name in objs:
        if kind == "http":
            yield from held.get(name, ())


def _read_where_made(receiver: Val | None, client: HeldClient) -> bool:
    """Whether a call's receiver is ``self.<attr>`` in a method of the class that
    makes the client there, whose module reads its requests already."""
    # The value flow names ``self.<attr>`` in a method of a class by that class's
    # attribute: in a subclass's method, by the subclass's.
    return client.read_where_made and receiver is not None and receiver.kind == "sym" and (
        receiver.name == client.symbol)


def _method_request(call: CallSite, method: str, client: HeldClient,
                    request: ImportedRequest | None) -> RawTemplate | None:
    """The request one method of a held client sends: where its path is spelled
    and goes below the base, there; otherwise anywhere below the base."""
    if method in QUIET_METHODS:
        return None
    base = ClientBase(client.base, client.joins_like_urljoin)
    spelled = request_below(base, request, call.callee_text) if (
        method in SENDING_METHODS and request is not None) else None
    if spelled is not None:
        return spelled
    # ``http.get(path)``, ``http.stream("GET", "events")``, ``http.send(request)``.
    verb = method.upper() if method in HTTP_METHODS else ANY_METHOD
    return RawTemplate(verb, any_path_below(base), call.span, call.callee_text,
                       sends_http=True)


def _handed_to_library(call: CallSite, resolver: FlowResolver,
                       held: Mapping[str, list[HeldClient]]) -> Iterator[HeldClient]:
    """The held clients a call passes to code the analysis does not read, which may
    send any request below their base there; the project's own code is followed."""
    arguments = call.passed
    if call.modelled or not any(argument is not None for argument in arguments):
        return  # its arguments' fate is recorded elsewhere (``partial``, ``list``)
    callee = call.callee
    qualified = callee.name if callee is not None and callee.kind == "ref" else (
        call.callee_text)
    if qualified in DATA_FUNCTIONS or (
            "." in qualified and qualified.rpartition(".")[2] in DATA_METHODS):
        return  # ``isinstance(api.http, httpx.Client)``, ``log.info(...)``: only read
    if any(kind in _PROJECT_CALLEES for kind, _ in resolver.resolve(call.callee)):
        return
    for argument in arguments:
        if argument is not None:
            # ``run(self.http)`` in the class that makes it: its module reads that.
            yield from (client for client in _clients(resolver.resolve(argument), held)
                        if not _read_where_made(argument, client))
            yield from _held_through(argument, resolver, held)


def _held_through(value: Val, resolver: FlowResolver,
                  held: Mapping[str, list[HeldClient]]) -> Iterator[HeldClient]:
    """The held clients an object ``value`` may be holds (``run(NylasHttp(gid))``,
    an instance whose ``http`` is one): code given it may send any request with them."""
    for obj in resolver.resolve(value):
        if obj[0] != "http":
            for symbol in resolver.held_clients_reached(obj):
                yield from held.get(symbol, ())


def _any_request(client: HeldClient, span: Span, text: str) -> RawTemplate:
    return any_request_below(ClientBase(client.base, client.joins_like_urljoin), span, text)


def _held_at(symbol: str) -> str:
    """The place a held client is kept, as code names it (``Api.http``)."""
    return ".".join(qualified_name(symbol).rsplit(".", 2)[-2:])
