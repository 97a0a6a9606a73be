"""Calls whose effect on a value the flow pass models: builtins that build containers
or pick elements, hand-overs that call a function later, container methods, and
calls that only look at their arguments.

Data, read by ``flow_extract`` (what a call's result holds, which call a hand-over
leads to) and by ``resolver`` (which calls only look at their arguments).  Names are
the builtins' own (``sorted``) or the dotted names an import gives (``functools.partial``);
a hand-over reached as a method (``executor.submit``) is matched by the method's name.
Sources: the Python library reference for builtins, ``itertools``, ``functools``,
``asyncio``, ``threading`` and ``concurrent.futures``; Starlette's and FastAPI's
``run_in_threadpool`` and ``BackgroundTasks.add_task``; AnyIO's ``to_thread.run_sync``
and task groups' ``start_soon``; asgiref's ``sync_to_async``; RQ's ``Queue.enqueue``;
Airflow's ``PythonOperator``.
"""

from __future__ import annotations

import ast
import enum
from collections.abc import Mapping
from dataclasses import dataclass


class Shape(enum.Enum):
    """What a modelled builtin's result holds, given its first argument ``x``."""

    ELEMENTS = "elements"  # a new container of x's elements: list(x), sorted(x)
    ELEMENT = "element"  # one of x's elements: next(x), min(x)
    PAIRS = "pairs"  # tuples holding x's elements: enumerate(x)
    ZIPPED = "zipped"  # tuples holding any argument's elements: zip(a, b)
    CHAINED = "chained"  # a container of any argument's elements: chain(a, b)
    MAPPING = "mapping"  # a mapping built from pairs or keywords: dict(zip(ids, messages))
    SAME = "same"  # x itself, or a copy of it: copy.copy(x)
    MAPPED = "mapped"  # what the function (first argument) returns, per element: map(f, x)
    FILTERED = "filtered"  # x's elements, each passed to the function first: filter(f, x)
    # A container of the elements of x's elements and of the start's: sum(lists, []).
    # (Of numbers, it holds nothing.)
    FLATTENED = "flattened"


@dataclass(frozen=True)
class Builtin:
    shape: Shape
    # The keyword whose function is called with each element (``sorted(x, key=f)``).
    key: str = ""


_E, _ONE, _PAIRS, _ZIP, _CHAIN, _SAME, _MAP, _FILTER = (
    Shape.ELEMENTS, Shape.ELEMENT, Shape.PAIRS, Shape.ZIPPED, Shape.CHAINED, Shape.SAME,
    Shape.MAPPED, Shape.FILTERED,
)

BUILTINS: Mapping[str, Builtin] = {
    "list": Builtin(_E),
    "tuple": Builtin(_E),
    "set": Builtin(_E),
    "frozenset": Builtin(_E),
    "reversed": Builtin(_E),
    "iter": Builtin(_E),
    "sorted": Builtin(_E, "key"),
    "dict": Builtin(Shape.MAPPING),
    "next": Builtin(_ONE),
    "min": Builtin(_ONE, "key"),
    "max": Builtin(_ONE, "key"),
    "random.choice": Builtin(_ONE),
    "secrets.choice": Builtin(_ONE),
    "enumerate": Builtin(_PAIRS),
    "zip": Builtin(_ZIP),
    "itertools.zip_longest": Builtin(_ZIP),
    "itertools.product": Builtin(_ZIP),
    "itertools.chain": Builtin(_CHAIN),
    # ``chain.from_iterable(lists)``: the elements of each of its argument's elements
    # (Python's documentation of ``itertools``), as ``sum(lists, [])`` gives.
    "itertools.chain.from_iterable": Builtin(Shape.FLATTENED),
    "itertools.islice": Builtin(_E),
    "itertools.cycle": Builtin(_E),
    "collections.deque": Builtin(_E),
    "collections.OrderedDict": Builtin(Shape.MAPPING),
    "collections.defaultdict": Builtin(Shape.MAPPING),
    "heapq.nlargest": Builtin(_CHAIN, "key"),
    "heapq.nsmallest": Builtin(_CHAIN, "key"),
    "random.sample": Builtin(_E),
    "copy.copy": Builtin(_SAME),
    "copy.deepcopy": Builtin(_SAME),
    "map": Builtin(_MAP),
    "sum": Builtin(Shape.FLATTENED),
    "filter": Builtin(_FILTER),
    "itertools.filterfalse": Builtin(_FILTER),
    "itertools.takewhile": Builtin(_FILTER),
    "itertools.dropwhile": Builtin(_FILTER),
}


