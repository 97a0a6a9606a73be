"""The v3 endpoint map and SDK description checked against nylas-python 6.0.0 and 6.18.0.

The releases come from the package index with ``pip download`` (the helper of
``test_endpoints_v2``) and are read with ``ast`` straight from the archive; nothing of
the SDK is imported or executed.  What each resource method sends is derived from the
source: the ``super().list/find/create/update/patch/destroy`` helpers of
``nylas/handler/api_resources.py`` (whose HTTP methods are read from that file too),
direct ``self._http_client._execute`` / ``_execute_download_request`` calls, and private
helpers of the same class.  Paths are the f-strings (or strings) handed to those calls,
through local variables and conditional expressions.

Set ``NYLAS_SDK_CACHE`` to a directory to keep the downloaded archives between runs.
"""

from __future__ import annotations

import ast
import os
import re
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_endpoints_v2 import _download
from test_v3_catalogue import version

from flake8_nylas_scopes.nylas_api.v3 import sdk
from flake8_nylas_scopes.nylas_api.v3.endpoints import CHECKED_RELEASES, SDK_METHODS
from flake8_nylas_scopes.nylas_api.v3.types import ProviderFrom, Serialisation

_SOURCE_FILE = re.compile(r"^(?:[^/]+/)?(nylas/[A-Za-z0-9_/]+\.py)$")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")

# The generic helpers of nylas/handler/api_resources.py take the path from the caller;
# a resource that inherits one without overriding it exposes it (``bookings.list``),
# but it is no operation of that resource: apps would have to pass the path.
HANDLER_FILE = "nylas/handler/api_resources.py"

Request = tuple[str, str]  # (HTTP method, path template)


def _sources(archive: Path) -> dict[str, str]:
    """Every ``nylas/**/*.py`` of a wheel or sdist, read without extracting."""
    found: dict[str, str] = {}
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as bundle:
            for name in bundle.namelist():
                if match := _SOURCE_FILE.match(name):
                    found[match[1]] = bundle.read(name).decode("utf-8")
    else:
        with tarfile.open(archive, "r:*") as bundle:
            for member in bundle.getmembers():
                match = _SOURCE_FILE.match(member.name)
                handle = bundle.extractfile(member) if member.isfile() and match else None
                if match and handle is not None:
                    found[match[1]] = handle.read().decode("utf-8")
    assert {"nylas/client.py", HANDLER_FILE, "nylas/resources/auth.py"} <= set(found), archive
    return found


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _is_http_client(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "_http_client" and _is_self(
        node.value
    )


def _is_super_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "super"
    )


def _argument(call: ast.Call, name: str, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return call.args[position] if len(call.args) > position else None


def _parameters(function: ast.FunctionDef) -> list[str]:
    return [argument.arg for argument in function.args.args[1:]]


def _is_property(function: ast.FunctionDef) -> bool:
    return any(ast.unparse(decorator) == "property" for decorator in function.decorator_list)


@dataclass
class ResourceClass:
    name: str
    module: str
    node: ast.ClassDef
    bases: list[str]
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)


