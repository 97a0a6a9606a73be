"""Module constants read across the project: URL pieces and scope lists.

Each module's facts hold its own constants; a module that builds a URL or a scopes
value from another module's names records references (``pkg.constants.SEND_URI``).
The index reads them here, with Django's ``settings`` object standing for the
project's settings modules.  What it cannot read stays unread: the caller keeps its
stand-in (a hole in a URL, an unresolved value) and stays silent.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar, Union

from ..analysis.flask_config import CONFIG_CLASS_SUFFIX, FLASK_CONFIG, names_configuration_class
from ..analysis.facts import (
    ANY_MODULE, ENUM_MEMBERS, ENUM_VALUES, ITEMS, ModuleFacts, ScopeValue, UrlPart,
    any_attribute, any_member, any_module_member, instance_read,
)
from ..analysis.facts_values import ParameterReference
from ..analysis.star_names import CONSTANT_NAME
from ..analysis.subclass_bindings import RUN_TIME_NAMES, UNNAMED_BASE
from .class_tree import MADE_AT, ClassTree
from .reexports import UNFOLLOWED, defined_as, imported_as, module_bound_to

# Django's lazy settings object: attributes of the project's settings module.
DJANGO_SETTINGS = "django.conf.settings"
# Modules that are Django settings by their name: ``proj.settings`` and the modules of
# a ``proj.settings`` package (``settings/base.py``, ``settings/production.py``).
_SETTINGS_MODULE = re.compile(r"(^|\.)settings(\.[A-Za-z_][A-Za-z0-9_]*)?$")
# Flask's configuration read through the application: ``current_app.config["KEY"]``,
# or ``app.config["KEY"]`` on a module's ``app``/``application`` object.
_FLASK_READ = re.compile(
    r"^(?:flask\.current_app|(?:[\w.]+\.)?(?:app|application))\.config"
    r"\[(?P<quote>['\"])(?P<key>[^'\"]+)(?P=quote)\]$"
)
# Any name of any module (``setattr(sys.modules[name], attribute, value)``).
_ANY_NAME_OF_ANY_MODULE = any_module_member(ANY_MODULE)
# The end of a reference to an object's namespace dict (``config.__dict__``).
_NAMESPACE = ".__dict__"
# References are followed through at most this many constants.
_MAX_DEPTH = 8


T = TypeVar("T")


class _Absent(enum.Enum):
    """A module neither binds a name nor brings it in with a star import."""

    ABSENT = "absent"


ABSENT = _Absent.ABSENT
# What a (module, name) lookup gives: the value and the module that binds it; None
# when the name is bound but cannot be read (or may be bound outside the project).
Lookup = Union[tuple[T, str], None, Literal[_Absent.ABSENT]]


@dataclass(frozen=True)
class Found:
    """A constant read across modules, and the module that defines it."""

    value: ScopeValue
    module: str


@dataclass(frozen=True)
class ObjectChange:
    """How code may change an attribute of an object a module makes: through any
    object holding ``attribute``, or through the object named ``holder``."""

    attribute: str = ""
    holder: str = ""


class ConstantIndex:
    def __init__(
        self, modules: Iterable[ModuleFacts], mutated: frozenset[str] = frozenset(),
        settings_modules: Iterable[str] = (), given_away: frozenset[str] = frozenset(),
        read_factory_loads: frozenset[str] = frozenset(),
        changing: frozenset[str] | None = None,
    ) -> None:
        self.by_module: Mapping[str, ModuleFacts] = {
            facts.module: facts for facts in modules if facts.module
        }
        # The modules whose changes count (``mutated`` and ``given_away`` are theirs;
        # a test's change lasts for that test): every module unless said.
        self._changing = changing
        self._mutated = mutated
        # The loads of an application factory's parameter whose every caller passes
        # a configuration class of the project (see ``factory_configs``).
        self._read_factory_loads = read_factory_loads
        # Whether a configuration class's list for a key may be changed, by key
        # (asked once every set of changes is known).
        self._class_changes: dict[str, bool] = {}
        named = set(settings_modules) & set(self.by_module)
        self.settings_modules: tuple[str, ...] = tuple(sorted(
            named or {name for name in self.by_module if _SETTINGS_MODULE.search(name)}
        ))
        # A list given to code that may change it (``ModuleFacts.given_away``) is not
        # read as scopes; a string given away is still what its assignment says.
        self._classes: frozenset[str] | None = None
        changed = mutated | given_away | self._given_to_changing_functions() | (
            self._unread_configuration_loads())
        while True:
            # Each step may reach what another follows: until nothing more is found.
            grown = self._with_held_lists(self._with_class_lists(self._with_namespaces(
                self._with_configuration(self._with_results(self._with_star_imports(
                    self._with_reexported(changed)))))))
            if grown == changed:
                break
            changed = grown
        self._changed = changed
        # The classes with a base that bind each attribute (see ``subclass_bindings``).
        self._bound_in_subclasses: dict[str, set[str]] = {}
        # The classes naming each class as a base, by the base's name alone (which
        # also counts a class of another module named the same).
        named_by: dict[str, set[str]] = {}
        for facts in self.by_module.values():
            for base, class_name in facts.base_names:
                named_by.setdefault(base, set()).add(class_name)
        self._named_by = named_by
        for facts in self.by_module.values():
            for class_name, attribute in facts.subclass_bindings:
                self._bound_in_subclasses.setdefault(attribute, set()).add(class_name)
        # A class with no base binding it reaches a method of another class only as
        # a base of a subclass, and only one named by another class than that one
        # may come before it in the subclass's order (``class Pro(SendScopes,
        # Flow):``); kept apart, so that a base of the reading class itself does not
        # count (``class Flow(Defaults):``, whose own list comes first).
        self._base_free: dict[str, set[str]] = {}
        # Every class binding each attribute, with a base or not.
        self._binding_classes: dict[str, set[str]] = {
            attribute: set(classes) for attribute, classes in self._bound_in_subclasses.items()}
        # Every class with no base binding each attribute, named as a base or not.
        self._any_base_free: dict[str, set[str]] = {}
        for facts in self.by_module.values():
            for class_name, attribute in facts.base_free_bindings:
                self._binding_classes.setdefault(attribute, set()).add(class_name)
                self._any_base_free.setdefault(attribute, set()).add(class_name)
                if class_name.rpartition(".")[2] in named_by:
                    self._base_free.setdefault(attribute, set()).add(class_name)
        # Whether a class of the project sets attributes of its instances by names
        # known only at run time (``setattr(self, key, value)``): every
        # ``self.SCOPES`` is then read through the class tree, which says where such
        # a class is the reading class, a base or a subclass of it.
        self._set_at_run_time = self._binding_classes.get(RUN_TIME_NAMES, set())
        # The project's functions that set attributes of any object they are given
        # by names known only at run time (``def configure(obj, **options):
        # setattr(obj, key, value)``): an instance handed to one, which no reading
        # follows through locals and calls, may hold any list as ``self.SCOPES``.
        self._object_setters = sorted(
            setter for facts in self.by_module.values() for setter in facts.run_time_setters)
        # The project's class tree, built when a method's ``self.SCOPES`` asks it.
        self._tree: ClassTree | None = None
        # By ``pkg.auth.Auth.SCOPES``: the class attributes ``self.SCOPES`` may read
        # in a method of ``Auth``, or why they cannot be named.
        self._provided: dict[str, list[str] | str] = {}

    def _with_class_lists(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with the lists a class body binds as they are (``class
        Google: scopes = SCOPES``, ``ModuleFacts.class_lists``) where code may change
        the class attribute: through the class or an instance, by the attribute's
        dotted name, or as any object's attribute of that name."""
        found = set(changed)
        for facts in self.by_module.values():
            for holder, reference in facts.class_lists:
                if reference not in found and _class_attribute_changed(holder, changed):
                    found.add(reference)
        return frozenset(found)

    def _with_held_lists(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with the lists and records a module-level container holds
        (``PLANS = [BASIC]``, ``ModuleFacts.held_lists``) where code of another
        module may change the container or its items, or hand it on
        (``billing.configure(PLANS)``, ``PLANS[0].scopes.append(...)``)."""
        found = set(changed)
        # (Items given on, ``PLANS[*]``, are asked apart.)
        wholes = {_whole(reference) for reference in changed if not reference.endswith(ITEMS)}
        for facts in self.by_module.values():
            for holder, reference in facts.held_lists:
                # A class taken out of the container and called (``PLANS[plan](email)``)
                # changes nothing of it: a class counts only where the container goes.
                if reference not in found and _container_changed(
                        f"{facts.module}.{holder}", changed, wholes,
                        whole_only=reference in self._project_classes()):
                    found.add(reference)
        return frozenset(found)

    def _project_classes(self) -> frozenset[str]:
        """The dotted names of the project's classes (``ModuleFacts.class_bases``)."""
        if self._classes is None:
            self._classes = frozenset(name for facts in self.by_module.values()
                                      for name, _, _, _ in facts.class_bases)
        return self._classes

    def _given_to_changing_functions(self) -> frozenset[str]:
        """The lists given to a function of another module (``GivenTo``) that may
        change the parameter they land in: one whose module is not in the project,
        that it does not define as a plain function, that code binds again
        (``features.enable_mail = ...``), or whose body does more than read it."""
        changed: set[str] = set()
        for facts in self.by_module.values():
            for given in facts.given_to:
                module, _, name = given.callee.rpartition(".")
                callee = self.by_module.get(module)
                read = callee.read_parameters.get(name) if callee is not None else None
                if read is None or given.callee in self._mutated or not read.reads(
                        given.position, given.keyword):
                    fields = callee.field_read_parameters.get(name) if (
                        callee is not None and given.callee not in self._mutated) else None
                    # ``NylasClient(load_config())`` keeping ``config.api_uri``: a
                    # record made afresh, whose scopes no other caller's record shares.
                    reads_fields = fields is not None and fields.reads(
                        given.position, given.keyword)
                    changed.update(reference for reference in given.references
                                   if not (reads_fields and self._fresh_record(reference)))
                elif read.shares_items(given.position, given.keyword):
                    # ``clone(PLANS)`` with ``def clone(plans): return list(plans)``:
                    # the copy holds the very records and lists ``PLANS`` holds.
                    changed.update(reference + ITEMS for reference in given.references)
        return frozenset(changed)

    def _fresh_record(self, reference: str) -> bool:
        """Whether ``reference`` is the result of a module function that makes a new
        record on every call (``ModuleFacts.fresh_records``): ``pkg.config.load_config()``."""
        if not reference.endswith("()"):
            return False
        module, _, function = reference[:-2].rpartition(".")
        facts = self.by_module.get(module)
        return facts is not None and function in facts.fresh_records

    def _unread_configuration_loads(self) -> frozenset[str]:
        """Every key of Flask's configuration, when code loads it from an object
        whose keys are not read: only the configuration classes of the project's
        modules are (``"shop.config.ProductionConfig"``), not a module's names, nor
        a class outside the project; a factory's parameter only where its every
        caller passes one of them (``read_factory_loads``)."""
        for facts in self.by_module.values():
            for loaded in facts.config_loads:
                if ParameterReference.parse(loaded) is not None:
                    if loaded in self._read_factory_loads:
                        continue
                    return frozenset({any_member(FLASK_CONFIG)})
                if not names_configuration_class(loaded, self.by_module):
                    return frozenset({any_member(FLASK_CONFIG)})
        return frozenset()

    def _with_star_imports(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with the names of the modules a module star-imports, for its
        own names of them: ``SCOPES.append(...)`` or ``s = default_scopes()`` then
        ``s.append(...)`` after ``from .scopes import *`` changes what the module
        ``scopes`` binds.  (Also for a name the module binds itself: then only more
        cautious than needed.)"""
        found = set(changed)
        for reference in changed:
            whole = _whole(reference)
            module, _, name = whole.rpartition(".")
            for star in self._star_imported(module):
                found.add(f"{star}.{name}{reference[len(whole):]}")
        return frozenset(found)

    def _with_reexported(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with the lists a package's names stand for where the package
        only re-exports them (``from .scopes import SCOPES`` in ``app/__init__.py``):
        ``app.SCOPES.append(...)`` changes the list ``app.scopes`` binds.  (A star
        import's names are followed by the star imports' own reading.)  The change
        may also only bind the package's name again (``setattr(app, "SCOPES",
        ...)``), which leaves the list as it is; not told apart, so only more
        cautious than needed."""
        found = set(changed)
        for reference in changed:
            whole = self._through_module_aliases(_whole(reference))
            if whole != _whole(reference):
                found.add(whole + reference[len(_whole(reference)):])
            if whole.rpartition(".")[0] not in self.by_module:
                continue  # ``?.SCOPES``, ``*.SCOPES``: no module's name to follow
            target = self._function_named(whole)
            if target != whole:
                found.add(target + reference[len(whole):])
        return frozenset(found)

    def _through_module_aliases(self, reference: str) -> str:
        """``reference`` with each module of the project it reaches through another
        module's name for it spelled as that module: ``app.sc.SCOPES`` is
        ``app.scopes.SCOPES`` where ``app/__init__.py`` has ``from . import scopes as
        sc`` (or ``import app.scopes as sc``).  Unchanged past the first name that is
        neither a module nor one name bound to a module."""
        parts = reference.split(".")
        module = parts[0]
        if module not in self.by_module:
            return reference
        at = 1
        while at < len(parts) - 1:
            step = f"{module}.{parts[at]}"
            if step not in self.by_module:
                bound = module_bound_to(self.by_module, step)
                if bound is None:
                    break
                step = bound
            module = step
            at += 1
        return ".".join([module, *parts[at:]])

    def _star_imported(self, module: str) -> set[str]:
        """The modules of the project ``module`` star-imports, and those they do."""
        found: set[str] = set()
        pending = [module]
        while pending and len(found) < _MAX_DEPTH * _MAX_DEPTH:
            facts = self.by_module.get(pending.pop())
            for star in facts.star_imports if facts is not None else ():
                if star.module in self.by_module and star.module not in found:
                    found.add(star.module)
                    pending.append(star.module)
        return found

    def _with_configuration(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with the lists a key of Flask's configuration holds when code
        may change that key (``app.config["NYLAS_SCOPES"] = SCOPES``, then
        ``current_app.config["NYLAS_SCOPES"].append(...)`` changes ``SCOPES``)."""
        every = any_member(FLASK_CONFIG) in changed
        if not every and not any(reference.startswith(FLASK_CONFIG + "[")
                                 for reference in changed):
            return changed
        found = set(changed)
        for facts in self.by_module.values():
            for name, value in facts.constants.items():
                if name.startswith(FLASK_CONFIG + "[") and (every or name in changed):
                    found.update(_lists_held(facts, value))
        return frozenset(found)

    def _with_namespaces(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with every member of a module of the project that is itself
        given to code that may change it (``mutate(config)``, ``apply(vars(config))``,
        ``setattr(config, name, value)``): that code may bind or change any of its
        names.  An object's namespace (``config.__dict__``) is the object's, and
        Django's settings object stands for the settings modules."""
        found = set(changed)
        for reference in changed:
            holder = reference.removesuffix(_NAMESPACE)
            found.add(holder)
            if holder in self.by_module:
                found.add(any_member(holder))
            elif holder == DJANGO_SETTINGS:
                found.update(any_member(module) for module in self.settings_modules)
        return frozenset(found)

    def _with_results(self, changed: frozenset[str]) -> frozenset[str]:
        """``changed`` with the lists a function returns (``ModuleFacts.returned``)
        when code may change what it returns (``pkg.get_scopes()`` given away) or
        may call it where the analysis does not see (``pkg.get_scopes`` itself given
        away); a function returning another's result passes that on."""
        pending = {f"{facts.module}.{name}": values for facts in self.by_module.values()
                   for name, values in facts.returned.items()}
        found = set(changed)
        last = {name.rpartition(".")[2] for name in pending}
        # Functions only the items of whose results code may change
        # (``for config in pkg.configs(): config["scope"].append(...)``).
        items_reached: set[str] = set()
        while pending:
            escaped = {self._function_named(reference.removesuffix("()"))
                       for reference in found
                       if reference.removesuffix("()").rpartition(".")[2] in last}
            parts = {self._function_named(reference.removesuffix("()" + ITEMS))
                     for reference in found if reference.endswith("()" + ITEMS)
                     and reference.removesuffix("()" + ITEMS).rpartition(".")[2] in last}
            reached = [name for name in pending if name in escaped]
            items = [name for name in pending if name in parts and name not in items_reached]
            if not reached and not items:
                break
            for name in items:
                items_reached.add(name)
                found.update(value + ITEMS for value in pending[name])
            for name in reached:
                found.update(pending.pop(name))
        return frozenset(found)

    def _function_named(self, reference: str) -> str:
        """The module that defines the function ``reference`` names, through a
        package's re-exports (``from .scopes import get_scopes`` in its
        ``__init__.py``)."""
        for _ in range(_MAX_DEPTH):
            imported = self._imported_as(reference)
            if imported is None:
                break
            reference = imported
        return reference

    # -- where a reference points ---------------------------------------------------

    def _owners(self, reference: str) -> list[tuple[str, str]]:
        """(module, name) pairs a reference may mean: one for a module constant, one
        per settings module for ``django.conf.settings.NAME``."""
        # ``pkg.settings.NYLAS['SCOPES']`` and ``pkg.auth.get_scopes()``: the key or
        # the call belongs to the name.
        cut = min((at for at in (reference.find("["), reference.find("(")) if at >= 0),
                  default=len(reference))
        module, _, name = reference[:cut].rpartition(".")
        name += reference[cut:]
        if module == DJANGO_SETTINGS:
            return [(candidate, name) for candidate in self.settings_modules]
        flask = _FLASK_READ.match(reference)
        if flask is not None:
            # ``current_app.config["KEY"]`` (or the app's own ``app.config``): every
            # module that writes the key.
            kept = f"{FLASK_CONFIG}[{flask.group('key')!r}]"
            return [(owner, kept) for owner, facts in self.by_module.items()
                    if kept in facts.constants]
        return [(module, name)]

    def _object_attribute(self, reference: str) -> tuple[str, str] | None:
        """Where an attribute of an object a module of the project makes is kept
        (``config.Config.SCOPES``, ``config.settings.api_uri``): that module, and the
        name of the object and the attribute (``Config.SCOPES``); None for another
        reference."""
        holder, _, attribute = reference.rpartition(".")
        owner, _, name = holder.rpartition(".")
        if attribute and holder not in self.by_module and owner in self.by_module:
            return owner, f"{name}.{attribute}"
        return None

    @staticmethod
    def is_configuration(reference: str) -> bool:
        """Whether ``reference`` reads Django's settings or Flask's configuration, whose
        module the code does not name."""
        return reference.startswith(DJANGO_SETTINGS + ".") or bool(_FLASK_READ.match(reference))

    # -- URL pieces -----------------------------------------------------------------

    def url_text(self, parts: tuple[UrlPart, ...], depth: int = 0) -> str:
        """The text of a URL, other modules' constants read in; a constant that cannot
        be read (or reads differently in two settings modules) stays a hole."""
        pieces: list[str] = []
        for part in parts:
            text = self._reference_text(part.reference, depth) if part.reference else None
            pieces.append(part.text if text is None else text)
        return _one_slash("".join(pieces)) if any(p.reference for p in parts) else "".join(
            pieces)

    def _reference_text(self, reference: str, depth: int) -> str | None:
        if depth >= _MAX_DEPTH or reference in self._mutated:
            return None
        texts = set()
        kept = self._object_attribute(reference)
        # ``config.settings.api_uri``: a field of an object the module makes.
        owners = [kept] if kept is not None else self._owners(reference)
        for module, name in owners:
            found = self.lookup(module, name, _strings)
            if found is not None and found is not ABSENT:
                texts.add(self.url_text(found[0], depth + 1))
        return texts.pop() if len(texts) == 1 else None

    # -- scope values ---------------------------------------------------------------

    def scopes(self, reference: str, depth: int = 0) -> list[Found]:
        """The scopes values a reference may hold: one per module that defines it (the
        settings modules may each set it)."""
        own = instance_read(reference)
        if own is not None:
            if self._object_setters:
                return []  # see ``set_at_run_time``
            # ``self.SCOPES`` in a method of ``Auth``: ``Auth.SCOPES``, or where
            # subclasses bind their own, one of the lists of ``Auth`` and of them.
            if self._bound_elsewhere(own):
                return self._subclass_scopes(own, depth)
            reference = own
        if self._changed_here(reference) or self._configuration_changed(reference):
            return []
        imported = self._imported_as(reference)
        if imported is not None and depth < _MAX_DEPTH:
            shadowing = self._star_shadowing(reference)
            if shadowing is ABSENT:
                # ``from . import SCOPES`` where the package's ``__init__.py`` imports it.
                return self.scopes(imported, depth + 1)
            if shadowing is None or self._changed_here(imported):
                # A star import after the import may bind the name again; or brings
                # it, where the module's changes by the name went to the import's.
                return []
        found: list[Found] = []
        owners = self._owners(reference)
        kept = None if self.is_configuration(reference) else self._object_attribute(reference)
        member = reference.removesuffix(_MEMBER_VALUE)
        if kept is None and member != reference and not self.is_configuration(reference):
            # ``scopes.Scope.READ.value``: the string of the member ``Scope.READ``,
            # kept by its module as ``Scope.READ.value`` where it is an ``Enum``'s
            # (see ``Extractor._enum_member_constants``); checked as the member is.
            kept_member = self._object_attribute(member)
            if kept_member is not None:
                holder, _, attribute = member.rpartition(".")
                if any_attribute(_whole(attribute)) in self._changed or (
                        holder in self._changed or self.set_at_run_time(member)):
                    return []
                kept = kept_member[0], kept_member[1] + _MEMBER_VALUE
        if kept is not None:
            # ``config.Config.NYLAS_SCOPES``: a class attribute (or a field of a
            # dataclass instance, ``config.settings.scopes``), unless some code
            # changes an attribute of that name on an object it cannot name, or binds
            # the name of the class or instance again.
            holder, _, attribute = reference.rpartition(".")
            if any_attribute(_whole(attribute)) in self._changed or holder in self._changed or (
                    self.set_at_run_time(reference)):
                return []
            owners = [kept]
        for module, name in owners:
            if self._changed_here(f"{module}.{name}") or any_member(module) in self._changed:
                # One of the modules that may define it changes it (a settings module
                # extending the base settings' list), or hands out its namespace
                # (``namespace = vars(config)``): what it holds is not known.
                return []
            looked_up = self.lookup(module, name, _constants)
            if looked_up is None or looked_up is ABSENT:
                continue
            value, owner = looked_up
            if owner != module and self._changed_here(f"{owner}.{name}"):
                return []  # changed in place where a star import brings it from
            if Found(value, owner) not in found:  # two settings modules, one binding
                found.append(Found(value, owner))
        return found

    def changing_owners(self, reference: str) -> list[str]:
        """The modules that may define ``reference`` (each settings module, for
        ``django.conf.settings.NAME``) and change it, which ``scopes`` then refuses to
        read: a message can name them instead of saying nothing defines it."""
        return [module for module, name in self._owners(reference)
                if self._changed_here(f"{module}.{name}") or any_member(module) in self._changed]

    def set_at_run_time(self, reference: str) -> str:
        """The function of the project that may set the attribute ``reference`` reads
        (``self.SCOPES`` in a method, ``FLOW.SCOPES`` of an object a module makes) on
        the object it is given, by a name known only at run time (``setattr(obj,
        key, value)``); "" where none may.  As ``obj.SCOPES = ...`` of an object the
        analysis cannot name, it may be any object holding the attribute."""
        if not self._object_setters:
            return ""
        own = instance_read(reference)
        attribute = _whole(own if own is not None else reference).rpartition(".")[2]
        # (As ``Extractor`` notes such changes: an attribute whose name says
        # scopes, or a constant's upper-case name.)
        if own is None and (self._object_attribute(reference) is None or not (
                "scope" in attribute.lower() or CONSTANT_NAME.match(attribute))):
            return ""
        return self._object_setters[0]

    def given_scopes(self, reference: str, depth: int = 0) -> list[Found]:
        """What a list given to another library's request or tested for a scope
        (``ModuleFacts.foreign_scopes``, ``tested_scopes``) may hold: as
        :meth:`scopes` reads it, or for an attribute of an object the analysis
        cannot name (``any_attribute``: ``self.SCOPES`` in a method, ``auth.SCOPES``
        of a parameter) the list of every class of the project binding it, and for
        a call of a project function (``pkg.scopes.login_scopes()``) the lists it
        returns."""
        if reference.endswith("()"):
            return self._returned_scopes(reference, depth)
        if not reference.startswith(any_attribute("")):
            return self.scopes(reference) + self._dict_held_scopes(reference, depth)
        attribute = reference[len(any_attribute("")):]
        found: list[Found] = []
        for cls in sorted(self._binding_classes.get(attribute, ())):
            # The class's own list, or the lists it binds the attribute to
            # (``SCOPES = list(SCOPES)``: ``ModuleFacts.scope_dicts``).
            class_attribute = f"{cls}.{attribute}"
            found.extend(one for one in self.scopes(class_attribute) + self._dict_held_scopes(
                class_attribute, depth) if one not in found)
        return found

    def _dict_held_scopes(self, reference: str, depth: int) -> list[Found]:
        """What the lists a module's dict of keywords names may hold
        (``pkg.conf.GOOGLE`` with ``GOOGLE = dict(scope=SCOPES)``:
        ``ModuleFacts.scope_dicts``), read as given where the dict is: spread into a
        request, the whole dict reaches it, whatever code may change it since."""
        if depth >= _MAX_DEPTH or "[" in reference or "(" in reference:
            return []
        module, _, name = self._function_named(reference).rpartition(".")
        facts = self.by_module.get(module)
        if facts is None:
            # ``pkg.auth.Google.SCOPES``: a class attribute, kept as ``Google.SCOPES``.
            module, _, holder = module.rpartition(".")
            facts, name = self.by_module.get(module), f"{holder}.{name}"
        found: list[Found] = []
        for held in facts.scope_dicts.get(name, ()) if facts is not None else ():
            found.extend(one for one in self.given_scopes(held, depth + 1)
                         if one not in found)
        return found

    def _returned_scopes(self, call: str, depth: int) -> list[Found]:
        """What the lists a project function returns may hold (``pkg.scopes.
        login_scopes()`` given to another library: ``ModuleFacts.returned``), through
        a function returning another's result too."""
        if depth >= _MAX_DEPTH:
            return []
        module, _, function = self._function_named(call.removesuffix("()")).rpartition(".")
        facts = self.by_module.get(module)
        found: list[Found] = []
        for returned in facts.returned.get(function, ()) if facts is not None else ():
            found.extend(one for one in self.given_scopes(returned, depth + 1)
                         if one not in found)
        return found

    def changed_elsewhere(self, reference: str) -> bool:
        """Whether :meth:`scopes` gives nothing for ``reference`` because code other
        than its assignment may change it (appends to it, binds it again, gives it to
        a function that may): said in NYS304's reason."""
        own = instance_read(reference)
        if own is not None:
            reference = own
            if self._bound_elsewhere(own):
                return True
        return self._changed_here(reference) or self._configuration_changed(reference) or any(
            self._changed_here(f"{module}.{name}") or any_member(module) in self._changed
            for module, name in self._owners(reference))

    def read_at_run_time(self, reference: str) -> str:
        """Where the module-level name ``reference`` is read from when the program
        runs ("the environment", "a file"; see ``ModuleFacts.run_time_scopes``), for
        NYS304's reason; "" where it is not known to be read so."""
        imported = self._imported_as(reference)
        if imported is not None:
            # ``from .config import SCOPES`` in a package's ``__init__.py``.
            reference = imported
        for module, name in self._owners(reference):
            facts = self.by_module.get(module)
            if facts is not None and name in facts.run_time_scopes:
                return facts.run_time_scopes[name]
        return ""

    def changing_modules(self) -> list[ModuleFacts]:
        """The facts of the modules whose changes count (see ``__init__``)."""
        changing = self._changing
        return [facts for name, facts in self.by_module.items()
                if changing is None or name in changing]

    def changed_through_objects(self, reference: str) -> ObjectChange | None:
        """Why :meth:`scopes` gives nothing for an attribute of an object a module
        makes (``settings.DIRECTORY.scopes``), said in NYS304's reason: code changes
        that attribute on objects it is given (``def widen(record):
        record.scopes.append(...)``, the attribute's name given back), or binds the
        object's name again or hands the object to code that may change it (its
        name, ``settings.DIRECTORY``, given back); None where neither is why."""
        own = instance_read(reference)
        if own is not None:
            reference = own
        if self.is_configuration(reference) or self._object_attribute(reference) is None:
            return None
        holder, _, attribute = reference.rpartition(".")
        if any_attribute(_whole(attribute)) in self._changed:
            return ObjectChange(attribute=_whole(attribute))
        if holder in self._changed:
            return ObjectChange(holder=holder)
        return None

    def _subclass_scopes(self, attribute_reference: str, depth: int) -> list[Found]:
        """What ``self.SCOPES`` may hold in a method of a class that subclasses bind
        it in: one of the lists of the classes that may provide it, when every one of
        them can be named and read (see ``provided_by``); nothing otherwise."""
        provided = self.provided_by(attribute_reference)
        if isinstance(provided, str):
            return []
        found: list[Found] = []
        for reference in provided:
            one = self.scopes(reference, depth + 1)
            if not one:
                return []
            found.extend(value for value in one if value not in found)
        return found

    def provided_by(self, attribute_reference: str) -> list[str] | str:
        """The class attributes ``self.SCOPES`` may read in a method of the class
        ``pkg.auth.Auth.SCOPES`` names, which subclasses bind again: its own and
        each one a project class deriving from it binds; or why they cannot all be
        named (see ``ClassTree.providers``)."""
        known = self._provided.get(attribute_reference)
        if known is None:
            holder, _, attribute = _whole(attribute_reference).rpartition(".")
            bound = self._bound_in_subclasses.get(attribute, set())
            providers = self._class_tree().providers(holder, attribute, bound)
            known = providers if isinstance(providers, str) else [
                f"{cls}.{attribute}" for cls in providers]
            self._provided[attribute_reference] = known
        return known

    def _class_tree(self) -> ClassTree:
        if self._tree is None:
            self._tree = ClassTree(self.by_module)
        return self._tree

    def subclass_reason(self, reference: str) -> str | None:
        """Why ``self.SCOPES`` (``reference``) is not read where subclasses bind it
        again, naming one of them; None where no subclass does, or where every list
        is read."""
        own = instance_read(reference)
        if own is None or not self._bound_elsewhere(own):
            return None
        holder, _, attribute = _whole(own).rpartition(".")
        example = min(self._bound_in_subclasses.get(attribute, set()) - {holder}, default="")
        provided = self.provided_by(own)
        reason = provided if isinstance(provided, str) else next((
            _binding_unread(one, self.changed_elsewhere(one) or _class_attribute_changed(
                one, self._changed)) for one in provided if not self.scopes(one)), None)
        if reason is None:
            return None
        if example:
            return f"which subclasses bind again ({example}, ...): {reason}"
        if MADE_AT in reason:
            return f"which a class made by calling type may bind: {reason}"
        return f"which a class with no base binds before it: {reason}"

    def _bound_elsewhere(self, attribute_reference: str) -> bool:
        """Whether a class with a base other than the one ``pkg.auth.Auth.SCOPES``
        names binds the attribute: it may be a subclass, whose instances read its
        own.  So does a class with no base that another class names as a base: it
        may come before ``Auth`` in a subclass's order."""
        holder, _, attribute = _whole(attribute_reference).rpartition(".")
        if self._bound_in_subclasses.get(attribute, set()) - {holder}:
            return True
        if self._set_at_run_time and any(self._class_tree().related(setter, holder)
                                         for setter in self._set_at_run_time):
            return True
        if any(self._named_by[mixin.rpartition(".")[2]] - {holder}
               for mixin in self._base_free.get(attribute, ()) if mixin != holder):
            return True
        return self._provided_otherwise(
            self._any_base_free.get(attribute, set()) - {holder}, holder)

    def _provided_otherwise(self, mixins: set[str], holder: str) -> bool:
        """Whether a class other than ``holder`` is made by calling ``type`` (which
        may derive from it and bind anything), or names one of ``mixins`` (classes
        with no base binding the attribute) as a base under another name than its
        own (``from .mixins import SendScopes as S``), or names a base the analysis
        cannot (``Mixin = SendScopes`` then ``class SendFlow(Mixin, Flow):``), which
        may be one of them.  The class tree then says which classes provide it."""
        for facts in self.by_module.values():
            for name, bases, _, _ in facts.class_bases:
                if name == holder:
                    continue
                if MADE_AT in name or mixins and any(
                        base in (UNNAMED_BASE, UNFOLLOWED)
                        or defined_as(self.by_module, base) in mixins for base in bases):
                    return True
        return False

    def _configuration_changed(self, reference: str) -> bool:
        """Whether code may change the key of Flask's configuration ``reference``
        reads (``current_app.config["NYLAS_SCOPES"]``) other than by writing a value
        the index reads: through an item, or through the whole configuration."""
        flask = _FLASK_READ.match(reference)
        if flask is None:
            return False
        changed = self._changed
        key = flask.group('key')
        return f"{FLASK_CONFIG}[{key!r}]" in changed or (
            any_member(FLASK_CONFIG) in changed) or self._configuration_class_changed(key)

    def _configuration_class_changed(self, key: str) -> bool:
        """Whether code may change the list a configuration class of the project
        binds for ``key`` (which ``from_object`` copies into the configuration): the
        class attribute itself (``Config.NYLAS_SCOPES.append(...)``, also in the
        class's own module), an attribute of that name on an object the analysis
        cannot name (``c.NYLAS_SCOPES.append(...)`` in a function handed the class),
        or the class (or a subclass of its module inheriting the list) handed to code
        that may change it."""
        known = self._class_changes.get(key)
        if known is None:
            known = self._class_changes[key] = self._class_binding_changed(key)
        return known

    def _class_binding_changed(self, key: str) -> bool:
        changed = self._changed
        for module, facts in self.by_module.items():
            for name in facts.constants:
                holder, _, attribute = name.rpartition(".")
                holder = holder.removesuffix("()")
                if attribute != key or not holder.endswith(CONFIG_CLASS_SUFFIX):
                    continue
                if any_attribute(key) in changed:
                    return True
                owner = f"{module}.{holder}"
                if owner in changed or self._changed_here(f"{owner}.{key}") or (
                        f"{owner}().{key}" in changed):
                    return True
        return False

    def _changed_here(self, reference: str) -> bool:
        """Whether code may change what ``reference`` reads: the name it reads, or
        (for a key, ``AUTH['scope']``) the items of that name."""
        whole = _whole(reference)
        changed = self._changed
        if reference.endswith((ENUM_VALUES, ENUM_MEMBERS)):
            # An ``Enum`` class's members are what its body says whatever code it is
            # handed to, or its members are handed to, does (a class attribute set
            # on it is no member): only the name bound again is a change.
            changed = self._mutated
        called = _called(reference)
        return reference in changed or whole in changed or (
            whole != reference and whole + ITEMS in changed) or (
                # ``SETTINGS.scopes`` with the items of ``SETTINGS`` given on
                # (``configure(copy.copy(SETTINGS))``): a record's items are its
                # fields, which a shallow copy shares.  An ``Enum`` class's items
                # are its members, which no code handed them changes.
                self._fields_given_on(whole, changed)) or (
                # ``oauth_config()['scope']``: a change to what the call returns.
                called is not None and (called in changed or called + ITEMS in changed)) or (
                any_module_member(whole.rpartition(".")[2]) in changed) or (
                    _ANY_NAME_OF_ANY_MODULE in changed)

    def _fields_given_on(self, whole: str, changed: frozenset[str] | set[str]) -> bool:
        """Whether the items of the object owning the attribute ``whole`` reads are
        given on (see ``_changed_here``), where that object is no ``Enum`` class of
        the project read as its members (``Scope[values]``)."""
        owner = whole.rpartition(".")[0]
        if owner + ITEMS not in changed:
            return False
        module, _, name = owner.rpartition(".")
        facts = self.by_module.get(module)
        return facts is None or not any(
            name + suffix in facts.constants for suffix in (ENUM_VALUES, ENUM_MEMBERS))

    def _imported_as(self, reference: str) -> str | None:
        """What a module's name is bound to by its one import (or assignment) of a
        name of another module of the project (``from .scopes import SCOPES`` in a
        package's ``__init__.py``, re-exported); None for any other reference."""
        module, _, name = reference.rpartition(".")
        facts = self.by_module.get(module)
        if facts is not None and name in facts.constants:
            return None
        return imported_as(self.by_module, reference)

    # -- star imports ---------------------------------------------------------------

    def lookup(
        self, module: str, name: str, table: Callable[[ModuleFacts], Mapping[str, T]],
        depth: int = 0,
    ) -> Lookup[T]:
        """What ``module.name`` holds: the module's own binding, or the one a star
        import brings when no binding of the module comes after it.

        A star import in an ``if``/``try`` block may not have run: a name it brings is
        then unread, as is one a module outside the project may bring.
        """
        facts = self.by_module.get(module)
        if facts is None or depth >= _MAX_DEPTH:
            return None
        own = table(facts).get(name)
        # ``NYLAS['SCOPES']`` is a key of the name ``NYLAS``.
        head = name.split("[", 1)[0]
        if not facts.star_imports or not CONSTANT_NAME.match(head):
            # No star import, or a name star imports are not followed for: as before.
            return (own, module) if own is not None else (
                ABSENT if head not in facts.upper_names else None)
        brought = self._star_brought(facts, name, table, depth)
        if brought is not ABSENT:
            return brought
        if head not in facts.upper_names:
            return ABSENT
        return (own, module) if own is not None else None

    def _star_brought(
        self, facts: ModuleFacts, name: str, table: Callable[[ModuleFacts], Mapping[str, T]],
        depth: int,
    ) -> Lookup[T]:
        """What the star imports of a module after its own last binding of ``name``
        bind it to: ABSENT where none does, None where one may."""
        bound_at = facts.upper_names.get(name.split("[", 1)[0], 0)
        for star in reversed(facts.star_imports):
            if star.line < bound_at:
                break  # the module's own binding comes after: it wins
            brought = self._exported(star.module, name, table, depth + 1)
            if brought is ABSENT:
                continue
            return None if star.conditional else brought
        return ABSENT

    def star_may_rebind(self, reference: str) -> bool:
        """Whether a star import after the import binding ``reference`` (a module's
        name) may bind it again, where the modules it names do not say (said in
        NYS304's reason)."""
        return self._imported_as(reference) is not None and (
            self._star_shadowing(reference) is None)

    def _star_shadowing(self, reference: str) -> Lookup[ScopeValue]:
        """For a module's name bound by an import (``reference``), what a star
        import after that import binds it to instead (see ``_star_brought``)."""
        module, _, name = reference.rpartition(".")
        facts = self.by_module.get(module)
        if facts is None or not facts.star_imports or not CONSTANT_NAME.match(name):
            return ABSENT
        return self._star_brought(facts, name, _constants, 0)

    def _exported(
        self, module: str, name: str, table: Callable[[ModuleFacts], Mapping[str, T]],
        depth: int,
    ) -> Lookup[T]:
        """What ``from module import *`` binds ``name`` to."""
        facts = self.by_module.get(module)
        if facts is None:
            return None  # outside the project: it may bind anything
        if not facts.exports_known:
            return None
        if facts.exports is not None and name.split("[", 1)[0] not in facts.exports:
            return ABSENT
        return self.lookup(module, name, table, depth)


# What an ``Enum`` member holds, read through it (``Scope.READ.value``).
_MEMBER_VALUE = ".value"


def _binding_unread(reference: str, changed: bool) -> str:
    """Why a class's binding of an attribute ``self.SCOPES`` may read is not read."""
    cls, _, attribute = reference.rpartition(".")
    if changed:
        return f"code other than {cls}'s body may change its {attribute}"
    return f"{cls} binds {attribute} to a value the analysis cannot read"


def _class_attribute_changed(holder: str, changed: frozenset[str]) -> bool:
    """Whether code may change the class attribute ``holder`` (``pkg.mod.Google.
    scopes``) or what it holds, by ``changed``."""
    cls, _, attribute = holder.rpartition(".")
    module = cls.rpartition(".")[0]
    instance = cls + "()"
    return any(reference in changed for reference in (
        holder, holder + ITEMS, f"{instance}.{attribute}", f"{instance}.{attribute}{ITEMS}",
        cls, instance, any_attribute(attribute), any_member(cls), any_member(instance),
        any_member(module), any_module_member(cls.rpartition(".")[2]),
        _ANY_NAME_OF_ANY_MODULE))


def _container_changed(container: str, changed: frozenset[str], wholes: set[str],
                       whole_only: bool = False) -> bool:
    """Whether code may change the module-level container ``container``
    (``pkg.plans.PLANS``) or what it holds, by ``changed`` (``wholes``: the names
    the references of ``changed`` read a key or a call of).  With ``whole_only``,
    items given on (``pkg.plans.PLANS[*]``) do not count."""
    module, _, name = container.rpartition(".")
    return container in wholes or (
        not whole_only and container + ITEMS in changed) or any(
        reference in changed for reference in (
            any_member(module), any_module_member(name), _ANY_NAME_OF_ANY_MODULE))


def _lists_held(facts: ModuleFacts, value: ScopeValue) -> Iterator[str]:
    """The lists a value read in ``facts``'s module may be: another module's, by its
    reference, and the module's own constants whose items it reads."""
    for one in (*value.alternatives, value):
        if one.reference:
            yield one.reference
        spans = {item.span for item in one.items}
        if spans:
            yield from (f"{facts.module}.{name}" for name, constant in facts.constants.items()
                        if any(item.span in spans for item in constant.items))


def _constants(facts: ModuleFacts) -> Mapping[str, ScopeValue]:
    return facts.constants


def _strings(facts: ModuleFacts) -> Mapping[str, tuple[UrlPart, ...]]:
    return facts.strings


def _whole(reference: str) -> str:
    """The name a reference reads a key or a call of (``NYLAS['SCOPES']``:
    ``NYLAS``): a change to the whole changes the part."""
    cut = min((at for at in (reference.find("["), reference.find("(")) if at >= 0),
              default=len(reference))
    return reference[:cut]


def _called(reference: str) -> str | None:
    """The call a reference reads a key of (``pkg.auth.oauth_config()['scope']``:
    ``pkg.auth.oauth_config()``); None for another reference."""
    at = reference.find("()[")
    return reference[:at + 2] if at >= 0 else None


def _one_slash(url: str) -> str:
    """``f"{BASE}/{PATH}"`` with ``BASE`` ending in a slash: one slash, as a route."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    while "//" in rest:
        rest = rest.replace("//", "/")
    return f"{scheme}{sep}{rest}"