@dataclass(frozen=True)
class HandOver:
    """A call that calls ``function`` later with the arguments after it.

    ``position`` is the function's place among the positional arguments (-1: only by
    ``keyword``); ``args``/``kwargs`` name keywords holding the call's arguments as a
    tuple and a dict (``threading.Thread(target=f, args=(x,))``).  ``result`` says
    what the hand-over returns: ``"call"`` (what the function returns), ``"function"``
    (the function itself, wrapped), ``"future"`` (a handle whose ``result()`` is what
    the function returns), ``"none"`` (a handle the app does not read back).
    ``own`` is -1 where every other argument is handed to the function too; n >= 0
    where the hand-over keeps up to n positional arguments after the function and
    every other keyword for itself (APScheduler's trigger and the trigger's fields:
    ``add_job(f, "cron", hour=6, args=[client])`` calls ``f(client)``); a call with
    more positional arguments than that is not followed.
    """

    position: int
    keyword: str = ""
    args: str = ""
    kwargs: str = ""
    result: str = "call"
    own: int = -1
    # Keywords that make the call give something else than the function's result:
    # a call given one is not followed as a hand-over.
    changing: frozenset[str] = frozenset()


# ``Thread(group, target, name, args, kwargs, *, daemon)``: the function's
# arguments come only through ``args`` and ``kwargs``; ``daemon=True`` or a
# ``name`` is the thread's own.
_THREAD = HandOver(-1, "target", "args", "kwargs", "none", own=0)

HAND_OVERS: Mapping[str, HandOver] = {
    "functools.partial": HandOver(0, result="function"),
    "asyncio.to_thread": HandOver(0),
    "starlette.concurrency.run_in_threadpool": HandOver(0),
    "fastapi.concurrency.run_in_threadpool": HandOver(0),
    "anyio.to_thread.run_sync": HandOver(0),
    "trio.to_thread.run_sync": HandOver(0),
    "asgiref.sync.sync_to_async": HandOver(0, result="function"),
    "asgiref.sync.async_to_sync": HandOver(0, result="function"),
    "channels.db.database_sync_to_async": HandOver(0, result="function"),
    "threading.Thread": _THREAD,
    "multiprocessing.Process": _THREAD,
    # ``Timer(interval, function, args=None, kwargs=None)``: a list after the function
    # is ``args`` itself, given by position, which is not followed.
    "threading.Timer": HandOver(1, "function", "args", "kwargs", "none", own=0),
    # Runs the function with the arguments after it when the interpreter exits, and
    # gives the function back (so it serves as a decorator too).
    "atexit.register": HandOver(0, result="function"),
    # Airflow's ``PythonOperator(*, python_callable, op_args=None, op_kwargs=None,
    # templates_dict=None, ..., **kwargs)`` runs the callable with ``op_args`` and
    # ``op_kwargs`` when the task runs; ``task_id``, ``dag`` and the other keywords are
    # the operator's own.  What Airflow adds itself (the run's context: ``ds``, ``ti``,
    # ``params``) is never an object of the app.  Branching and short-circuiting
    # operators take the same arguments.  Airflow 1.10 (``python_operator``) also took
    # the callable by position.  (https://airflow.apache.org/docs/apache-airflow/2.9.0/
    # _api/airflow/operators/python/index.html)
    **dict.fromkeys(
        (f"airflow.{where}.{operator}"
         for where in ("operators.python", "providers.standard.operators.python")
         for operator in ("PythonOperator", "BranchPythonOperator", "ShortCircuitOperator")),
        HandOver(-1, "python_callable", "op_args", "op_kwargs", "none", own=0)),
    **dict.fromkeys(
        (f"airflow.operators.python_operator.{operator}"
         for operator in ("PythonOperator", "BranchPythonOperator", "ShortCircuitOperator")),
        HandOver(0, "python_callable", "op_args", "op_kwargs", "none", own=0)),
    # Litestar's ``Provide(dependency, *, use_cache=False, sync_to_thread=None)``
    # keeps a function for the framework to call per request, with the app's other
    # dependencies as keywords named by its parameters; what the function returns
    # (or yields) goes only to the parameters named by the key it is registered
    # under (``dependencies={"nylas": Provide(get_client)}``), and such a parameter
    # is read as any parameter no call of the project fills: through its annotation,
    # else unresolved.  The function is called with none of the call's arguments,
    # so a bound SDK method handed over (``Provide(client.messages.list)``) is a call
    # of it.  (https://docs.litestar.dev/2/usage/dependency-injection.html;
    # Starlite 1.x, its earlier name, exported it as ``from starlite import Provide``.)
    **dict.fromkeys(("litestar.di.Provide", "starlite.Provide"),
                    HandOver(0, "dependency", result="none", own=0)),
    # Werkzeug's ``LocalProxy(local, name=None, *, unbound_message=None)`` given a
    # callable calls it on every use and forwards each attribute read, call and item
    # to what it returns (``nylas = LocalProxy(lambda: current_app.extensions["nylas"])``
    # in a Flask extension): the proxy is what the function returns.  With a ``name``
    # it is that attribute of the object instead, and a ``Local``, ``LocalStack`` or
    # ``ContextVar`` given as ``local`` is not called: the analysis reads neither.
    # (werkzeug/local.py of Werkzeug 2.2 to 3.1; Werkzeug 2.0's took ``name`` too.)
    "werkzeug.local.LocalProxy": HandOver(0, "local", own=0, changing=frozenset({"name"})),
}


