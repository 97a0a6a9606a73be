"""Meaning-preserving rewrites of one site of a Python module, for metamorphic tests.

A rewrite wraps or reshapes one iterable, loop target, assigned value or method call
without changing what the program does.  Sites are located with :mod:`ast` and the
source text is spliced, so everything else (comments, layout, line numbers before the
site) stays as written.

``ast`` column offsets are UTF-8 *byte* offsets into their line; :class:`SourceText`
turns them into character offsets, so a site after non-ASCII text is spliced at the
right place.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------- kinds

# ``for`` loops and comprehensions: the iterable ``X``.
ITERABLE_KINDS: dict[str, str] = {
    "iter-list": "list({x})",
    "iter-tuple": "tuple({x})",
    "iter-sorted": "sorted({x}, key=id)",
    "iter-reversed": "reversed(list({x}))",
    "iter-star": "[*{x}]",
    "iter-iter": "iter({x})",
    "iter-genexp": "(_mv for _mv in {x})",
    "iter-gen-yield-from": "_mm_gen({x})",
    "iter-gen-loop": "_mm_gen_loop({x})",
    # ``_mh = X`` on the line before the ``for`` statement (never a comprehension).
    "iter-held": "_mh",
    "iter-filter": "filter(None, {x})",
    "iter-map": "map(_mm_same, {x})",
    "iter-islice": "itertools.islice({x}, None)",
    "iter-deque": "collections.deque({x})",
    "iter-dict-keys": "dict.fromkeys({x})",
    # A sum of lists: its elements are either operand's.
    "iter-concat": "[*{x}] + []",
}

# ``for`` loops and comprehensions: the target ``T`` (and the iterable ``X``).
TARGET_KINDS: dict[str, tuple[str, str]] = {
    "target-enumerate": ("_mi, {t}", "enumerate({x})"),
    "target-zip": ("{t}, _mz", "zip({x}, itertools.repeat(None))"),
}

# ``y = E`` with one name target and a call ``E``: the value.
VALUE_KINDS: dict[str, str] = {
    "value-list-index": "[{e}][0]",
    "value-list-sum": "([{e}] + [])[0]",
    "value-lambda": "(lambda: {e})()",
    "value-walrus": "(_mw := {e})",
    "value-tuple-unpack": "{e}, None",  # the target becomes ``y, _mu``
    "value-identity-local": "_mm_same({e})",
    "value-identity-module": "_mm_same({e})",
    "value-dataclass": "_MmBox({e}).value",
    "value-namedtuple": "_MmTuple({e}).value",
    "value-queue": "",  # three statements, built in ``_value_queue``
    "value-dict": '{{"k": {e}}}["k"]',
    "value-dict-get": '{{"k": {e}}}.get("k")',
    "value-copy": "copy.copy({e})",
    "value-or": "None or {e}",
    "value-ternary": "{e} if _mm_same(True) else None",
    "value-list-pop": "[{e}].pop()",
    "value-dispatch": "_mm_dispatch({e})",
    # The generic function in the helper module, its implementation registered here.
    "value-dispatch-module": "_mm_dispatch_far({e})",
}

# ``R.m(ARGS)``: a method call.
CALL_KINDS: tuple[str, ...] = (
    "call-partial",
    "call-lambda",
    "call-helper-local",
    "call-helper-module",
    "call-getattr",
    "call-box",
    "call-thread",
    "call-methodcaller",
    "call-map",
    "call-dict-dispatch",
    "call-timer",
    # Keyword arguments spread from a dict, positional ones from a list.
    "call-kwargs-dict",
    "call-star-args",
    # ``asyncio.run(asyncio.to_thread(R.m, ARGS))`` on a pool's thread; in a coroutine,
    # where the call is a statement's whole value, ``await asyncio.to_thread(R.m, ARGS)``.
    "call-to-thread",
    # In a coroutine, where the call is a statement's whole value:
    # ``await asyncio.get_running_loop().run_in_executor(None, functools.partial(...))``.
    "call-run-in-executor",
    # The kinds below add statements before the statement whose whole value the call
    # is (``y = R.m(ARGS)``, ``return R.m(ARGS)``, ``R.m(ARGS)``).
    # ``_mf = R.m`` then ``_mf(ARGS)``.
    "call-alias",
    # ``_mb = _MmBox(R.m)`` (a dataclass field holding the bound method), then
    # ``_mb.value(ARGS)``.
    "call-dataclass-field",
    # ``@_mm_retry def _mm_do(): return R.m(ARGS)`` then ``_mm_do()``, the decorator
    # a ``functools.wraps`` forwarder, here or in the helper module.
    "call-decorated-local",
    "call-decorated-module",
    # ``with contextlib.ExitStack() as _ms: _ms.callback(R.m, ARGS)`` where the call is
    # a statement of its own (its value unused).
    "call-exit-callback",
)

# ``NAME = [S1, S2, ...]`` (or a tuple) with a name saying "scope": the scope list
# itself, built otherwise.  ``{items}`` is the items' text, ``{ctor}`` ``list`` or
# ``tuple``, ``{lit}`` the literal as written.
SCOPE_LIST_KINDS: tuple[str, ...] = (
    # ``class _MmScopes(enum.Enum): LIST = [...]`` then ``NAME = _MmScopes.LIST.value``.
    "scopes-enum",
    # ``ctor(dict.fromkeys(LIT))``: only for distinct string constants.
    "scopes-fromkeys",
    # ``_mm_head = [first item]``, ``_mm_tail = [the others]`` then
    # ``NAME = [*_mm_head, *_mm_tail]`` (``(*_mm_head, *_mm_tail)`` for a tuple).
    "scopes-star",
    # ``LIT + []`` (``LIT + ()``).
    "scopes-concat",
    # ``_mm_other = (...)`` (the other sequence type) then ``NAME = ctor(_mm_other)``.
    "scopes-other-sequence",
    # A frozen dataclass whose field's ``default_factory`` makes the list, then
    # ``NAME = _MmScopeHolder().value``.
    "scopes-dataclass-factory",
)

# Scope-list kinds that add statements before the assignment.
_SCOPE_STATEMENT_KINDS = frozenset({
    "scopes-enum", "scopes-star", "scopes-other-sequence", "scopes-dataclass-factory",
})

# Call kinds that add statements before the call's statement.
_CALL_STATEMENT_KINDS = frozenset({
    "call-alias", "call-dataclass-field", "call-decorated-local", "call-decorated-module",
    "call-exit-callback",
})

KINDS: tuple[str, ...] = (
    *ITERABLE_KINDS, *TARGET_KINDS, *VALUE_KINDS, *CALL_KINDS, *SCOPE_LIST_KINDS
)

# Helper definitions a rewrite may need, with the modules they use.
HELPERS: dict[str, tuple[str, str]] = {
    "_mm_gen": ("", "def _mm_gen(xs):\n    yield from xs\n"),
    "_mm_gen_loop": ("", "def _mm_gen_loop(xs):\n    for _x in xs:\n        yield _x\n"),
    "_mm_same": ("", "def _mm_same(v):\n    return v\n"),
    # Positional-only ``f``, so a call with a keyword argument named ``f`` still works.
    "_mm_call": ("", "def _mm_call(f, /, *a, **k):\n    return f(*a, **k)\n"),
    "_mm_timed": ("time", "def _mm_timed(f, /, *a, **k):\n    start = time.monotonic()\n"
                          "    try:\n        return f(*a, **k)\n    finally:\n"
                          "        print(time.monotonic() - start)\n"),
    # A generic function whose implementation for any type gives its argument (the
    # generic one never runs).
    "_mm_dispatch": ("functools", "@functools.singledispatch\ndef _mm_dispatch(v):\n"
                                  "    return None\n\n\n"
                                  "@_mm_dispatch.register(object)\n"
                                  "def _mm_dispatch_any(v):\n    return v\n"),
    # The same without implementations: the module that calls it registers one.
    "_mm_dispatch_far": ("functools", "@functools.singledispatch\ndef _mm_dispatch_far(v):\n"
                                      "    return None\n"),
    "_MmBox": ("dataclasses", "@dataclasses.dataclass\nclass _MmBox:\n    value: object\n"),
    "_MmTuple": ("typing", "class _MmTuple(typing.NamedTuple):\n    value: object\n"),
    # A decorator that forwards every call to the function it wraps.
    "_mm_retry": ("functools", "def _mm_retry(f):\n    @functools.wraps(f)\n"
                               "    def _mm_wrapped(*a, **k):\n        return f(*a, **k)\n\n"
                               "    return _mm_wrapped\n"),
}

HELPER_MODULE = "_mm_helpers"

# Expressions that can stand as an operand anywhere (after ``*``, before ``for`` in a
# generator, as one argument among several) without parentheses.
_ATOMS = (
    ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.List, ast.ListComp, ast.Dict,
    ast.DictComp, ast.Set, ast.SetComp, ast.Constant, ast.JoinedStr,
)

# Keyword arguments and dict keys holding requested scopes: rewriting inside them
# would change what the analysis can read of the request itself.
_SCOPE_KEYS = frozenset({"scope", "scopes"})


class RewriteError(AssertionError):
    """A rewrite produced code that does not compile: a bug in the rewrite."""


# --------------------------------------------------------------------------- text


def read_source(path: Path) -> tuple[str, str]:
    """The text of a module and its encoding, as the interpreter decodes it."""
    data = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    return text, encoding


_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Splice:
    start: int  # character offsets into the text
    end: int
    text: str


class SourceText:
    """Source text addressed the way ``ast`` addresses it (1-based lines, byte columns)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # The tokenizer ends lines at \n, \r\n and \r (not at the other characters
        # ``str.splitlines`` knows), so line numbers are counted the same way here.
        self.starts = [0] + [match.end() for match in _NEWLINE.finditer(text)]

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end]

    def offset(self, line: int, byte_col: int) -> int:
        """The character offset of byte column ``byte_col`` of ``line``."""
        encoded = self.line_text(line).encode("utf-8")
        return self.starts[line - 1] + len(encoded[:byte_col].decode("utf-8"))

    def line_start(self, line: int) -> int:
        return self.starts[line - 1] if line <= len(self.starts) else len(self.text)

    def start(self, node: ast.AST) -> int:
        return self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def end(self, node: ast.AST) -> int:
        return self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def segment(self, node: ast.AST) -> str:
        return self.text[self.start(node):self.end(node)]

    def replace(self, node: ast.AST, text: str) -> Splice:
        return Splice(self.start(node), self.end(node), text)

    def apply(self, splices: Sequence[Splice]) -> str:
        """The text with ``splices`` applied; they must not overlap (an insertion may
        sit at the start of a replacement, and then goes before it)."""
        ordered = sorted(splices, key=lambda s: (s.start, s.end), reverse=True)
        text = self.text
        limit = len(text)
        for splice in ordered:
            assert splice.start <= splice.end <= limit, f"overlapping splices: {splices}"
            text = text[:splice.start] + splice.text + text[splice.end:]
            limit = splice.start
        return text