class Sdk:
    """What one nylas-python 6.x release exposes and sends."""

    def __init__(self, release: str, sources: dict[str, str]) -> None:
        self.release = release
        self.sources = sources
        self.trees = {path: ast.parse(text, path) for path, text in sources.items()}
        self.classes: dict[str, ResourceClass] = {}
        for path, tree in self.trees.items():
            if not (path.startswith("nylas/resources/") or path == "nylas/client.py"):
                continue
            module = path.removesuffix(".py").replace("/", ".")
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    bases = [ast.unparse(base) for base in node.bases]
                    info = ResourceClass(node.name, module, node, bases)
                    for item in node.body:
                        if isinstance(item, ast.FunctionDef):
                            info.functions[item.name] = item
                    self.classes[node.name] = info
        self.helpers = self._helper_verbs()

    # The generic helpers.

    def _helper_verbs(self) -> dict[str, str]:
        """``list`` -> ``GET`` etc., read from the ``_execute`` call of each helper."""
        verbs: dict[str, str] = {}
        for node in self.trees[HANDLER_FILE].body:
            if not isinstance(node, ast.ClassDef):
                continue
            for function in node.body:
                if not isinstance(function, ast.FunctionDef):
                    continue
                for call in ast.walk(function):
                    if not (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "_execute"
                    ):
                        continue
                    verb = _argument(call, "method", 0)
                    if isinstance(verb, ast.Name):  # the helper's ``method`` parameter
                        defaults = dict(
                            zip(reversed(_parameters(function)), reversed(function.args.defaults))
                        )
                        verb = defaults[verb.id]
                    assert isinstance(verb, ast.Constant), ast.unparse(call)
                    verbs[function.name] = str(verb.value)
        assert {"list", "find", "create", "update", "destroy"} <= set(verbs), verbs
        return verbs

    # Client and resource attributes.

    def _properties(self, name: str) -> dict[str, str]:
        """Properties returning ``SomeResource(...)``: attribute -> class name."""
        found: dict[str, str] = {}
        for member, function in self.classes[name].functions.items():
            if not _is_property(function):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Return)
                    and isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Name)
                ):
                    found[member] = node.value.func.id
        return found

    def resources(self) -> dict[str, str]:
        """Attribute path from ``Client`` -> resource class name."""
        found: dict[str, str] = {}
        pending = [("", "Client")]
        while pending:
            prefix, owner = pending.pop()
            for member, class_name in self._properties(owner).items():
                path = f"{prefix}{member}"
                assert class_name in self.classes, (self.release, path, class_name)
                found[path] = class_name
                pending.append((path + ".", class_name))
        return found

    def methods(self, class_name: str) -> dict[str, ast.FunctionDef]:
        info = self.classes[class_name]
        # Resource classes derive from the generic helpers and Resource only, so their
        # own public functions are all their operations.
        for base in info.bases:
            assert base in self.helper_classes() or base in ("Resource", ""), (
                self.release, class_name, base,
            )
        return {
            name: function
            for name, function in info.functions.items()
            if not name.startswith("_") and not _is_property(function)
        }

    def helper_classes(self) -> set[str]:
        return {
            node.name for node in self.trees[HANDLER_FILE].body if isinstance(node, ast.ClassDef)
        } | {"Resource"}

    # What a method sends.

    def requests(self, class_name: str, function: ast.FunctionDef) -> tuple[set[Request], bool]:
        """The requests ``function`` sends, and whether it only builds a URL."""
        sent = set(self._sent(class_name, function, set()))
        if sent:
            return sent, False
        urls = {("GET", path) for path in self._url_paths(class_name, function, set())}
        assert urls, f"{self.release}: {class_name}.{function.name} sends nothing visible"
        return urls, True

    def _sent(self, class_name: str, function: ast.FunctionDef, seen: set[str]
              ) -> Iterator[Request]:
        seen.add(function.name)
        for node in ast.walk(function):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            receiver, member = node.func.value, node.func.attr
            if _is_super_call(receiver) and member in self.helpers:
                verb_node = _argument(node, "method", 99)
                verb = (
                    str(verb_node.value) if isinstance(verb_node, ast.Constant)
                    else self.helpers[member]
                )
                path = _argument(node, "path", 0)
            elif _is_http_client(receiver) and member == "_execute":
                verb_node = _argument(node, "method", 0)
                assert isinstance(verb_node, ast.Constant), ast.unparse(node)
                verb, path = str(verb_node.value), _argument(node, "path", 1)
            elif _is_http_client(receiver) and member == "_execute_download_request":
                verb, path = "GET", _argument(node, "path", 0)
            elif _is_self(receiver) and member.startswith("_") and member not in seen:
                helper = self.classes[class_name].functions.get(member)
                if helper is not None:
                    yield from self._sent(class_name, helper, seen)
                continue
            else:
                continue
            assert path is not None, ast.unparse(node)
            for template in self._templates(path, function):
                yield verb, template

    def _url_paths(self, class_name: str, function: ast.FunctionDef, seen: set[str]
                   ) -> Iterator[str]:
        seen.add(function.name)
        for node in ast.walk(function):
            if isinstance(node, ast.JoinedStr) and "/v3/" in self._template(node, function):
                text = self._template(node, function)
                yield text[text.index("/v3/"):]
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and _is_self(node.func.value)
                and node.func.attr not in seen
                and node.func.attr in self.classes[class_name].functions
            ):
                helper = self.classes[class_name].functions[node.func.attr]
                yield from self._url_paths(class_name, helper, seen)

    def _templates(self, expression: ast.expr, function: ast.FunctionDef) -> list[str]:
        if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
            return [expression.value]
        if isinstance(expression, ast.JoinedStr):
            return [self._template(expression, function)]
        if isinstance(expression, ast.IfExp):
            return self._templates(expression.body, function) + self._templates(
                expression.orelse, function
            )
        if isinstance(expression, ast.Name):
            values = [
                node.value
                for node in ast.walk(function)
                if isinstance(node, ast.Assign)
                and any(
                    isinstance(target, ast.Name) and target.id == expression.id
                    for target in node.targets
                )
            ]
            assert values, f"{self.release}: {function.name}: no value for {expression.id}"
            return [template for value in values for template in self._templates(value, function)]
        raise AssertionError(f"{self.release}: {function.name}: path {ast.unparse(expression)}")

    @staticmethod
    def _template(node: ast.JoinedStr, function: ast.FunctionDef) -> str:
        """An f-string as a path template: each ``{...}`` named after the parameter in it."""
        parameters = set(_parameters(function))
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
                continue
            assert isinstance(value, ast.FormattedValue)
            names = [
                inner.id
                for inner in ast.walk(value.value)
                if isinstance(inner, ast.Name) and inner.id in parameters
            ]
            parts.append("{" + (names[0] if names else "") + "}")
        return "".join(parts)

    # Other facts.

    def function(self, class_name: str, name: str) -> ast.FunctionDef:
        return self.classes[class_name].functions[name]

    def module_function(self, path: str, name: str) -> ast.FunctionDef:
        for node in self.trees[path].body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return node
        raise AssertionError(f"{self.release}: no function {name} in {path}")

    def provider_literal(self) -> set[str]:
        for node in self.trees["nylas/models/auth.py"].body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "Provider" for t in node.targets)
                and isinstance(node.value, ast.Subscript)
            ):
                elements = node.value.slice
                assert isinstance(elements, ast.Tuple)
                return {str(ast.literal_eval(element)) for element in elements.elts}
        raise AssertionError(f"{self.release}: no Provider literal")


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Sdk]:
    cache = os.environ.get("NYLAS_SDK_CACHE")
    directory = Path(cache) if cache else tmp_path_factory.mktemp("nylas-sdk-v3")
    directory.mkdir(parents=True, exist_ok=True)
    return {
        release: Sdk(release, _sources(_download(release, directory)))
        for release in CHECKED_RELEASES
    }