def hands_over(over: HandOver, node: ast.Call) -> bool:
    """Whether ``node`` hands its function over the way ``over`` reads it: not where
    it gives more positional arguments than the hand-over keeps for itself
    (``add_job(f, "cron", [client])`` passes ``args`` by position, and so may
    ``add_job(f, *rest)``)."""
    if over.changing and any(keyword.arg is None or keyword.arg in over.changing
                             for keyword in node.keywords):
        return False
    return over.own < 0 or len(node.args) <= over.position + 1 + over.own and not any(
        isinstance(arg, ast.Starred) for arg in node.args)


# Hand-overs reached as a method of an object the analysis does not know
# (``executor.submit``, ``loop.run_in_executor``).  A project method of the same name
# still gets its parameters bound: the call is recorded as well.
HAND_OVER_METHODS: Mapping[str, HandOver] = {
    "submit": HandOver(0, result="future"),
    "run_in_executor": HandOver(1),
    "run_in_threadpool": HandOver(0),
    "to_thread": HandOver(0),
    "run_sync": HandOver(0),
    "call_soon": HandOver(0, result="none"),
    "call_soon_threadsafe": HandOver(0, result="none"),
    "call_later": HandOver(1, result="none"),
    "start_soon": HandOver(0, result="none"),
    "add_task": HandOver(0, result="none"),
    "enqueue": HandOver(0, result="future"),
    "partial": HandOver(0, result="function"),
    "sync_to_async": HandOver(0, result="function"),
    # APScheduler's ``add_job(func, trigger=None, args=None, kwargs=None, ...)``
    # (https://apscheduler.readthedocs.io/en/3.x/modules/schedulers/base.html).
    "add_job": HandOver(0, "func", "args", "kwargs", "none", own=1),
}

# Calls that hand back what they are given (a coroutine scheduled or awaited).
PASS_THROUGH: frozenset[str] = frozenset({
    "asyncio.create_task", "asyncio.ensure_future", "asyncio.wait_for", "asyncio.shield",
    "asyncio.gather", "asyncio.run",
})
# Of those, the calls that hand back a list of what each argument gives when awaited
# (``drafts, threads = await asyncio.gather(fetch(), load())``), not one of them
# (https://docs.python.org/3/library/asyncio-task.html#asyncio.gather).
GATHERING: frozenset[str] = frozenset({"asyncio.gather"})
# ``typing.cast(typ, val)`` hands back ``val`` (its second argument, or ``val=``) and
# says it is a ``typ``, as an annotation does; the type itself is not the value.
TYPE_CASTS: frozenset[str] = frozenset({"typing.cast"})

# Context managers of the standard library that give, when entered, the object they
# were given (by its parameter's name): ``with closing(client) as nylas`` binds the
# client.  They do nothing else with it but call its ``close`` (``aclose``) at the
# exit, which a Nylas client does not have.
GIVEN_BACK: Mapping[str, str] = {
    "contextlib.closing": "thing",
    "contextlib.aclosing": "thing",
    "contextlib.nullcontext": "enter_result",
}

# Methods that put their last argument into the container they are called on, and
# those that put in every element of it.
ADDERS: frozenset[str] = frozenset({
    "append", "add", "appendleft", "insert", "put", "put_nowait", "setdefault", "push",
})
EXTENDERS: frozenset[str] = frozenset({"extend", "extendleft", "update"})
# Methods of a container that return one of its elements, or the container's elements.
ELEMENT_METHODS: frozenset[str] = frozenset({
    "pop", "popleft", "popitem", "get", "get_nowait", "setdefault", "result", "__next__",
})
ELEMENTS_METHODS: frozenset[str] = frozenset({"values", "keys", "copy"})
PAIRS_METHODS: frozenset[str] = frozenset({"items"})

