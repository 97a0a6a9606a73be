"""``infer`` and ``fix`` never propose a scope list that ``check`` would call short.

A user who requests what ``infer`` proposes, or who applies every fix, must not end up
with a list that lacks a scope some call needs: ``check`` must then report no missing
scope (NYS301), and no claim that a proposed scope is not needed (which would make the
user remove it again).  Where ``check`` stays silent only because the endpoint table
leaves open whether a scope serves a call, the proposal must hold a scope the table
vouches for: an inclusion the table itself calls unknown for that call is no proof.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from codemod_support import run_cli

from flake8_nylas_scopes.analysis.facts import ItemForm, ScopeItem, ScopeSite, ValueState
from flake8_nylas_scopes.analysis.facts_values import ScopeValue
from flake8_nylas_scopes.judging.list_rules import list_findings
from flake8_nylas_scopes.judging.results import ProjectResult
from flake8_nylas_scopes.judging.usage_rules import ProjectState, usage_findings
from flake8_nylas_scopes.judging.v3_requests import site_dialect
from flake8_nylas_scopes.nylas_api import dialect_catalogue
from flake8_nylas_scopes.nylas_api.types import Certainty, Endpoint
from flake8_nylas_scopes.nylas_api.v2 import endpoints as v2
from flake8_nylas_scopes.nylas_api.v3 import endpoints as v3
from flake8_nylas_scopes.nylas_api.v3.surface import SURFACE
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import Config, all_codes

# One worker runs this file: its module-scoped analyses are made once (see setup.cfg).
pytestmark = pytest.mark.xdist_group("infer-agrees")

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = sorted(path for path in (ROOT / "fixtures" / "projects").iterdir() if path.is_dir())
EXAMPLES = sorted(path for path in (ROOT / "examples").iterdir() if path.is_dir())

# Claims that a requested scope is not needed, as the usage rules make them, and the
# list findings whose safe fix removes an item.
_UNNEEDED = frozenset({"NYS302", "NYS303", "NYS405"})
_REMOVING = frozenset({"NYS103", "NYS104", "NYS201", "NYS403"})
_NAMED_SCOPE = re.compile(r"'([^']+)'")

Proposal = Mapping[str, Sequence[str]]  # dialect -> the scopes infer proposes


def _results(roots: Sequence[Path]) -> list[ProjectResult]:
    """The results of the projects at ``roots``, in that order."""
    result = analyse([str(root) for root in roots], Config(), all_codes, use_cache=False)
    assert result.errors == []
    by_root = {Path(state.root).resolve(): state for state in result.states}
    return [by_root[root.resolve()] for root in roots]


def _proposal(project: ProjectResult) -> dict[str, list[str]]:
    proposal = {"v2": list(project.inference.scopes)} if project.inference else {}
    proposal.update({dialect: list(found.scopes)
                     for dialect, found in project.provider_inferences.items()})
    return {dialect: scopes for dialect, scopes in proposal.items() if scopes}


def _requesting(site: ScopeSite, scopes: Sequence[str]) -> ScopeSite:
    """The request as it reads when it lists ``scopes`` and nothing else."""
    span = site.value.span or site.span
    items = tuple(ScopeItem(scope, span, ItemForm.LIST_ITEM) for scope in scopes)
    return dataclasses.replace(site, value=ScopeValue(ValueState.ITEMS, items, span=span),
                               ignored_key=False)


def _claims_against(state: ProjectState, proposal: Proposal) -> Iterator[str]:
    """What ``check`` says against the proposal, were every request of each dialect the
    project asks in to list that dialect's proposal: missing scopes, and claims that
    a proposed scope is not needed."""
    sites = [_requesting(site, proposal[dialect]) for site in state.sites
             if (dialect := site_dialect(site)) in proposal]
    judged = dataclasses.replace(state, sites=sites)
    found = list(usage_findings(judged, Config(), all_codes))
    for site in sites:
        found.extend(list_findings(site, Config(), all_codes))
    for finding in found:
        named = _NAMED_SCOPE.findall(finding.message)[:1]
        proposed = {scope for scopes in proposal.values() for scope in scopes}
        if finding.code == "NYS301" or (
                finding.code in _UNNEEDED | _REMOVING and set(named) & proposed):
            yield f"{finding.code} {finding.message}"


def _doubted(endpoint: Endpoint) -> frozenset[str]:
    """The scopes the endpoint table says it does not know to serve the call alone."""
    return frozenset(scope for option in endpoint.options if len(option.scopes) == 1
                     and option.certainty is Certainty.UNKNOWN for scope in option.scopes)


def _vouched_for(endpoint: Endpoint, scopes: Sequence[str]) -> bool:
    """Whether the table vouches that ``scopes`` serve the call in each case its
    arguments may make: a certain option each of whose scopes is requested, or
    certainly included in a requested scope the table does not doubt for the call."""
    catalogue = dialect_catalogue(endpoint.dialect)
    doubted = _doubted(endpoint)
    cases = [case.options for case in endpoint.variants] or [endpoint.options]
    return all(any(
        option.certainty.is_certain and all(
            scope in scopes or any(catalogue.includes(have, scope) for have in scopes
                                   if have not in doubted)
            for scope in option.scopes)
        for option in options) for options in cases)


def _unvouched(project: ProjectResult, proposal: Proposal) -> list[str]:
    """The calls infer accounts for with scopes the table does not vouch for."""
    inferences = {"v2": project.inference, **project.provider_inferences}
    wrong = []
    for dialect, scopes in proposal.items():
        found = inferences[dialect]
        for uses in found.evidence.values() if found else ():
            wrong.extend(f"{use.shown} -> {use.endpoint.key} ({dialect}: {scopes})"
                         for use in uses if not _vouched_for(use.endpoint, scopes))
    return wrong


# Fixture projects and the example apps, copied out of the repository: in place, the
# analysis would also look at every other project of the repository around them.


def _copies(into: Path) -> list[Path]:
    return [shutil.copytree(project, into / project.name) for project in PROJECTS + EXAMPLES]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ProjectResult]:
    """Each project's result by name, all analysed together."""
    copies = _copies(tmp_path_factory.mktemp("projects"))
    return {copy.name: result for copy, result in zip(copies, _results(copies))}


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ProjectResult]:
    """Each project's result by name after every fix, unsafe ones included."""
    copies = _copies(tmp_path_factory.mktemp("fixed"))
    run = run_cli("fix", "--unsafe-fixes", "--isolated", *map(str, copies))
    assert run.code in (0, 1), run.stderr
    return {copy.name: result for copy, result in zip(copies, _results(copies))}


