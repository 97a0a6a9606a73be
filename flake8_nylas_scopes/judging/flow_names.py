"""The names a module's flow records refer to, resolved through its imports."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.flow_facts import UNREAD_MODULE, FlowFacts, Val


def referenced_names(flow: FlowFacts) -> list[str]:
    """The dotted names (resolved through imports) a module's code refers to, some
    perhaps more than once."""
    return [value.name for value in _links(flow) if value.kind == "ref"]


def refers_to_unread_module(flow: FlowFacts) -> bool:
    """Whether a module's code imports a module by a name the analysis cannot read
    (``importlib.import_module(name)``), which may be any module of the project."""
    return any(value.kind == "unknown" and value.name == UNREAD_MODULE
               for value in _links(flow))


def _links(flow: FlowFacts) -> list[Val]:
    """Each value a module's flow records hold, and each value they are made from,
    once."""
    values: list[Val | None] = [edge.value for edge in flow.edges]
    # What each call passes (``CallSite.passed``), without a tuple per call: a large
    # project has a hundred thousand call sites.
    for call in flow.calls:
        values.append(call.callee)
        values += call.args
        if call.kwargs:
            values += [value for _, value in call.kwargs]
        values.append(call.star)
        values.append(call.double_star)
    values += [use.root for use in flow.uses]
    values += [sink.value for sink in flow.sinks]
    values += [read.value for read in flow.reads]
    for store in flow.stores:
        values += [store.owner, store.value]
    # Records share their values, and values the links of their chains: each link is
    # looked at once (those below a link seen already were seen with it).
    seen: dict[int, Val] = {}
    for value in values:
        while value is not None and id(value) not in seen:
            seen[id(value)] = value
            value = value.inner
    return list(seen.values())


def attribute_names(flow: FlowFacts) -> Iterator[str]:
    """The attributes a module's code reads or calls, on whatever value."""
    values: list[Val | None] = [call.callee for call in flow.calls]
    values += [edge.value for edge in flow.edges]
    values += [sink.value for sink in flow.sinks]
    values += [read.value for read in flow.reads]
    for use in flow.uses:
        yield from use.attrs
    for value in values:
        while value is not None:
            if value.kind == "attr":
                yield value.name
            value = value.inner
