"""The facts of one module: the one reading of the source every front end runs."""

from __future__ import annotations

import ast
from collections.abc import Sequence

from .extract import Extractor
from .facts import ModuleFacts
from .flow_extract import FlowExtractor
from .prefilter import mentions_nylas
from .provider_guards import provider_guards


def module_facts(
    tree: ast.Module | None,
    path: str,
    lines: Sequence[str],
    module_name: str = "",
    flow: bool = False,
) -> ModuleFacts:
    """Facts of one module.

    A module that cannot request Nylas scopes costs one text scan unless ``flow`` asks
    for the client-flow records too (needed for every module of a project that uses
    Nylas: a helper taking a client parameter need not mention Nylas at all).
    """
    text = "".join(lines)
    mentions = mentions_nylas(text)
    if not mentions and not flow:
        return ModuleFacts(path, module_name, mentions_nylas=False)
    if tree is None:
        tree = ast.parse(text, filename=path)
    extractor = Extractor(path, lines, module_name)
    try:
        facts = extractor.extract(tree) if mentions else ModuleFacts(path)
        facts.module = module_name
        facts.mentions_nylas = mentions
        if flow:
            if not mentions:
                # Constants matter even here: a settings module defines the scopes list.
                extractor.prepare(tree)
                facts.constants = extractor.scope_constants()
                facts.strings = extractor.url_strings()
            flow_extractor = FlowExtractor(
                extractor.source, module_name, extractor.imports, extractor.module_bindings,
                extractor.body_bindings,
            )
            try:
                facts.flow = flow_extractor.run(tree)
            finally:
                flow_extractor.close()
            if "provider" in text:
                # Calls kept to some providers' grants (see ``provider_guards``).
                facts.provider_guards = provider_guards(tree)
    finally:
        extractor.close()
    return facts
