"""The requests other modules send with a module's HTTP client.

``HTTP = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc")`` in one
module is read there: each request its own code sends joins the base.  Another module
that imports it sends requests its own reading cannot place: ``HTTP.get("events")``
goes to the base joined with ``events``, as the client's library joins them.  A
module that uses the client any other way (hands it on, reads a path built at run
time, binds it to another name, imports the module itself and passes it around) may
send any request below the base, which is then an unresolved request: left out, the
scopes those requests need would look unused.  So is a client its own module never
uses: it is there for code elsewhere (a script, a module outside the project).  A
module that imports the client under its own name (``from app.http import HTTP``)
hands it on to the modules that import it from there, which are read the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..analysis.base_url_clients import (
    QUIET_METHODS, ClientBase, any_path_below, goes_below_base, join_path,
)
from ..analysis.facts import ModuleFacts, RawTemplate, SharedClient
from ..analysis.facts_values import UrlPart
from ..analysis.flow_facts import (
    UNREAD_MODULE, FlowFacts, HandedCall, ImportedRequest, Val,
)
from ..analysis.member_patterns import is_pattern, member_matches
from ..analysis.symbols import GLOBAL
from ..nylas_api.http import ANY_METHOD
from ..spans import Span


def shared_client_requests(modules: Mapping[str, ModuleFacts]) -> dict[str, list[RawTemplate]]:
    """By module path, the requests sent with other modules' shared clients, and for
    a shared client's own module, any request below its base where the analysis
    cannot read how the client is used."""
    shared = [facts for facts in modules.values() if facts.shared_clients and facts.module]
    if not shared:
        return {}
    views = [_ModuleView(facts, facts.flow) for facts in modules.values()
             if facts.flow is not None]
    found: dict[str, list[RawTemplate]] = {}
    for facts in shared:
        for client in facts.shared_clients:
            base = ClientBase(client.base, client.joins_like_urljoin)
            unseen = not client.used_here
            for path, request in _sent_elsewhere(client, base, facts.module, views):
                if request is None:
                    unseen = True
                else:
                    found.setdefault(path, []).append(request)
            if unseen:
                found.setdefault(facts.path, []).append(
                    any_request_below(base, client.span, client.name))
    return found


@dataclass
class _ModuleView:
    """What one module's flow records say about the names it refers to."""

    facts: ModuleFacts
    flow: FlowFacts
    # The references to other modules' names, each once.
    refs: list[Val] = field(default_factory=list)
    # Where each value appears in a record as the value itself, by identity: the
    # symbol an edge binds it to ("" for any other record).
    direct: dict[int, list[str]] = field(default_factory=dict)
    # The values something other than a call is made from (an attribute, an item).
    read_through: set[int] = field(default_factory=set)
    unread_module: bool = False

    def __post_init__(self) -> None:
        flow = self.flow
        direct: list[tuple[Val | None, str]] = [
            (edge.value, edge.target) for edge in flow.edges]
        # Callees only named, given no value (``Jobs.fetch("grant")``, recorded so that
        # the index reads what a class attribute holds): a call, which the imported
        # requests read, not the method handed on.
        called: list[Val | None] = []
        for call in flow.calls:
            if any(value is not None for value in call.passed):
                direct += [(value, "") for value in (call.callee, *call.passed)]
            else:
                called.append(call.callee)
        direct += [(use.root, "") for use in flow.uses]
        direct += [(sink.value, "") for sink in flow.sinks]
        direct += [(read.value, "") for read in flow.reads]
        direct += [(arg.callee, "") for arg in flow.scope_args]
        for store in flow.stores:
            direct += [(store.owner, ""), (store.value, "")]
        seen: set[int] = set()
        for value, target in [*direct, *((callee, None) for callee in called)]:
            if value is None:
                continue
            if target is not None:
                self.direct.setdefault(id(value), []).append(target)
            for link in self._chain(value, seen):
                if link.kind == "ref":
                    self.refs.append(link)
                elif link.kind == "unknown" and link.name == UNREAD_MODULE:
                    self.unread_module = True

    def _chain(self, value: Val, seen: set[int]) -> Iterator[Val]:
        """The links of a value's chain not seen yet, noting what each is made from."""
        pending: list[Val] = [value]
        while pending:
            link = pending.pop()
            if id(link) in seen:
                continue
            seen.add(id(link))
            yield link
            if isinstance(link, HandedCall):
                for handed in link.handed_values:
                    self.direct.setdefault(id(handed), []).append("")
                    pending.append(handed)
            if link.inner is not None:
                if link.kind != "call":
                    self.read_through.add(id(link.inner))
                pending.append(link.inner)

    def requests_to(self, callee: str) -> list[ImportedRequest]:
        return [request for request in self.flow.imported_requests
                if request.callee == callee]