NAMES = [project.name for project in PROJECTS + EXAMPLES]


@pytest.mark.parametrize("name", NAMES)
def test_check_accepts_what_infer_proposes_for_a_project(
        name: str, analysed: dict[str, ProjectResult]) -> None:
    result = analysed[name]
    assert result.state is not None
    proposal = _proposal(result)
    assert list(_claims_against(result.state, proposal)) == []
    assert _unvouched(result, proposal) == []


@pytest.mark.parametrize("name", NAMES)
def test_fixes_leave_no_call_missing_a_scope(
        name: str, analysed: dict[str, ProjectResult], fixed: dict[str, ProjectResult]
) -> None:
    assert _missing(fixed[name]) <= _missing(analysed[name])


def _missing(result: ProjectResult) -> set[tuple[str, str]]:
    """The calls reported missing a scope, by module and call (the fixes move lines)."""
    root = Path(result.root).resolve()
    return {(Path(finding.span.path).resolve().relative_to(root).as_posix(),
             finding.message.split(" needs ", 1)[0])
            for finding in result.findings if finding.code == "NYS301"}


# Small generated projects: one call each, over every operation of the endpoint maps
# (and every user-scoped v2 endpoint over raw HTTP), then pairs of calls.

_V2_HEAD = 'from nylas import APIClient\n\nclient = APIClient("id", "secret", "token")\n'
_V2_REQUEST = 'URL = client.authentication_url("https://a/cb", scopes={scopes!r})\n'
_V3_HEAD = 'from nylas import Client\n\nnylas = Client("key")\n'
_V3_REQUEST = ('URL_{n} = nylas.auth.url_for_oauth2({{"client_id": "id", '
               '"redirect_uri": "https://a/cb", "provider": {provider!r}, '
               '"scope": {scopes!r}}})\n')
_ID_ARGUMENT = frozenset({"get", "delete", "search", "find"})


