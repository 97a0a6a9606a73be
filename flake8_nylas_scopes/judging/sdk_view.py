"""Every SDK generation's surface, joined for the resolver, with what it derives.

The resolver asks the same questions of both generations' objects (what an
attribute of this object is, what calling that method requests, what an object that
escapes could still request); this module answers them from the ``SdkSurface`` of
each API version in the registry, so the resolver holds no table of its own.  Objects
of API v3 carry their version in their name (``"v3:messages"``): the v2 collection of
the same attribute is another thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from ..nylas_api import API_VERSIONS
from ..nylas_api.shared_names import (
    DISTINCTIVE_CLIENT_METHODS,
    DISTINCTIVE_MODEL_METHODS,
    SHARED_MODEL_METHODS,
    SHARED_OPERATIONS,
)
from ..nylas_api.types import Collection, Endpoint, Model, Resource, SdkSurface

V3_PREFIX = "v3:"


class SdkView:
    def __init__(self, v2: SdkSurface, v3: SdkSurface) -> None:
        self.collections: Mapping[str, Collection] = v2.collections
        self.models: Mapping[str, Model] = v2.models
        self.client_methods: Mapping[str, str] = v2.client_methods
        self.model_modules = v2.model_modules
        # Builds a URL for the browser: a use of the client that requests nothing.
        self.auth_url_method = v2.auth_url_method
        # Builds an unsaved model from keywords only (``events.create(title=...)``).
        self.model_builder = v2.model_builder
        # What a model object holds its client as (``draft.api``).
        self.model_client_attribute = v2.model_client_attribute
        # The public methods of model objects that send no request.
        self.model_local_methods = v2.model_local_methods
        self.distinctive_chains = v2.distinctive_chains | v3.distinctive_chains
        # Operations other libraries' collection-like objects have too, and model
        # methods no other library has: for telling a call on an unknown object.
        self.shared_operations = SHARED_OPERATIONS
        self.distinctive_model_methods = DISTINCTIVE_MODEL_METHODS
        self.distinctive_client_methods = DISTINCTIVE_CLIENT_METHODS
        self.shared_model_methods = SHARED_MODEL_METHODS
        self.app_level_helpers = v2.app_level_helpers | v3.app_level_helpers
        # The SDK helper classes whose instances build the hosted-authentication URL
        # (``Routes(client)``), and by method name the class whose request it makes:
        # the method name alone is common, the object shows it is the helper's.
        self.auth_url_helper_methods: Mapping[str, str] = {
            method.rpartition(".")[2]: method.rpartition(".")[0]
            for method in (*v2.auth_url_helpers, *v3.auth_url_helpers)
        }
        self.auth_url_helper_classes = frozenset(self.auth_url_helper_methods.values())
        self.resources: Mapping[str, Resource] = v3.resources
        # Qualified client class name -> the client object's name ("" for v2).
        self.client_classes: Mapping[str, str] = {
            **{name: "" for name in v2.client_classes},
            **{name: "v3" for name in v3.client_classes},
        }
        self.endpoints: Mapping[str, tuple[Endpoint, ...]] = {**v2.endpoints, **v3.endpoints}
        # The client's members that send no request, by the client object's name.
        self.client_data: Mapping[str, frozenset[str]] = {
            "": v2.client_data, "v3": v3.client_data}
        # The collection attribute of the client whose objects are of each model class.
        self.collection_of_model: Mapping[str, str] = {
            collection.model: attribute
            for attribute, collection in reversed(list(self.collections.items()))
        }
        # For each model method name, the scopes of what it requests on any model.
        self.model_method_scopes: Mapping[str, frozenset[str]] = {
            method: frozenset(self.endpoint_scopes(
                model.methods[method] for model in self.models.values()
                if method in model.methods))
            for method in {name for model in self.models.values() for name in model.methods}
        }
        # For each method of the API v2 client, the scopes of what it requests
        # (``free_busy`` reads calendars): a call of one on an object the analysis
        # cannot tell may be one, so those scopes stay silent.  (Auth and application
        # methods touch no grant scope and map to none.)
        self.client_method_scopes: Mapping[str, frozenset[str]] = {
            method: frozenset(self.endpoint_scopes((key,)))
            for method, key in self.client_methods.items()
        }
        # The names of v3 resources and of their methods, for telling whether a call
        # on an unknown receiver looks like one.
        self.resource_methods: frozenset[str] = frozenset(
            name for resource in self.resources.values() for name in resource.methods)
        self._resource_scopes: dict[str, frozenset[str]] = {}

    def endpoint(self, key: str) -> tuple[Endpoint, ...]:
        return self.endpoints[key]

    def endpoint_scopes(self, keys: Iterable[str]) -> set[str]:
        return {scope for key in keys for endpoint in self.endpoints[key]
                for option in endpoint.options for scope in option.scopes}

    def collection_scopes(self, attribute: str) -> frozenset[str]:
        """What a collection could request: its own operations, and everything the
        objects it hands out could do."""
        collection = self.collections.get(attribute)
        if collection is None:
            return frozenset()
        found = self.endpoint_scopes(collection.operations.values())
        for result in collection.results.values():
            for model in result.models:
                found |= self.model_scopes(model)
        return frozenset(found | self.model_scopes(collection.model))

    def model_scopes(self, name: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        """What a model object could request: its methods, its child collections and
        the model objects it hands out."""
        model = self.models.get(name)
        if model is None or name in seen:
            return frozenset()
        found = self.endpoint_scopes(model.methods.values())
        for child in model.children.values():
            collection = self.collections[child]
            found |= self.endpoint_scopes(collection.operations.values())
            found |= self.model_scopes(collection.model, seen | {name})
        for member in (*model.members.values(), *model.results.values()):
            for other in member.models:
                found |= self.model_scopes(other, seen | {name})
        return frozenset(found)

    def resource(self, name: str) -> Resource | None:
        """The v3 resource an object name (``"v3:messages"``) stands for."""
        if not name.startswith(V3_PREFIX):
            return None
        return self.resources.get(name[len(V3_PREFIX):])

    def resource_scopes(self, path: str) -> frozenset[str]:
        """Everything a v3 resource and the resources it holds could request."""
        found = self._resource_scopes.get(path)
        if found is None:
            resource = self.resources[path]
            scopes = self.endpoint_scopes(
                key for keys in resource.methods.values() for key in keys)
            for child in resource.children.values():
                scopes |= self.resource_scopes(child)
            found = self._resource_scopes[path] = frozenset(scopes)
        return found

    def unmapped_call_scopes(self, name: str) -> frozenset[str]:
        """What a call the map does not hold, on the collection or resource ``name``
        (``raw.messages.list`` read on an API v2 client, ``nylas.messages.all`` on an
        API v3 one), could request in every API version that has one of that name.
        The receiver's version is what is in doubt: it was read from an annotation or
        a value handed in, and the SDK it was read as has no such call.  A name one
        version lacks (v2's ``labels``, v3's ``notetakers``) places the call in the
        other."""
        found = self.collection_scopes(name)
        if name in self.resources:
            found |= self.resource_scopes(name)
        return found


@cache
def sdk_view() -> SdkView:
    return SdkView(API_VERSIONS["v2"].surface(), API_VERSIONS["v3"].surface())