def _sent_elsewhere(client: SharedClient, base: ClientBase, module: str,
                    views: list[_ModuleView]
                    ) -> Iterator[tuple[str, RawTemplate | None]]:
    """The requests other modules send with a client, by the path of the module that
    sends each; None for a use that may send any request below its base."""
    names = [f"{module}.{client.name}"]
    seen = set(names)
    while names:
        name = names.pop()
        wanted = name.split(".")
        for view in views:
            owner = view.facts.module
            if owner == name.rpartition(".")[0]:
                continue  # the module that binds it reads its own uses
            star = any(star.module == name.rpartition(".")[0]
                       for star in view.facts.star_imports)
            if view.unread_module or star:
                yield view.facts.path, None
                continue
            for ref in view.refs:
                if not _may_name(ref.name.split("."), wanted):
                    continue
                parts = ref.name.split(".")
                if len(parts) <= len(wanted) and parts == wanted[:len(parts)]:
                    # The client, or the module holding it: only imported under its
                    # own name (``from app import http``), which other modules may
                    # import from here in turn, it is read where they use it.
                    alias = f"{owner}.{parts[-1]}"
                    if id(ref) in view.read_through or any(
                            target != GLOBAL + alias for target in view.direct.get(id(ref), ())):
                        yield view.facts.path, None
                        continue
                    alias = ".".join((alias, *wanted[len(parts):]))
                    if alias not in seen:
                        seen.add(alias)
                        names.append(alias)
                    continue
                if len(parts) == len(wanted) + 1 and parts[:-1] == wanted and (
                        not is_pattern(parts[-1])):
                    yield from _method_requests(view, ref, parts[-1], base)
                else:
                    # The module holding it (``app.http`` handed on), or a member
                    # of one of its members (``HTTP.headers.update``).
                    yield view.facts.path, None


def _method_requests(view: _ModuleView, ref: Val, method: str, base: ClientBase
                     ) -> Iterator[tuple[str, RawTemplate | None]]:
    """The requests of one of the client's methods a module calls (``HTTP.get``):
    each call whose path is spelled goes to the base joined with it; the method used
    any other way, or a path built at run time, may send any request."""
    path = view.facts.path
    if id(ref) in view.direct or id(ref) in view.read_through:
        yield path, None  # ``run(HTTP.get, path)``, or not a method of the client
        return
    if method in QUIET_METHODS:
        return
    requests = view.requests_to(ref.name)
    if not requests:
        yield path, None  # a method with no rule of its own (``HTTP.stream(...)``)
    text = ".".join(ref.name.split(".")[-2:])
    for request in requests:
        yield path, request_below(base, request, text)


def request_below(base: ClientBase, request: ImportedRequest, text: str
                  ) -> RawTemplate | None:
    """The request a call with a spelled path sends below a client's base, joined
    as the client's library joins them; None where the path may go elsewhere."""
    if not goes_below_base(request.path):
        return None
    return RawTemplate(request.method, join_path(base, (UrlPart(request.path),)),
                       request.span, text, sends_http=True)


def any_request_below(base: ClientBase, span: Span, text: str) -> RawTemplate:
    """A request to any path below a client's base, sent at ``span``."""
    return RawTemplate(ANY_METHOD, any_path_below(base), span, text, sends_http=True)


def _may_name(name: list[str], target: list[str]) -> bool:
    """Whether a dotted name may refer to the target: the target itself, something
    reached through it (``app.http.HTTP.get``), or a module or package holding it,
    which may hand it on (``app.http``); a member read by a name built at run time
    (``getattr(http, name)``) may be any member."""
    return all(part == wanted or (is_pattern(part) and member_matches(part, wanted))
               for part, wanted in zip(name, target))
