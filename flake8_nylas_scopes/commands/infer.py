"""``nylas-scopes infer PATH``: the minimal scope set the code needs, with evidence."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..judging.argument_cases import chosen_text
from ..judging.resolver import EndpointUse
from ..judging.results import ProjectResult
from ..judging.usage_rules import Inference, certain_options, undecided_arguments
from ..nylas_api import dialect_catalogue
from ..places import display_path
from ..project.files import select_files
from ..project.reading import InputError
from ..project.session import analyse
from ..settings.config import ConfigError, all_codes
from ..spans import Span
from .check import say_rootless_note
from .options import add_settings_arguments, command_settings, files_only

EXIT_OK, EXIT_ERROR = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Read-only, as check is: with no path it reads the current directory.
    parser.add_argument("paths", nargs="*", default=[os.curdir], metavar="PATH",
                        help="files or directories of the project (default: the current"
                        " directory)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")
    add_settings_arguments(parser)


def _why(use: EndpointUse, scope: str) -> str:
    endpoint = use.endpoint
    options = [option for option in certain_options(endpoint) if scope in option.scopes]
    certainty = options[0].certainty.value if options else "included"
    # Arguments the analysis could not read may change the need: the scope serves each.
    undecided = undecided_arguments(endpoint)
    whatever = f"; whatever {', '.join(undecided)} is" if undecided else ""
    chosen = chosen_text(endpoint)
    if chosen and not undecided:
        # The arguments chose a case that needs more than the endpoint's base case.
        whatever = f"; with {chosen}"
    return f"{scope!r} grants it ({certainty}, {endpoint.row}{whatever})"


def _evidence_json(use: EndpointUse) -> dict[str, Any]:
    return {
        "path": display_path(use.span.path),
        "line": use.span.line,
        "call": f"{use.shown}",
        "operation": use.operation,
        "endpoint": use.endpoint.key,
        "row": use.endpoint.row,
    }


# How the reason of a scope request whose value cannot be read starts (documented).
_UNREAD_REQUEST = "cannot follow the scopes: "


def _unresolved_json(project: ProjectResult) -> list[dict[str, Any]]:
    """What the analysis could not follow: uses of Nylas values, then scope requests
    whose value cannot be read.  Either may need (or grant) any scope, so the set the
    calls need is then only known from below."""
    state = project.state
    if state is None:
        return []
    items: list[tuple[Span, str, frozenset[str] | None]] = [
        (use.span, use.reason, use.scopes) for use in state.unresolved
    ]
    for site in state.unresolved_sites:
        reason = site.value.reason or "the scopes value cannot be read"
        items.append((site.span, f"{_UNREAD_REQUEST}{reason}", None))
    items.sort(key=lambda item: (item[0].path, item[0].line, item[0].col, item[1]))
    return [
        {
            "path": display_path(span.path),
            "line": span.line,
            "column": span.col + 1,
            "reason": reason,
            "scopes": sorted(scopes) if scopes is not None else None,
        }
        for span, reason, scopes in items
    ]


# The tier of a Google scope that makes Google require a yearly security assessment.
_RESTRICTED = "restricted"
_PROVIDER_NAMES = {"v3/google": "Google", "v3/microsoft": "Microsoft"}


def _provider_json(dialect: str, inference: Inference, complete: bool) -> dict[str, Any]:
    tiers = dialect_catalogue(dialect).tiers
    restricted = [scope for scope in inference.scopes if tiers.get(scope) == _RESTRICTED]
    likely_restricted = [scope for scope in inference.likely
                         if tiers.get(scope) == _RESTRICTED]
    data: dict[str, Any] = {
        "api": "v3",
        "provider": dialect.split("/", 1)[1],
        "complete": complete,
        "scopes": [{"scope": scope, "tier": tiers.get(scope, "")} for scope in inference.scopes],
        "evidence": {
            scope: [_evidence_json(use) for use in uses]
            for scope, uses in inference.evidence.items()
        },
        "uncertain": [_evidence_json(use) for use in inference.uncertain],
        "likely": list(inference.likely),
    }
    if dialect == "v3/google":
        # Google's restricted scopes make the app pass a yearly third-party assessment.
        data["security_assessment"] = {
            "required": bool(restricted), "because": restricted,
            # With the scopes the uses of uncertain need likely need too.
            "likely_required": bool(restricted or likely_restricted),
            "likely_because": [*restricted, *likely_restricted]}
    return data


def _project_json(project: ProjectResult) -> dict[str, Any]:
    inference = project.inference
    unresolved = _unresolved_json(project)
    return {
        "root": _root(project),
        # False when something could not be followed: ``scopes`` is then a lower bound.
        "complete": not unresolved,
        "scopes": list(inference.scopes) if inference else [],
        "evidence": {
            scope: [_evidence_json(use) for use in uses]
            for scope, uses in (inference.evidence.items() if inference else ())
        },
        "uncertain": [_evidence_json(use) for use in inference.uncertain] if inference else [],
        # What those uses likely need besides ``scopes`` (see ``Inference.likely``).
        "likely": list(inference.likely) if inference else [],
        # Scopes of ``scopes`` no call needs that a request keeps, with the reason.
        "kept": dict(inference.kept) if inference else {},
        "unresolved": unresolved,
        "providers": [
            _provider_json(dialect, found, not unresolved)
            for dialect, found in project.provider_inferences.items()
        ],
    }


def _headline(data: dict[str, Any]) -> str:
    scopes = ", ".join(data["scopes"])
    # Calls whose need the endpoint map only infers: the set serves the others alone.
    likely = (f"; the uses of uncertain need below likely also need: "
              f"{', '.join(data['likely'])}") if data.get("likely") else ""
    if data["complete"]:
        return "Minimal scopes: " + (scopes or "(none: no Nylas call needs one)") + likely
    requests = sum(entry["reason"].startswith(_UNREAD_REQUEST) for entry in data["unresolved"])
    uses = len(data["unresolved"]) - requests
    missed = []
    if uses:
        missed.append(f"follow {_counted(uses, 'use')} of Nylas values")
    if requests:
        missed.append(f"read {_counted(requests, 'scope request')}")
    at_least = f"; at least: {scopes}" if scopes else ""
    return (f"Minimal scopes: unknown (the analysis could not {' or '.join(missed)}"
            f"{at_least}){likely}")


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _root(project: ProjectResult) -> str:
    shown = display_path(project.root) if project.root else ""
    return "." if shown == os.curdir else shown


def _print_text(project: ProjectResult, named: bool) -> None:
    data = _project_json(project)
    inference = project.inference
    if named:
        # Several projects (a monorepo): say which one each block is about.
        print(f"Project {data['root']}:")
    # A project on API v3 alone has nothing to say in Nylas's own (v2) scopes.
    v2_calls = inference is not None and (inference.scopes or inference.uncertain)
    if v2_calls or not project.provider_inferences:
        print(_headline(data))
        if _requests_without_calls(project):
            print(_NO_CALL_NOTE)
        _print_scopes(inference, data["scopes"], {})
        _print_uncertain(data["uncertain"])
    for provider, (dialect, found) in zip(data["providers"],
                                          project.provider_inferences.items()):
        name = _PROVIDER_NAMES.get(dialect, dialect)
        print(_headline({**data, "scopes": found.scopes, "likely": found.likely}).replace(
            "Minimal scopes", f"{name} (API v3) minimal scopes", 1))
        tiers = {entry["scope"]: entry["tier"] for entry in provider["scopes"]}
        _print_scopes(found, found.scopes, tiers)
        assessment = provider.get("security_assessment")
        if assessment is not None:
            if assessment["required"]:
                because = ", ".join(repr(scope) for scope in assessment["because"])
                print(f"  Google security assessment: required ({because} restricted)")
            elif assessment["likely_required"]:
                because = ", ".join(repr(scope) for scope in assessment["likely_because"])
                print("  Google security assessment: not required for the minimal scopes; "
                      f"required with the likely ones ({because} restricted)")
            elif found.scopes:
                print("  Google security assessment: not required (no restricted scope)")
        _print_uncertain(provider["uncertain"])
    if data["unresolved"]:
        print("Could not follow:")
        for item in data["unresolved"]:
            print(f"  {item['path']}:{item['line']} {item['reason']}")


# A login service that hands its grants to another service makes no call itself: "none"
# is no advice to drop what it requests (no NYS302/303 either; see the design).
_NO_CALL_NOTE = ("  (no Nylas call of this project needs a scope; the scopes it requests are "
                 "not reported unused, since other code given its grants may need them)")


def _requests_without_calls(project: ProjectResult) -> bool:
    """Whether the project requests scopes but no call of it needs one (a login
    service's token exchange needs none), and nothing was left unfollowed."""
    state, inference = project.state, project.inference
    return state is not None and inference is not None and bool(state.sites) and not (
        inference.scopes or inference.uncertain or state.unresolved
        or state.unresolved_sites or project.provider_inferences)


def _print_scopes(inference: Inference | None, scopes: list[str],
                  tiers: dict[str, str]) -> None:
    for scope in scopes:
        tier = f"  [{tiers[scope]}]" if tiers.get(scope) else ""
        print(f"  {scope}{tier}")
        for use in inference.evidence.get(scope, []) if inference else []:
            location = f"{display_path(use.span.path)}:{use.span.line}"
            print(f"    {location} {use.shown} -> {use.requested} -> {_why(use, scope)}")
        if inference and scope in inference.kept:
            print(f"    {inference.kept[scope]}")


def _print_uncertain(uncertain: list[dict[str, Any]]) -> None:
    if uncertain:
        # Calls with an undocumented need, calls on other grants (Scheduler bookings),
        # and names in the code (notification triggers, a reply argument).
        print("Uses whose scope need is uncertain (the endpoint map only infers it, or "
              "none is known; the minimal scopes do not count them):")
        for item in uncertain:
            print(f"  {item['path']}:{item['line']} {item['call']} -> {item['endpoint']}")


def run(args: argparse.Namespace) -> int:
    try:
        settings = command_settings(args)
        paths = select_files(files_only(args.paths, "infer"), settings.exclude)
        result = analyse(paths, settings.config, all_codes, exclude=settings.exclude,
                         jobs=settings.jobs)
    except (ConfigError, InputError) as error:
        print(f"nylas-scopes: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    for file_error in result.errors:
        print(f"nylas-scopes: error: {file_error.message}", file=sys.stderr)
    say_rootless_note(result.rootless)
    projects = [project for project in result.states if project.inference is not None]
    if args.format == "json":
        print(json.dumps({"version": 1, "projects": [_project_json(p) for p in projects]},
                         indent=2))
    else:
        if not projects:
            print("No Nylas scope request or call found.")
        for number, project in enumerate(projects):
            if number:
                print()
            _print_text(project, named=len(projects) > 1)
    return EXIT_ERROR if result.errors else EXIT_OK