def _v2_operation(attribute: str, operation: str) -> str:
    collection = f"client.{attribute}"
    if operation == "__iter__":
        return f"for item in {collection}:\n    print(item)\n"
    if operation == "__get__":
        return f"print({collection})\n"
    if operation == "__getitem__":
        return f"print({collection}[0])\n"
    argument = '"x"' if operation in _ID_ARGUMENT else ""
    return f"print({collection}.{operation}({argument}))\n"


def _v2_calls() -> Iterator[tuple[str, str]]:
    """(endpoint key, code) for every collection operation, model method and client
    method of the v2 map (a model's methods on an object its collection returns)."""
    held_by: dict[str, str] = {}
    for attribute, collection in v2.COLLECTIONS.items():
        held_by.setdefault(collection.model, attribute)
        for operation, key in collection.operations.items():
            yield key, _v2_operation(attribute, operation)
    for name, model in v2.MODELS.items():
        if name not in held_by:
            continue
        for method, key in model.methods.items():
            read = "" if method == "raw" else "()"
            yield key, f'obj = client.{held_by[name]}.get("x")\nprint(obj.{method}{read})\n'
    for method, key in v2.CLIENT_METHODS.items():
        yield key, f"print(client.{method}())\n"


def _v3_calls() -> Iterator[tuple[str, str]]:
    """(endpoint keys, code) for every method of the v3 map, and the methods whose
    arguments change the need with an argument the analysis cannot read."""
    for (resource, method), sdk_method in v3.SDK_METHODS.items():
        if sdk_method.url_only:
            continue
        keys = " | ".join(sorted({f"{call.http_method} {call.path}"
                                  for call in sdk_method.calls}))
        yield keys, f'print(nylas.{resource}.{method}("grant"))\n'
        if (resource, method) == ("events", "list"):
            yield keys, ("def show(grant_id, calendar_id):\n    return nylas.events.list("
                         'grant_id, query_params={"calendar_id": calendar_id})\n')


def _v2_raw_calls() -> Iterator[tuple[str, str]]:
    """(endpoint key, code) for every user-scoped v2 endpoint requested over raw HTTP
    (``GET /contacts/groups`` has no call in the Python SDK)."""
    for key, endpoint in v2.ENDPOINTS.items():
        method, _, path = key.partition(" ")
        if endpoint.user_scoped and " " not in path:
            url = v2.API_SERVER + path.replace("{id}", "x")
            yield key, (f"import requests\nprint(requests.{method.lower()}({url!r}, "
                        'headers={"Authorization": "Bearer token"}))\n')


def _module(head: str, calls: Sequence[str], request: str = "") -> str:
    return head + request + "".join(calls)


def _v2_request(proposal: Proposal) -> str:
    return _V2_REQUEST.format(scopes=list(proposal["v2"])) if "v2" in proposal else ""


def _v3_request(proposal: Proposal) -> str:
    return "".join(
        _V3_REQUEST.format(n=n, provider=dialect.split("/")[1], scopes=list(scopes))
        for n, (dialect, scopes) in enumerate(sorted(proposal.items())) if dialect != "v2")


def _write(root: Path, text: str) -> Path:
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    (root / "app.py").write_text(text)
    return root


@dataclasses.dataclass
class _Trip:
    """Generated projects taken through infer, then through check with the proposal
    as their request."""

    proposals: list[dict[str, list[str]]]
    reached: list[set[str]]  # by project, the endpoints its calls reach
    wrong: list[str]  # what check says against a proposal, or what infer misjudges


def _round_trip(tmp_path: Path, head: str, calls: Sequence[Sequence[str]],
                request: Callable[[Proposal], str]) -> _Trip:
    roots = [_write(tmp_path / "inferred" / str(n), _module(head, code))
             for n, code in enumerate(calls)]
    trip = _Trip([], [], [])
    for root, result in zip(roots, _results(roots)):
        assert result.state is not None
        trip.reached.append({use.endpoint.key for use in result.state.endpoint_uses})
        proposal = _proposal(result)
        trip.proposals.append(proposal)
        trip.wrong.extend(f"{calls[int(root.name)]}: {line}"
                          for line in _unvouched(result, proposal))
    requested = [_write(tmp_path / "requested" / str(n), _module(head, code, request(proposal)))
                 for n, (code, proposal) in enumerate(zip(calls, trip.proposals))]
    for root, result, proposal in zip(requested, _results(requested), trip.proposals):
        proposed = {scope for scopes in proposal.values() for scope in scopes}
        trip.wrong.extend(
            f"{calls[int(root.name)]} {proposal}: {finding.code} {finding.message}"
            for finding in result.findings
            if finding.code == "NYS301" or (
                finding.code in _UNNEEDED | _REMOVING
                and set(_NAMED_SCOPE.findall(finding.message)[:1]) & proposed))
    return trip


