"""Checks of the Nylas API v2 endpoint map.

Two kinds of test:

* consistency of the map itself (targets exist, scope names are v2 scopes, keys are
  well formed, raw routes are reachable);
* a cross-check against the nylas-python source.  The SDK archives come from the package
  index with ``pip download`` and are read with ``ast``; nothing of the SDK is imported
  or executed.  The expected attributes, methods, verbs and paths are derived from that
  source, not copied from the map.

nylas-python 4.12.2 is tagged on GitHub but was never uploaded to PyPI; 4.12.1, the newest
4.x there, has the same ``nylas/client`` attributes, methods and endpoints (the tag only
adds a version header, a filter conversion, a draft-send field and an event attribute).

Set ``NYLAS_SDK_CACHE`` to a directory to keep the downloaded archives between runs.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tarfile
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from flake8_nylas_scopes.nylas_api.v2.scopes import V2_SCOPES
from flake8_nylas_scopes.nylas_api.v2.sdk import CLIENT_DATA, MODEL_LOCAL_METHODS
from flake8_nylas_scopes.nylas_api.v2.endpoints import (
    API_SERVER,
    CLIENT_METHODS,
    COLLECTIONS,
    ENDPOINT_HOSTS,
    ENDPOINTS,
    MODELS,
    RAW_ROUTES,
)

# SDK major -> the release read from the package index.
SDK_RELEASES = {"4": "4.12.1", "5": "5.14.1"}

HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
KEY_RE = re.compile(r"^(?P<method>[A-Z]+) (?P<path>/\S*)(?: \((?P<variant>[a-z]+)\))?$")
ROW_RE = re.compile(r"^V2-(\d+)(?:, V2-(\d+))*$")

# Operations that send nothing themselves but shape the request a later step sends:
# where() returns a filtered copy of the collection, iterated later.
LAZY_OPERATIONS = {"where": "__iter__"}

# Model classes the map leaves out on purpose.
UNMAPPED_CLASSES = {
    "NylasAPIObject": "abstract base; its save() and update() are checked on each subclass",
    "Send": "stand-in class that makes _create_resource post to /send; never returned to apps",
    "Namespace": "legacy /n model; no APIClient attribute or method builds one",
    "APIAccount": "open-source sync engine accounts (client id and secret both None), "
    "not the hosted v2 API",
}

_NO_WRITE = "inherited save/update; the API has no endpoint that writes this resource"
_NO_ROUTE = "inherited from Message; addresses {path} on the API root, not an API endpoint"
_MESSAGE_WRITES = (
    "save",
    "update",
    "mark_as_read",
    "mark_as_unread",
    "mark_as_seen",
    "star",
    "unstar",
    "update_folder",
    "update_labels",
    "add_label",
    "add_labels",
    "remove_label",
    "remove_labels",
)

# (model class or COLLECTIONS key, member) -> why the request it sends is not mapped.
UNMAPPED_MEMBERS: dict[tuple[str, str], str] = {
    ("RoomResource", "save"): _NO_WRITE,
    ("RoomResource", "update"): _NO_WRITE,
    ("JobStatus", "save"): _NO_WRITE,
    ("JobStatus", "update"): _NO_WRITE,
    ("SingletonAccount", "save"): _NO_WRITE,
    ("SingletonAccount", "update"): _NO_WRITE,
    ("File", "update"): "PUT /files/{id} does not exist; files are uploaded and deleted only",
    ("NeuralOcr", "update"): "inherited; PUT /ocr/{id} is not an API endpoint",
    **{
        (name, method): _NO_ROUTE.format(path=path)
        for name, path in (
            ("NeuralSignatureExtraction", "/signature"),
            ("NeuralCategorizer", "/categorize"),
            ("NeuralCleanConversation", "/conversation"),
        )
        for method in _MESSAGE_WRITES
    },
    # RestfulModelCollection.delete(id) sends DELETE on any collection; v2 has no DELETE
    # for these resources.
    ("messages", "delete"): "v2 has no DELETE /messages/{id}",
    ("threads", "delete"): "v2 has no DELETE /threads/{id}",
    ("room_resources", "delete"): "v2 room resources are read-only",
    ("job_statuses", "delete"): "v2 job statuses are read-only",
}


# --- the map on its own ------------------------------------------------------------------


def _split_key(key: str) -> tuple[str, str, str | None]:
    match = KEY_RE.match(key)
    assert match, f"malformed endpoint key {key!r}"
    return match["method"], match["path"], match["variant"]


def test_endpoint_keys_are_well_formed() -> None:
    for key, endpoint in ENDPOINTS.items():
        assert endpoint.key == key
        method, path, _ = _split_key(key)
        assert method in HTTP_METHODS, key
        assert "//" not in path and not path.endswith("/"), key


def test_endpoint_rows_name_table_rows() -> None:
    for key, endpoint in ENDPOINTS.items():
        assert ROW_RE.match(endpoint.row), (key, endpoint.row)
        for number in re.findall(r"\d+", endpoint.row):
            assert 1 <= int(number) <= 29, (key, endpoint.row)


def test_scopes_are_v2_scopes() -> None:
    for key, endpoint in ENDPOINTS.items():
        for option in endpoint.options:
            assert option.scopes, key
            unknown = option.scopes - set(V2_SCOPES)
            assert not unknown, (key, unknown)


def test_options_are_distinct() -> None:
    for key, endpoint in ENDPOINTS.items():
        scope_sets = [option.scopes for option in endpoint.options]
        assert len(scope_sets) == len(set(scope_sets)), key


def test_user_scoped_endpoints_have_options_and_app_level_ones_none() -> None:
    for key, endpoint in ENDPOINTS.items():
        if endpoint.user_scoped:
            assert endpoint.options, key
        else:
            assert not endpoint.options, key


def test_app_level_endpoints() -> None:
    # V2-29 plus GET /account (V2-24) and the job statuses (V2-26).
    for key, endpoint in ENDPOINTS.items():
        _, path, _ = _split_key(key)
        first = path.split("/")[1]
        if first in ("a", "component", "oauth", "connect", "manage", "schedule", "account"):
            assert not endpoint.user_scoped, key
        if first == "job-statuses":
            assert not endpoint.user_scoped, key


def test_targets_exist() -> None:
    for name, collection in COLLECTIONS.items():
        assert collection.attribute == name
        assert collection.model in MODELS, name
        assert collection.versions in ("4,5", "5"), name
        assert "create" not in collection.operations, f"{name}.create sends no request"
        for operation, key in collection.operations.items():
            assert key in ENDPOINTS, (name, operation, key)
    for name, model in MODELS.items():
        assert model.name == name
        for method, key in model.methods.items():
            assert key in ENDPOINTS, (name, method, key)
        for child, attribute in model.children.items():
            assert attribute in COLLECTIONS, (name, child, attribute)
    for method, key in CLIENT_METHODS.items():
        assert key in ENDPOINTS, (method, key)
    for key in ENDPOINT_HOSTS:
        assert key in ENDPOINTS, key


def test_every_endpoint_is_reachable() -> None:
    used = set(CLIENT_METHODS.values()) | {route.endpoint for route in RAW_ROUTES}
    for collection in COLLECTIONS.values():
        used |= set(collection.operations.values())
    for model in MODELS.values():
        used |= set(model.methods.values())
    assert set(ENDPOINTS) - used == set()


def _segments_match(pattern: str, path: str) -> bool:
    """Does route ``pattern`` match ``path``?  A ``{...}`` in ``path`` stays a placeholder."""
    pattern_parts, path_parts = pattern.split("/"), path.split("/")
    if len(pattern_parts) != len(path_parts):
        return False
    for want, have in zip(pattern_parts, path_parts):
        if want.startswith("{"):
            continue
        if want != have:
            return False
    return True


def test_raw_routes() -> None:
    seen = set()
    for index, route in enumerate(RAW_ROUTES):
        method, path, variant = _split_key(route.endpoint)
        assert (route.method, route.path) == (method, path), route
        assert variant is None, route
        assert route.endpoint not in ENDPOINT_HOSTS, route
        assert (route.method, route.path) not in seen, route
        seen.add((route.method, route.path))
        for earlier in RAW_ROUTES[:index]:
            shadowed = earlier.method == route.method and _segments_match(earlier.path, route.path)
            assert not shadowed, f"{route} is shadowed by {earlier}"
    # Every endpoint served by API_SERVER can be reached by raw HTTP.
    for key in ENDPOINTS:
        method, path, variant = _split_key(key)
        if key not in ENDPOINT_HOSTS:
            assert (method, path) in seen, key
    assert API_SERVER == "https://api.nylas.com"


# --- obtaining and reading the SDK ------------------------------------------------------


def _find_archive(directory: Path, release: str) -> Path | None:
    for candidate in sorted(directory.iterdir()):
        rest = candidate.name.removeprefix(f"nylas-{release}")
        if rest != candidate.name and rest[:1] in (".", "-"):
            if rest.endswith((".whl", ".zip", ".tar.gz")):
                return candidate
    return None


def _download(release: str, directory: Path) -> Path:
    found = _find_archive(directory, release)
    if found is not None:
        return found
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--no-binary=:none:",
        "--disable-pip-version-check",
        "-d",
        str(directory),
        f"nylas=={release}",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.fail(f"could not run pip to download nylas=={release}: {error}", pytrace=False)
    if done.returncode != 0:
        pytest.fail(
            f"pip could not download nylas=={release} from the package index (exit "
            f"{done.returncode}); this test needs PyPI access.\n{done.stderr[-3000:]}",
            pytrace=False,
        )
    found = _find_archive(directory, release)
    if found is None:
        pytest.fail(f"pip reported success but no nylas {release} archive is in {directory}")
    return found


_CLIENT_FILE = re.compile(r"^(?:[^/]+/)?nylas/client/([A-Za-z0-9_]+\.py)$")


def _client_sources(archive: Path) -> dict[str, str]:
    """The ``nylas/client/*.py`` files of a wheel or sdist, read without extracting."""
    sources: dict[str, str] = {}
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as bundle:
            for name in bundle.namelist():
                if match := _CLIENT_FILE.match(name):
                    sources[match[1]] = bundle.read(name).decode("utf-8")
    else:
        with tarfile.open(archive, "r:*") as bundle:
            for member in bundle.getmembers():
                match = _CLIENT_FILE.match(member.name)
                handle = bundle.extractfile(member) if member.isfile() and match else None
                if match and handle is not None:
                    sources[match[1]] = handle.read().decode("utf-8")
    assert {"client.py", "restful_models.py"} <= set(sources), archive
    return sources


# Receiver-side names of the HTTP primitives: requests.<verb>(...), <session>.<verb>(...)
# and <session>.request(...).
_PRIMITIVES = frozenset({"get", "post", "put", "patch", "delete", "request"})


def _tail(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _tail(node.func)
    return ""


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _is_self_api(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "api" and _is_self(node.value)


def _decorator_names(function: ast.FunctionDef) -> set[str]:
    return {ast.unparse(decorator) for decorator in function.decorator_list}


@dataclass
class SdkClass:
    name: str
    bases: list[str]
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    properties: set[str] = field(default_factory=set)
    attributes: dict[str, ast.expr] = field(default_factory=dict)


Callee = tuple[str, str, ast.FunctionDef]  # (class of self, defining class, function)


class Sdk:
    """One SDK release's ``nylas/client`` classes and what their members send."""

    def __init__(self, release: str, sources: Mapping[str, str]) -> None:
        self.release = release
        self.classes: dict[str, SdkClass] = {}
        for filename, text in sorted(sources.items()):
            with warnings.catch_warnings():
                # neural_api_models.py has an invalid escape in a regex literal.
                warnings.simplefilter("ignore", (DeprecationWarning, SyntaxWarning))
                tree = ast.parse(text, filename)
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    assert node.name not in self.classes, f"{release}: two classes {node.name}"
                    self.classes[node.name] = self._read_class(node)
        self._verbs: dict[tuple[str, str, str], frozenset[str] | None] = {}
        self._collections: dict[str, list[str]] | None = None

    @staticmethod
    def _read_class(node: ast.ClassDef) -> SdkClass:
        info = SdkClass(node.name, [_tail(base) for base in node.bases])
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                decorators = _decorator_names(item)
                if any(name.endswith((".setter", ".deleter")) for name in decorators):
                    continue
                info.functions[item.name] = item
                if "property" in decorators:
                    info.properties.add(item.name)
            elif isinstance(item, ast.Assign):
                for target in item.targets:
                    if isinstance(target, ast.Name):
                        info.attributes[target.id] = item.value
        return info

    # Class structure.

    def mro(self, name: str) -> list[str]:
        order: list[str] = []

        def visit(current: str) -> None:
            if current in self.classes and current not in order:
                order.append(current)
                for base in self.classes[current].bases:
                    visit(base)

        visit(name)
        return order

    def lookup(self, name: str, member: str, after: str | None = None) -> Callee | None:
        order = self.mro(name)
        if after is not None:
            start = order.index(after) + 1
            order = order[start:]
        for owner in order:
            function = self.classes[owner].functions.get(member)
            if function is not None:
                return name, owner, function
        return None

    def is_property(self, name: str, member: str) -> bool:
        found = self.lookup(name, member)
        return found is not None and member in self.classes[found[1]].properties

    def class_constant(self, name: str, attribute: str) -> object:
        for owner in self.mro(name):
            value = self.classes[owner].attributes.get(attribute)
            if value is not None:
                return ast.literal_eval(value)
        return None

    def is_model(self, name: str) -> bool:
        """Model classes descend from the SDK class that subclasses ``dict``."""
        return any("dict" in self.classes[owner].bases for owner in self.mro(name))

    def public_members(self, name: str) -> set[str]:
        members: set[str] = set()
        for owner in self.mro(name):
            for member in self.classes[owner].functions:
                if not member.startswith("_") or member in ("__iter__", "__getitem__"):
                    members.add(member)
        return members

    # What a member sends.

    def verbs(self, name: str, member: str) -> frozenset[str] | None:
        """HTTP verbs sent by calling (or, for a property, reading) ``name.member``.

        ``None`` when nothing is sent.  A function sends when it reaches an HTTP
        primitive through calls this analysis can follow; its verbs are the primitive's
        own (``session.post``) and every ``HttpMethod.X`` named along the way.
        """
        found = self.lookup(name, member)
        return None if found is None else self._analyse(found)

    def _analyse(self, callee: Callee) -> frozenset[str] | None:
        self_class, owner, function = callee
        key = (self_class, owner, function.name)
        if key in self._verbs:
            return self._verbs[key]
        self._verbs[key] = None  # guards recursion
        sends = False
        verbs: set[str] = set()
        parameters = {argument.arg for argument in function.args.args[1:]}
        for node in ast.walk(function):
            if isinstance(node, ast.Attribute) and _tail(node.value) == "HttpMethod":
                verbs.add(node.attr)
            target: Callee | None = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if self._is_primitive(node.func):
                    sends = True
                    if node.func.attr != "request":
                        verbs.add(node.func.attr.upper())
                    continue
                target = self._resolve_call(self_class, owner, node.func, parameters)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                target = self._resolve_property(self_class, node)
            if target is not None:
                found = self._analyse(target)
                if found is not None:
                    sends = True
                    verbs |= found
        result = frozenset(verbs) if sends else None
        self._verbs[key] = result
        return result

    @staticmethod
    def _is_primitive(function: ast.Attribute) -> bool:
        if function.attr not in _PRIMITIVES:
            return False
        receiver = function.value
        if isinstance(receiver, ast.Name) and receiver.id == "requests":
            return True
        return "session" in _tail(receiver)

    def _resolve_call(
        self, self_class: str, owner: str, function: ast.Attribute, parameters: set[str]
    ) -> Callee | None:
        receiver, member = function.value, function.attr
        if _is_self(receiver):
            return self.lookup(self_class, member)
        if isinstance(receiver, ast.Call) and _tail(receiver.func) == "super":
            return self.lookup(self_class, member, after=owner)
        if _is_self_api(receiver):
            return self.lookup("APIClient", member)
        if isinstance(receiver, ast.Name) and receiver.id in self.classes:
            # Base.method(self, ...) or Model.create(...).
            found = self.lookup(receiver.id, member)
            if found is not None and receiver.id in self.mro(self_class):
                return self_class, found[1], found[2]
            return found
        if (
            isinstance(receiver, ast.Attribute)
            and _is_self_api(receiver.value)
            and self.is_property("APIClient", receiver.attr)
        ):
            # self.api.files.get(id): the collection class the property builds.
            for built in self.built_by("APIClient", receiver.attr):
                found = self.lookup(built, member)
                if found is not None:
                    return found
        if isinstance(receiver, ast.Name) and receiver.id in parameters:
            # A parameter named after a model class holds one (Draft.attach(file)).
            for name in self.classes:
                if name.lower() == receiver.id.lower():
                    return self.lookup(name, member)
        return None

    def _resolve_property(self, self_class: str, node: ast.Attribute) -> Callee | None:
        if _is_self(node.value) and self.is_property(self_class, node.attr):
            return self.lookup(self_class, node.attr)
        if _is_self_api(node.value) and self.is_property("APIClient", node.attr):
            return self.lookup("APIClient", node.attr)
        return None

    # Collections.

    def _returned_calls(self, name: str, member: str) -> Iterator[ast.Call]:
        found = self.lookup(name, member)
        if found is None:
            return
        for node in ast.walk(found[2]):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Call):
                yield node.value

    def built_by(self, name: str, member: str) -> list[str]:
        """SDK classes that property ``name.member`` constructs and returns."""
        return [
            call.func.id
            for call in self._returned_calls(name, member)
            if isinstance(call.func, ast.Name) and call.func.id in self.classes
        ]

    def collection_attributes(self) -> dict[str, list[str]]:
        """APIClient properties that return an SDK object or send a request when read.

        Nested collections (``authentication.integrations``) get dotted keys.
        """
        if self._collections is not None:
            return self._collections
        found: dict[str, list[str]] = {}
        for member in sorted(self.classes["APIClient"].properties):
            built = self.built_by("APIClient", member)
            if built or self.verbs("APIClient", member) is not None:
                found[member] = built
                for holder in built:
                    if self.is_model(holder):
                        continue
                    for nested in sorted(self.classes[holder].properties):
                        if inner := self.built_by(holder, nested):
                            found[f"{member}.{nested}"] = inner
        self._collections = found
        return found

    def model_candidates(self, attribute: str, built: list[str]) -> set[str]:
        """The model classes a collection attribute holds, read from its construction."""
        models: set[str] = set()
        owner, _, member = attribute.rpartition(".")
        for call in self._returned_calls(
            "APIClient" if not owner else self.collection_attributes()[owner][0], member
        ):
            if isinstance(call.func, ast.Name) and call.func.id in built:
                first = call.args[0] if call.args else None
                if self.is_model(call.func.id):
                    models.add(call.func.id)
                elif isinstance(first, ast.Name) and self.is_model(first.id):
                    models.add(first.id)
        for holder in built:
            # SchedulerRestfulModelCollection.__init__ calls
            # RestfulModelCollection.__init__(self, Scheduler, api).
            init = self.classes[holder].functions.get("__init__")
            for node in ast.walk(init) if init is not None else ():
                if (
                    isinstance(node, ast.Call)
                    and _tail(node.func) == "__init__"
                    and len(node.args) > 1
                    and isinstance(node.args[1], ast.Name)
                    and self.is_model(node.args[1].id)
                ):
                    models.add(node.args[1].id)
        return models

    def sets_api_server(self, name: str) -> str | None:
        """The host a collection class points its API copy at, if it changes it."""
        for owner in self.mro(name):
            for function in self.classes[owner].functions.values():
                for node in ast.walk(function):
                    if isinstance(node, ast.Assign) and any(
                        isinstance(target, ast.Attribute) and target.attr == "api_server"
                        for target in node.targets
                    ):
                        value = node.value
                        if isinstance(value, ast.Constant) and isinstance(value.value, str):
                            return value.value
                        return "(computed)"
        return None

    def search_models(self) -> set[str]:
        """Model classes RestfulModelCollection.search accepts (``model_class is X``)."""
        found = self.lookup("RestfulModelCollection", "search")
        assert found is not None
        return {
            comparator.id
            for node in ast.walk(found[2])
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.Is) for op in node.ops)
            for comparator in node.comparators
            if isinstance(comparator, ast.Name) and comparator.id in self.classes
        }

    def children(self, name: str) -> dict[str, str]:
        """Properties returning ``self.child_collection(Model, ...)``: name -> Model."""
        found: dict[str, str] = {}
        for owner in self.mro(name):
            for member in self.classes[owner].properties:
                for call in self._returned_calls(name, member):
                    if (
                        isinstance(call.func, ast.Attribute)
                        and call.func.attr == "child_collection"
                        and call.args
                        and isinstance(call.args[0], ast.Name)
                    ):
                        found.setdefault(member, call.args[0].id)
        return found

    def model_path(self, name: str) -> str:
        """The collection path of a model class, as APIClient builds it."""
        api_root = self.class_constant(name, "api_root")
        collection_name = self.class_constant(name, "collection_name")
        path = ""
        # 4.x marks the default root as "n" and only treats "a" specially
        # (client.py, _get_resources: ``if cls.api_root != "a"``); 5.x uses None.
        if api_root not in (None, "n"):
            path += f"/{api_root}/{{client_id}}"
        if collection_name:
            path += f"/{collection_name}"
        return path


@pytest.fixture(scope="session")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Sdk]:
    cache = os.environ.get("NYLAS_SDK_CACHE")
    directory = Path(cache) if cache else tmp_path_factory.mktemp("nylas-sdk")
    directory.mkdir(parents=True, exist_ok=True)
    return {
        major: Sdk(release, _client_sources(_download(release, directory)))
        for major, release in SDK_RELEASES.items()
    }


# --- the map against the SDK ------------------------------------------------------------


def _method_of(key: str) -> str:
    return _split_key(key)[0]


def _path_of(key: str) -> str:
    return _split_key(key)[1]


def _check_verb(sdk: Sdk, owner: str, member: str, key: str) -> None:
    verbs = sdk.verbs(owner, member)
    if verbs is None:
        return
    assert verbs, f"{sdk.release} {owner}.{member}: sends, but the verb is not visible"
    assert _method_of(key) in verbs, (
        f"{sdk.release} {owner}.{member} sends {sorted(verbs)}, the map says {key!r}"
    )


def test_sdk_collection_attributes_are_mapped(sdks: dict[str, Sdk]) -> None:
    majors_by_attribute: dict[str, list[str]] = {}
    for major, sdk in sorted(sdks.items()):
        for attribute in sdk.collection_attributes():
            majors_by_attribute.setdefault(attribute, []).append(major)
    # The APIClient of both releases exposes the classic collections.
    assert {"messages", "threads", "drafts", "events", "account"} <= set(majors_by_attribute)
    assert set(majors_by_attribute) == set(COLLECTIONS), (
        f"missing: {sorted(set(majors_by_attribute) - set(COLLECTIONS))}, "
        f"not in the SDK: {sorted(set(COLLECTIONS) - set(majors_by_attribute))}"
    )
    for attribute, majors in majors_by_attribute.items():
        assert COLLECTIONS[attribute].versions == ",".join(majors), attribute


def test_sdk_collection_models_and_paths(sdks: dict[str, Sdk]) -> None:
    for sdk in sdks.values():
        for attribute, built in sdk.collection_attributes().items():
            collection = COLLECTIONS[attribute]
            candidates = sdk.model_candidates(attribute, built)
            if not candidates:
                continue
            assert collection.model in candidates, (sdk.release, attribute, candidates)
            if not any("RestfulModelCollection" in sdk.mro(name) for name in built):
                continue
            path = sdk.model_path(collection.model)
            assert collection.path == path, (sdk.release, attribute)
            # The generic operations of RestfulModelCollection.
            for operation, key in collection.operations.items():
                if operation in ("get", "delete"):
                    assert _path_of(key) == f"{path}/{{id}}", (attribute, operation, key)
                elif operation == "search":
                    assert _path_of(key) == f"{path}/search", (attribute, operation, key)
                elif operation in sdk.public_members("RestfulModelCollection"):
                    assert _path_of(key) == path, (attribute, operation, key)


def test_sdk_collection_operations_are_mapped(sdks: dict[str, Sdk]) -> None:
    known: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    allowed_used: set[tuple[str, str]] = set()
    for sdk in sdks.values():
        search_models = sdk.search_models()
        assert search_models == {"Message", "Thread"}, search_models
        for attribute, built in sdk.collection_attributes().items():
            operations = COLLECTIONS[attribute].operations
            model = COLLECTIONS[attribute].model
            owner, _, member = attribute.rpartition(".")
            holder = sdk.collection_attributes()[owner][0] if owner else "APIClient"
            if sdk.verbs(holder, member) is not None:
                assert "__get__" in operations, (sdk.release, attribute)
                _check_verb(sdk, holder, member, operations["__get__"])
                known[attribute].add("__get__")
            for name in built:
                for operation in sdk.public_members(name):
                    known[attribute].add(operation)
                    verbs = sdk.verbs(name, operation)
                    if operation == "search" and verbs is not None:
                        # search() raises unless the collection holds Message or Thread.
                        assert (operation in operations) == (model in search_models), attribute
                        continue
                    if verbs is None:
                        if operation in LAZY_OPERATIONS:
                            continue
                        assert operation not in operations, (
                            f"{sdk.release} {attribute}.{operation} sends no request"
                        )
                        continue
                    if (attribute, operation) in UNMAPPED_MEMBERS:
                        assert operation not in operations, (attribute, operation)
                        allowed_used.add((attribute, operation))
                        continue
                    assert operation in operations, (
                        f"{sdk.release}: {attribute}.{operation} sends {sorted(verbs)} "
                        "and is not mapped"
                    )
                    _check_verb(sdk, name, operation, operations[operation])
    stale = {entry for entry in UNMAPPED_MEMBERS if entry[0] in COLLECTIONS} - allowed_used
    assert not stale, f"allow-list entries that send nothing: {sorted(stale)}"
    for attribute, collection in COLLECTIONS.items():
        unknown = set(collection.operations) - known[attribute]
        assert not unknown, f"{attribute}: no SDK release has {sorted(unknown)}"
        for lazy, source in LAZY_OPERATIONS.items():
            if lazy in collection.operations:
                assert collection.operations[lazy] == collection.operations[source], attribute


def _model_classes(sdk: Sdk) -> list[str]:
    return sorted(
        name for name in sdk.classes if sdk.is_model(name) and name not in UNMAPPED_CLASSES
    )


def test_sdk_model_methods_are_mapped(sdks: dict[str, Sdk]) -> None:
    for sdk in sdks.values():
        for name in _model_classes(sdk):
            sending = {
                member: verbs
                for member in sdk.public_members(name)
                if (verbs := sdk.verbs(name, member)) is not None
            }
            children = sdk.children(name)
            if not sending and not children:
                continue
            assert name in MODELS, f"{sdk.release}: {name} sends requests and is not mapped"
            model = MODELS[name]
            for member, verbs in sorted(sending.items()):
                if (name, member) in UNMAPPED_MEMBERS:
                    assert member not in model.methods, (name, member)
                    continue
                assert member in model.methods, (
                    f"{sdk.release}: {name}.{member} sends {sorted(verbs)} and is not mapped"
                )
                _check_verb(sdk, name, member, model.methods[member])
            for child, child_model in children.items():
                assert child in model.children, (sdk.release, name, child)
                assert COLLECTIONS[model.children[child]].model == child_model, (name, child)


def test_sdk_model_methods_that_send_nothing_are_listed(sdks: dict[str, Sdk]) -> None:
    # A call of any other public name on a model object is taken for a method the map
    # does not know (NYS304): each method the SDK has must be mapped or listed.
    listed: set[str] = set()
    for sdk in sdks.values():
        for name in _model_classes(sdk):
            model = MODELS.get(name)
            if model is None:
                continue
            for member in sdk.public_members(name) - {"__iter__", "__getitem__"}:
                if sdk.verbs(name, member) is not None or sdk.is_property(name, member) or any(
                        member in table for table in (
                            model.methods, model.children, model.members, model.results)):
                    continue
                if (name, member) == ("Account", "delete"):
                    continue  # 4.x: raises NotImplementedError; a call is rightly NYS304
                assert member in MODEL_LOCAL_METHODS, (
                    f"{sdk.release}: {name}.{member} sends nothing and is not listed")
                listed.add(member)
    # The rest of the list is what ``dict``, every model's base class, gives.
    assert MODEL_LOCAL_METHODS - listed <= set(dir(dict)), sorted(MODEL_LOCAL_METHODS - listed)


def test_map_names_nothing_the_sdk_lacks(sdks: dict[str, Sdk]) -> None:
    for name, model in MODELS.items():
        having = [sdk for sdk in sdks.values() if name in sdk.classes]
        assert having, f"no SDK release has a class {name}"
        for member in model.methods:
            assert any(
                member in sdk.public_members(name) and sdk.verbs(name, member) is not None
                for sdk in having
            ), f"{name}.{member} is not a request-making member in any SDK release"
        for child in model.children:
            assert any(child in sdk.children(name) for sdk in having), (name, child)
    for method in CLIENT_METHODS:
        assert any(
            method in sdk.public_members("APIClient")
            and not sdk.is_property("APIClient", method)
            and sdk.verbs("APIClient", method) is not None
            for sdk in sdks.values()
        ), f"APIClient.{method} is not a request-making method in any SDK release"
    for (owner, member), reason in UNMAPPED_MEMBERS.items():
        assert reason
        if owner in COLLECTIONS:
            continue  # checked with the collection operations
        assert any(
            owner in sdk.classes and sdk.verbs(owner, member) is not None
            for sdk in sdks.values()
        ), f"stale allow-list entry {owner}.{member}"
    for name in UNMAPPED_CLASSES:
        assert any(name in sdk.classes for sdk in sdks.values()), name
        assert name not in MODELS, name


def test_sdk_client_methods_are_mapped(sdks: dict[str, Sdk]) -> None:
    for sdk in sdks.values():
        for member in sorted(sdk.public_members("APIClient")):
            if sdk.is_property("APIClient", member):
                continue
            verbs = sdk.verbs("APIClient", member)
            if verbs is None:
                assert member not in CLIENT_METHODS, f"APIClient.{member} sends no request"
                continue
            assert member in CLIENT_METHODS, (
                f"{sdk.release}: APIClient.{member} sends {sorted(verbs)} and is not mapped"
            )
            _check_verb(sdk, "APIClient", member, CLIENT_METHODS[member])


def test_sdk_client_members_that_send_nothing(sdks: dict[str, Sdk]) -> None:
    # ``CLIENT_DATA`` names what the client holds and the methods that build values;
    # an attribute beyond it and the mapped ones is taken for one that may send.
    members: set[str] = set()
    for sdk in sdks.values():
        for owner in sdk.mro("APIClient"):
            for function in sdk.classes[owner].functions.values():
                members |= {
                    target.attr
                    for node in ast.walk(function)
                    if isinstance(node, ast.Assign)
                    for target in node.targets
                    if isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and not target.attr.startswith("_")
                }
        for member in sdk.public_members("APIClient"):
            if sdk.verbs("APIClient", member) is None and member not in COLLECTIONS:
                members.add(member)
    encoder = {name for name in dir(json.JSONEncoder) if not name.startswith("_")}
    encoder |= set(vars(json.JSONEncoder()))
    # The two ``requests.Session`` objects carry the client's credentials.
    assert members | encoder == CLIENT_DATA | {"session", "admin_session"}
    assert not CLIENT_DATA & (set(COLLECTIONS) | set(CLIENT_METHODS))


def test_sdk_model_writes_use_the_model_path(sdks: dict[str, Sdk]) -> None:
    # save() and update() send to the model's own collection (self.cls).
    collection_models = {collection.model for collection in COLLECTIONS.values()}
    for sdk in sdks.values():
        for name in sorted(collection_models & set(sdk.classes)):
            path = sdk.model_path(name)
            for member in ("save", "update"):
                key = MODELS[name].methods.get(member)
                if key is not None and path:
                    assert _path_of(key).startswith(path), (sdk.release, name, member, key)


def test_sdk_hosts(sdks: dict[str, Sdk]) -> None:
    for sdk in sdks.values():
        attributes = sdk.collection_attributes()
        for attribute, built in attributes.items():
            owner = attribute.partition(".")[0]
            hosts = {sdk.sets_api_server(name) for name in attributes[owner] + built}
            hosts.discard(None)
            collection = COLLECTIONS[attribute]
            keys = set(collection.operations.values())
            keys |= set(MODELS[collection.model].methods.values())
            if not hosts:
                assert not keys & set(ENDPOINT_HOSTS), (attribute, keys & set(ENDPOINT_HOSTS))
                continue
            for key in keys:
                assert key in ENDPOINT_HOSTS, (attribute, key)
                for host in hosts - {"(computed)"}:
                    assert ENDPOINT_HOSTS[key] == host, (attribute, key, host)
