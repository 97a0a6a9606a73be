"""Where one use of a module's list or dict takes the object.

A scope list (or an auth config) is read from its one assignment, so every place the
object can reach must be known not to change it.  Each use of the name is followed
up the expression it sits in: an item read (``CONFIG["scope"]``), a copy
(``dict(CONFIG)``, ``{**CONFIG}``, ``CONFIG.copy()``) whose items are still the
original's, a display holding it (``[SCOPES]``, ``{"s": SCOPES}``), until it meets a
place that only looks at it (a comparison, a test, an f-string, a call known to read)
or one that lets other code have it.  A place without a rule here lets other code
have it: a ``return``, a ``yield``, a method the list or dict has no read of, any
syntax not listed.  So a new idiom makes the list unread, never read wrongly.

How far a change can reach inside the object is counted: a list of strings has one
level that can change (the list), a config dict holding a list two.  An item of a list
of strings, or a copy of it, is then a value no code can change through.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Union

from .ast_names import dotted
from .bindings import DICT_MUTATORS, IN_PLACE_DUNDERS, LIST_MUTATORS
from .namespaces import member_written

# Where among a call's arguments a value is given: its position, its keyword, or None
# when the argument only holds it (``tweak({"scope": SCOPES})``) or spreads it
# (``tweak(**CONFIG)``).
Slot = Union[int, str, None]

# A value whose levels are not known (another module's, an attribute): any depth.
UNKNOWN_DEPTH = 99

# Builtins (and ``copy.copy``) whose result is a new container of what they are given's
# items: a shallow copy, which shares them.
_COPIES = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed", "iter",
                     "enumerate", "zip", "filter", "dict", "copy.copy"})
# Builtins whose result is one of the items.
_ITEM_PICKS = frozenset({"min", "max", "next", "random.choice"})
# Methods of a list or dict whose result is one of its items (``CONFIG.get("scope")``).
_ITEM_METHODS = frozenset({"get", "pop", "popitem", "setdefault"})
# Methods of a dict whose result is a view of its values: a new container sharing
# them, as a copy is (``for scopes in SCOPES.values(): scopes.append(x)`` changes
# the dict's lists); ``items()`` holds each value in a pair, one level deeper.
_VIEW_METHODS = frozenset({"values", "items"})
# Methods that only look at a list or dict.
_LOOKING_METHODS = frozenset({"count", "index", "keys", "__contains__", "__len__"})
# (An operator's own method called by name, ``SCOPES.__iadd__(x)``, is one of them: a
# change, not a namespace's member.)
_CHANGING_METHODS = LIST_MUTATORS | DICT_MUTATORS | IN_PLACE_DUNDERS
_LIST_METHODS = (_CHANGING_METHODS | _ITEM_METHODS | _VIEW_METHODS | _LOOKING_METHODS
                 | {"copy"})
# Methods of a record that give a new record holding the same field values, its lists
# among them: pydantic's ``model_copy()`` (``update=`` only sets the fields it names,
# ``deep=True`` aside) and the ``__copy__`` that ``copy.copy`` calls.
_RECORD_COPY_METHODS = frozenset({"model_copy", "__copy__"})
# The names of SDK request types and configs a call builds a dict of
# (``URLForAuthenticationConfig(scope=SCOPES)``): the dict holds what it is given.
_CONTAINER_SUFFIXES = ("Params", "Request", "Config")
# Builtins that give a module's (or an object's) namespace or one of its members,
# which the finder of given lists follows on their own.
_NAMESPACE_READS = frozenset({"vars", "getattr"})
# Where the value may be what the expression gives, as it is.
FORWARDS = (ast.IfExp, ast.BoolOp)
_LOOKS = (ast.Compare, ast.FormattedValue, ast.JoinedStr, ast.UnaryOp, ast.Expr, ast.If,
          ast.While, ast.Assert)


@dataclass(frozen=True)
class Fate:
    """Where a use takes the object.  ``kind``: "kept" (only looked at, or changed by
    a statement the extractor records as a change); "given" (to ``call``, in
    ``slot``, or with no call to code that may change it); "bound" (held by the name
    ``name``: the very object when ``alias``, else a container holding it or its
    items); "returned" (by the function the use is in, to its callers); "called"
    (the root, an imported name, is called: a function, whose result goes where the
    call does).  ``part``: only items of the value reach there, not the value
    itself."""

    kind: Literal["kept", "given", "bound", "returned", "called"]
    part: bool = False
    call: ast.Call | None = None
    slot: Slot = None
    name: str = ""
    alias: bool = False
    # "bound": an item store into the name's container (``config["scope"] = SCOPES``)
    # rather than the name's own assignment.
    stored: bool = False
    # "bound" by a ``for`` statement: the names its target binds to the items (each
    # may take a part that can change), rather than ``name``.
    loop_names: tuple[str, ...] = ()


KEPT = Fate("kept")


def follow(
    root: ast.expr, ancestors: Sequence[ast.AST], depth: int,
    reads: Callable[[ast.Call], bool], known: bool = True, recorded: bool = True,
    gives_back: Callable[[ast.Call], bool] | None = None,
) -> Fate:
    """Where the use ``root`` (a name or an attribute naming a watched value) takes
    the object; ``ancestors``: the nodes above it, the nearest last; ``depth``: how
    many levels of the object can change (see the module's docstring); ``known``:
    the root is known to be a list or dict (this module's), rather than any
    imported name or attribute, which may be a module, a class or a function;
    ``recorded``: a change of the root by name (``SCOPES.append(x)``) is one the
    extractor records, rather than one of a name it does not follow;
    ``gives_back``: whether a ``get`` call is a dict's, which gives back its default
    as it is (see ``_Walk._default``)."""
    if depth <= 0:
        return KEPT  # a string, or a tuple of them
    walk = _Walk(root, depth, known)
    walk.gives_back = gives_back
    walk.plain = walk.plain and recorded
    index = len(ancestors) - 1
    while index >= 0:
        parent = ancestors[index]
        step = walk.step(parent, ancestors[index - 2:index] if index >= 2 else (
            ancestors[:index]), reads)
        if isinstance(step, Fate):
            return step
        if walk.left <= 0:
            return KEPT  # what reaches here can no longer change
        # The node the walk goes on from: the parent, or the call of a method.
        walk.child = ancestors[index - step + 1]
        index -= step
    return walk.lost()


class _Walk:
    def __init__(self, root: ast.expr, depth: int, known: bool) -> None:
        self.root = root
        self.depth = depth
        self.known = known
        # Levels of the object that can still change at the part that reaches the
        # node walked, and how deep in new containers that part sits.
        self.left = depth
        self.level = 0
        # Only item reads and item stores since the root: a change there is one the
        # extractor records (``CONFIG["scope"].append(x)``), not one of what a call
        # returns (``get_scopes().append(x)``).
        self.plain = isinstance(root, (ast.Name, ast.Attribute))
        self.child: ast.AST = root
        self.keyword: ast.keyword | None = None
        # The node walked is the value itself, not an item, a copy or a holder of it.
        self.direct = True
        self.gives_back: Callable[[ast.Call], bool] | None = None

    # -- what an operation does to the part that reaches it -------------------------

    def item(self) -> None:
        self.direct = False
        if self.level > 0:
            self.level -= 1
        else:
            self.left -= 1

    def copy(self) -> None:
        # A new container of the items: the part's own level is no longer shared.
        self.plain = self.direct = False
        if self.level == 0:
            self.left -= 1
            self.level = 1

    def hold(self) -> None:
        self.plain = self.direct = False
        self.level += 1

    @property
    def part(self) -> bool:
        return self.left < self.depth

    def lost(self, call: ast.Call | None = None, slot: Slot = None) -> Fate:
        # Only the value itself, as an argument of its own, lands in one parameter.
        return Fate("given", self.part, call, slot if self.direct else None)

    # -- one step up ----------------------------------------------------------------

    def step(self, parent: ast.AST, above: Sequence[ast.AST],
             reads: Callable[[ast.Call], bool]) -> Fate | int:
        """What ``parent`` does with the node walked: a fate, or how many nodes up
        the walk goes on from (1: the parent; 2: the call of a method).  ``above``:
        the (at most two) nodes above ``parent``, the nearest last."""
        child = self.child
        if isinstance(parent, ast.Subscript):
            return self._subscript(parent)
        if isinstance(parent, ast.Attribute):
            return self._method(parent, above)
        if isinstance(parent, ast.keyword):
            self.keyword = parent
            if parent.arg is None:
                self.item()  # ``f(**CONFIG)`` gives its items
            return 1
        if isinstance(parent, ast.Call):
            return self._argument(parent, reads, above)
        if isinstance(parent, ast.Starred):
            self.item()  # ``f(*SCOPES)``, ``[*SCOPES]``: the items
            self.plain = False
            return 1
        if isinstance(parent, ast.Return):
            return Fate("returned", self.part)
        if isinstance(parent, (ast.List, ast.Tuple, ast.Set)):
            self.hold()
            return 1
        if isinstance(parent, ast.Dict):
            return self._dict(parent)
        if isinstance(parent, FORWARDS):
            return KEPT if isinstance(parent, ast.IfExp) and parent.test is child else 1
        if isinstance(parent, ast.BinOp):
            if isinstance(parent.op, ast.Mod) and isinstance(parent.left, ast.Constant):
                return KEPT  # ``"asking for %s" % SCOPES``
            self.copy()  # ``SCOPES + [...]``: a new list of both's items
            return 1
        if isinstance(parent, _LOOKS):
            return KEPT
        if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)):
            if parent.iter is not child:
                return self.lost()
            self.item()  # the target takes each item, and may change it
            if self.left <= 0:
                return KEPT
            names = _target_names(parent.target) if not isinstance(
                parent, ast.comprehension) else ()
            # ``for provider, scopes in SCOPES.items():``: the names hold the items,
            # where the function's code may change them or not.
            return Fate("bound", self.part, loop_names=names) if names else self.lost()
        if isinstance(parent, ast.arg) or (
                isinstance(parent, (ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef))
                and child is (parent.annotation if isinstance(parent, ast.AnnAssign)
                              else parent.returns)):
            # An annotation (``def login(provider: Google)``): the object is kept in
            # ``__annotations__`` for type checkers and for libraries that make
            # instances of what they read there, not to be changed.
            return KEPT
        if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
            return self._bound(parent)
        if isinstance(parent, ast.AugAssign) and parent.value is child:
            self.copy()  # ``scopes += SCOPES`` adds the items
            return KEPT if self.left <= 0 else self.lost()
        if isinstance(parent, ast.ClassDef) and self.child is self.root and any(
                base is child for base in parent.bases) and not (
                    parent.keywords or parent.decorator_list):
            # ``class GoogleAuth(ProviderAuth):`` with ``ProviderAuth`` imported: the
            # subclass binds its own attributes and leaves the base's as they are
            # (the project index names the subclasses that bind them again).  With a
            # metaclass or a decorator, code is given the bases.
            return KEPT
        if isinstance(parent, ast.arguments) and self.child is self.root:
            return KEPT  # a parameter's default: see ``GivenLists.defaults``
        # ``return SCOPES``, ``yield``, ``with``, ``raise``, anything without a rule:
        # code the reading of the assignment does not see may get the object.
        return self.lost()

    def _subscript(self, parent: ast.Subscript) -> Fate | int:
        if parent.value is not self.child:
            return KEPT  # a key or an index
        if isinstance(parent.ctx, ast.Load):
            if isinstance(parent.slice, ast.Slice):
                self.copy()
            else:
                self.item()
            return 1
        if self.level > 0 or (self.child is self.root and self.plain):
            # A new container's item written, or ``CONFIG["scope"] = ...``, which
            # the extractor records as a change.
            return KEPT
        return self.lost()

    def _method(self, parent: ast.Attribute, above: Sequence[ast.AST]) -> Fate | int:
        call = above[-1] if above else None
        if parent.attr == "_replace" and isinstance(call, ast.Call) and call.func is parent:
            # ``TEAM._replace(name="pro")``: a new ``NamedTuple`` holding the same
            # field values, lists among them (another module's: given on whole).
            if not self.known and self.child is self.root:
                return self.lost()
            self.copy()
            return 2
        if parent.attr in _RECORD_COPY_METHODS and isinstance(call, ast.Call) and (
                call.func is parent):
            # ``settings.model_copy(update={...})`` of another module's record: as
            # ``copy.copy(settings)`` is, a copy sharing its lists, not a namespace read.
            self.copy()
            return 2
        if not (isinstance(call, ast.Call) and call.func is parent) or (
                parent.attr not in _LIST_METHODS):
            if not self.known and self.child is self.root and (
                    parent.attr not in _LIST_METHODS):
                # ``config.Config.NYLAS_SCOPES``, ``settings.NYLAS.api_uri``: a
                # namespace, not a list (its scopes attribute is followed itself).
                return KEPT
            return self.lost()  # ``add = SCOPES.append``
        method = parent.attr
        if method in _CHANGING_METHODS and self.level == 0:
            # ``SCOPES.append(x)`` as a statement is a change the extractor records;
            # ``x = SCOPES.pop()`` or ``copy(CONFIG)["scope"].append(x)`` is not.
            statement = len(above) == 2 and isinstance(above[0], ast.Expr)
            return KEPT if self.plain and statement else self.lost()
        if method in _ITEM_METHODS:
            self.item()
            # A change of what ``CONFIG.get("scope")`` returns is no statement the
            # extractor reads as a change of ``CONFIG``.
            self.plain = False
        elif method == "copy" or method in _VIEW_METHODS:
            self.copy()
            if method == "items":
                self.hold()
        elif method in _LOOKING_METHODS or method in _CHANGING_METHODS:
            return KEPT  # a read, or a change of a new container only
        else:
            return self.lost()
        return 2

    def _argument(self, call: ast.Call, reads: Callable[[ast.Call], bool],
                  above: Sequence[ast.AST]) -> Fate | int:
        keyword, self.keyword = self.keyword, None
        if call.func is self.child:
            # An imported name called is a function or a class, not a list.
            return Fate("called") if not self.known and self.child is self.root else (
                self.lost())
        callee = dotted(call.func) or ""
        short = callee.rpartition(".")[2]
        if not self.known and self.child is self.root and keyword is None and (
                callee in _NAMESPACE_READS) and call.args and call.args[0] is self.child:
            # ``vars(config)``, ``getattr(config, "SCOPES")``: the namespace, or the
            # member, is followed as a use of its own (see ``given_lists``).
            return KEPT
        if keyword is None and self.child is self.root and call.args and (
                call.args[0] is self.child) and above and (
                isinstance(above[-1], ast.Expr)) and member_written(call) is not None:
            # ``monkeypatch.setattr(views, "client", fake)`` as a statement binds one
            # member again, which the extractor records as it does an assignment.
            return KEPT
        if keyword is None and callee in _COPIES:
            self.copy()
            return 1
        if short == "replace" and reads(call):
            # ``dataclasses.replace(SETTINGS, api_key=k)``: a new record holding the
            # original's field values, its lists among them; ``replace(SETTINGS,
            # scopes=SCOPES)``: one holding the very list given.  Another module's
            # record copied is given on whole: the fields the copy shares are read
            # through that module's name for it.
            if keyword is None and not self.known and self.child is self.root:
                return self.lost(call)
            if keyword is None:
                self.copy()
            else:
                self.hold()
            return 1
        if keyword is not None and keyword.arg and (
                callee == "dict" or short.endswith(_CONTAINER_SUFFIXES)):
            self.hold()  # ``dict(scope=SCOPES)`` holds the very list
            return 1
        if callee in _ITEM_PICKS:
            self.item()
            return 1
        if keyword is None and self._default(call):
            return 1  # the call's value may be the very object: followed on from there
        if short.endswith(_CONTAINER_SUFFIXES) and not reads(call):
            self.hold()
            return 1
        if reads(call):
            return KEPT
        slot: Slot = None
        if keyword is not None:
            slot = keyword.arg
        else:
            slot = next((at for at, argument in enumerate(call.args)
                         if argument is self.child), None)
        return self.lost(call, slot)

    def _default(self, call: ast.Call) -> bool:
        """Whether the node walked is the default of a dict's ``get``
        (``SCOPES.get(plan, DEFAULT)``): the dict keeps no hold of it, and the call
        gives back either one of its values or the default itself."""
        func = call.func
        return self.gives_back is not None and isinstance(func, ast.Attribute) and (
            func.attr == "get") and len(call.args) == 2 and not call.keywords and (
                call.args[1] is self.child) and self.gives_back(call)

    def _dict(self, parent: ast.Dict) -> Fate | int:
        for key, value in zip(parent.keys, parent.values):
            if value is self.child:
                if key is None:
                    self.item()  # ``{**CONFIG}``: a new dict of its items
                self.hold()
                return 1
        return KEPT  # a key

    def _bound(self, parent: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> Fate:
        if parent.value is not self.child:
            return self.lost()
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        alias = self.direct
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            return Fate("bound", self.part, name=targets[0].id, alias=alias)
        if len(targets) == 1 and isinstance(targets[0], ast.Subscript):
            container = targets[0].value
            while isinstance(container, ast.Subscript):
                container = container.value
            if isinstance(container, ast.Name):
                return Fate("bound", self.part, name=container.id, stored=True)
            if isinstance(container, ast.Attribute) and container.attr == "config":
                # ``app.config["NYLAS_SCOPES"] = SCOPES``: Flask's configuration, read
                # by key where the analysis reads it.
                return KEPT
        return self.lost()


def _target_names(target: ast.expr) -> tuple[str, ...]:
    """The names a ``for`` target of plain names binds (``scopes``, ``provider,
    scopes``); none for a target that stores into an object or unpacks with ``*``."""
    if isinstance(target, ast.Name):
        return (target.id,)
    if isinstance(target, (ast.Tuple, ast.List)):
        names = [_target_names(element) for element in target.elts]
        if all(names):
            return tuple(name for found in names for name in found)
    return ()