def _active(since: str, before: str | None, release: str) -> bool:
    return version(since) <= version(release) and (
        before is None or version(release) < version(before)
    )


def _normal(path: str) -> str:
    return _PLACEHOLDER.sub("{}", path)


def _found_methods(sdk_release: Sdk) -> dict[tuple[str, str], tuple[set[Request], bool]]:
    found = {}
    for path, class_name in sdk_release.resources().items():
        for name, function in sdk_release.methods(class_name).items():
            found[(path, name)] = sdk_release.requests(class_name, function)
    return found


# --- resources and methods -------------------------------------------------------------


def test_client_resources(sdks: dict[str, Sdk]) -> None:
    for release, found in sdks.items():
        expected = {
            path: attribute.class_name
            for path, attribute in sdk.RESOURCES.items()
            if _active(attribute.since, None, release)
        }
        assert found.resources() == expected, release
        for path in expected:
            attribute = sdk.RESOURCES[path]
            assert found.classes[attribute.class_name].module == attribute.module, path


def test_every_sdk_method_has_a_row(sdks: dict[str, Sdk]) -> None:
    for release, found in sdks.items():
        for key in _found_methods(found):
            assert key in SDK_METHODS, f"{release}: {key[0]}.{key[1]} is not in the map"
            assert _active(SDK_METHODS[key].since, None, release), (
                f"{release} has {key[0]}.{key[1]}, the map says since {SDK_METHODS[key].since}"
            )


def test_every_row_exists_in_a_release(sdks: dict[str, Sdk]) -> None:
    found = {release: _found_methods(sdk_release) for release, sdk_release in sdks.items()}
    for key, row in SDK_METHODS.items():
        having = [release for release in sdks if key in found[release]]
        assert having, f"{key[0]}.{key[1]} is in no checked release"
        for release in sdks:
            # The release that added the method: present from it on, absent before.
            assert (key in found[release]) == _active(row.since, None, release), (
                f"{key[0]}.{key[1]} since {row.since}; in {release}: {key in found[release]}"
            )


def test_http_methods_and_paths_match(sdks: dict[str, Sdk]) -> None:
    for release, sdk_release in sdks.items():
        for key, (requests, url_only) in _found_methods(sdk_release).items():
            row = SDK_METHODS[key]
            calls = [call for call in row.calls if _active(call.since, call.before, release)]
            assert calls, f"{release}: {key} has no call active in this release"
            assert row.url_only == url_only, (release, key)
            mapped = {(call.http_method, _normal(call.path)) for call in calls}
            sent = {(verb, _normal(path)) for verb, path in requests}
            assert mapped == sent, f"{release} {key[0]}.{key[1]}: SDK {sent}, map {mapped}"
            if release == CHECKED_RELEASES[-1]:
                # The map spells placeholders as the newest release names its parameters.
                assert {(c.http_method, c.path) for c in calls} == requests, (release, key)


# --- the client and the scope sites ---------------------------------------------------


