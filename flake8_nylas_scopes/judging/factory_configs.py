"""What an application factory's callers pass for the object it loads Flask's
configuration from (``def create_app(config_class=Config): app.config.from_object(
config_class)``, see ``analysis/factory_configs``).

The callers are found as a wrapper's callers are (the resolver tells which calls run
the function), and what each passes is resolved as any argument is.  The load is read
(only the project's configuration classes are loaded, whose keys the index reads)
where every caller passes a configuration class of the project, named or as a string
path, or nothing.  A caller passing anything else, a call spreading ``*args`` or
``**kwargs``, and the function itself handed on as a value (which code the analysis
does not see may call with anything) leave it "any key".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..analysis.facts import ModuleFacts
from ..analysis.facts_values import ParameterKind, ParameterReference
from ..analysis.flask_config import names_configuration_class
from ..analysis.flow_facts import NAMED_CALLEES, SPREAD, CallSite, FlowFacts, PlainArguments, Val
from ..analysis.symbols import GLOBAL, LOCAL
from .resolver import FlowResolver

# The names whose every call and hand-over the flow records as the function's own.
_FOLLOWED_NAMES = (GLOBAL, LOCAL)


def read_factory_loads(modules: Mapping[str, ModuleFacts], resolver: FlowResolver
                       ) -> frozenset[str]:
    """The loads of a factory's parameter (``ModuleFacts.config_loads``, as
    ``ParameterReference`` texts) whose every caller passes a configuration class of
    the project, or nothing."""
    loads = [(loaded, parameter) for facts in modules.values() for loaded in facts.config_loads
             for parameter in (ParameterReference.parse(loaded),)
             if parameter is not None and parameter.kind is ParameterKind.CONFIG]
    if not loads:
        return frozenset()
    classes = _ConfigClasses(modules)
    return frozenset(loaded for loaded, parameter in loads
                     if _callers_pass_classes(modules.values(), resolver, parameter, classes))


class _ConfigClasses:
    """Whether a dotted name is a configuration class of one of the project's modules,
    whose keys the project index reads (see ``ConstantIndex``)."""

    def __init__(self, modules: Mapping[str, ModuleFacts]) -> None:
        self._modules = {facts.module for facts in modules.values() if facts.module}

    def named(self, name: str) -> bool:
        return names_configuration_class(name, self._modules)


def _callers_pass_classes(modules: Iterable[ModuleFacts], resolver: FlowResolver,
                          parameter: ParameterReference, classes: _ConfigClasses) -> bool:
    function = ("func", parameter.function)
    if any(function in held for symbol, held in resolver.values.items()
           if not symbol.startswith(_FOLLOWED_NAMES)):
        # Returned, held by an attribute, a container or a parameter: code the
        # analysis does not see may call it.  (A module's or a function's own name
        # for it, an import among them, is followed to each call and hand-over.)
        return False
    for facts in modules:
        flow = facts.flow
        if flow is None:
            continue
        if _handed_on(flow, resolver, function):
            return False
        for call in flow.calls:
            if call.callee is not None and function in resolver.resolve(call.callee) and (
                    not _passes_classes(call, parameter, resolver, classes)):
                return False
        for plain in flow.plain_arguments:
            if function in resolver.resolve(plain.callee) and not _plain_classes(
                    plain, parameter, classes):
                return False
    return True


def _handed_on(flow: FlowFacts, resolver: FlowResolver, function: tuple[str, str]) -> bool:
    """Whether the module hands the function itself to a call, a store or code the
    flow does not follow."""
    values: list[Val | None] = [sink.value for sink in flow.sinks]
    values += [store.value for store in flow.stores]
    for call in flow.calls:
        values += [*call.args, *(value for _, value in call.kwargs), call.star,
                   call.double_star]
    return any(value is not None and function in resolver.resolve(value) for value in values)


def _passes_classes(call: CallSite, parameter: ParameterReference, resolver: FlowResolver,
                    classes: _ConfigClasses) -> bool:
    """Whether a call the flow records passes a configuration class for the
    parameter, or nothing (an argument the flow does not follow is judged from the
    module's ``PlainArguments``)."""
    if not call.invokes or call.star is not None or call.double_star is not None:
        return False
    if parameter.position < len(call.args):
        passed = call.args[parameter.position]
    else:
        passed = next((value for keyword, value in call.kwargs if keyword == parameter.name),
                      None)
    if passed is None:
        # Nothing passed, or a value whose slot ``PlainArguments`` keeps: kept only
        # for a callee named as a function is (else nothing tells what it was).
        return call.callee is not None and call.callee.kind in NAMED_CALLEES
    held = resolver.resolve(passed)
    return bool(held) and all(kind == "class" and classes.named(name) for kind, name in held)


def _plain_classes(plain: PlainArguments, parameter: ParameterReference,
                   classes: _ConfigClasses) -> bool:
    """Whether calls given values the flow does not follow give the parameter only
    string paths of configuration classes."""
    return all(classes.named(path) for position, keyword, path in plain.slots
               if position == parameter.position or keyword in (parameter.name, SPREAD))