def _user_scoped(endpoints: Iterable[Endpoint]) -> set[str]:
    """The endpoints a call needs an end user's scopes for."""
    return {endpoint.key for endpoint in endpoints if endpoint.user_scoped}


def _pairs(singles: _Trip, calls: Sequence[str],
           endpoints: Callable[[str], Sequence[Endpoint]]) -> list[list[str]]:
    """Two calls: one of each endpoint, with one of each other proposal that holds a
    scope which may serve the endpoint only by including what it needs.  Whether the
    broader scope chosen for one call serves the other is then the question."""
    first: dict[str, str] = {}
    anchors: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for code, reached, proposal in zip(calls, singles.reached, singles.proposals):
        if len(reached) == 1:
            first.setdefault(next(iter(reached)), code)
        anchors.setdefault(repr(sorted(proposal.items())), (code, proposal))
    return [[code, anchor] for key, code in first.items()
            for anchor, proposal in anchors.values()
            if anchor != code and any(_by_inclusion(endpoint, proposal.get(endpoint.dialect, ()))
                                      for endpoint in endpoints(key))]


def _by_inclusion(endpoint: Endpoint, scopes: Sequence[str]) -> bool:
    """Whether one of ``scopes`` that is no certain option of the endpoint may include
    a scope of one of its options."""
    catalogue = dialect_catalogue(endpoint.dialect)
    named = {scope for option in endpoint.options if option.certainty.is_certain
             for scope in option.scopes}
    return any(catalogue.may_include(have, scope) for have in scopes if have not in named
               for option in endpoint.options for scope in option.scopes)


def _v2_endpoint(key: str) -> Sequence[Endpoint]:
    return (v2.ENDPOINTS[key],)


def _v3_endpoints(key: str) -> Sequence[Endpoint]:
    return SURFACE.endpoints.get(key, ())


@pytest.fixture(scope="module")
def v2_singles(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], _Trip]:
    calls = [code for _, code in (*_v2_calls(), *_v2_raw_calls())]
    return calls, _round_trip(tmp_path_factory.mktemp("v2"), _V2_HEAD,
                              [[code] for code in calls], _v2_request)


@pytest.fixture(scope="module")
def v3_singles(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], _Trip]:
    calls = [code for _, code in _v3_calls()]
    return calls, _round_trip(tmp_path_factory.mktemp("v3"), _V3_HEAD,
                              [[code] for code in calls], _v3_request)


def test_check_accepts_what_infer_proposes_for_each_v2_call(
        v2_singles: tuple[list[str], _Trip]) -> None:
    _, trip = v2_singles
    assert trip.wrong == []
    assert _user_scoped(v2.ENDPOINTS.values()) - set().union(*trip.reached) == set()


def test_check_accepts_what_infer_proposes_for_v2_call_pairs(
        v2_singles: tuple[list[str], _Trip], tmp_path_factory: pytest.TempPathFactory
) -> None:
    calls, singles = v2_singles
    pairs = _pairs(singles, calls, _v2_endpoint)
    trip = _round_trip(tmp_path_factory.mktemp("v2-pairs"), _V2_HEAD, pairs, _v2_request)
    assert trip.wrong == []


def test_check_accepts_what_infer_proposes_for_each_v3_call(
        v3_singles: tuple[list[str], _Trip]) -> None:
    _, trip = v3_singles
    assert trip.wrong == []
    called = {call.http_method + " " + call.path for method in v3.SDK_METHODS.values()
              if not method.url_only for call in method.calls}
    assert called - set().union(*trip.reached) == set()


def test_check_accepts_what_infer_proposes_for_v3_call_pairs(
        v3_singles: tuple[list[str], _Trip], tmp_path_factory: pytest.TempPathFactory
) -> None:
    calls, singles = v3_singles
    pairs = _pairs(singles, calls, _v3_endpoints)
    trip = _round_trip(tmp_path_factory.mktemp("v3-pairs"), _V3_HEAD, pairs, _v3_request)
    assert trip.wrong == []