def operand(node: ast.expr, text: str) -> str:
    """``text`` (the source of ``node``) made safe as an operand or argument."""
    if isinstance(node, _ATOMS):
        return text
    if isinstance(node, ast.GeneratorExp) and text.startswith("(") and text.endswith(")"):
        return text
    return f"({text})"


def _contains(node: ast.AST, *types: type) -> bool:
    return any(isinstance(child, types) for child in ast.walk(node))


def _lambda_safe(node: ast.AST) -> bool:
    """Whether ``node`` means the same inside ``lambda: ...``.

    ``yield``/``await`` would change the lambda; a walrus would bind in the lambda's
    scope; zero-argument ``super()`` needs the enclosing method's first argument.
    """
    if _contains(node, ast.Yield, ast.YieldFrom, ast.Await, ast.NamedExpr):
        return False
    return not any(
        isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
        and child.func.id == "super"
        for child in ast.walk(node)
    )


def _chain_root(node: ast.expr) -> ast.expr:
    while True:
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return node


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base is not None else None
    return None


def _start_line(stmt: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(stmt, "decorator_list", [])
    return min([stmt.lineno, *(d.lineno for d in decorators)])


# --------------------------------------------------------------------------- sites


@dataclass(frozen=True)
class Loop:
    target: ast.expr
    iter: ast.expr
    top: ast.stmt  # the module-level statement holding the loop
    stmt: ast.For | None = None  # the ``for`` statement; None for a comprehension


@dataclass(frozen=True)
class Assignment:
    stmt: ast.Assign
    top: ast.stmt


@dataclass(frozen=True)
class MethodCall:
    call: ast.Call
    top: ast.stmt
    in_async: bool  # in the body of an ``async def``


@dataclass(frozen=True)
class ScopeList:
    """``NAME = [...]`` or ``NAME: T = (...)``, a list or tuple literal bound to a name
    saying "scope"."""

    stmt: ast.Assign | ast.AnnAssign
    value: ast.List | ast.Tuple
    top: ast.stmt


Site = Loop | Assignment | MethodCall | ScopeList


def site_node(site: Site) -> ast.AST:
    if isinstance(site, Loop):
        return site.iter
    if isinstance(site, (Assignment, ScopeList)):
        return site.stmt
    return site.call


@dataclass(frozen=True)
class Rewrite:
    kind: str
    line: int  # the site's first and last line in the original text
    end_line: int
    text: str  # the rewritten module
    helper_module: str | None  # text of ``_mm_helpers.py`` when the rewrite imports it


class ModuleRewriter:
    """The rewrite sites of one module, and the rewrites themselves.

    ``path`` and ``root`` (the project directory) let the rewriter tell modules of the
    project apart from other imported names; without them only ``import x`` counts.
    """

    def __init__(
        self,
        text: str,
        path: Path | None = None,
        root: Path | None = None,
        package: bool | None = None,
    ) -> None:
        self.source = SourceText(text)
        self.tree = ast.parse(text)
        self.path = path
        self.root = root
        # In a package the helper module is imported relatively.
        self.package = (
            package if package is not None
            else path is not None and (path.parent / "__init__.py").is_file()
        )
        self.module_names = self._module_names()
        self.loops: list[Loop] = []
        self.assignments: list[Assignment] = []
        self.calls: list[MethodCall] = []
        self.scope_lists: list[ScopeList] = []
        for stmt in self.tree.body:
            self._visit(stmt, stmt)
        # Calls that are the whole value of a statement starting its line, by id.
        self.statement_of: dict[int, ast.stmt] = {
            id(stmt.value): stmt for stmt in ast.walk(self.tree)
            if isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign, ast.Return))
            and isinstance(stmt.value, ast.Call) and self._starts_line(stmt)
        }

    # ---------------------------------------------------------------- collection

    def _module_names(self) -> frozenset[str]:
        """Names this module binds to modules (dotted, for ``import a.b``)."""
        names: set[str] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        names.add(alias.asname)
                    else:
                        parts = alias.name.split(".")
                        names.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if self._is_project_module(node.level, node.module, alias.name):
                        names.add(alias.asname or alias.name)
        return frozenset(names)

    def _is_project_module(self, level: int, module: str | None, name: str) -> bool:
        if self.path is None:
            return False
        if level:
            base = self.path.parent
            for _ in range(level - 1):
                base = base.parent
        elif self.root is not None:
            base = self.root
        else:
            return False
        if module:
            base = base.joinpath(*module.split("."))
        return (base / f"{name}.py").is_file() or (base / name / "__init__.py").is_file()

    def _visit(self, node: ast.AST, top: ast.stmt, in_async: bool = False) -> None:
        """Collect sites in function bodies and module-level code.

        Decorators, default arguments, annotations, class bodies (other than the
        methods in them), f-strings and the scopes of a request are not visited.
        """
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for stmt in node.body:
                self._visit(stmt, top, isinstance(node, ast.AsyncFunctionDef))
            return
        if isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    self._visit(stmt, top)
            return
        if isinstance(node, ast.Lambda):
            self._visit(node.body, top, in_async)
            return
        if isinstance(node, (ast.JoinedStr, ast.arguments, ast.arg)):
            return
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(
                isinstance(t, ast.Name) and "scope" in t.id.lower() for t in targets
            ):
                # A scope constant: part of the request, rewritten only as a whole.
                if (
                    not isinstance(node, ast.AugAssign) and len(targets) == 1
                    and isinstance(node.value, (ast.List, ast.Tuple)) and node.value.elts
                ):
                    self.scope_lists.append(ScopeList(node, node.value, top))
                return
            if isinstance(node, ast.AnnAssign):
                self._visit(node.target, top, in_async)
                if node.value is not None:
                    self._visit(node.value, top, in_async)
                return
            if (
                isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Call)
            ):
                self.assignments.append(Assignment(node, top))
        if isinstance(node, ast.For):
            self.loops.append(Loop(node.target, node.iter, top, node))
        if isinstance(node, ast.comprehension) and not node.is_async:
            self.loops.append(Loop(node.target, node.iter, top))
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                self.calls.append(MethodCall(node, top, in_async))
            self._visit(node.func, top, in_async)
            args = node.args
            if isinstance(node.func, ast.Attribute) and node.func.attr == "authentication_url":
                args = args[:1]  # the rest may be scopes given positionally
            for arg in args:
                self._visit(arg, top, in_async)
            for keyword in node.keywords:
                if keyword.arg not in _SCOPE_KEYS:
                    self._visit(keyword.value, top, in_async)
            return
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if key is not None:
                    self._visit(key, top, in_async)
                if not (isinstance(key, ast.Constant) and key.value in _SCOPE_KEYS):
                    self._visit(value, top, in_async)
            return
        for child in ast.iter_child_nodes(node):
            self._visit(child, top, in_async)

    # ---------------------------------------------------------------- sites

    def sites(self, kind: str) -> list[Site]:
        """The sites ``kind`` applies to, in source order."""
        if kind in ITERABLE_KINDS:
            loops = self.loops
            if kind == "iter-genexp":
                # ``yield`` in a generator expression's iterable is a syntax error.
                loops = [loop for loop in loops if not _contains(loop.iter, ast.Yield,
                                                                 ast.YieldFrom)]
            if kind == "iter-held":
                loops = [loop for loop in loops
                         if loop.stmt is not None and self._starts_line(loop.stmt)]
            return sorted(loops, key=self._key)
        if kind in TARGET_KINDS:
            return sorted(self.loops, key=self._key)
        if kind in VALUE_KINDS:
            assignments = self.assignments
            if kind == "value-lambda":
                assignments = [a for a in assignments if _lambda_safe(a.stmt.value)]
            if kind == "value-queue":
                assignments = [a for a in assignments if self._own_lines(a.stmt)]
            return sorted(assignments, key=self._key)
        if kind in CALL_KINDS:
            calls = [site for site in self.calls if self._method_call(site.call)]
            if kind in ("call-lambda", "call-map"):
                calls = [site for site in calls if _lambda_safe(site.call)]
            if kind == "call-thread":
                # Event-loop objects are not thread-safe: in a coroutine, a method
                # run on another thread may not mean the same.
                calls = [site for site in calls if not site.in_async]
            if kind in ("call-getattr", "call-methodcaller"):
                # ``getattr(R, "__m")`` would skip the name mangling ``R.__m`` gets.
                calls = [site for site in calls if not self._mangled(site.call)]
            if kind == "call-kwargs-dict":
                calls = [site for site in calls if self._spreadable_keywords(site.call)]
            if kind == "call-star-args":
                calls = [site for site in calls if self._listable_positionals(site.call)]
            if kind == "call-to-thread":
                calls = [site for site in calls
                         if not site.in_async or id(site.call) in self.statement_of]
            if kind == "call-run-in-executor":
                calls = [site for site in calls
                         if site.in_async and id(site.call) in self.statement_of]
            if kind in _CALL_STATEMENT_KINDS:
                # The bound method is taken a statement earlier: nothing else in the
                # statement may run before it, nor bind a name it reads.
                calls = [site for site in calls
                         if id(site.call) in self.statement_of and _lambda_safe(site.call)]
            if kind == "call-exit-callback":
                calls = [site for site in calls
                         if isinstance(self.statement_of[id(site.call)], ast.Expr)]
            return sorted(calls, key=self._key)
        if kind in SCOPE_LIST_KINDS:
            lists = self.scope_lists
            if kind == "scopes-fromkeys":
                # ``dict.fromkeys`` drops repeated items.
                lists = [site for site in lists if _distinct_strings(site.value)]
            if kind in _SCOPE_STATEMENT_KINDS:
                lists = [site for site in lists
                         if self._starts_line(site.stmt) and _lambda_safe(site.value)]
            return sorted(lists, key=self._key)
        raise ValueError(f"unknown rewrite kind {kind!r}")

    def _key(self, site: Site) -> tuple[int, int]:
        node = site_node(site)
        return (node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def _method_call(self, call: ast.Call) -> bool:
        assert isinstance(call.func, ast.Attribute)
        receiver = call.func.value
        if isinstance(_chain_root(receiver), (ast.Constant, ast.JoinedStr)):
            return False  # ``"".join(...)`` and the like
        dotted = _dotted(receiver)
        return dotted is None or dotted not in self.module_names

    @staticmethod
    def _spreadable_keywords(call: ast.Call) -> bool:
        """Whether ``call`` has a named keyword (not the scopes), and no ``*X`` after
        one (``f(**{...}, *X)`` does not compile)."""
        named = [k for k in call.keywords if k.arg is not None and k.arg not in _SCOPE_KEYS]
        if not named:
            return False
        first = min(call.keywords, key=lambda k: (k.lineno, k.col_offset))
        return not any(
            (arg.lineno, arg.col_offset) > (first.lineno, first.col_offset)
            for arg in call.args
        )

    @staticmethod
    def _listable_positionals(call: ast.Call) -> bool:
        """Whether ``call`` has positional arguments, all before its keywords, and is no
        ``authentication_url`` (whose later positional arguments may be the scopes)."""
        assert isinstance(call.func, ast.Attribute)
        if not call.args or call.func.attr == "authentication_url":
            return False
        last = call.args[-1]
        return all(
            (k.lineno, k.col_offset) > (last.lineno, last.col_offset) for k in call.keywords
        )

    @staticmethod
    def _mangled(call: ast.Call) -> bool:
        assert isinstance(call.func, ast.Attribute)
        name = call.func.attr
        return name.startswith("__") and not name.endswith("__")

    def _starts_line(self, stmt: ast.stmt) -> bool:
        first = self.source.line_text(stmt.lineno)
        return first.encode("utf-8")[:stmt.col_offset].decode("utf-8").strip() == ""

    def _own_lines(self, stmt: ast.stmt) -> bool:
        """Whether ``stmt`` starts its line and nothing but a comment follows it."""
        first = self.source.line_text(stmt.lineno)
        before = first.encode("utf-8")[:stmt.col_offset].decode("utf-8")
        last = self.source.line_text(stmt.end_lineno or stmt.lineno)
        after = last.encode("utf-8")[stmt.end_col_offset:].decode("utf-8").strip()
        return before.strip() == "" and (after == "" or after.startswith("#"))

    # ---------------------------------------------------------------- rewriting

    def apply(self, kind: str, site: Site) -> Rewrite:
        """Rewrite ``site`` (one of ``self.sites(kind)``) the ``kind`` way."""
        src = self.source
        helpers: list[str] = []
        imports: list[str] = []
        splices: list[Splice] = []
        module_helpers = False
        if kind in ITERABLE_KINDS:
            assert isinstance(site, Loop)
            x = operand(site.iter, src.segment(site.iter))
            splices.append(src.replace(site.iter, ITERABLE_KINDS[kind].format(x=x)))
            if kind == "iter-held":
                # The iterable is evaluated right before the loop either way.
                assert site.stmt is not None
                first = src.line_text(site.stmt.lineno)
                indent = first[: len(first) - len(first.lstrip())]
                start = src.start(site.stmt)
                splices.append(Splice(start, start, f"_mh = {x}\n{indent}"))
            if kind == "iter-gen-yield-from":
                helpers.append("_mm_gen")
            elif kind == "iter-map":
                helpers.append("_mm_same")
            elif kind == "iter-islice":
                imports.append("itertools")
            elif kind == "iter-deque":
                imports.append("collections")
            elif kind == "iter-gen-loop":
                helpers.append("_mm_gen_loop")
        elif kind in TARGET_KINDS:
            assert isinstance(site, Loop)
            target_template, iter_template = TARGET_KINDS[kind]
            target = src.segment(site.target)
            if isinstance(site.target, ast.Tuple):
                target = f"({target})"
            x = operand(site.iter, src.segment(site.iter))
            splices.append(src.replace(site.target, target_template.format(t=target)))
            splices.append(src.replace(site.iter, iter_template.format(x=x)))
            if kind == "target-zip":
                imports.append("itertools")
        elif kind in VALUE_KINDS:
            assert isinstance(site, Assignment)
            value = site.stmt.value
            e = src.segment(value)
            if kind == "value-queue":
                splices.append(self._value_queue(site.stmt, e))
            else:
                splices.append(src.replace(value, VALUE_KINDS[kind].format(e=e)))
            if kind == "value-tuple-unpack":
                [name] = site.stmt.targets
                splices.append(src.replace(name, f"{src.segment(name)}, _mu"))
            elif kind in ("value-identity-local", "value-identity-module"):
                helpers.append("_mm_same")
                module_helpers = kind == "value-identity-module"
            elif kind == "value-dataclass":
                helpers.append("_MmBox")
            elif kind == "value-copy":
                imports.append("copy")
            elif kind == "value-ternary":
                helpers.append("_mm_same")
            elif kind == "value-namedtuple":
                helpers.append("_MmTuple")
            elif kind == "value-dispatch":
                helpers.append("_mm_dispatch")
            elif kind == "value-dispatch-module":
                helpers.append("_mm_dispatch_far")
                module_helpers = True
        elif kind in CALL_KINDS and kind in _CALL_STATEMENT_KINDS:
            assert isinstance(site, MethodCall)
            splices.extend(self._call_statements(kind, site.call))
            if kind == "call-dataclass-field":
                helpers.append("_MmBox")
            elif kind in ("call-decorated-local", "call-decorated-module"):
                helpers.append("_mm_retry")
                module_helpers = kind == "call-decorated-module"
            elif kind == "call-exit-callback":
                imports.append("contextlib")
        elif kind in SCOPE_LIST_KINDS:
            assert isinstance(site, ScopeList)
            splices.extend(self._scope_list(kind, site))
            if kind == "scopes-enum":
                imports.append("enum")
            elif kind == "scopes-dataclass-factory":
                imports.append("dataclasses")
        elif kind in CALL_KINDS:
            assert isinstance(site, MethodCall)
            splices.append(self._call(kind, site.call))
            if kind == "call-partial":
                imports.append("functools")
            elif kind in ("call-helper-local", "call-helper-module"):
                helpers.append("_mm_call")
                module_helpers = kind == "call-helper-module"
            elif kind == "call-box":
                helpers.append("_MmBox")
            elif kind == "call-thread":
                imports.append("concurrent.futures")
            elif kind == "call-methodcaller":
                imports.append("operator")
            elif kind == "call-timer":
                helpers.append("_mm_timed")
            elif kind == "call-to-thread":
                imports.extend(["asyncio", "concurrent.futures"])
            elif kind == "call-run-in-executor":
                imports.extend(["asyncio", "functools"])
        else:
            raise ValueError(f"unknown rewrite kind {kind!r}")

        helper_module: str | None = None
        if module_helpers:
            needed = sorted({HELPERS[n][0] for n in helpers if HELPERS[n][0]})
            parts = ["".join(f"import {module}\n" for module in needed)] if needed else []
            helper_module = "\n\n".join([*parts, *(HELPERS[name][1] for name in helpers)])
            dot = "." if self.package else ""
            block = f"from {dot}{HELPER_MODULE} import {', '.join(helpers)}\n"
            if "_mm_dispatch_far" in helpers:
                block += ("\n\n@_mm_dispatch_far.register(object)\n"
                          "def _mm_dispatch_far_any(v):\n    return v\n\n\n")
            splices.append(self._insertion(site.top, block))
        elif helpers or imports:
            needed = sorted({*imports, *(HELPERS[n][0] for n in helpers if HELPERS[n][0])})
            parts = ["".join(f"import {module}\n" for module in needed)] if needed else []
            parts += [HELPERS[name][1] for name in helpers]
            block = "\n\n".join(parts) + "\n\n"
            splices.append(self._insertion(site.top, block))

        text = src.apply(splices)
        node = site_node(site)
        rewrite = Rewrite(
            kind=kind,
            line=node.lineno,  # type: ignore[attr-defined]
            end_line=node.end_lineno,  # type: ignore[attr-defined]
            text=text,
            helper_module=helper_module,
        )
        _check_compiles(text, f"{kind} at line {rewrite.line}")
        if helper_module is not None:
            _check_compiles(helper_module, f"{HELPER_MODULE}.py for {kind}")
        return rewrite

    def _value_queue(self, stmt: ast.Assign, e: str) -> Splice:
        """``y = E`` as three statements passing ``E`` through a list."""
        [target] = stmt.targets
        first = self.source.line_text(stmt.lineno)
        indent = first[: len(first) - len(first.lstrip())]
        text = (
            f"_mq = []\n{indent}_mq.append({e})\n"
            f"{indent}{self.source.segment(target)} = _mq.pop()"
        )
        return self.source.replace(stmt, text)

    def _call(self, kind: str, call: ast.Call) -> Splice:
        src = self.source
        func = call.func
        assert isinstance(func, ast.Attribute)
        receiver = func.value
        if kind == "call-getattr":
            r = operand(receiver, src.segment(receiver))
            return src.replace(func, f'getattr({r}, "{func.attr}")')
        if kind == "call-box":
            r = operand(receiver, src.segment(receiver))
            return src.replace(receiver, f"_MmBox({r}).value")
        if kind == "call-lambda":
            return src.replace(call, f"(lambda: {src.segment(call)})()")
        bound = src.segment(func)
        args = "".join(f", {part}" for part in self._arguments(call))
        if kind == "call-partial":
            return src.replace(call, f"functools.partial({bound}{args})()")
        if kind in ("call-helper-local", "call-helper-module"):
            return src.replace(call, f"_mm_call({bound}{args})")
        if kind == "call-thread":
            return src.replace(
                call,
                f"concurrent.futures.ThreadPoolExecutor().submit({bound}{args}).result()",
            )
        if kind == "call-methodcaller":
            r = operand(receiver, src.segment(receiver))
            rest = "".join(f", {part}" for part in self._arguments(call))
            return src.replace(call, f'operator.methodcaller("{func.attr}"{rest})({r})')
        if kind == "call-map":
            return src.replace(call, f"next(map(lambda _mf: _mf({args[2:]}), [{bound}]))")
        if kind == "call-dict-dispatch":
            return src.replace(call, f'{{"run": {bound}}}["run"]({args[2:]})')
        if kind == "call-timer":
            return src.replace(call, f"_mm_timed({bound}{args})")
        if kind == "call-to-thread":
            threaded = f"asyncio.to_thread({bound}{args})"
            if id(call) in self.statement_of and self._in_async(call):
                return src.replace(call, f"(await {threaded})")
            # ``asyncio.run`` on a thread of its own: the function may be called from
            # a running event loop, where ``asyncio.run`` would raise.
            return src.replace(call, (
                "concurrent.futures.ThreadPoolExecutor().submit("
                f"asyncio.run, {threaded}).result()"))
        if kind == "call-run-in-executor":
            return src.replace(call, (
                "(await asyncio.get_running_loop().run_in_executor("
                f"None, functools.partial({bound}{args})))"))
        if kind == "call-kwargs-dict":
            return src.replace(call, self._spread_keywords(call))
        if kind == "call-star-args":
            return src.replace(call, self._listed_positionals(call))
        raise ValueError(f"unknown call rewrite {kind!r}")

    def _in_async(self, call: ast.Call) -> bool:
        return any(site.in_async for site in self.calls if site.call is call)

    def _spread_keywords(self, call: ast.Call) -> str:
        """``call`` with each named keyword ``k=v`` (not the scopes) as ``**{"k": v}``."""
        src = self.source
        start = src.start(call)
        splices = [
            Splice(src.start(k) - start, src.end(k) - start,
                   f'**{{"{k.arg}": {src.segment(k.value)}}}')
            for k in call.keywords if k.arg is not None and k.arg not in _SCOPE_KEYS
        ]
        return SourceText(src.segment(call)).apply(splices)

    def _listed_positionals(self, call: ast.Call) -> str:
        """``call`` with its positional arguments given as ``*[a, b]``."""
        src = self.source
        start = src.start(call)
        first, last = call.args[0], call.args[-1]
        items = ", ".join(
            operand(arg, src.segment(arg)) if isinstance(arg, ast.GeneratorExp)
            else src.segment(arg)
            for arg in call.args
        )
        splice = Splice(src.start(first) - start, src.end(last) - start, f"*[{items}]")
        return SourceText(src.segment(call)).apply([splice])

    def _indent(self, stmt: ast.stmt) -> str:
        first = self.source.line_text(stmt.lineno)
        return first[: len(first) - len(first.lstrip())]

    def _call_statements(self, kind: str, call: ast.Call) -> list[Splice]:
        """The splices of a call kind that adds statements before the call's own."""
        src = self.source
        func = call.func
        assert isinstance(func, ast.Attribute)
        stmt = self.statement_of[id(call)]
        indent = self._indent(stmt)
        bound = src.segment(func)
        args = ", ".join(self._arguments(call))
        before = src.start(stmt)
        if kind == "call-alias":
            return [Splice(before, before, f"_mf = {bound}\n{indent}"),
                    src.replace(call, f"_mf({args})")]
        if kind == "call-dataclass-field":
            return [Splice(before, before, f"_mb = _MmBox({bound})\n{indent}"),
                    src.replace(call, f"_mb.value({args})")]
        if kind in ("call-decorated-local", "call-decorated-module"):
            defined = (f"@_mm_retry\n{indent}def _mm_do():\n"
                       f"{indent}    return {src.segment(call)}\n{indent}")
            return [Splice(before, before, defined), src.replace(call, "_mm_do()")]
        if kind == "call-exit-callback":
            given = f"{bound}, {args}" if args else bound
            return [src.replace(stmt, (
                f"with contextlib.ExitStack() as _ms:\n{indent}    _ms.callback({given})"))]
        raise ValueError(f"unknown call rewrite {kind!r}")

    def _scope_list(self, kind: str, site: ScopeList) -> list[Splice]:
        src = self.source
        literal = site.value
        is_list = isinstance(literal, ast.List)
        ctor, other = ("list", "tuple") if is_list else ("tuple", "list")
        items = [src.segment(item) for item in literal.elts]
        lit = src.segment(literal)
        if not is_list and not (lit.startswith("(") and lit.endswith(")")):
            lit = f"({lit})"  # a bare tuple: ``SCOPES = "a", "b"``

        def sequence(parts: list[str], as_list: bool) -> str:
            if as_list:
                return f"[{', '.join(parts)}]"
            return f"({', '.join(parts)},)" if parts else "()"

        if kind == "scopes-fromkeys":
            return [src.replace(literal, f"{ctor}(dict.fromkeys({lit}))")]
        if kind == "scopes-concat":
            return [src.replace(literal, f"{lit} + {'[]' if is_list else '()'}")]
        indent = self._indent(site.stmt)
        before = src.start(site.stmt)
        if kind == "scopes-enum":
            defined = (f"class _MmScopes(enum.Enum):\n{indent}    LIST = {lit}\n\n{indent}")
            return [Splice(before, before, defined),
                    src.replace(literal, "_MmScopes.LIST.value")]
        if kind == "scopes-star":
            head, tail = sequence(items[:1], is_list), sequence(items[1:], is_list)
            spread = "[*_mm_head, *_mm_tail]" if is_list else "(*_mm_head, *_mm_tail)"
            return [Splice(before, before,
                           f"_mm_head = {head}\n{indent}_mm_tail = {tail}\n{indent}"),
                    src.replace(literal, spread)]
        if kind == "scopes-other-sequence":
            return [Splice(before, before,
                           f"_mm_other = {sequence(items, not is_list)}\n{indent}"),
                    src.replace(literal, f"{ctor}(_mm_other)")]
        if kind == "scopes-dataclass-factory":
            defined = (f"@dataclasses.dataclass(frozen=True)\n{indent}class _MmScopeHolder:\n"
                       f"{indent}    value: {ctor} = dataclasses.field("
                       f"default_factory=lambda: {lit})\n\n{indent}")
            return [Splice(before, before, defined),
                    src.replace(literal, "_MmScopeHolder().value")]
        raise ValueError(f"unknown scope-list rewrite {kind!r}")

    def _arguments(self, call: ast.Call) -> list[str]:
        """The arguments of ``call`` as written, in source order (which is the order
        they are evaluated in)."""
        parts: list[tuple[int, str]] = []
        for arg in call.args:
            text = self.source.segment(arg)
            if isinstance(arg, ast.GeneratorExp):
                text = operand(arg, text)
            parts.append((self.source.start(arg), text))
        for keyword in call.keywords:
            parts.append((self.source.start(keyword), self.source.segment(keyword)))
        return [text for _, text in sorted(parts)]

    def _insertion(self, top: ast.stmt, block: str) -> Splice:
        """Insert ``block`` at module level after the last top-level import (past the
        docstring and ``__future__`` imports), but before ``top``, the module-level
        statement holding the site, so code run at import time can use it."""
        body = self.tree.body
        floor = 0  # the last line the block must follow
        index = 0
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            floor = body[0].end_lineno or body[0].lineno
            index = 1
        while index < len(body) and isinstance(body[index], ast.ImportFrom) \
                and body[index].module == "__future__":  # type: ignore[attr-defined]
            floor = body[index].end_lineno or body[index].lineno
            index += 1
        imports = [stmt for stmt in body if isinstance(stmt, (ast.Import, ast.ImportFrom))]
        if imports:
            line = max(stmt.end_lineno or stmt.lineno for stmt in imports) + 1
        elif index < len(body):
            line = _start_line(body[index])
        else:
            line = floor + 1
        line = max(min(line, _start_line(top)), floor + 1)
        offset = self.source.line_start(line)
        text = self.source.text
        if offset == len(text) and text and not text.endswith(("\n", "\r")):
            block = "\n" + block
        return Splice(offset, offset, block)


def _distinct_strings(literal: ast.List | ast.Tuple) -> bool:
    values = [item.value for item in literal.elts
              if isinstance(item, ast.Constant) and isinstance(item.value, str)]
    return len(values) == len(literal.elts) == len(set(values))


def _check_compiles(text: str, what: str) -> None:
    # ``compile`` goes further than ``ast.parse``: it also rejects a misplaced
    # ``yield``, ``await`` or ``nonlocal`` the rewrite might have produced.
    try:
        ast.parse(text)
        compile(text, f"<{what}>", "exec", dont_inherit=True)
    except SyntaxError as error:
        raise RewriteError(f"{what}: the rewrite does not compile: {error}\n{text}") from error


def all_sites(rewriter: ModuleRewriter) -> Iterator[tuple[str, int, Site]]:
    """Every (kind, index, site) of a module."""
    for kind in KINDS:
        for index, site in enumerate(rewriter.sites(kind)):
            yield kind, index, site