# Calls that only look at their arguments (format them, count them, log them,
# serialise them): reading a model's fields needs no scope of its own.
DATA_FUNCTIONS: frozenset[str] = frozenset({
    "print", "repr", "str", "isinstance", "issubclass", "id", "type", "len", "bool", "hash",
    "callable", "format", "hasattr", "int", "float", "any", "all", "ascii",
    "json.dumps", "json.dump", "pprint.pprint", "pprint.pformat",
    "flask.jsonify", "flask.render_template", "flask.render_template_string",
    "django.shortcuts.render", "django.template.loader.render_to_string",
    "django.http.JsonResponse", "django.http.HttpResponse",
    # Bottle's module-level renderers (bottle.py: ``template``, ``jinja2_template``,
    # ``mako_template``, ``cheetah_template``), which take the page's values as keywords.
    "bottle.template", "bottle.jinja2_template", "bottle.mako_template",
    "bottle.cheetah_template",
    "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse",
    # aiohttp's typed application key keeps the class only as a type hint.
    "aiohttp.web.AppKey", "aiohttp.web_app.AppKey",
    "dataclasses.asdict", "logging.debug", "logging.info", "logging.warning",
    "logging.error", "logging.exception", "logging.critical",
    # A decorator's wrapper copies the wrapped function's name and docstring.
    "functools.wraps", "functools.update_wrapper",
})
# Parsers that give data read from what they are handed (dicts, lists, strings,
# numbers), never an object of a class of the project: what a library gives back
# is otherwise taken to be possibly what it was handed.  (``pickle.loads`` and
# ``yaml.load`` can build any object, and are not here.)
PARSED_DATA: frozenset[str] = frozenset({
    "json.loads", "json.load", "orjson.loads", "ujson.loads", "simplejson.loads",
    "tomllib.loads", "tomllib.load", "yaml.safe_load",
    "base64.b64decode", "base64.urlsafe_b64decode",
    "urllib.parse.parse_qs", "urllib.parse.parse_qsl", "urllib.parse.urlparse",
    "urllib.parse.urlsplit", "urllib.parse.unquote",
})
# Openers of the standard library that make a file (or archive) object of their own
# from a path or a file they are given: what they give back, and what entering it in
# a ``with`` gives, is never an object of the project, whatever they are handed.
FILE_OPENERS: frozenset[str] = frozenset({
    "codecs.open", "io.open", "gzip.open", "bz2.open", "lzma.open", "tarfile.open",
    "zipfile.ZipFile", "io.StringIO", "io.BytesIO",
})
# Methods of the same kind, matched by name on objects the analysis does not know:
# logging calls, and ``str.format``/``str.join``.
DATA_METHODS: frozenset[str] = frozenset({
    "debug", "info", "warning", "warn", "error", "exception", "critical", "log",
    "format", "join",
    # ``pprint.PrettyPrinter(indent=4).pprint(contact)``: the instance's methods, as
    # the module's functions of the same names.
    "pprint", "pformat",
    # Template rendering: Tornado's and Django's ``render``, Starlette's
    # ``templates.TemplateResponse``.
    "render", "render_to_string", "TemplateResponse",
})
# The template renderers among them: a Jinja template calls what it is given
# (``{% for m in messages.list(grant_id).data %}``), so something that makes requests
# when called reaches code the analysis cannot read.
TEMPLATE_FUNCTIONS: frozenset[str] = frozenset({
    "flask.render_template", "flask.render_template_string",
    "django.shortcuts.render", "django.template.loader.render_to_string",
    "bottle.template", "bottle.jinja2_template", "bottle.mako_template",
    "bottle.cheetah_template",
})
TEMPLATE_METHODS: frozenset[str] = frozenset({"render", "render_to_string", "TemplateResponse"})

# Methods of a class-based view whose result the framework hands to more code of the
# project: Django's generic views and Django REST framework pass what ``get_object``
# and ``get_queryset`` return to forms, templates, permission checks and serializers
# (``update(self, instance, validated_data)``), whose parameters nothing in the
# project fills.
HOOKS_HANDING_ON_RESULTS: frozenset[str] = frozenset({"get_object", "get_queryset"})