def test_client_classes_and_parameters(sdks: dict[str, Sdk]) -> None:
    assert sdk.CLIENT_CLASSES == {"nylas.Client", "nylas.client.Client"}
    for release, found in sdks.items():
        init = found.trees["nylas/__init__.py"]
        imported = {
            f"{node.module}.{alias.name}"
            for node in init.body
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        assert imported == {"nylas.client.Client"}, release
        parameters = _parameters(found.function("Client", "__init__"))
        assert tuple(parameters) == sdk.CLIENT_PARAMETERS, release


def _stored_on_self(function: ast.FunctionDef) -> set[str]:
    return {
        target.attr
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Attribute) and _is_self(target.value)
    }


def test_client_members_that_send_nothing(sdks: dict[str, Sdk]) -> None:
    # Every other public member of the client is a resource, or ``http_client``,
    # which can send any request: an unknown one is taken for a later resource.
    for release, found in sdks.items():
        client = found.classes["Client"]
        members = {name for name in client.functions if not name.startswith("_")}
        members |= _stored_on_self(client.functions["__init__"])
        resources = {path for path in found.resources() if "." not in path}
        assert members - resources - {"http_client"} == sdk.CLIENT_DATA, release


def test_provider_values(sdks: dict[str, Sdk]) -> None:
    for release, found in sdks.items():
        expected = {
            value for value, since in sdk.PROVIDER_VALUES.items() if _active(since, None, release)
        }
        assert found.provider_literal() == expected, release


def _call_to(function: ast.FunctionDef, names: set[str]) -> ast.Call:
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in names:
                return node
    raise AssertionError(f"{function.name} calls none of {names}")


def _joins_scope_in_place(function: ast.FunctionDef) -> bool:
    """``config["scope"] = " ".join(config["scope"])`` on the function's own parameter."""
    for node in ast.walk(function):
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        call = node.value
        joins = (
            isinstance(call.func, ast.Attribute)
            and call.func.attr == "join"
            and isinstance(call.func.value, ast.Constant)
            and call.func.value.value == " "
        )
        target = node.targets[0]
        if joins and isinstance(target, ast.Subscript) and ast.unparse(target.slice) == "'scope'":
            return ast.unparse(call.args[0]) == ast.unparse(target)
    return False


def test_scope_sites(sdks: dict[str, Sdk]) -> None:
    for release, found in sdks.items():
        resources = found.resources()
        auth_file = "nylas/resources/auth.py"
        builders = {
            node.name for node in found.trees[auth_file].body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("_build_query")
        }
        base_builder = found.module_function(auth_file, "_build_query")
        assert _joins_scope_in_place(base_builder), release
        # The plural key is not read by any 6.0.0+ release.
        assert not any(
            isinstance(node, ast.Constant) and node.value in sdk.IGNORED_SCOPE_KEYS
            for node in ast.walk(found.trees[auth_file])
        ), release
        for site in sdk.SCOPE_SITES:
            if not _active(site.since, site.before, release):
                continue
            function = found.function(resources[site.resource], site.method)
            parameters = _parameters(function)
            assert parameters[site.position] == site.argument, (release, site)
            if site.provider_from is ProviderFrom.FIRST_ARGUMENT:
                assert parameters[0] == "provider", (release, site)
            if site.serialisation is Serialisation.URL_SPACE_JOINED:
                call = _call_to(function, builders)
                argument = call.args[0]
                # Passing the caller's dict itself lets _build_query rewrite it.
                assert isinstance(argument, ast.Name)
                assert (argument.id == site.argument) == site.mutates_argument, (release, site)
                if not site.mutates_argument:
                    copies = [
                        node.value for node in ast.walk(function)
                        if isinstance(node, ast.Assign)
                        and ast.unparse(node.targets[0]) == argument.id
                    ]
                    assert len(copies) == 1 and isinstance(copies[0], ast.Dict), (release, site)
                    copy = copies[0]
                    defaults = {
                        ast.literal_eval(key): ast.literal_eval(value)
                        for key, value in zip(copy.keys, copy.values)
                        if key is not None
                    }
                    assert defaults.get("provider") == site.default_provider, (release, site)
                    # The caller's keys come after the default, so they win.
                    assert copy.keys[-1] is None and ast.unparse(copy.values[-1]) == site.argument
                else:
                    assert site.default_provider is None, site
            else:
                bodies = [
                    keyword.value
                    for node in ast.walk(function)
                    if isinstance(node, ast.Call)
                    for keyword in node.keywords
                    if keyword.arg == "request_body"
                ]
                assert any(
                    isinstance(body, ast.Name) and body.id == site.argument for body in bodies
                ), (release, site)
                # JSON bodies go through json.dumps in the HTTP client (6.0.0 hands the
                # body to requests as json=, which serialises it the same way).
                client = found.sources["nylas/handler/http_client.py"]
                assert "json.dumps(" in client or "json=request_body" in client, release
