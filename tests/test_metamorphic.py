"""Metamorphic soundness: rewriting a project without changing its meaning must not
make the analysis claim that fewer scopes are needed.

A meaning-preserving rewrite (``for m in X`` -> ``for m in list(X)``, ``y = E`` ->
``y = _mm_same(E)``, ``r.m(a)`` -> ``getattr(r, "m")(a)`` ...) may hide a call from the
analysis, which must then become more cautious: a NYS302/NYS303/NYS405 finding may
disappear, but none may appear.  And the unsafe fix of a rewritten project must never
remove or narrow a scope that the original project's inference needs.

Every fixture project and the example app is rewritten at every site (or, if that
would take too long, at evenly spread sites with each rewrite kind kept at least once
per project), one rewrite per variant.  Each test process copies a project once, under
its temporary directory, and analyses each variant of it with the rewritten module (and
the helper module a rewrite adds) given as text, as an editor gives its unsaved buffer:
the copy on disk stays the original, its other modules' facts come from its facts
cache as a user's do, and thousands of variants do not each write and extract a whole
project.  ``test_a_variant_given_as_text_is_analysed_as_on_disk`` checks that this
gives the findings of the rewrite written into a copy of its own, analysed afresh.
"""

from __future__ import annotations

import ast
import difflib
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from metamorphic_rewrites import (
    CALL_KINDS,
    HELPER_MODULE,
    KINDS,
    Assignment,
    MethodCall,
    ModuleRewriter,
    Rewrite,
    ScopeList,
    Site,
    SourceText,
    all_sites,
    read_source,
    site_node,
)
from test_project_fixtures import analyse_project

from flake8_nylas_scopes.findings import Finding, FixAction
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

ROOT = Path(__file__).resolve().parent.parent
PROJECTS_DIR = ROOT / "fixtures" / "projects"
EXAMPLE = ROOT / "examples" / "mailapp"
EXAMPLE_V3 = ROOT / "examples" / "v3app"

# The findings that say the code needs less than is requested.
WATCHED = frozenset({"NYS302", "NYS303", "NYS405"})
# Fix actions that take (part of) a requested scope away.
NARROWING = frozenset({FixAction.REMOVE, FixAction.REPLACE})

# Above this many variants, sites are sampled: a variant (a copy of the project and
# its analysis) takes some 20-100 ms, and the whole run should stay near a minute.
# METAMORPHIC_MAX_VARIANTS=0 runs them all.
MAX_VARIANTS = int(os.environ.get("METAMORPHIC_MAX_VARIANTS", "900"))

# Directories the analysis does not walk, and that hold no project code.
_SKIPPED_PARTS = frozenset({"__pycache__", "build", "dist", "venv", "node_modules"})


def project_dirs() -> list[Path]:
    """Every fixture project (others may be added at any time) and the example apps."""
    found = sorted(path for path in PROJECTS_DIR.iterdir() if path.is_dir())
    return [*found, EXAMPLE, EXAMPLE_V3]


def project_files(project: Path) -> list[Path]:
    return sorted(
        path for path in project.rglob("*.py")
        if not any(
            part.startswith(".") or part in _SKIPPED_PARTS
            for part in path.relative_to(project).parts[:-1]
        )
    )


def copy_project(project: Path, destination: Path) -> Path:
    copy = destination / project.name
    shutil.copytree(
        project, copy,
        ignore=shutil.ignore_patterns(".nylas-scopes-cache", "__pycache__", "*.pyc"),
    )
    return copy


def rewriter_for(path: Path, root: Path) -> ModuleRewriter:
    text, _ = read_source(path)
    return ModuleRewriter(text, path=path, root=root)


# --------------------------------------------------------------------------- variants


@dataclass(frozen=True)
class Variant:
    project: Path
    relpath: str  # the rewritten module, relative to the project
    kind: str
    index: int  # among the module's sites of that kind
    line: int
    col: int
    label: str  # what is rewritten there, as sites of a chain can share a position

    def __str__(self) -> str:
        return (
            f"{self.project.name}-{self.kind}-{self.relpath}:{self.line}:{self.col}"
            f"-{self.label}"
        )


def site_label(site: Site) -> str:
    if isinstance(site, MethodCall):
        assert isinstance(site.call.func, ast.Attribute)
        return f"{site.call.func.attr}()"
    if isinstance(site, Assignment):
        [target] = site.stmt.targets
        return f"{ast.unparse(target)}="
    if isinstance(site, ScopeList):
        stmt = site.stmt
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
        return f"{ast.unparse(target)}=[]"
    return "for"


def enumerate_variants() -> list[Variant]:
    variants: list[Variant] = []
    for project in project_dirs():
        for path in project_files(project):
            rewriter = rewriter_for(path, project)
            relpath = path.relative_to(project).as_posix()
            for kind, index, site in all_sites(rewriter):
                node = site_node(site)
                variants.append(Variant(
                    project, relpath, kind, index,
                    node.lineno, node.col_offset,  # type: ignore[attr-defined]
                    site_label(site),
                ))
    return variants


def sample(variants: list[Variant], limit: int) -> list[Variant]:
    """At most about ``limit`` variants, spread evenly over each (project, kind)
    group's sites, keeping at least one of every group."""
    if limit <= 0 or len(variants) <= limit:
        return variants
    groups: dict[tuple[Path, str], list[Variant]] = {}
    for variant in variants:
        groups.setdefault((variant.project, variant.kind), []).append(variant)
    kept: list[Variant] = []
    for (_, kind), members in groups.items():
        quota = max(1, len(members) * limit // len(variants))
        step = len(members) / quota
        # Kinds rewriting the same sites start at different points, so together they
        # cover more sites; the golden ratio spreads the starting points.
        phase = (KINDS.index(kind) * 0.6180339887) % 1.0
        kept.extend(members[int((i + phase) * step)] for i in range(quota))
    order = {variant: position for position, variant in enumerate(variants)}
    return sorted(kept, key=order.__getitem__)


ALL_VARIANTS = enumerate_variants()
VARIANTS = sample(ALL_VARIANTS, MAX_VARIANTS)

# Rewrites that make a claim appear through a defect of the analysis not fixed yet:
# (project, module, kind) -> the defect.  Each is expected to fail (strictly: a fix
# must take it out of here).  None is known at present.
KNOWN_DEFECTS: dict[tuple[str, str, str], str] = {}


def with_known_defects(variants: list[Variant]) -> list[object]:
    return [
        pytest.param(variant, marks=pytest.mark.xfail(reason=reason, strict=True))
        if (reason := KNOWN_DEFECTS.get((variant.project.name, variant.relpath, variant.kind)))
        else variant
        for variant in variants
    ]


# --------------------------------------------------------------------------- analysis


@dataclass
class Summary:
    """What the comparison needs of one analysis."""

    root: Path
    watched: Counter[tuple[str, str]]  # (code, message) of the watched findings
    findings: list[Finding]
    needed: frozenset[str]  # the scopes the inference needs, normalised
    errors: list[str] = field(default_factory=list)


def normalise_scope(scope: str) -> str:
    return scope.strip().strip("'\"").strip().lower()


def message_of(finding: Finding, root: Path) -> str:
    # Two copies of a project live in different directories; a message naming a file
    # must compare equal across them.
    message = finding.message
    for prefix in {str(root), os.path.realpath(root)}:
        message = message.replace(prefix + os.sep, "").replace(prefix, "<project>")
    return message


def summarise(root: Path, sources: dict[str, str] | None = None, cached: bool = True) -> Summary:
    """The analysis of the copy ``root`` of a project, with ``sources`` (absolute path
    -> text) in place of what is on disk.

    With ``cached``, the copy's facts cache is used as a user's is: the modules left
    as they are on disk are read from it once the original has been analysed, and a
    module given as text is always read from its text (the cache keeps only files as
    they are on disk).  Each variant is analysed once: its result is not kept.
    """
    result = analyse_project(root, sources, use_cache=cached)
    watched = Counter(
        (finding.code, message_of(finding, root))
        for finding in result.findings if finding.code in WATCHED
    )
    needed = frozenset(
        normalise_scope(scope)
        for state in result.states if state.inference is not None
        for scope in state.inference.scopes
    )
    return Summary(
        root=root,
        watched=watched,
        findings=list(result.findings),
        needed=needed,
        errors=[str(getattr(error, "message", error)) for error in result.errors],
    )


class Originals:
    """Each project's copy, made once per test process, and the analysis of the
    unchanged copy."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self.copies: dict[Path, Path] = {}
        self.cache: dict[Path, Summary] = {}

    def copy_of(self, project: Path) -> Path:
        if project not in self.copies:
            destination = self.factory.mktemp(f"original-{project.name}")
            self.copies[project] = copy_project(project, destination)
        return self.copies[project]

    def __getitem__(self, project: Path) -> Summary:
        if project not in self.cache:
            self.cache[project] = summarise(self.copy_of(project))
        return self.cache[project]


@pytest.fixture(scope="session")
def originals(tmp_path_factory: pytest.TempPathFactory) -> Originals:
    return Originals(tmp_path_factory)


# --------------------------------------------------------------------------- reporting


def where(finding: Finding, root: Path) -> str:
    path = Path(finding.span.path)
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = str(path)
    return f"{shown}:{finding.span.line}"


def diff(before: str, after: str, relpath: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        f"{relpath} (original)", f"{relpath} (rewritten)", n=1,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def describe(findings: Iterable[Finding], root: Path) -> str:
    return "".join(f"    {where(f, root)}: {f.message}\n" for f in findings)


# --------------------------------------------------------------------------- tests


def rewritten_sources(variant: Variant, copy: Path) -> tuple[str, Rewrite, dict[str, str]]:
    """The variant's module as it was, its rewrite, and the texts that replace or join
    the copy's files (absolute path -> text)."""
    target = copy / variant.relpath
    before, _ = read_source(target)
    rewriter = ModuleRewriter(before, path=target, root=copy)
    site = rewriter.sites(variant.kind)[variant.index]
    rewrite = rewriter.apply(variant.kind, site)
    # The module is the one the variant was enumerated on.
    assert (rewrite.line, site_label(site)) == (variant.line, variant.label)
    sources = {str(target): rewrite.text}
    if rewrite.helper_module is not None:
        helper = target.parent / f"{HELPER_MODULE}.py"
        assert not helper.exists()
        sources[str(helper)] = rewrite.helper_module
    return before, rewrite, sources


@pytest.mark.parametrize("variant", with_known_defects(VARIANTS), ids=str)
def test_rewrite_makes_no_finding_appear(variant: Variant, originals: Originals) -> None:
    original = originals[variant.project]
    copy = originals.copy_of(variant.project)
    before, rewrite, sources = rewritten_sources(variant, copy)

    rewritten = summarise(copy, sources)

    appeared = rewritten.watched - original.watched
    new_findings = [
        f for f in rewritten.findings
        if (f.code, message_of(f, copy)) in appeared
    ]
    # The unsafe fix of the rewritten project must keep every scope the original
    # inference needs.
    dropped = [
        f for f in rewritten.findings
        if f.code in WATCHED and f.fix is not None and f.fix.action in NARROWING
        and normalise_scope(f.fix.text) in original.needed
    ]
    if not appeared and not dropped:
        return
    report = [
        f"rewrite {variant.kind} at {variant.relpath}:{variant.line} of "
        f"{variant.project.name} changed the findings\n",
        diff(before, rewrite.text, variant.relpath),
    ]
    if rewrite.helper_module is not None:
        report.append(f"({HELPER_MODULE}.py added next to it)\n")
    if appeared:
        report.append("findings that appeared:\n" + describe(new_findings, copy))
    if dropped:
        report.append(
            f"fixes that would drop a scope the original needs "
            f"({', '.join(sorted(original.needed))}):\n"
            + "".join(
                f"    {where(f, copy)}: {f.code} {f.fix.action.value} "  # type: ignore[union-attr]
                f"{f.fix.text!r}\n"  # type: ignore[union-attr]
                for f in dropped
            )
        )
    if rewritten.errors:
        report.append("analysis errors:\n" + "".join(f"    {e}\n" for e in rewritten.errors))
    pytest.fail("".join(report), pytrace=False)


def test_variants_are_not_vacuous(originals: Originals) -> None:
    projects = project_dirs()
    assert any(
        code in ("NYS302", "NYS303")
        for project in projects
        for code, _ in originals[project].watched
    ), "no project has an NYS302 or NYS303 finding to lose"
    applied = {variant.kind for variant in ALL_VARIANTS}
    assert applied == set(KINDS), f"never applied: {sorted(set(KINDS) - applied)}"
    # API v3 projects take part: their usage findings are rewritten around too.
    v3_projects = {project for project in projects if "v3" in project.name}
    assert {variant.project for variant in ALL_VARIANTS} & v3_projects
    assert any(originals[project].watched for project in v3_projects)
    # Sampling keeps every rewrite kind in every project it applies to.
    assert {(v.project, v.kind) for v in VARIANTS} == {
        (v.project, v.kind) for v in ALL_VARIANTS
    }


def _one_variant_per_kind() -> list[Variant]:
    """The first sampled variant of each rewrite kind, and of each kind that adds a
    helper module the first such variant too."""
    first: dict[str, Variant] = {}
    for variant in VARIANTS:
        first.setdefault(variant.kind, variant)
    return list(first.values())


def _compared(findings: Iterable[Finding], root: Path) -> list[tuple[object, ...]]:
    return sorted(
        (where(f, root), f.span.col, f.code, message_of(f, root),
         None if f.fix is None else (f.fix.action.value, f.fix.text))
        for f in findings
    )


@pytest.mark.parametrize("variant", _one_variant_per_kind(), ids=str)
def test_a_variant_given_as_text_is_analysed_as_on_disk(
    variant: Variant, tmp_path: Path, originals: Originals
) -> None:
    # The variants above are analysed with their rewritten modules given as text and
    # the others read from the copy's facts cache; the same rewrite written into a copy
    # of its own, analysed without a cache, must give the same findings.
    copy = originals.copy_of(variant.project)
    originals[variant.project]  # the cache filled with the original's facts
    _, rewrite, sources = rewritten_sources(variant, copy)
    given = summarise(copy, sources)
    on_disk = copy_project(variant.project, tmp_path)
    for path, text in sources.items():
        (on_disk / Path(path).relative_to(copy)).write_text(text, encoding="utf-8")
    written = summarise(on_disk, cached=False)
    assert _compared(given.findings, copy) == _compared(written.findings, on_disk)
    assert given.needed == written.needed
    assert given.errors == written.errors
    # The copy on disk is still the original.
    assert read_source(copy / variant.relpath)[0] != rewrite.text


def test_the_text_variants_include_a_helper_module() -> None:
    # The comparison above covers a rewrite that adds a module given only as text.
    def adds_a_module(variant: Variant) -> bool:
        rewriter = rewriter_for(variant.project / variant.relpath, variant.project)
        site = rewriter.sites(variant.kind)[variant.index]
        return rewriter.apply(variant.kind, site).helper_module is not None

    assert any(adds_a_module(variant) for variant in _one_variant_per_kind())


def test_source_text_uses_byte_columns() -> None:
    # The call after "é" starts at byte column 11 but character column 10.
    text = 'x = ("é", api.messages.get(1))\ny = 2\n'
    tree = ast.parse(text)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    source = SourceText(text)
    assert call.col_offset == 11
    assert source.segment(call) == "api.messages.get(1)"
    assert ast.get_source_segment(text, call) == source.segment(call)


def test_rewrites_after_non_ascii_text() -> None:
    text = (
        '"""Modül."""\n'
        "import os\n"
        "\n"
        "def f(api):\n"
        "    os.getcwd()\n"
        '    label = "é"; msg = api.messages.get("ü")\n'
        '    for m in ["ß", *api.messages.all()]:\n'
        '        m.mark_as_read()  # «done»\n'
        "    return msg\n"
    )
    rewriter = ModuleRewriter(text)

    [loop] = rewriter.sites("iter-list")
    assert rewriter.apply("iter-list", loop).text == text.replace(
        'for m in ["ß", *api.messages.all()]:', 'for m in list(["ß", *api.messages.all()]):'
    )

    [assignment] = rewriter.sites("value-walrus")
    assert rewriter.apply("value-walrus", assignment).text == text.replace(
        'msg = api.messages.get("ü")', 'msg = (_mw := api.messages.get("ü"))'
    )
    # Not alone on its line: the queue rewrite would need a new line there.
    assert rewriter.sites("value-queue") == []

    calls = rewriter.sites("call-getattr")
    # ``os`` is a module: never a receiver; three method calls remain.
    assert len(calls) == 3
    assert rewriter.apply("call-getattr", calls[-1]).text == text.replace(
        "m.mark_as_read()", 'getattr(m, "mark_as_read")()'
    )

    # Helpers go after the last import, before the code that uses them.
    boxed = rewriter.apply("call-box", calls[0]).text
    assert boxed.startswith(
        '"""Modül."""\nimport os\nimport dataclasses\n\n\n@dataclasses.dataclass\n'
        "class _MmBox:\n    value: object\n\n\n\ndef f(api):\n"
    )
    assert '_MmBox(api.messages).value.get("ü")' in boxed

    partial = rewriter.apply("call-partial", calls[0]).text
    assert 'functools.partial(api.messages.get, "ü")()' in partial

    zipped = rewriter.apply("target-zip", rewriter.sites("target-zip")[0]).text
    assert 'for m, _mz in zip(["ß", *api.messages.all()], itertools.repeat(None)):' in zipped


def test_a_loops_iterable_is_held_in_a_name_only_for_a_for_statement() -> None:
    text = (
        "def f(api, boxes):\n"
        "    ids = [m.id for m in api.messages.all()]\n"
        "    for box in boxes:\n"
        "        for d in box.outgoing:  # the drafts\n"
        "            d.send()\n"
    )
    rewriter = ModuleRewriter(text)
    loops = rewriter.sites("iter-held")
    assert [ast.unparse(loop.iter) for loop in loops] == ["boxes", "box.outgoing"]
    assert rewriter.apply("iter-held", loops[1]).text == text.replace(
        "        for d in box.outgoing:",
        "        _mh = box.outgoing\n        for d in _mh:")


_UNKNOWN_BOXES = {
    "models.py": (
        "from nylas import APIClient\n\n\n"
        "class Box:\n"
        "    def __init__(self, token):\n"
        '        self.client = APIClient("id", "secret", token)\n'
        "        self.outgoing = []\n\n"
        "    def pending_drafts(self):\n"
        "        return list(self.client.drafts.all())\n\n"
        "    def queue(self):\n"
        "        self.outgoing.append(self.client.drafts.create())\n"
    ),
    "jobs.py": (
        "from db import load_boxes\n\n\n"
        "def flush():\n"
        "    for box in load_boxes():\n"
        "        for draft in box.outgoing:\n"
        "            draft.send()\n"
        "        for draft in box.pending_drafts():\n"
        "            print(draft.subject)\n"
    ),
    "auth.py": (
        "from nylas import APIClient\n\n"
        'URL = APIClient("id", "secret").authentication_url(\n'
        '    "https://a/cb", scopes=["email.read_only", "email.send", "calendar"])\n'
    ),
}


def _watched(root: Path) -> set[tuple[str, str]]:
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(Path(f.span.path).name, f.message) for f in result.findings if f.code in WATCHED}


@pytest.mark.parametrize("kind", ["iter-held", "iter-list", "target-enumerate"])
def test_an_unknown_objects_attribute_held_in_a_name_makes_no_claim_appear(
        tmp_path: Path, kind: str) -> None:
    original = tmp_path / "original"
    for name, text in {**_UNKNOWN_BOXES, "pyproject.toml": "[project]\nname = 'app'\n"}.items():
        (original / name).parent.mkdir(parents=True, exist_ok=True)
        (original / name).write_text(text)
    before = _watched(original)
    # Only "calendar" is unused: the drafts an unknown box gives may be sent.
    assert {message.split("'")[1] for _, message in before} == {"calendar"}
    rewriter = ModuleRewriter(_UNKNOWN_BOXES["jobs.py"])
    sites = rewriter.sites(kind)
    assert sites
    for number, site in enumerate(sites):
        variant = tmp_path / f"{kind}-{number}"
        shutil.copytree(original, variant)
        (variant / "jobs.py").write_text(rewriter.apply(kind, site).text)
        assert _watched(variant) <= before, rewriter.apply(kind, site).text


# API v3 calls on an object the analysis cannot tell, in a module that does not
# mention Nylas, reached by a handler table (the client is handed in from outside).
# ``find`` is pymongo's too: made in place, its arguments tell the SDK's; handed away,
# held or bound by ``partial``, they cannot be told, so the call may only become
# more cautious.
_UNKNOWN_V3_CALLS = {
    "auth.py": (
        "from nylas import Client\n\n"
        "from timeline import subject\n\n"
        'nylas = Client("key")\n'
        'HANDLERS = {"subject": subject}\n\n\n'
        "def login():\n"
        "    return nylas.auth.url_for_oauth2({\n"
        '        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",\n'
        '        "scope": ["https://www.googleapis.com/auth/gmail.readonly",\n'
        '                  "https://www.googleapis.com/auth/calendar"]})\n\n\n'
        "def events(grant):\n"
        '    return nylas.events.list(grant, query_params={"calendar_id": "primary"})\n\n\n'
        "def run(name, client, grant, message_id):\n"
        "    return HANDLERS[name](client, grant, message_id)\n"
    ),
    "timeline.py": (
        "def subject(raw, grant, message_id):\n"
        "    return raw.messages.find(grant, message_id)\n"
    ),
}


# The rewrites that keep the call where the analysis reads it.  The others (a bound
# method handed to a project function, kept in a container or a project object) lose
# any operation on an object the analysis cannot tell, ``list`` as much as ``find``.
_FOLLOWED_CALL_KINDS = ("call-partial", "call-lambda", "call-getattr", "call-thread",
                        "call-methodcaller")


@pytest.mark.parametrize("kind", _FOLLOWED_CALL_KINDS)
def test_an_api_v3_find_handed_away_makes_no_claim_appear(tmp_path: Path, kind: str) -> None:
    original = tmp_path / "original"
    original.mkdir()
    for name, text in {**_UNKNOWN_V3_CALLS, "pyproject.toml": "[project]\nname = 'app'\n"
                       "dependencies = ['nylas']\n"}.items():
        (original / name).write_text(text)
    before = _watched(original)
    # The find is unresolved, so Gmail's read scope is not claimed unused.
    assert not any("gmail.readonly" in message for _, message in before)
    rewriter = ModuleRewriter(_UNKNOWN_V3_CALLS["timeline.py"])
    [site] = rewriter.sites(kind)
    assert kind in CALL_KINDS
    variant = tmp_path / kind
    shutil.copytree(original, variant)
    rewrite = rewriter.apply(kind, site)
    (variant / "timeline.py").write_text(rewrite.text)
    if rewrite.helper_module is not None:
        (variant / f"{HELPER_MODULE}.py").write_text(rewrite.helper_module)
    assert _watched(variant) <= before, rewrite.text


# A row a library gives, its method called on it where it is got, then held in a
# name or in a library's container and taken back out first: the same object, which
# the analysis may lose track of but never take for another.
_LIBRARY_ROW = {
    **_UNKNOWN_BOXES,
    "jobs.py": (
        "import collections\n"
        "import copy\n"
        "import functools\n"
        "import queue\n"
        "import types\n"
        "import weakref\n\n"
        "from django.core.cache import cache\n"
        "from django.shortcuts import get_object_or_404\n\n"
        "from models import Box\n\n\n"
        "def flush(pk):\n"
        "    {held}\n"
        "    for draft in {row}.pending_drafts():\n"
        "        draft.send()\n"
    ),
}
_ROW = "get_object_or_404(Box, pk=pk)"
_HELD_IN_A_LIBRARY = {
    "a name": "box = " + _ROW,
    "copy": f"box = copy.copy({_ROW})",
    "cache": f'box = cache.get_or_set(f"box:{{pk}}", {_ROW})',
    "reduce": f"box = functools.reduce(lambda kept, row: row, [{_ROW}])",
    "deque": f"box = collections.deque([{_ROW}]).pop()",
    "queue": f"held = queue.Queue(); held.put({_ROW}); box = held.get()",
    "namespace": f"box = types.SimpleNamespace(row={_ROW}).row",
    "weakref": f"box = weakref.ref({_ROW})()",
}


@pytest.mark.parametrize("held", _HELD_IN_A_LIBRARY.values(), ids=_HELD_IN_A_LIBRARY.keys())
def test_a_row_held_in_a_library_and_taken_back_makes_no_claim_appear(
        tmp_path: Path, held: str) -> None:
    files = {**_LIBRARY_ROW, "pyproject.toml": "[project]\nname = 'app'\n"}
    original = tmp_path / "original"
    for name, text in {**files, "jobs.py": files["jobs.py"].format(
            held="pass", row=_ROW)}.items():
        (original / name).parent.mkdir(parents=True, exist_ok=True)
        (original / name).write_text(text)
    before = _watched(original)
    # The drafts the row gives are sent: only "calendar" is unused.
    assert {message.split("'")[1] for _, message in before} == {"calendar"}
    variant = tmp_path / "held"
    shutil.copytree(original, variant)
    (variant / "jobs.py").write_text(files["jobs.py"].format(held=held, row="box"))
    assert _watched(variant) <= before, held


def test_rewrites_keep_module_level_code_working() -> None:
    # A helper used at import time is defined before the statement using it, even
    # when an import follows that statement.
    text = (
        "# nylas-options: select=NYS304\n"
        "client = make()\n"
        "import sys\n"
        "for a, b in client.pairs():\n"
        "    print(a, b)\n"
    )
    rewriter = ModuleRewriter(text)
    [site] = rewriter.sites("value-identity-local")
    rewritten = rewriter.apply("value-identity-local", site).text
    assert rewritten.startswith("# nylas-options: select=NYS304\ndef _mm_same(v):")
    assert "client = _mm_same(make())" in rewritten

    [loop] = rewriter.sites("target-enumerate")
    assert "for _mi, (a, b) in enumerate(client.pairs()):" in rewriter.apply(
        "target-enumerate", loop
    ).text

    [assignment] = rewriter.sites("value-queue")
    assert "_mq = []\n_mq.append(make())\nclient = _mq.pop()\nimport sys" in rewriter.apply(
        "value-queue", assignment
    ).text


def test_scope_arguments_are_left_alone() -> None:
    text = (
        "SCOPES = sorted(x.strip() for x in load())\n"
        "url = client.authentication_url(redirect(), scopes=[s for s in pick()])\n"
        'body = {"scopes": ",".join(s.lower() for s in other())}\n'
    )
    rewriter = ModuleRewriter(text)
    assert rewriter.sites("iter-list") == []
    calls = [ast.unparse(site_node(site)) for site in rewriter.sites("call-partial")]
    assert calls == ["client.authentication_url(redirect(), scopes=[s for s in pick()])"]


# ------------------------------------------------------------- a change moved elsewhere

# Programs whose scope list (or auth config) is changed in the module that asks for
# it, before the request: the line ending with ``# the change``, in terms of the
# value's name.  Moving that line into another module keeps the meaning (the same
# object is changed before the request) and may hide it from the analysis, which must
# then only get more cautious: no claim that a scope is missing, broader than needed,
# unused or redundant may appear.
CLAIMS = frozenset({"NYS104", "NYS301", "NYS302", "NYS303", "NYS403", "NYS405"})
_V2_CALLS = '''from nylas import APIClient


def inbox(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)], api.events.all()
'''
_V2_LOGIN = '''from nylas import APIClient

client = APIClient("id", "secret")
{values}


def login():
    return client.authentication_url("https://a.example/cb", scopes={asked})
'''
_V3_LOGIN = '''import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
BASE = {{"client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google"}}
{values}


def login():
    return nylas.auth.url_for_oauth2({asked})


def digest(grant):
    return nylas.messages.list(grant).data, nylas.calendars.list(grant).data
'''
_GMAIL = '"https://www.googleapis.com/auth/gmail.readonly"'
_CALENDAR = '"https://www.googleapis.com/auth/calendar.readonly"'
_CONTACTS = '"https://www.googleapis.com/auth/contacts.readonly"'
CHANGED_BEFORE_THE_REQUEST: dict[str, tuple[str, dict[str, str]]] = {
    "a list appended to at import time": ("SCOPES", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked="SCOPES", values=(
            'SCOPES = ["email.read_only", "contacts"]\n'
            'SCOPES.append("calendar.read_only")  # the change')),
    }),
    "a list appended to behind a flag at import time": ("SCOPES", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked="SCOPES", values=(
            'import os\n\nSCOPES = ["email.read_only", "contacts"]\n'
            'if os.environ.get("CALENDAR"):\n'
            '    SCOPES.append("calendar.read_only")  # the change')),
    }),
    "a list joined into the request, appended to at import time": ("SCOPES", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked='",".join(SCOPES)', values=(
            'SCOPES = ["email.read_only", "contacts"]\n'
            'SCOPES.append("calendar.read_only")  # the change')),
    }),
    "a list extended in place by a function": ("SCOPES", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked="SCOPES", values=(
            'SCOPES = ["email.read_only"]\n\n\ndef setup():\n'
            '    SCOPES.extend(["calendar.read_only"])  # the change')),
    }),
    "a list given new items by slice": ("SCOPES", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked="SCOPES", values=(
            'SCOPES = ["email.modify"]\n'
            'SCOPES[:] = ["email.read_only", "calendar"]  # the change')),
    }),
    "a list a dict holds, changed through the dict": ("HOLDER", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked="HOLDER['scopes']", values=(
            'HOLDER = {"scopes": ["email.read_only"]}\n'
            'HOLDER["scopes"].append("calendar.read_only")  # the change')),
    }),
    "a v3 config whose list is appended to": ("CONFIG", {
        "app/views.py": _V3_LOGIN.format(asked="CONFIG", values=(
            f'CONFIG = {{**BASE, "scope": [{_GMAIL}]}}\n'
            f'CONFIG["scope"].append({_CALENDAR})  # the change')),
    }),
    "a Flask configuration list appended to": ("app", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked='app.config["NYLAS_SCOPES"]', values=(
            'from flask import Flask\n\napp = Flask(__name__)\n'
            'app.config["NYLAS_SCOPES"] = ["email.read_only", "contacts"]\n'
            'app.config["NYLAS_SCOPES"].append("calendar.read_only")  # the change')),
    }),
    "a dict of provider lists, one appended to": ("SCOPES", {
        "app/views.py": _V3_LOGIN.format(asked='{**BASE, "scope": SCOPES["google"]}', values=(
            f'SCOPES = {{"google": [{_GMAIL}], "microsoft": ["Mail.Read"]}}\n'
            f'SCOPES["google"].append({_CALENDAR})  # the change')),
    }),
    "a dict of provider lists read by a key not known, one appended to": ("SCOPES", {
        "app/views.py": _V3_LOGIN.format(
            asked='{**BASE, "scope": SCOPES[os.environ["PROVIDER"]]}', values=(
                f'SCOPES = {{"google": [{_GMAIL}], "microsoft": ["Mail.Read"]}}\n'
                f'SCOPES["google"].append({_CALENDAR})  # the change')),
    }),
    "the default of a dict's get, appended to": ("DEFAULT", {
        "app/views.py": _V3_LOGIN.format(
            asked='{**BASE, "scope": SCOPES.get(os.environ["PROVIDER"], DEFAULT)}', values=(
                f'SCOPES = {{"google": [{_GMAIL}], "microsoft": ["Mail.Read"]}}\n'
                f'DEFAULT = [{_GMAIL}]\n'
                f'DEFAULT.append({_CALENDAR})  # the change')),
    }),
    "a dict of provider lists, one extended by key": ("SCOPES", {
        "app/views.py": _V3_LOGIN.format(asked='{**BASE, "scope": SCOPES["google"]}', values=(
            f'SCOPES = {{"google": [{_GMAIL}], "microsoft": ["Mail.Read"]}}\n'
            f'SCOPES["google"] += [{_CALENDAR}]  # the change')),
    }),
    "a dict of provider lists, each appended to": ("SCOPES", {
        "app/views.py": _V3_LOGIN.format(asked='{**BASE, "scope": SCOPES["google"]}', values=(
            f'SCOPES = {{"google": [{_GMAIL}], "microsoft": ["Mail.Read"]}}\n'
            f'[scopes.append({_CALENDAR}) for scopes in SCOPES.values()]  # the change')),
    }),
    "a Flask configuration class's list appended to": ("Config", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked='current_app.config["NYLAS_SCOPES"]', values=(
            'from flask import Flask, current_app\n\nserver = Flask(__name__)\n\n\n'
            'class Config:\n    NYLAS_SCOPES = ["email.read_only", "contacts"]\n\n\n'
            'server.config.from_object(Config)\n'
            'Config.NYLAS_SCOPES.append("calendar.read_only")  # the change')),
    }),
    "a Flask configuration class of another module, its list appended to": ("Config", {
        "app/calls.py": _V2_CALLS,
        "app/settings.py": (
            'class Config:\n    NYLAS_SCOPES = ["email.read_only", "contacts"]\n'),
        "app/views.py": _V2_LOGIN.format(asked='current_app.config["NYLAS_SCOPES"]', values=(
            'from flask import Flask, current_app\n\nfrom .settings import Config\n\n'
            'server = Flask(__name__)\nserver.config.from_object(Config)\n'
            'Config.NYLAS_SCOPES.append("calendar.read_only")  # the change')),
    }),
    "a Flask configuration loaded again through an app named otherwise": ("server", {
        "app/calls.py": _V2_CALLS,
        "app/views.py": _V2_LOGIN.format(asked='current_app.config["NYLAS_SCOPES"]', values=(
            'from flask import Flask, current_app\n\nserver = Flask(__name__)\n'
            'server.config["NYLAS_SCOPES"] = ["email.read_only", "contacts"]\n'
            'server.config.from_pyfile("instance.cfg")  # the change')),
    }),
    "a v3 list merged into the request and extended": ("SCOPES", {
        "app/views.py": _V3_LOGIN.format(asked='{**BASE, "scope": SCOPES}', values=(
            f'SCOPES = [{_GMAIL}, "https://www.googleapis.com/auth/contacts.readonly"]\n'
            f'SCOPES += [{_CALENDAR}]  # the change')),
    }),
    "another module's v3 config merged into the request, its list appended to": (
        "CONFIG", {
            "app/settings.py": f'CONFIG = {{"provider": "google", "scope": [{_GMAIL}]}}\n',
            "app/views.py": _V3_LOGIN.format(asked='{**CONFIG, "state": "s"}', values=(
                'from .settings import CONFIG\n'
                f'CONFIG["scope"].append({_CALENDAR})  # the change')),
        }),
}
_CHANGE = re.compile(r"^(?P<indent>[ ]*)(?P<statement>.*?)  # the change$", re.MULTILINE)


def _moved(files: dict[str, str], name: str, into_a_function: bool,
           looked_up: bool = False) -> dict[str, str]:
    """The program with its change moved to ``app/changes.py``: into a function
    there that changes its parameter, called with the value where the change was;
    or to that module's own body, which changes the value it imports, or (with
    ``looked_up``) the value it reads off the module object ``sys.modules.get``
    gives."""
    views = files["app/views.py"]
    found = _CHANGE.search(views)
    assert found is not None
    indent, statement = found["indent"], found["statement"]
    if into_a_function:
        views = "from .changes import change\n" + views.replace(
            found[0], f"{indent}change({name})")
        changes = f"def change({name}):\n    {statement}\n"
    else:
        views = views.replace(found[0], f"{indent}pass") + (
            "\n\nfrom . import changes  # noqa: E402,F401\n")
        changes = f"from .views import {name}\n\n{statement}\n"
    if looked_up:
        changes = "import sys\n\n" + re.sub(
            rf"\b{name}\b", f'sys.modules.get("app.views").{name}', statement) + "\n"
    return {**files, "app/views.py": views, "app/changes.py": changes}


def _claims_and_caution(root: Path, files: dict[str, str]) -> tuple[Counter[str], bool]:
    """The claims the analysis makes (code and the scope named), and whether it says
    it cannot follow a scope list (NYS304)."""
    for name, text in {"app/__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    claims: Counter[str] = Counter()
    for finding in result.findings:
        if finding.code in CLAIMS:
            scope = re.search(r"'([^']+)'", finding.message)
            claims[f"{finding.code} {scope[1] if scope else finding.message}"] += 1
    return claims, any(finding.code == "NYS304" for finding in result.findings)


@pytest.mark.parametrize(("program", "into_a_function"), [
    pytest.param(program, into, id=f"{program}-{where}")
    for program in CHANGED_BEFORE_THE_REQUEST
    for into, where in ((True, "into-a-function"), (False, "into-an-importing-module"),
                        (None, "through-the-module-looked-up-by-name"))
])
def test_a_change_moved_to_another_module_makes_no_claim_appear(
    program: str, into_a_function: bool | None, tmp_path: Path
) -> None:
    name, files = CHANGED_BEFORE_THE_REQUEST[program]
    before, cautious = _claims_and_caution(tmp_path / "here", files)
    moved = _moved(files, name, bool(into_a_function), looked_up=into_a_function is None)
    after, _ = _claims_and_caution(tmp_path / "moved", moved)
    # The change is seen where it is written: the program is no vacuous case.
    assert cautious, (program, before)
    appeared = after - before
    assert not appeared, (
        f"moving the change of {program} to another module made claims appear: "
        f"{sorted(appeared)}\n{moved['app/views.py']}\n{moved['app/changes.py']}")


# ------------------------------------------------------- a guarded function moved elsewhere

# Programs that keep a Gmail-only call to Google's grants through a provider guard,
# with the function, class, table or provider test the guard goes through written in
# the module of the guard.  Moving those definitions into another module keeps the
# meaning and may hide it from the analysis, which must then only get more cautious.
_PROVIDER_CLIENTS = '''from nylas import Client

nylas = Client("key")


def login_google():
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a/cb",
                                      "provider": "google",
                                      "scope": ["https://www.googleapis.com/auth/gmail.labels",
                                                "https://www.googleapis.com/auth/calendar.readonly"]})


def login_microsoft():
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a/cb",
                                      "provider": "microsoft", "scope": ["Calendars.Read"]})
'''
_LABEL_CALL = "nylas.folders.create(grant_id, request_body={'name': 'Follow up'})"
GUARDED_DEFINITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "a private function called under a guard": (("_label",), f'''from .clients import nylas


def work(grant):
    nylas.calendars.list(grant.id)
    if grant.provider == "google":
        _label(grant.id)


def _label(grant_id):
    {_LABEL_CALL}
'''),
    "a private function called in a branch of a conditional expression": (
        ("_label",), f'''from .clients import nylas


def work(grant):
    nylas.calendars.list(grant.id)
    return _label(grant.id) if grant.provider == "google" else None


def _label(grant_id):
    {_LABEL_CALL}
'''),
    "a private function called in a case that asks for the grant's provider": (
        ("_label",), f'''from .clients import nylas


def work(grant):
    nylas.calendars.list(grant.id)
    match grant:
        case Grant(provider="google"):
            _label(grant.id)


def _label(grant_id):
    {_LABEL_CALL}
'''),
    "a class used under an early return": (("Labels",), f'''from .clients import nylas


def work(grant):
    nylas.calendars.list(grant.id)
    if grant.provider != "google":
        return
    Labels(grant.id).create()


class Labels:
    def __init__(self, grant_id):
        self.grant_id = grant_id

    def create(self):
        grant_id = self.grant_id
        {_LABEL_CALL}
'''),
    "handlers of a table keyed by providers": (("sync_google", "sync_microsoft"), f'''from .clients import nylas


def work(grant):
    HANDLERS[grant.provider](grant.id)


def sync_google(grant_id):
    {_LABEL_CALL}


def sync_microsoft(grant_id):
    nylas.calendars.list(grant_id)


HANDLERS = {{"google": sync_google, "microsoft": sync_microsoft}}
'''),
    "a table keyed by providers and its handlers": (
        ("sync_google", "sync_microsoft", "HANDLERS"), f'''from .clients import nylas


def work(grant):
    HANDLERS.get(grant.provider)(grant.id)


def sync_google(grant_id):
    {_LABEL_CALL}


def sync_microsoft(grant_id):
    nylas.calendars.list(grant_id)


HANDLERS = {{"google": sync_google, "microsoft": sync_microsoft}}
'''),
    "a provider test of the module": (("is_google",), f'''from .clients import nylas


def work(grant):
    grant_id = grant.id
    nylas.calendars.list(grant_id)
    if is_google(grant):
        {_LABEL_CALL}


def is_google(grant):
    return grant.provider == "google"
'''),
    "a function called under a guard and for every grant": (("_label",), f'''from .clients import nylas


def work(grant):
    nylas.calendars.list(grant.id)
    if grant.provider == "google":
        _label(grant.id)
    _label(grant.id)


def _label(grant_id):
    {_LABEL_CALL}
'''),
    "the methods of a class held to call under a guard": (("Labels",), f'''from .clients import nylas


class Sync:
    def __init__(self, client):
        self.labels = Labels(client)

    def work(self, grant):
        nylas.calendars.list(grant.id)
        if grant.provider == "google":
            self.labels.create(grant.id)


class Labels:
    def __init__(self, client):
        self.client = client

    def create(self, grant_id):
        {_LABEL_CALL}
'''),
    "the methods of a class held at module level, called under a guard and for every grant": (
        ("Labels",), f'''from .clients import nylas


def work(grant):
    nylas.calendars.list(grant.id)
    if grant.provider == "google":
        labels.create(grant.id)


def nightly(grant):
    labels.create(grant.id)


class Labels:
    def create(self, grant_id):
        {_LABEL_CALL}


labels = Labels()
'''),
}


def _definitions_moved(sync: str, names: tuple[str, ...]) -> dict[str, str]:
    """``app/sync.py`` with the top-level definitions of ``names`` moved to
    ``app/work.py``, which ``app/sync.py`` imports those it uses from."""
    tree = ast.parse(sync)
    lines = sync.splitlines(keepends=True)
    moved: list[str] = []
    cut: set[int] = set()
    for node in tree.body:
        name = node.targets[0].id if isinstance(node, ast.Assign) and isinstance(
            node.targets[0], ast.Name) else getattr(node, "name", "")
        if name in names:
            first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
            span = range(first - 1, node.end_lineno or node.lineno)
            moved.append("".join(lines[index] for index in span))
            cut.update(span)
    kept = "".join(line for index, line in enumerate(lines) if index not in cut)
    # What the module still uses: a name imported and not used may be there for
    # other modules to import, which the analysis then takes into account.
    used = [name for name in names if re.search(rf"\b{name}\b", kept)]
    return {
        "app/sync.py": f"from .work import {', '.join(used)}\n" + kept,
        "app/work.py": "from .clients import nylas\n\n\n" + "\n\n".join(moved),
    }


@pytest.mark.parametrize("program", GUARDED_DEFINITIONS)
def test_a_guarded_definition_moved_to_another_module_makes_no_claim_appear(
        program: str, tmp_path: Path) -> None:
    names, sync = GUARDED_DEFINITIONS[program]
    files = {"app/clients.py": _PROVIDER_CLIENTS, "app/sync.py": sync}
    before, _ = _claims_and_caution(tmp_path / "here", files)
    moved = {**files, **_definitions_moved(sync, names)}
    after, _ = _claims_and_caution(tmp_path / "moved", moved)
    appeared = after - before
    assert not appeared, (
        f"moving the definitions of {program} to another module made claims appear: "
        f"{sorted(appeared)}\n{moved['app/sync.py']}\n{moved['app/work.py']}")
    # The guard is read where it is written (no vacuous case), but for the call
    # made for every grant.
    missing_mail = Counter({"NYS301 Mail.ReadWrite": 1})
    assert before == (missing_mail if "every grant" in program else Counter()), before


_RESOURCE_CALLS = '''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
SCOPES = ["https://www.googleapis.com/auth/calendar",
          "https://www.googleapis.com/auth/gmail.modify",
          "https://www.googleapis.com/auth/contacts"]


def login():
    return nylas.auth.url_for_oauth2({"client_id": "id", "provider": "google",
                                      "redirect_uri": "https://a.example/cb", "scope": SCOPES})


def sync(grant_id):
{calls}
'''


@pytest.mark.parametrize("looped", [
    '    for name in ("events", "messages"):\n'
    '        getattr(nylas, name).list(grant_id, query_params={"calendar_id": "work"})',
    '    RESOURCES = ("events", "messages")\n'
    '    return [getattr(nylas, name).list(grant_id, query_params={"calendar_id": "work"})\n'
    '            for name in RESOURCES]',
])
def test_resources_read_by_names_in_a_loop_make_no_claim_appear(
        looped: str, tmp_path: Path) -> None:
    plain = ('    nylas.events.list(grant_id, query_params={"calendar_id": "work"})\n'
             '    nylas.messages.list(grant_id, query_params={"calendar_id": "work"})')
    before, _ = _claims_and_caution(
        tmp_path / "plain", {"app/main.py": _RESOURCE_CALLS.replace("{calls}", plain)})
    after, _ = _claims_and_caution(
        tmp_path / "looped", {"app/main.py": _RESOURCE_CALLS.replace("{calls}", looped)})
    assert before, "the plain program makes claims to compare with"
    # The loop's calls are read: the unused contacts scope is still claimed.
    assert "NYS303 https://www.googleapis.com/auth/contacts" in after, after
    assert not after - before, after - before


# ------------------------------------------------------- framework state read through a name

_STATE_APP = '''import contextlib
import os

import httpx
from fastapi import FastAPI, Request
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"


@contextlib.asynccontextmanager
async def lifespan(app):
    app.state.http = httpx.AsyncClient(base_url="https://api.us.nylas.com/v3/grants/abc")
    yield


app = FastAPI(lifespan=lifespan)


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly", G + "calendar.events.readonly",
                  G + "contacts.readonly"],
    })


async def messages(request: Request):
    return (await request.app.state.http.get("messages")).json()


async def events(request: Request):
    return (await request.app.state.http.get("events")).json()
'''


@pytest.mark.parametrize("state", ["request.app.state", "request.state"])
def test_framework_state_held_in_a_name_makes_no_claim_appear(
        state: str, tmp_path: Path) -> None:
    direct = _STATE_APP.replace("request.app.state", state)
    before, _ = _claims_and_caution(tmp_path / "direct", {"app/main.py": direct})
    # Both requests are read: only the contacts scope is claimed unused.
    assert before == Counter({"NYS303 https://www.googleapis.com/auth/contacts.readonly": 1})
    aliased = direct.replace(
        f"    return (await {state}.http.get(\"events\")).json()",
        f"    held = {state}\n    return (await held.http.get(\"events\")).json()")
    assert aliased != direct
    after, _ = _claims_and_caution(tmp_path / "aliased", {"app/main.py": aliased})
    assert not after - before, after - before


# ------------------------------------------------------- Pyramid's registry read through a name

_PYRAMID_CONFIG = '''import os

from nylas import Client
from pyramid.config import Configurator


def main(global_config, **settings):
    config = Configurator(settings=settings)
    config.registry.nylas = Client(os.environ["NYLAS_API_KEY"])
    config.scan(".views")
    return config.make_wsgi_app()
'''
_PYRAMID_VIEWS = '''from pyramid.view import view_config

SCOPE = ["Mail.Read", "Calendars.Read", "Contacts.Read"]


@view_config(route_name="login")
def login(request):
    return request.registry.nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "microsoft",
        "scope": SCOPE,
    })


@view_config(route_name="inbox", renderer="json")
def inbox(request):
    return request.registry.nylas.messages.list("grant")


@view_config(route_name="agenda", renderer="json")
def agenda(request):
    return request.registry.nylas.calendars.list("grant")
'''


def test_pyramid_registry_held_in_a_name_makes_no_claim_appear(tmp_path: Path) -> None:
    files = {"app/__init__.py": _PYRAMID_CONFIG, "app/views.py": _PYRAMID_VIEWS}
    before, _ = _claims_and_caution(tmp_path / "direct", files)
    # Both views' calls are read: only the contacts scope is claimed unused.
    assert before == Counter({"NYS303 Contacts.Read": 1})
    aliased = _PYRAMID_VIEWS.replace(
        "    return request.registry.nylas.calendars.list(\"grant\")",
        "    registry = request.registry\n    return registry.nylas.calendars.list(\"grant\")")
    assert aliased != _PYRAMID_VIEWS
    after, _ = _claims_and_caution(tmp_path / "aliased", {**files, "app/views.py": aliased})
    assert not after - before, after - before


# ------------------------------------------------------- a held client's holder left untyped

_HOLDER_CLASS = '''import httpx


class NylasHttp:
    def __init__(self, grant_id):
        self.http = httpx.Client(base_url=f"https://api.us.nylas.com/v3/grants/{grant_id}")
'''
_HOLDER_USES = '''import os

from nylas import Client

from .http import NylasHttp

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly", G + "calendar.events.readonly",
                  G + "contacts.readonly"],
    })


def messages(grant_id):
    return NylasHttp(grant_id).http.get("messages").json()


def events(api: NylasHttp):
    return api.http.get("events").json()
'''


def test_a_held_client_s_holder_left_untyped_makes_no_claim_appear(tmp_path: Path) -> None:
    typed = {"app/http.py": _HOLDER_CLASS, "app/main.py": _HOLDER_USES}
    before, _ = _claims_and_caution(tmp_path / "typed", typed)
    # Both requests are read: only the contacts scope is claimed unused.
    assert before == Counter({"NYS303 https://www.googleapis.com/auth/contacts.readonly": 1})
    untyped = {**typed, "app/main.py": _HOLDER_USES.replace("api: NylasHttp", "api")}
    after, cautious = _claims_and_caution(tmp_path / "untyped", untyped)
    assert not after - before, after - before
    assert cautious


# ------------------------------------------- a client annotated with the other version

_MIGRATING_LOGINS = '''from nylas import APIClient, Client

v2 = APIClient("id", "secret")
v3 = Client(api_key="key")
G = "https://www.googleapis.com/auth/"


def login_v2(uri):
    return v2.authentication_url(uri, scopes=["email.read_only", "calendar"])


def login_v3(uri):
    return v3.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": uri, "provider": "google",
        "scope": [G + "gmail.readonly", G + "calendar"],
    })


def calendars(grant):
    return v2.events.all(), v3.calendars.list(grant)


def subjects(raw, grant):
    return [m.subject for m in raw.messages.list(grant).data]
'''


def test_an_annotation_naming_the_other_version_s_client_makes_no_claim_appear(
        tmp_path: Path) -> None:
    # An annotation does not change what runs: ``raw`` may still be a v3 client.
    untyped = {"app/main.py": _MIGRATING_LOGINS}
    before, _ = _claims_and_caution(tmp_path / "untyped", untyped)
    # ``messages.list`` is the v3 SDK's: on an unknown ``raw`` it keeps the v3 mail
    # scope silent, not the v2 one.
    assert before == Counter({"NYS302 calendar": 1, "NYS303 email.read_only": 1,
                              "NYS302 https://www.googleapis.com/auth/calendar": 1})
    typed = {"app/main.py": _MIGRATING_LOGINS.replace("raw, grant", "raw: APIClient, grant")}
    after, cautious = _claims_and_caution(tmp_path / "typed", typed)
    assert not after - before, after - before
    assert cautious


# ------------------------------------------------------- a wrapper's fallback for its scopes

_WRAPPED_LOGIN = '''from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT = ["email.read_only", "calendar", "contacts.read_only"]


def ask(scopes{signature}):
{fallback}    return client.authentication_url("https://a.example/cb", scopes=scopes)


def login():
    return ask({argument})


def inbox(token):
    return list(APIClient("id", "secret", token).messages.all())
'''


@pytest.mark.parametrize("fallback", [
    "    scopes = scopes or DEFAULT\n",
    "    if scopes is None:\n        scopes = DEFAULT\n",
    "    if not scopes:\n        scopes = DEFAULT\n",
    "    scopes = DEFAULT if scopes is None else scopes\n",
], ids=["or", "if-none", "if-not", "conditional"])
def test_a_default_moved_into_a_wrapper_makes_no_claim_appear(
        fallback: str, tmp_path: Path) -> None:
    passed = _WRAPPED_LOGIN.format(signature="", fallback="", argument="DEFAULT")
    defaulted = _WRAPPED_LOGIN.format(signature="=None", fallback=fallback, argument="")
    before, _ = _claims_and_caution(tmp_path / "passed", {"app/main.py": passed})
    after, caution = _claims_and_caution(tmp_path / "defaulted", {"app/main.py": defaulted})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before and not caution, after


@pytest.mark.parametrize("inline", [
    "scopes or DEFAULT", "DEFAULT if scopes is None else scopes",
], ids=["or", "conditional"])
def test_a_default_moved_into_the_request_of_a_wrapper_makes_no_claim_appear(
        inline: str, tmp_path: Path) -> None:
    passed = _WRAPPED_LOGIN.format(signature="", fallback="", argument="DEFAULT")
    defaulted = _WRAPPED_LOGIN.format(signature="=None", fallback="", argument="").replace(
        "scopes=scopes)", f"scopes={inline})")
    before, _ = _claims_and_caution(tmp_path / "passed", {"app/main.py": passed})
    after, caution = _claims_and_caution(tmp_path / "defaulted", {"app/main.py": defaulted})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before and not caution, after


_PICKED_LOGIN = '''from nylas import APIClient

client = APIClient("id", "secret")


def pick(plan):
{body}

def login(plan):
    return client.authentication_url("https://a.example/cb", scopes=pick(plan))


def inbox(token):
    return list(APIClient("id", "secret", token).messages.all())
'''

_PICKED_BY_IF = '''    if plan == "pro":
        return ["email.read_only", "contacts.read_only"]
    elif plan == "team":
        return ["email.read_only", "calendar"]
    raise ValueError(plan)
'''

_PICKED_BY_MATCH = '''    match plan:
        case "pro":
            return ["email.read_only", "contacts.read_only"]
        case "team":
            return ["email.read_only", "calendar"]
        case _:
            raise ValueError(plan)
'''


def test_an_if_chain_rewritten_as_a_match_makes_no_claim_appear(tmp_path: Path) -> None:
    before, _ = _claims_and_caution(
        tmp_path / "if", {"app/main.py": _PICKED_LOGIN.format(body=_PICKED_BY_IF)})
    after, caution = _claims_and_caution(
        tmp_path / "match", {"app/main.py": _PICKED_LOGIN.format(body=_PICKED_BY_MATCH)})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before and not caution, after


_PLAN_SCOPES = (
    'PLAN_SCOPES = {"pro": ["email.read_only", "contacts.read_only"], "team": ["calendar"]}\n')


def test_a_lookup_rewritten_as_a_try_makes_no_claim_appear(tmp_path: Path) -> None:
    tested = ("    if plan in PLAN_SCOPES:\n        return PLAN_SCOPES[plan]\n"
              "    return ['email.read_only']\n")
    tried = ("    try:\n        return PLAN_SCOPES[plan]\n    except KeyError:\n"
             "        return ['email.read_only']\n")
    before, _ = _claims_and_caution(
        tmp_path / "if", {"app/main.py": _PLAN_SCOPES + _PICKED_LOGIN.format(body=tested)})
    after, caution = _claims_and_caution(
        tmp_path / "try", {"app/main.py": _PLAN_SCOPES + _PICKED_LOGIN.format(body=tried)})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before and not caution, after


_ENUM_SCOPES = '''from enum import Enum


class Scope(str, Enum):
    READ = "email.read_only"
    CONTACTS = "contacts.read_only"


SCOPES = {scopes}
'''

_ENUM_LOGIN = '''from nylas import APIClient

from app.scopes import SCOPES

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes=SCOPES)


def inbox(token):
    return list(APIClient("id", "secret", token).messages.all())
'''


def test_an_enum_list_written_as_a_comprehension_makes_no_claim_appear(
        tmp_path: Path) -> None:
    written = _ENUM_SCOPES.format(scopes="[Scope.READ.value, Scope.CONTACTS.value]")
    looped = _ENUM_SCOPES.format(scopes="[s.value for s in Scope]")
    before, _ = _claims_and_caution(
        tmp_path / "written", {"app/scopes.py": written, "app/main.py": _ENUM_LOGIN})
    after, caution = _claims_and_caution(
        tmp_path / "looped", {"app/scopes.py": looped, "app/main.py": _ENUM_LOGIN})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before and not caution, after


# ------------------------------------------------------- a provider class's scopes

_PROVIDER_LOGIN = '''from nylas import APIClient

client = APIClient("id", "secret")
SCOPES = ["email.read_only", "calendar", "contacts.read_only"]
{classes}

def login():
    return client.authentication_url("https://a.example/cb", scopes={scopes})


def inbox(token):
    return list(APIClient("id", "secret", token).messages.all())
'''

_PROVIDER_CLASSES = {
    "inherited": (
        "class Base:\n    scopes = [\"email.read_only\", \"calendar\", \"contacts.read_only\"]\n"
        "\n\nclass Google(Base):\n    pass\n"),
    "property": (
        "class Google:\n    @property\n    def scopes(self):\n"
        "        return [\"email.read_only\", \"calendar\", \"contacts.read_only\"]\n"),
    "module-list-held": "class Google:\n    scopes = SCOPES\n",
}


@pytest.mark.parametrize("classes", _PROVIDER_CLASSES.values(), ids=list(_PROVIDER_CLASSES))
def test_a_list_moved_into_a_provider_class_makes_no_claim_appear(
        classes: str, tmp_path: Path) -> None:
    constant = _PROVIDER_LOGIN.format(classes="", scopes="SCOPES")
    held = _PROVIDER_LOGIN.format(classes="\n\n" + classes + "\n", scopes="Google().scopes")
    before, _ = _claims_and_caution(tmp_path / "constant", {"app/main.py": constant})
    after, caution = _claims_and_caution(tmp_path / "held", {"app/main.py": held})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before and not caution, after


_PROVIDER_CHANGE = 'def widen(provider):\n    {change}\n'


@pytest.mark.parametrize("spelled", [
    'getattr(provider, "scopes").append("contacts.read_only")',
    'operator.attrgetter("scopes")(provider).append("contacts.read_only")',
    'getattr(provider.scopes, "append")("contacts.read_only")',
    'getattr(provider, "scopes")[0] = "contacts.read_only"',
], ids=["getattr", "attrgetter", "getattr-of-the-method", "getattr-item-store"])
def test_an_attribute_named_by_a_constant_string_makes_no_claim_appear(
        spelled: str, tmp_path: Path) -> None:
    # ``provider.scopes`` changed in a function of another module, then the same
    # change with the attribute named by a string constant: the same code.
    classes = "\n\nclass Google:\n    scopes = [\"email.read_only\", \"calendar\"]\n\n"
    login = _PROVIDER_LOGIN.format(classes=classes, scopes="Google().scopes")
    plain = spelled.replace('getattr(provider, "scopes")', "provider.scopes").replace(
        'operator.attrgetter("scopes")(provider)', "provider.scopes").replace(
        'getattr(provider.scopes, "append")', "provider.scopes.append")
    before, cautious = _claims_and_caution(tmp_path / "plain", {
        "app/main.py": login, "app/more.py": _PROVIDER_CHANGE.format(change=plain)})
    after, _ = _claims_and_caution(tmp_path / "named", {
        "app/main.py": login,
        "app/more.py": "import operator\n\n\n" + _PROVIDER_CHANGE.format(change=spelled)})
    assert cautious, before
    assert not after - before, after


# ------------------------------------------------------- a grant update in a wrapper

_GRANT_UPDATE = '''import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly"]})


{update}


def send(grant_id):
    return nylas.messages.send(grant_id, request_body={"to": [{"email": "a@b.example"}]})
'''


def test_a_grant_update_moved_into_a_wrapper_makes_no_claim_appear(tmp_path: Path) -> None:
    inline = _GRANT_UPDATE.replace("{update}", (
        "def widen(grant_id):\n"
        "    nylas.grants.update(grant_id, {\"scope\": [G + \"gmail.send\"]})"))
    wrapped = _GRANT_UPDATE.replace("{update}", (
        "def update(grant_id, request_body):\n"
        "    nylas.grants.update(grant_id, request_body)\n\n\n"
        "def widen(grant_id):\n"
        "    update(grant_id, {\"scope\": [G + \"gmail.send\"]})"))
    before, _ = _claims_and_caution(tmp_path / "inline", {"app/main.py": inline})
    after, caution = _claims_and_caution(tmp_path / "wrapped", {"app/main.py": wrapped})
    assert not [claim for claim in before if claim.startswith("NYS301")], before
    assert not after - before and caution, after


@pytest.mark.parametrize("classes", _PROVIDER_CLASSES.values(), ids=list(_PROVIDER_CLASSES))
def test_a_provider_class_moved_to_another_module_makes_no_claim_appear(
        classes: str, tmp_path: Path) -> None:
    # The class (and the list it holds) in a module of its own, its instance held in
    # a local name by the module that makes the request.
    held = _PROVIDER_LOGIN.format(classes="\n\n" + classes + "\n", scopes="Google().scopes")
    moved = _PROVIDER_LOGIN.format(classes="from app.providers import Google\n",
                                   scopes="provider.scopes").replace(
        "def login():\n", "def login():\n    provider = Google()\n")
    providers = 'SCOPES = ["email.read_only", "calendar", "contacts.read_only"]\n\n\n' + classes
    before, _ = _claims_and_caution(tmp_path / "one", {"app/main.py": held})
    after, _ = _claims_and_caution(
        tmp_path / "moved", {"app/main.py": moved, "app/providers.py": providers})
    assert "NYS303 contacts.read_only" in before, before
    assert after == before, after


# ------------------------------------------------------- a table of classes run in a loop

_SYNC_CLASSES = '''import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly", G + "calendar.readonly", G + "contacts.readonly"]})


class MailSync:
    def __init__(self, client):
        self.client = client

    def run(self, grant_id):
        return self.client.messages.list(grant_id)


class CalendarSync:
    def __init__(self, client):
        self.client = client

    def run(self, grant_id):
        return self.client.calendars.list(grant_id)


{table}
def sync_all(grant_id):
{calls}
'''


@pytest.mark.parametrize(("table", "looped"), [
    ('SYNCS = {"mail": MailSync, "calendar": CalendarSync}\n',
     "    for cls in SYNCS.values():\n        cls(nylas).run(grant_id)"),
    ("", "    for cls in (MailSync, CalendarSync):\n        cls(nylas).run(grant_id)"),
], ids=["dict-values", "tuple"])
def test_classes_run_in_a_loop_over_a_table_make_no_claim_appear(
        table: str, looped: str, tmp_path: Path) -> None:
    plain = "    MailSync(nylas).run(grant_id)\n    CalendarSync(nylas).run(grant_id)"
    before, _ = _claims_and_caution(tmp_path / "plain", {"app/main.py": _SYNC_CLASSES.replace(
        "{table}", "").replace("{calls}", plain)})
    after, _ = _claims_and_caution(tmp_path / "looped", {"app/main.py": _SYNC_CLASSES.replace(
        "{table}", table).replace("{calls}", looped)})
    assert "NYS303 https://www.googleapis.com/auth/contacts.readonly" in before, before
    assert after == before, after


# ------------------------------------------------------- a registry write moved elsewhere

# A registry of the module's classes filled after it is bound, by the line ending with
# ``# the write``.  Moving that line into a module that imports the registry keeps the
# meaning (the same object gets the same class before any call), and the analysis must
# get no less cautious: no claim may appear, and a registry it reads as unresolved here
# stays so there.
_REGISTRIES = {
    "item": ('SYNCS = {"mail": MailSync}\nSYNCS["calendar"] = CalendarSync  # the write\n',
             "    for cls in SYNCS.values():\n        cls(nylas).run(grant_id)"),
    "update": ('SYNCS = {"mail": MailSync}\n'
               'SYNCS.update({"calendar": CalendarSync})  # the write\n',
               "    SYNCS[grant_id](nylas).run(grant_id)"),
    "update-keywords": ('SYNCS = {"mail": MailSync}\n'
                        'SYNCS.update(calendar=CalendarSync)  # the write\n',
                        "    SYNCS[grant_id](nylas).run(grant_id)"),
    "append": ("SYNCS = [MailSync]\nSYNCS.append(CalendarSync)  # the write\n",
               "    for cls in SYNCS:\n        cls(nylas).run(grant_id)"),
    "augmented": ("SYNCS = [MailSync]\nSYNCS += [CalendarSync]  # the write\n",
                  "    for cls in SYNCS:\n        cls(nylas).run(grant_id)"),
}
_WRITE = re.compile(r"^(?P<statement>.*?)  # the write$", re.MULTILINE)


@pytest.mark.parametrize("registry", list(_REGISTRIES))
def test_a_registry_write_moved_to_another_module_makes_no_claim_appear(
        registry: str, tmp_path: Path) -> None:
    table, calls = _REGISTRIES[registry]
    here = _SYNC_CLASSES.replace("{table}", table).replace("{calls}", calls)
    found = _WRITE.search(here)
    assert found is not None
    moved = here.replace(found[0], "") + "\n\nfrom . import plug  # noqa: E402,F401\n"
    plug = f"from .main import SYNCS, CalendarSync\n\n{found['statement']}\n"
    before, cautious_before = _claims_and_caution(tmp_path / "here", {"app/main.py": here})
    after, cautious_after = _claims_and_caution(
        tmp_path / "moved", {"app/main.py": moved, "app/plug.py": plug})
    # Not vacuous: only the registry's classes make calendar needed.
    assert "NYS303 https://www.googleapis.com/auth/calendar.readonly" not in before, before
    assert not after - before, (registry, sorted(after - before))
    assert cautious_after or not cautious_before, registry


# ------------------------------------------------------- a registry's call moved into a function

# A registry that a loader may fill, called directly, then through a function of the
# module that is handed an element: the same call, so no claim may appear, and the
# analysis stays as cautious.
_LOADED = 'import plugins\n\nSYNCS = {"mail": MailSync}\nplugins.load_into(SYNCS)\n\n\n'
_CALLED_THROUGH = {
    "parameter": ("def _run(cls, grant_id):\n    return cls(nylas).run(grant_id)\n\n\n",
                  "    return _run(SYNCS[grant_id], grant_id)"),
    "loop": ("def _run(cls, grant_id):\n    return cls(nylas).run(grant_id)\n\n\n",
             "    for cls in SYNCS.values():\n        _run(cls, grant_id)"),
    "returned": ("def _pick(kind):\n    return SYNCS[kind]\n\n\n",
                 "    return _pick(grant_id)(nylas).run(grant_id)"),
}


@pytest.mark.parametrize("through", list(_CALLED_THROUGH))
def test_a_registry_call_moved_into_a_function_makes_no_claim_appear(
        through: str, tmp_path: Path) -> None:
    helper, calls = _CALLED_THROUGH[through]
    direct = _SYNC_CLASSES.replace("{table}", _LOADED).replace(
        "{calls}", "    return SYNCS[grant_id](nylas).run(grant_id)")
    moved = _SYNC_CLASSES.replace("{table}", _LOADED + helper).replace("{calls}", calls)
    before, cautious_before = _claims_and_caution(tmp_path / "direct", {"app/main.py": direct})
    after, cautious_after = _claims_and_caution(tmp_path / "moved", {"app/main.py": moved})
    # Not vacuous: only what the loader puts in the registry could need contacts.
    assert cautious_before and "NYS303 https://www.googleapis.com/auth/contacts.readonly" not in (
        before), before
    assert not after - before, (through, sorted(after - before))
    assert cautious_after, through


# ------------------------------------------------------- someone else's code in the tree

# A virtual environment created inside the project and a copy of the SDK kept in the
# repository hold a library's calls and scope lists: adding them changes no finding.
_OTHERS_CODE = {
    "env/pyvenv.cfg": "home = /usr/bin\n",
    "env/lib/python3.11/site-packages/nylas/_client_sdk_version.py": '__VERSION__ = "6.4.0"\n',
    "env/lib/python3.11/site-packages/nylas/resources/messages.py": (
        "import requests\n\n\ndef send(grant, body):\n    return requests.post("
        "f'https://api.us.nylas.com/v3/grants/{grant}/messages/send', json=body)\n"),
    "vendor/nylas/_client_sdk_version.py": '__VERSION__ = "6.4.0"\n',
    "vendor/nylas/resources/auth.py": (
        "import requests\n\n\ndef custom(api_server, body):\n"
        "    return requests.post(api_server + '/v3/connect/custom', json=body)\n"),
}


def test_a_virtual_environment_or_a_copy_of_the_sdk_changes_no_finding(tmp_path: Path) -> None:
    login = _V3_LOGIN.format(values="", asked=(
        '{**BASE, "scope": [' + ", ".join((_GMAIL, _CALENDAR, _CONTACTS)) + "]}"))
    before = _claims_and_caution(tmp_path / "plain", {"app/main.py": login})
    after = _claims_and_caution(tmp_path / "cluttered", {"app/main.py": login, **_OTHERS_CODE})
    assert "NYS303 https://www.googleapis.com/auth/contacts.readonly" in before[0], before
    assert after == before


# ------------------------------------------------------- a with statement on an exit stack

# ``with cm as nylas`` and ``nylas = stack.enter_context(cm)`` on an exit stack give the
# same client; so does a helper the stack is handed to.  The analysis may follow fewer
# of these forms, and then only get more cautious.
_ENTERED = '''from contextlib import ExitStack, contextmanager

from nylas import Client


@contextmanager
def nylas_client():
    yield Client("key")


def enter(stack, manager):
    return stack.enter_context(manager)


def digest(grant):
{body}
        return nylas.messages.list(grant).data
'''
_ENTERED_FORMS = {
    "a with statement": "    with nylas_client() as nylas:",
    "an exit stack": ("    with ExitStack() as stack:\n"
                      "        nylas = stack.enter_context(nylas_client())"),
    "an exit stack handed to a helper": ("    with ExitStack() as stack:\n"
                                         "        nylas = enter(stack, nylas_client())"),
}


@pytest.mark.parametrize("form", [form for form in _ENTERED_FORMS if form != "a with statement"])
def test_a_client_entered_on_an_exit_stack_makes_no_claim_appear(
        form: str, tmp_path: Path) -> None:
    login = _V3_LOGIN.format(values="", asked=(
        '{**BASE, "scope": [' + ", ".join((_GMAIL, _CALENDAR, _CONTACTS)) + "]}"))
    # Only the module below calls Nylas.
    files = {"app/views.py": login.partition("\n\ndef digest(grant):")[0]}
    before, _ = _claims_and_caution(tmp_path / "with", {**files, "app/work.py": _ENTERED.format(
        body=_ENTERED_FORMS["a with statement"])})
    after, after_cautious = _claims_and_caution(tmp_path / "stack", {
        **files, "app/work.py": _ENTERED.format(body=_ENTERED_FORMS[form])})
    # Not vacuous: the plain form lists messages only, and the calendar is unused.
    assert "NYS303 https://www.googleapis.com/auth/calendar.readonly" in before, before
    assert not after - before, sorted(after - before)
    if form == "an exit stack handed to a helper":
        # ``enter(stack, manager)`` gives the manager to ``stack.enter_context`` on a
        # parameter, which the reading does not follow (as ``nylas-scopes check``
        # says of this module): cautious, never a claim of its own.
        assert after_cautious and not after, (before, after)
    else:
        assert after == before, (before, after)


# ------------------------------------------------ a config moved into a returning function

_CONFIG_LOGIN = '''import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"
SCOPES = {{"google": [G + "gmail.readonly", G + "contacts.readonly"],
          "microsoft": ["Mail.Read", "offline_access"]}}

{helper}
def login(provider):
    return nylas.auth.url_for_oauth2({argument})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
_CONFIG_DISPLAY = ('{"client_id": "c", "redirect_uri": "https://a.example/cb", '
                   '"provider": provider, "scope": SCOPES[provider]}')


def test_a_config_moved_into_a_function_that_returns_it_makes_no_claim_appear(
        tmp_path: Path) -> None:
    written = _CONFIG_LOGIN.format(helper="", argument=_CONFIG_DISPLAY)
    returned = _CONFIG_LOGIN.format(
        helper=f"def oauth_config(provider):\n    return {_CONFIG_DISPLAY}\n\n",
        argument="oauth_config(provider)")
    before, _ = _claims_and_caution(tmp_path / "written", {"app/main.py": written})
    after, caution = _claims_and_caution(tmp_path / "returned", {"app/main.py": returned})
    assert any("NYS303" in claim and "contacts.readonly" in claim for claim in before), before
    assert after == before and not caution, after


def test_a_provider_lookup_given_an_empty_default_makes_no_claim_appear(
        tmp_path: Path) -> None:
    # ``SCOPES.get(provider, [])`` differs from ``SCOPES[provider]`` only for a
    # provider neither key names (no request at all, or one asking for nothing),
    # whose grants no rule judges: the claims may only stay or become more cautious.
    display = _CONFIG_DISPLAY.replace("SCOPES[provider]", "SCOPES.get(provider, [])")
    before, _ = _claims_and_caution(tmp_path / "subscript", {
        "app/main.py": _CONFIG_LOGIN.format(helper="", argument=_CONFIG_DISPLAY)})
    after, caution = _claims_and_caution(tmp_path / "get", {
        "app/main.py": _CONFIG_LOGIN.format(helper="", argument=display)})
    assert any("NYS303" in claim and "contacts.readonly" in claim for claim in before), before
    assert after == before and not caution, after


# --------------------------------------------- a provider table moved into another shape

_PROVIDER_HANDLERS = '''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"


def login(provider):
    scope = ([G + "gmail.labels", G + "contacts.readonly"] if provider == "google"
             else ["Mail.Read"])
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a.example/cb",
                                      "provider": provider, "scope": scope})


class GmailHandler:
    def run(self, grant_id):
        return nylas.folders.list(grant_id)


class OutlookHandler:
    def run(self, grant_id):
        return nylas.messages.list(grant_id)


{table}
def work(grant):
    return {picked}(grant.id)
'''
# The same table, and the handler the grant's provider picks from it.
_TABLE_SHAPES = {
    "written": ('HANDLERS = {"google": GmailHandler, "microsoft": OutlookHandler}\n',
                "HANDLERS[grant.provider]().run"),
    "returned": ('def handlers():\n'
                 '    return {"google": GmailHandler, "microsoft": OutlookHandler}\n\n',
                 "handlers()[grant.provider]().run"),
    "pairs": ('HANDLERS = [("google", GmailHandler), ("microsoft", OutlookHandler)]\n',
              "next(h for p, h in HANDLERS if p == grant.provider)().run"),
    "keywords": ("HANDLERS = dict(google=GmailHandler, microsoft=OutlookHandler)\n",
                 "HANDLERS[grant.provider]().run"),
    # Keyed by an attribute each class is given after its body.
    "attributes-set-after": (
        'GmailHandler.provider = "google"\nOutlookHandler.provider = "microsoft"\n'
        "HANDLERS = {cls.provider: cls for cls in (GmailHandler, OutlookHandler)}\n",
        "HANDLERS[grant.provider]().run"),
}


@pytest.mark.parametrize("shape", [shape for shape in _TABLE_SHAPES if shape != "written"])
def test_a_provider_table_moved_into_another_shape_makes_no_claim_appear(
        shape: str, tmp_path: Path) -> None:
    """Returned by a function, written as pairs or as ``dict(...)``'s keywords, the
    table means the same: the verdict may only get more cautious."""
    def program(name: str) -> dict[str, str]:
        table, picked = _TABLE_SHAPES[name]
        return {"app/main.py": _PROVIDER_HANDLERS.replace("{table}", table).replace(
            "{picked}", picked)}
    before, caution = _claims_and_caution(tmp_path / "written", program("written"))
    after, _ = _claims_and_caution(tmp_path / shape, program(shape))
    # Read exactly where written: Google's handler needs no more than it is given.
    assert before == Counter(
        {"NYS303 https://www.googleapis.com/auth/contacts.readonly": 1}) and not caution, before
    assert not after - before, after


# The same handlers, one written as a subclass of the other or both of a shared base:
# each overrides ``run``, so neither runs the other's.
_SUBCLASSED = {
    "one of the other": ("class OutlookHandler:", "class OutlookHandler(GmailHandler):"),
    "both of a base": ("class GmailHandler:",
                       "class Handler:\n    def __init__(self):\n        self.ready = True\n\n\n"
                       "class GmailHandler(Handler):"),
}


@pytest.mark.parametrize("shape", list(_SUBCLASSED))
def test_a_handler_written_as_a_subclass_makes_no_claim_appear(
        shape: str, tmp_path: Path) -> None:
    """A handler class written as a subclass of another that it overrides: the verdict
    may only get more cautious."""
    table, picked = _TABLE_SHAPES["written"]
    # Gmail's handler lists contacts, which Microsoft's request does not grant.
    program = _PROVIDER_HANDLERS.replace("{table}", table).replace("{picked}", picked).replace(
        "nylas.folders.list(grant_id)", "nylas.contacts.list(grant_id)")
    before, _ = _claims_and_caution(tmp_path / "apart", {"app/main.py": program})
    assert not any(claim.startswith("NYS301") for claim in before), before
    old, new = _SUBCLASSED[shape]
    rewritten = program.replace(old, new)
    if shape == "both of a base":
        rewritten = rewritten.replace("class OutlookHandler:", "class OutlookHandler(Handler):")
    assert rewritten.count("Handler)") == (1 if shape == "one of the other" else 2)
    after, _ = _claims_and_caution(tmp_path / "subclassed", {"app/main.py": rewritten})
    assert not after - before, after


@pytest.mark.parametrize("shape", ["written", "pairs"])
def test_provider_names_moved_into_another_module_make_no_claim_appear(
        shape: str, tmp_path: Path) -> None:
    """The table's provider names bound in another module and imported (``{GOOGLE:
    GmailHandler}``) mean the same: the verdict may only get more cautious."""
    table, picked = _TABLE_SHAPES[shape]
    program = _PROVIDER_HANDLERS.replace("{picked}", picked)
    before, _ = _claims_and_caution(tmp_path / "literals", {
        "app/main.py": program.replace("{table}", table)})
    after, _ = _claims_and_caution(tmp_path / "imported", {
        "app/names.py": 'GOOGLE = "google"\nMICROSOFT = "microsoft"\n',
        "app/main.py": "from app.names import GOOGLE, MICROSOFT\n" + program.replace(
            "{table}", table.replace('"google"', "GOOGLE").replace('"microsoft"', "MICROSOFT"))})
    assert not after - before, after


# --------------------------------------------- a module's list reached through a local name

_ALIASED_V3 = '''from nylas import Client

nylas = Client("key")
SCOPES = ["https://graph.microsoft.com/Mail.Read", "https://graph.microsoft.com/Contacts.Read"]


def login():
    config = {{"client_id": "c", "redirect_uri": "https://a.example/cb",
              "provider": "microsoft"}}
    config["scope"] = SCOPES
    return nylas.auth.url_for_oauth2(config)


def widen():
{change}


def inbox(grant_id):
    return nylas.messages.list(grant_id), nylas.calendars.list(grant_id)
'''
# The same change of the module's list, written on it and on another name for it.
_ALIASED_CHANGES = {
    "appended to": ("    SCOPES.append('https://graph.microsoft.com/Calendars.Read')",
                    "    scopes = SCOPES\n"
                    "    scopes.append('https://graph.microsoft.com/Calendars.Read')"),
    "appended to through a dict": (
        "    held = {'scope': SCOPES}\n"
        "    held['scope'].append('https://graph.microsoft.com/Calendars.Read')",
        "    held = {}\n    scopes = SCOPES\n    held['scope'] = scopes\n"
        "    held['scope'].append('https://graph.microsoft.com/Calendars.Read')"),
    "handed on": ("    register(SCOPES)", "    scopes = SCOPES\n    register(scopes)"),
    "only looked at": ("    print(len(SCOPES))",
                       "    scopes = SCOPES\n    held = {}\n    held['scope'] = scopes\n"
                       "    print(len(scopes), held)"),
}


@pytest.mark.parametrize("change", _ALIASED_CHANGES, ids=list(_ALIASED_CHANGES))
def test_a_list_reached_through_a_local_name_makes_no_claim_appear(
    change: str, tmp_path: Path
) -> None:
    direct, aliased = _ALIASED_CHANGES[change]
    before, _ = _claims_and_caution(
        tmp_path / "direct", {"app/views.py": _ALIASED_V3.format(change=direct)})
    after, _ = _claims_and_caution(
        tmp_path / "aliased", {"app/views.py": _ALIASED_V3.format(change=aliased)})
    appeared = after - before
    assert not appeared, (change, sorted(appeared))
    # Only looked at, the list is read either way: the calendar call misses its scope.
    if change == "only looked at":
        assert after == before and any(claim.startswith("NYS301") for claim in after), after


# ------------------------------------------------------- an Enum moved to another module

# A scope list made of a string ``Enum``'s members, the class written in the module of
# the request.  Moving the class to another module that the request's module imports
# keeps the meaning; the reading may only get more cautious there.
_ENUM_CLASS = '''

class Scope({bases}):
    MAIL = "https://www.googleapis.com/auth/gmail.readonly"
    CALENDAR = "https://www.googleapis.com/auth/calendar"
    CONTACTS = "https://www.googleapis.com/auth/contacts.readonly"
{more}
'''
_ENUM_REQUEST = '''import os
from enum import Enum, StrEnum

from nylas import Client
{enum}
nylas = Client(os.environ["NYLAS_API_KEY"])
BASE = {{"client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google"}}


def login():
    return nylas.auth.url_for_oauth2({{**BASE, "scope": {asked}}})


def digest(grant):
    return nylas.messages.list(grant).data, nylas.calendars.list(grant).data
'''
_ENUM_PROGRAMS = {
    "values": ("str, Enum", "", "[s.value for s in Scope]"),
    "members of a set": ("StrEnum", "", "{s for s in Scope}"),
    "values of a plain enum": ("Enum", "", "[s.value for s in Scope]"),
    "members of a plain enum": ("Enum", "", "[s for s in Scope]"),
    "a list of the class": ("str, Enum", "", "list(Scope)"),
    "the class spread": ("str, Enum", "", "[*Scope, 'openid']"),
    "a member not read": ("str, Enum", "    OTHER = os.environ['SCOPE']",
                          "[s.value for s in Scope]"),
    "bound again": ("str, Enum", "\n\nScope = os.environ['SCOPE_CLASS']",
                    "[s.value for s in Scope]"),
}


@pytest.mark.parametrize("program", _ENUM_PROGRAMS, ids=list(_ENUM_PROGRAMS))
def test_an_enum_moved_to_another_module_makes_no_claim_appear(
    program: str, tmp_path: Path
) -> None:
    bases, more, asked = _ENUM_PROGRAMS[program]
    enum = _ENUM_CLASS.format(bases=bases, more=more)
    here = {"app/views.py": _ENUM_REQUEST.format(enum=enum, asked=asked)}
    before, _ = _claims_and_caution(tmp_path / "here", here)
    moved = {"app/scopes.py": "import os\nfrom enum import Enum, StrEnum\n" + enum,
             "app/views.py": _ENUM_REQUEST.format(enum="from .scopes import Scope\n",
                                                  asked=asked)}
    after, _ = _claims_and_caution(tmp_path / "moved", moved)
    appeared = after - before
    assert not appeared, (program, sorted(appeared), moved)


# ------------------------------------------------------- a dict of scope lists renamed

# A dict of lists looked up by a key not read, named for scopes.  Another name keeps
# the meaning (Python reads no name); the reading may only get more cautious.
_PLAN_DICTS = {
    "v2 scope lists": '{"free": ["email.read_only"], "pro": ["email.read_only", "calendar"]}',
    "a list of other strings": '{"free": ["email.read_only"], "pro": ["basic"]}',
    "an empty list": '{"free": [], "pro": ["email.read_only", "calendar"]}',
    "v3 scope lists": f'{{"free": [{_GMAIL}], "pro": [{_GMAIL}, {_CALENDAR}, {_CONTACTS}]}}',
}


@pytest.mark.parametrize("plans", _PLAN_DICTS, ids=list(_PLAN_DICTS))
def test_a_dict_of_scope_lists_renamed_makes_no_claim_appear(
    plans: str, tmp_path: Path
) -> None:
    v3 = plans.startswith("v3")
    template = _V3_LOGIN if v3 else _V2_LOGIN
    asked = '{**BASE, "scope": NAME[os.environ["PLAN"]]}' if v3 else 'NAME[os.environ["PLAN"]]'
    values = ("" if v3 else "import os\n") + "NAME = " + _PLAN_DICTS[plans]

    def program(name: str) -> dict[str, str]:
        views = template.format(asked=asked.replace("NAME", name),
                                values=values.replace("NAME", name))
        return {"app/calls.py": _V2_CALLS, "app/views.py": views} if not v3 else {
            "app/views.py": views}

    before, _ = _claims_and_caution(tmp_path / "named", program("PLAN_SCOPES"))
    after, _ = _claims_and_caution(tmp_path / "renamed", program("PLANS"))
    appeared = after - before
    assert not appeared, (plans, sorted(appeared))


def test_a_returning_function_moved_to_another_module_makes_no_claim_appear(
        tmp_path: Path) -> None:
    helper = f"def oauth_config(provider):\n    return {_CONFIG_DISPLAY}\n\n"
    here = _CONFIG_LOGIN.format(helper=helper, argument="oauth_config(provider)")
    moved = _CONFIG_LOGIN.format(helper="", argument="oauth_config(provider)").replace(
        "nylas = Client(", "from app.conf import oauth_config\n\nnylas = Client(")
    conf = ('G = "https://www.googleapis.com/auth/"\n'
            'SCOPES = {"google": [G + "gmail.readonly", G + "contacts.readonly"],\n'
            '          "microsoft": ["Mail.Read", "offline_access"]}\n\n\n' + helper)
    before, _ = _claims_and_caution(tmp_path / "here", {"app/main.py": here})
    after, caution = _claims_and_caution(
        tmp_path / "moved", {"app/main.py": moved, "app/conf.py": conf})
    assert any("NYS303" in claim and "contacts.readonly" in claim for claim in before), before
    assert after == before and not caution, after


# ------------------------------------------------------- a wrapper's caller's list named

# A caller of a project wrapper passing its scope list written in the call, or named in
# a settings module: the same request, so neither form may make a claim appear that
# the other lacks.  Given to another library's request as well, the named list may
# only make the reading more cautious.
_WRAPPER = '''from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT_SCOPES = ["email.read_only"]


def ask(scopes=None):
    scopes = list(scopes or DEFAULT_SCOPES)
    return client.authentication_url("https://a.example/cb", scopes=scopes)
'''
_SUPERVISOR_LIST = '["email.read_only", "calendar", "contacts.read_only"]'
_WRAPPER_CALLERS = '''from app import settings
from app.auth import ask


def supervisor_login():
    return ask(scopes={passed})


def staff_login():
    return ask()
{more}'''
_ANOTHER_LIBRARY = '''

def google_client():
    from requests_oauthlib import OAuth2Session
    return OAuth2Session("id", scope=settings.SUPERVISOR_SCOPES)
'''


@pytest.mark.parametrize("more", ["", _ANOTHER_LIBRARY], ids=["alone", "another-library"])
def test_a_wrapper_callers_list_named_or_inlined_makes_no_claim_appear(
        more: str, tmp_path: Path) -> None:
    def program(passed: str) -> dict[str, str]:
        return {"app/calls.py": _V2_CALLS, "app/auth.py": _WRAPPER,
                "app/settings.py": f"SUPERVISOR_SCOPES = {_SUPERVISOR_LIST}\n",
                "app/views.py": _WRAPPER_CALLERS.format(passed=passed, more=more)}

    inlined, _ = _claims_and_caution(tmp_path / "inlined", program(_SUPERVISOR_LIST))
    named, _ = _claims_and_caution(tmp_path / "named", program("settings.SUPERVISOR_SCOPES"))
    # The case is no vacuous one: the inline list's unused scope is claimed.
    assert any("NYS303" in claim and "contacts.read_only" in claim for claim in inlined)
    assert not named - inlined, (more, sorted(named - inlined))
    if not more:
        assert not inlined - named, sorted(inlined - named)


@pytest.mark.parametrize("copy", [
    "list(scopes or DEFAULT_SCOPES)", "sorted(scopes if scopes else DEFAULT_SCOPES)",
    "tuple(scopes)",
], ids=["list", "sorted", "plain-tuple"])
def test_a_wrapper_s_copy_moved_into_the_request_reads_the_same(
        copy: str, tmp_path: Path) -> None:
    # ``scopes = list(x)`` then ``scopes=scopes`` is ``scopes=list(x)``: the same
    # requests, judged alike, with the callers' lists handed on to no other code.
    def program(wrapper: str) -> dict[str, str]:
        return {"app/calls.py": _V2_CALLS, "app/auth.py": wrapper,
                "app/settings.py": f"SUPERVISOR_SCOPES = {_SUPERVISOR_LIST}\n",
                "app/views.py": _WRAPPER_CALLERS.format(
                    passed="settings.SUPERVISOR_SCOPES", more="")}

    statement = _WRAPPER.replace("list(scopes or DEFAULT_SCOPES)", copy)
    inline = _WRAPPER.replace(f"    scopes = list(scopes or DEFAULT_SCOPES)\n", "").replace(
        "scopes=scopes)", f"scopes={copy})")
    assert copy in statement and copy in inline and "    scopes = " not in inline
    before, before_caution = _claims_and_caution(tmp_path / "statement", program(statement))
    after, after_caution = _claims_and_caution(tmp_path / "inline", program(inline))
    assert any("NYS303" in claim and "contacts.read_only" in claim for claim in before)
    assert after == before and after_caution == before_caution, (before, after)


# Classes each binding their own list, read by separate asserts in a test or by one
# loop over the classes: the same reads, so the loop may make no claim appear.
_PLANS = f'''{_V2_CALLS}

client = APIClient("id", "secret")


class Plan:
    SCOPES = ["email.read_only"]

    def url(self):
        return client.authentication_url("https://a.example/cb", scopes=self.SCOPES)


class CalendarPlan(Plan):
    SCOPES = ["email.read_only", "calendar"]


class DirectoryPlan(Plan):
    SCOPES = ["email.read_only", "contacts.read_only"]
'''
_PLAN_READS = '''from app.plans import CalendarPlan, DirectoryPlan, Plan


def test_every_plan_reads_mail():
{reads}
'''


def test_a_loop_over_classes_reading_their_lists_makes_no_claim_appear(
        tmp_path: Path) -> None:
    separate = "".join(f"    assert 'email.read_only' in {name}.SCOPES\n"
                       for name in ("Plan", "CalendarPlan", "DirectoryPlan"))
    looped = ("    for plan in (Plan, CalendarPlan, DirectoryPlan):\n"
              "        assert 'email.read_only' in plan.SCOPES\n")
    before, _ = _claims_and_caution(tmp_path / "separate", {
        "app/plans.py": _PLANS, "app/test_plans.py": _PLAN_READS.format(reads=separate)})
    after, _ = _claims_and_caution(tmp_path / "looped", {
        "app/plans.py": _PLANS, "app/test_plans.py": _PLAN_READS.format(reads=looped)})
    assert "NYS303 contacts.read_only" in before, before
    assert not after - before, sorted(after - before)
    assert after == before, (before, after)


def test_a_change_moved_into_a_function_named_like_a_builtin_makes_no_claim_appear(
        tmp_path: Path) -> None:
    # ``plan.SCOPES.append(s)`` written as a call of the module's own ``len``, which
    # appends: the call changes the list as the direct one does.
    direct = ("    for plan in (Plan, CalendarPlan, DirectoryPlan):\n"
              "        plan.SCOPES.append('calendar')\n")
    shadowing = ("    for plan in (Plan, CalendarPlan, DirectoryPlan):\n"
                 "        len(plan.SCOPES)\n\n\n"
                 "def len(scopes):\n"
                 "    scopes.append('calendar')\n")
    before, cautious = _claims_and_caution(tmp_path / "direct", {
        "app/plans.py": _PLANS, "app/widen.py": _PLAN_READS.format(reads=direct)})
    after, _ = _claims_and_caution(tmp_path / "shadowing", {
        "app/plans.py": _PLANS, "app/widen.py": _PLAN_READS.format(reads=shadowing)})
    assert cautious and not after - before, sorted(after - before)


@pytest.mark.parametrize("shadowing", [
    {"app/widen.py": "from app.tools import *\n" + _PLAN_READS.format(
        reads="    for plan in (Plan, CalendarPlan, DirectoryPlan):\n"
              "        len(plan.SCOPES)\n"),
     "app/tools.py": "def len(scopes):\n    scopes.append('calendar')\n"},
    {"app/widen.py": "import app.boot\n" + _PLAN_READS.format(
        reads="    for plan in (Plan, CalendarPlan, DirectoryPlan):\n"
              "        len(plan.SCOPES)\n"),
     "app/boot.py": "import builtins\n\n\ndef grow(scopes):\n"
                    "    scopes.append('calendar')\n\n\nbuiltins.len = grow\n"},
], ids=["star-imported-len", "builtins-len"])
def test_a_change_moved_into_another_module_s_meaning_of_len_makes_no_claim_appear(
        tmp_path: Path, shadowing: dict[str, str]) -> None:
    # The same change, made by a ``len`` another module gives its meaning: brought by
    # a star import, or written into ``builtins``.
    direct = ("    for plan in (Plan, CalendarPlan, DirectoryPlan):\n"
              "        plan.SCOPES.append('calendar')\n")
    before, cautious = _claims_and_caution(tmp_path / "direct", {
        "app/plans.py": _PLANS, "app/widen.py": _PLAN_READS.format(reads=direct)})
    after, _ = _claims_and_caution(tmp_path / "moved", {"app/plans.py": _PLANS, **shadowing})
    assert cautious and not after - before, sorted(after - before)


# A known client tested for its class by ``isinstance`` or by a ``match`` class
# pattern: the same test, so the match may make no claim appear.
_TESTED_CLIENT = '''from nylas import APIClient

client = APIClient("id", "secret")


def login_url(uri):
    return client.authentication_url(
        uri, scopes=["email.read_only", "contacts.read_only", "calendar.read_only"])


def attendees(obj):
{test}


def page():
    return attendees(client), list(client.threads.where())
'''


def test_an_isinstance_test_written_as_a_match_makes_no_claim_appear(tmp_path: Path) -> None:
    tested = ("    if isinstance(obj, APIClient):\n"
              "        return list(obj.contacts.where())\n    return []")
    matched = ("    match obj:\n        case APIClient() as c:\n"
               "            return list(c.contacts.where())\n        case _:\n"
               "            return []")
    before, _ = _claims_and_caution(tmp_path / "tested", {
        "app/main.py": _TESTED_CLIENT.format(test=tested)})
    after, _ = _claims_and_caution(tmp_path / "matched", {
        "app/main.py": _TESTED_CLIENT.format(test=matched)})
    assert "NYS303 calendar.read_only" in before, before
    assert not after - before, sorted(after - before)


# ------------------------------------------------------- a subclass moved elsewhere

# A base whose method asks for ``self.SCOPES``, and two subclasses binding their own
# lists.  Moving a subclass into another module that imports the base (by name, or
# its module under another name) keeps the meaning: the claims may only get fewer.
_PROVIDER_BASE = f'''from nylas import Client

nylas = Client(api_key="key")


class ProviderAuth:
    SCOPES = ["openid"]
    provider = ""

    def url(self, redirect_uri):
        return nylas.auth.url_for_oauth2({{"client_id": "c", "redirect_uri": redirect_uri,
                                          "provider": self.provider, "scope": self.SCOPES}})


def inbox(grant_id):
    return nylas.messages.list(grant_id)


class MicrosoftAuth(ProviderAuth):
    provider = "microsoft"
    SCOPES = ["Mail.Read", "Calendars.Read"]
'''
_GOOGLE_SUBCLASS = f'''

class GoogleAuth({{base}}):
    provider = "google"
    SCOPES = [{_GMAIL}, {_CALENDAR}]
'''
_SUBCLASS_IMPORTS = {
    "by-name": ("from app.auth import ProviderAuth\n", "ProviderAuth"),
    "module-alias": ("import app.auth as auth\n", "auth.ProviderAuth"),
}


@pytest.mark.parametrize("imported", _SUBCLASS_IMPORTS, ids=list(_SUBCLASS_IMPORTS))
def test_a_subclass_moved_to_another_module_makes_no_claim_appear(
        imported: str, tmp_path: Path) -> None:
    here = {"app/auth.py": _PROVIDER_BASE + _GOOGLE_SUBCLASS.format(base="ProviderAuth")}
    before, _ = _claims_and_caution(tmp_path / "here", here)
    line, base = _SUBCLASS_IMPORTS[imported]
    moved = {"app/auth.py": _PROVIDER_BASE,
             "app/google.py": line + _GOOGLE_SUBCLASS.format(base=base)}
    after, _ = _claims_and_caution(tmp_path / "moved", moved)
    # Each subclass's unused calendar scope is claimed where it is written.
    assert before == Counter({"NYS303 Calendars.Read": 1,
                              "NYS303 https://www.googleapis.com/auth/calendar.readonly": 1}), before
    appeared = after - before
    assert not appeared, (imported, sorted(appeared))


# The caller's list moved from the settings module into the caller's own module: the
# same list, so no claim may appear; a change the module makes to it, or a hand-over to
# a function of the project that changes it, may only make the reading more cautious.
_OWN_CALLERS = '''from app.auth import ask
from app.audit import audit
{bound}
{more}

def supervisor_login():
    return ask(scopes={passed})


def staff_login():
    return ask()
'''
_AUDIT = "def audit(scopes):\n    scopes.append('contacts.read_only')\n"
_OWN_MORE = {
    "alone": "",
    "changed": 'LIST.append("calendar.read_only")\n',
    "handed-to-a-changing-function": "audit(LIST)\n",
}


@pytest.mark.parametrize("more", _OWN_MORE.values(), ids=list(_OWN_MORE))
def test_a_wrapper_callers_list_moved_into_the_callers_module_makes_no_claim_appear(
        more: str, tmp_path: Path) -> None:
    base = {"app/calls.py": _V2_CALLS, "app/auth.py": _WRAPPER, "app/audit.py": _AUDIT}
    named = "settings.SUPERVISOR_SCOPES"
    before, _ = _claims_and_caution(tmp_path / "settings", {
        **base, "app/settings.py": f"SUPERVISOR_SCOPES = {_SUPERVISOR_LIST}\n",
        "app/views.py": _OWN_CALLERS.format(
            bound="from app import settings\n", more=more.replace("LIST", named),
            passed=named)})
    moved = _OWN_CALLERS.format(
        bound=f"\nSUPERVISOR_SCOPES = {_SUPERVISOR_LIST}",
        more=more.replace("LIST", "SUPERVISOR_SCOPES"), passed="SUPERVISOR_SCOPES")
    after, caution = _claims_and_caution(tmp_path / "moved", {**base, "app/views.py": moved})
    assert not after - before, (more, sorted(after - before))
    if not more:
        # No vacuous case: the unused scope is claimed wherever the list is written.
        assert any("NYS303" in claim and "contacts.read_only" in claim for claim in after)
        assert after == before, (before, after)
    else:
        assert caution and not any(code.startswith(("NYS302", "NYS303")) for code in after)



# ------------------------------------------------------- another library's list reshaped

# The list a wrapper's caller passes, also given to another library's sign-in by name.
# Handing it on through a local name, a copy, a join or a dict of keywords keeps the
# meaning: the reading may only get more cautious than with the name given directly.
_GIVEN_DIRECTLY = "    return OAuth2Session('id', scope=settings.SUPERVISOR_SCOPES)\n"
_GIVEN_RESHAPED = {
    "through-a-local-name": ("    wanted = settings.SUPERVISOR_SCOPES\n"
                             "    return OAuth2Session('id', scope=wanted)\n"),
    "copied": ("    wanted = list(settings.SUPERVISOR_SCOPES)\n"
               "    return OAuth2Session('id', scope=wanted)\n"),
    "joined": "    return OAuth2Session('id', scope=' '.join(settings.SUPERVISOR_SCOPES))\n",
    "spread": ("    kwargs = {'scope': settings.SUPERVISOR_SCOPES}\n"
               "    return OAuth2Session('id', **kwargs)\n"),
    "from-a-called-lambda": ("    wanted = (lambda: list(settings.SUPERVISOR_SCOPES))()\n"
                             "    return OAuth2Session('id', scope=wanted)\n"),
    "from-a-local-function": ("    def wanted():\n"
                              "        return list(settings.SUPERVISOR_SCOPES)\n"
                              "    return OAuth2Session('id', scope=wanted())\n"),
    # A dict of keywords another module builds, joined, under a nested key.
    "spread-from-another-modules-dict": ("    from app.oauth_conf import GOOGLE\n"
                                         "    return OAuth2Session('id', **GOOGLE)\n"),
    # A class attribute, a dict a function returns, a name looked up by a constant,
    # the scopes by position, and a hand-built authorization URL of Google's.
    "class-attribute": ("    class Google:\n        SCOPES = list(settings.SUPERVISOR_SCOPES)\n"
                        "    return OAuth2Session('id', scope=Google().SCOPES)\n"),
    "spread-a-returned-dict": ("    def kw():\n"
                               "        return dict(scope=settings.SUPERVISOR_SCOPES)\n"
                               "    return OAuth2Session('id', **kw())\n"),
    "getattr": "    return OAuth2Session('id', scope=getattr(settings, 'SUPERVISOR_SCOPES'))\n",
    "by-position": ("    return OAuth2Session('id', None, None, None, "
                    "settings.SUPERVISOR_SCOPES)\n"),
    "authorization-url": ("    from urllib.parse import urlencode\n"
                          "    return 'https://accounts.google.com/o/oauth2/auth?' + urlencode(\n"
                          "        {'scope': ' '.join(settings.SUPERVISOR_SCOPES)})\n"),
    # The authorization URL's host moved into another module's constant, or read
    # from the environment: the analysis reads the constant, or says it cannot.
    "authorization-url-from-another-module": (
        "    from urllib.parse import urlencode\n"
        "    from app.oauth_conf import GOOGLE_AUTH_URL\n"
        "    return GOOGLE_AUTH_URL + '?' + urlencode(\n"
        "        {'scope': ' '.join(settings.SUPERVISOR_SCOPES)})\n"),
    "authorization-url-from-the-environment": (
        "    import os\n    from urllib.parse import urlencode\n"
        "    return os.environ['GOOGLE_AUTH_URL'] + '?' + urlencode(\n"
        "        {'scope': ' '.join(settings.SUPERVISOR_SCOPES)})\n"),
}
# Read by the reshaping above alone.
_OAUTH_CONF = ("from app import settings\n\n"
               "GOOGLE = dict(client_kwargs={'scope': ' '.join(settings.SUPERVISOR_SCOPES)})\n"
               "GOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/auth'\n")


@pytest.mark.parametrize("reshaped", _GIVEN_RESHAPED.values(), ids=list(_GIVEN_RESHAPED))
def test_a_list_handed_to_another_library_reshaped_makes_no_claim_appear(
        reshaped: str, tmp_path: Path) -> None:
    def program(given: str) -> dict[str, str]:
        google = ("\n\ndef google_client():\n"
                  "    from requests_oauthlib import OAuth2Session\n" + given)
        return {"app/calls.py": _V2_CALLS, "app/auth.py": _WRAPPER,
                "app/settings.py": f"SUPERVISOR_SCOPES = {_SUPERVISOR_LIST}\n",
                "app/oauth_conf.py": _OAUTH_CONF,
                "app/views.py": _WRAPPER_CALLERS.format(
                    passed="settings.SUPERVISOR_SCOPES", more=google)}

    before, _ = _claims_and_caution(tmp_path / "direct", program(_GIVEN_DIRECTLY))
    after, _ = _claims_and_caution(tmp_path / "reshaped", program(reshaped))
    assert not after - before, sorted(after - before)

_NARROWED_CLIENT = '''from nylas import APIClient

client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url(
        "https://a.example/cb", scopes=["email.read_only", "calendar.read_only"])


def subjects(raw):
{body}
'''
_NARROWED_BY_IF = ('    if isinstance(raw, APIClient):\n'
                   '        return [t.subject for t in raw.threads.where()]\n'
                   '    return []\n')
_NARROWED_BY_GUARD = ('    if not isinstance(raw, APIClient):\n'
                      '        return []\n'
                      '    return [t.subject for t in raw.threads.where()]\n')
_NARROWED_BY_CAST = ('    if not isinstance(raw, APIClient):\n'
                     '        return []\n'
                     '    held = cast(APIClient, raw)\n'
                     '    return [t.subject for t in held.threads.where()]\n')


def test_an_isinstance_test_rewritten_as_a_guard_or_a_cast_makes_no_claim_appear(
        tmp_path: Path) -> None:
    before, _ = _claims_and_caution(
        tmp_path / "if", {"app/main.py": _NARROWED_CLIENT.format(body=_NARROWED_BY_IF)})
    assert "NYS303 calendar.read_only" in before, before
    for name, body in (("guard", _NARROWED_BY_GUARD), ("cast", _NARROWED_BY_CAST)):
        text = _NARROWED_CLIENT.format(body=body)
        if name == "cast":
            text = "from typing import cast\n" + text
        after, _ = _claims_and_caution(tmp_path / name, {"app/main.py": text})
        assert not after - before, (name, sorted(after - before))
        assert after == before, (name, before, after)


# ------------------------------------------------ a settings record made by a function

# ``config = Config(...)`` at module level, imported, or made on every call by
# ``load_config()``: each reader gets a record holding the same default scopes, so
# the function may make no claim appear that the module's instance lacks.
_RECORD_CONFIG = '''import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    api_key: str
    scopes: tuple[str, ...] = (
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/calendar",
    )
{made}'''
_RECORD_AUTH = '''from urllib.parse import urlencode

from nylas import Client

from app.config import {imported}

nylas = Client({read}.api_key)


def auth_url():
    params = {{"client_id": "id", "provider": "google", "response_type": "code",
              "scope": " ".join({read}.scopes)}}
    return f"https://api.us.nylas.com/v3/connect/auth?{{urlencode(params)}}"


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def test_a_record_made_by_a_function_makes_no_claim_appear(tmp_path: Path) -> None:
    instance = "\nconfig = Config(api_key=os.environ['NYLAS_API_KEY'])\n"
    function = ("\n\ndef load_config():\n"
                "    return Config(api_key=os.environ['NYLAS_API_KEY'])\n")
    before, _ = _claims_and_caution(tmp_path / "instance", {
        "app/config.py": _RECORD_CONFIG.format(made=instance),
        "app/auth.py": _RECORD_AUTH.format(imported="config as made", read="made")})
    assert any("NYS303" in claim and "calendar" in claim for claim in before), before
    after, _ = _claims_and_caution(tmp_path / "function", {
        "app/config.py": _RECORD_CONFIG.format(made=function),
        "app/auth.py": _RECORD_AUTH.format(imported="load_config", read="load_config()")})
    assert not after - before, sorted(after - before)
    assert after == before, (before, after)


def test_an_environment_setting_moved_into_a_field_default_makes_no_claim_appear(
        tmp_path: Path) -> None:
    # ``client_id`` read from the environment where the instance is made, or as the
    # field's default when the class is defined: the same value in a module that makes
    # its instance at import.
    given = _RECORD_CONFIG.format(made=(
        "\nconfig = Config(api_key=os.environ['NYLAS_API_KEY'],\n"
        "                client_id=os.environ.get('NYLAS_CLIENT_ID', ''))\n"
    )).replace("    api_key: str\n", "    api_key: str\n    client_id: str = ''\n")
    defaulted = _RECORD_CONFIG.format(
        made="\nconfig = Config(api_key=os.environ['NYLAS_API_KEY'])\n").replace(
        "    api_key: str\n",
        "    api_key: str\n    client_id: str = os.environ.get('NYLAS_CLIENT_ID', '')\n")
    auth = _RECORD_AUTH.format(imported="config as made", read="made")
    before, _ = _claims_and_caution(tmp_path / "given", {
        "app/config.py": given, "app/auth.py": auth})
    assert any("NYS303" in claim and "calendar" in claim for claim in before), before
    after, _ = _claims_and_caution(tmp_path / "defaulted", {
        "app/config.py": defaulted, "app/auth.py": auth})
    assert not after - before, sorted(after - before)


_MIGRATING = '''import os

from nylas import APIClient, Client

nylas = Client(api_key=os.environ["KEY"])
legacy = APIClient(os.environ["ID"], os.environ["SECRET"])


def login_v2():
    return legacy.authentication_url("https://a.example/cb", scopes=["email.read_only"])


def login_v3():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


def subjects(raw, grant_id):
    if isinstance(raw, Client):
{v3}
    elif isinstance(raw, APIClient):
{v2}
    raise TypeError(type(raw))
'''
_V3_DIRECT = "        return [m.subject for m in raw.messages.list(grant_id).data]"
_V2_DIRECT = "        return [t.subject for t in raw.threads.where(limit=5)]"
# The narrowed name held in another first, in one branch or the other.
_RENAMED_IN_A_BRANCH = {
    "v3": ("        c = raw\n"
           "        return [m.subject for m in c.messages.list(grant_id).data]", _V2_DIRECT),
    "v2": (_V3_DIRECT, "        c = raw\n"
                       "        return [t.subject for t in c.threads.where(limit=5)]"),
}


@pytest.mark.parametrize("branch", list(_RENAMED_IN_A_BRANCH))
def test_a_narrowed_name_held_in_another_in_one_branch_makes_no_claim_appear(
        tmp_path: Path, branch: str) -> None:
    before, _ = _claims_and_caution(
        tmp_path / "direct",
        {"app/main.py": _MIGRATING.format(v3=_V3_DIRECT, v2=_V2_DIRECT)})
    assert "NYS303 https://www.googleapis.com/auth/calendar" in before, before
    v3, v2 = _RENAMED_IN_A_BRANCH[branch]
    after, _ = _claims_and_caution(
        tmp_path / branch, {"app/main.py": _MIGRATING.format(v3=v3, v2=v2)})
    assert not after - before, sorted(after - before)


_WIDENED_IN_A_LOOP = {
    "app/scopes.py": 'SCOPES = ["email.read_only"]\nEXTRA_SCOPES = ["contacts.read_only"]\n',
    "app/auth.py": '''from nylas import APIClient

from app.scopes import EXTRA_SCOPES, SCOPES

client = APIClient("id", "secret")


def widen():
    for scopes in (SCOPES, EXTRA_SCOPES):
        scopes.append("calendar")


def login(uri):
    return client.authentication_url(uri, scopes=SCOPES)


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
''',
}


def test_scope_lists_a_loop_changes_held_in_a_name_first_make_no_claim_appear(
        tmp_path: Path) -> None:
    before, caution = _claims_and_caution(tmp_path / "inline", _WIDENED_IN_A_LOOP)
    assert caution and not before, before
    rewriter = ModuleRewriter(_WIDENED_IN_A_LOOP["app/auth.py"])
    for number, site in enumerate(rewriter.sites("iter-held")):
        after, _ = _claims_and_caution(tmp_path / f"held-{number}", {
            **_WIDENED_IN_A_LOOP, "app/auth.py": rewriter.apply("iter-held", site).text})
        assert not after - before, sorted(after - before)


_SET_IN_INIT = {
    "app/flows.py": '''from nylas import APIClient

client = APIClient("id", "secret")


class Flow:
    SCOPES = ["email.read_only"]

    def __init__(self, **options):
        for k, v in options.items():
            setattr(self, k, v)

    def url(self):
        return client.authentication_url("https://a/cb", scopes=self.SCOPES)
''',
    "app/main.py": '''from app.flows import Flow, client


def login():
    return Flow(SCOPES=["email.read_only", "calendar"]).url()


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
''',
}


def test_attributes_set_by_run_time_names_moved_out_of_the_class_make_no_claim_appear(
        tmp_path: Path) -> None:
    before, caution = _claims_and_caution(tmp_path / "init", _SET_IN_INIT)
    assert caution and not before, before
    moved = {
        "app/flows.py": _SET_IN_INIT["app/flows.py"].replace(
            "    def __init__(self, **options):\n        for k, v in options.items():\n"
            "            setattr(self, k, v)\n\n", "") + (
            "\n\ndef configure(obj, **options):\n    for k, v in options.items():\n"
            "        setattr(obj, k, v)\n    return obj\n"),
        "app/main.py": _SET_IN_INIT["app/main.py"].replace(
            "from app.flows import Flow, client", "from app.flows import Flow, client, configure"
        ).replace("Flow(SCOPES=", "configure(Flow(), SCOPES="),
    }
    after, _ = _claims_and_caution(tmp_path / "outside", moved)
    assert not after - before, sorted(after - before)


# ------------------------------------------------------- a provided client, written otherwise

_PROVIDED_APP = '''import os

from litestar.di import Provide
from nylas import Client

G = "https://www.googleapis.com/auth/"


def provide_nylas() -> Client:
    return Client(api_key=os.environ["NYLAS_API_KEY"])


def login(nylas: Client) -> str:
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly", G + "contacts.readonly"],
    })


def inbox(grant_id: str, nylas: Client) -> list:
    return nylas.messages.list(grant_id).data


dependencies = {"nylas": Provide(provide_nylas)}
'''


_PROVIDED = 'dependencies = {"nylas": Provide(provide_nylas)}'


@pytest.mark.parametrize("written", [
    'dependencies = {"nylas": Provide(functools.partial(provide_nylas))}',
    'dependencies = {"nylas": Provide(lambda: provide_nylas())}',
    'dependencies = {"nylas": Provide(dependency=provide_nylas, use_cache=True)}',
    'PROVIDER = Provide(provide_nylas)\ndependencies = {"nylas": PROVIDER}',
    'dependencies = dict(nylas=Provide(provide_nylas))',
])
def test_a_provider_written_otherwise_makes_no_claim_appear(
        written: str, tmp_path: Path) -> None:
    before, _ = _claims_and_caution(tmp_path / "direct", {"app/main.py": _PROVIDED_APP})
    # The provided client is read through the handlers' annotation.
    assert before == Counter({"NYS303 https://www.googleapis.com/auth/contacts.readonly": 1})
    rewritten = "import functools\n" + _PROVIDED_APP.replace(_PROVIDED, written)
    assert _PROVIDED not in rewritten
    after, _ = _claims_and_caution(tmp_path / "rewritten", {"app/main.py": rewritten})
    assert not after - before, sorted(after - before)
# ------------------------------------------ a guarded call given another object's grant

_MIRRORED = '''from nylas import Client

nylas = Client("key")
G = "https://www.googleapis.com/auth/"


def connect(provider):
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a.example/cb",
                                      "provider": provider, "scope": [G + "gmail.readonly"]})


def mirror(source, target):
    if source.provider == "microsoft":
        nylas.events.list(source.grant_id)
    elif source.provider == "google":
        nylas.contacts.list(identifier=source.grant_id)
    match source.provider:
        case "microsoft":
            nylas.calendars.list(source["grant_id"])
    if source.provider != "google":
        return
    nylas.folders.list(source.grant_id)
'''


def _inferred_lists(root: Path, source: str) -> dict[str, set[str]]:
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "a"\ndependencies = ["nylas"]\n')
    (root / "app.py").write_text(source)
    [state] = analyse([str(root)], make_config(), lambda code: True, use_cache=False).states
    return {dialect: set(found.scopes) for dialect, found in state.provider_inferences.items()}


def test_a_guarded_call_given_another_objects_grant_only_widens_infer(tmp_path: Path) -> None:
    # ``target`` may hold any provider's grant: each call given it instead of the
    # tested ``source``'s may only add scopes to a provider's minimal list.
    before = _inferred_lists(tmp_path / "source", _MIRRORED)
    grants = ("source.grant_id)", 'source["grant_id"])', "identifier=source.grant_id")
    for number, grant in enumerate(grants):
        after = _inferred_lists(tmp_path / f"target{number}", _MIRRORED.replace(
            grant, grant.replace("source", "target")))
        assert all(before[dialect] <= after[dialect] for dialect in before), (grant, after)
        assert after != before, grant  # not vacuous: some call now counts for more


# ------------------------------------------------ the call and scope-list rewrites run

_RUNNABLE = '''import asyncio

LOG = []


class Api:
    def get(self, a, b=0, *, k=1):
        LOG.append((a, b, k))
        return (a, b, k)


api = Api()


def f(n):
    x = api.get(n, b=2, k=3)
    api.get(n, k=4)
    return x


async def g():
    y = api.get(5, k=6)
    return y


SCOPES = ["email.read_only", "calendar"]
TEAM_SCOPES: tuple = ("contacts", "email.send")
print(f(1), asyncio.run(g()), SCOPES, TEAM_SCOPES, LOG)
'''

_RUN_KINDS = (
    "call-kwargs-dict", "call-star-args", "call-to-thread", "call-run-in-executor",
    "call-alias", "call-dataclass-field", "call-decorated-local", "call-decorated-module",
    "call-exit-callback", "scopes-enum", "scopes-fromkeys", "scopes-star", "scopes-concat",
    "scopes-other-sequence", "scopes-dataclass-factory",
)


def test_the_call_and_scope_list_rewrites_keep_what_the_program_does(tmp_path: Path) -> None:
    # Each rewrite of each site prints what the original prints (its own copy of the
    # module runs, with the helper module beside it where the rewrite uses one).
    import subprocess
    import sys

    def run(text: str, helper: str | None, where: Path) -> str:
        where.mkdir()
        (where / "main.py").write_text(text)
        if helper is not None:
            (where / f"{HELPER_MODULE}.py").write_text(helper)
        return subprocess.run([sys.executable, "main.py"], cwd=where, capture_output=True,
                              text=True, check=True).stdout

    expected = run(_RUNNABLE, None, tmp_path / "original")
    rewriter = ModuleRewriter(_RUNNABLE)
    scripts = []
    for kind in _RUN_KINDS:
        sites = rewriter.sites(kind)
        assert sites, kind
        scripts += [(f"{kind}-{i}", rewriter.apply(kind, site)) for i, site in enumerate(sites)]
    for name, rewrite in scripts:
        assert rewrite.text != _RUNNABLE, name
        assert run(rewrite.text, rewrite.helper_module, tmp_path / name) == expected, name


# A bound SDK method of an object the analysis cannot tell, returned uncalled from a
# local function whose result is then called: the same call as the one made in place,
# reached through a return the analysis does not follow to the call.
_CALLED_IN_PLACE = {
    "app/auth.py": _UNKNOWN_V3_CALLS["auth.py"].replace("from timeline", "from app.timeline"),
    "app/timeline.py": ("def subject(raw, grant, message_id):\n"
                        "    return raw.messages.list(grant)\n"),
}


def test_a_method_returned_from_a_local_function_makes_no_claim_appear(
        tmp_path: Path) -> None:
    before, _ = _claims_and_caution(tmp_path / "in-place", _CALLED_IN_PLACE)
    assert not any("gmail.readonly" in claim for claim in before), before
    returned = {**_CALLED_IN_PLACE, "app/timeline.py": (
        "def subject(raw, grant, message_id):\n"
        "    def pick():\n"
        "        return raw.messages.list\n"
        "    return pick()(grant)\n")}
    after, cautious = _claims_and_caution(tmp_path / "returned", returned)
    assert not after - before, sorted(after - before)
    assert cautious


# A name bound to a fake in one branch and to what an unread registry gives in the
# other, rewritten as one ``if``-expression or ``or``: the same choice of objects.
_PICKED_IN_BRANCHES = {
    "app/auth.py": _CALLED_IN_PLACE["app/auth.py"],
    "app/fakes.py": ("class FakeMessages:\n    def list(self, grant):\n        return []\n\n\n"
                     "class Fake:\n    messages = FakeMessages()\n"),
    "app/timeline.py": ("import os\n\nfrom flask import current_app\n"
                        "from app.fakes import Fake\n\n\n"
                        "def subject(raw, grant, message_id):\n"
                        "    if os.environ.get('DRY'):\n"
                        "        box = Fake()\n"
                        "    else:\n"
                        "        box = current_app.extensions['nylas']\n"
                        "    return box.messages.list(grant)\n"),
}


@pytest.mark.parametrize("chosen", [
    "Fake() if os.environ.get('DRY') else current_app.extensions['nylas']",
    "os.environ.get('DRY') and Fake() or current_app.extensions['nylas']",
])
def test_a_choice_of_branches_written_as_one_expression_makes_no_claim_appear(
        tmp_path: Path, chosen: str) -> None:
    before, _ = _claims_and_caution(tmp_path / "branches", _PICKED_IN_BRANCHES)
    assert not any("gmail.readonly" in claim for claim in before), before
    lines = _PICKED_IN_BRANCHES["app/timeline.py"].splitlines(keepends=True)
    expression = {**_PICKED_IN_BRANCHES, "app/timeline.py": "".join(
        [*lines[:7], f"    box = {chosen}\n", lines[-1]])}
    after, cautious = _claims_and_caution(tmp_path / "expression", expression)
    assert not after - before, sorted(after - before)
    assert cautious


# A method or a collection of an object the analysis cannot tell, held at module
# level or returned uncalled, then called elsewhere: the same call as the one made in
# place, reached through a name or a return the analysis does not follow to it.
_CONNECTED = ("from flask import current_app\n\n\n"
              "def connect():\n    return current_app.extensions['nylas']\n\n\n"
              "raw = connect()\n")
_HELD_ELSEWHERE = [
    pytest.param(_CALLED_IN_PLACE["app/timeline.py"], (
        "def mailbox(raw):\n    return raw.messages\n\n\n"
        "def subject(raw, grant, message_id):\n    return mailbox(raw).list(grant)\n"),
        id="collection-returned"),
    pytest.param(_CONNECTED + "\n\ndef subject(client, grant, message_id):\n"
                 "    return raw.messages.list(grant)\n",
                 _CONNECTED + "FETCH = raw.messages.list\n\n\n"
                 "def subject(client, grant, message_id):\n    return FETCH(grant)\n",
                 id="method-module-global"),
    pytest.param(_CONNECTED + "\n\ndef subject(client, grant, message_id):\n"
                 "    return raw.messages.list(grant)\n",
                 _CONNECTED + "MESSAGES = raw.messages\n\n\n"
                 "def subject(client, grant, message_id):\n    return MESSAGES.list(grant)\n",
                 id="collection-module-global"),
]


@pytest.mark.parametrize(("in_place", "held"), _HELD_ELSEWHERE)
def test_a_method_or_collection_held_elsewhere_makes_no_claim_appear(
        tmp_path: Path, in_place: str, held: str) -> None:
    before, _ = _claims_and_caution(
        tmp_path / "in-place", {**_CALLED_IN_PLACE, "app/timeline.py": in_place})
    assert not any("gmail.readonly" in claim for claim in before), before
    after, cautious = _claims_and_caution(
        tmp_path / "held", {**_CALLED_IN_PLACE, "app/timeline.py": held})
    assert not after - before, sorted(after - before)
    assert cautious


# A parameter bound again to what its own SDK-shaped call gives, where a class of the
# project has a ``list`` method; renaming the result (``value = ...`` into ``names =
# ...``) keeps what the program does.  Either way the call is made on what the caller
# gives, which the analysis cannot tell.
_REBOUND_RESULT = {
    "app/auth.py": _UNKNOWN_V3_CALLS["auth.py"].replace("from timeline", "from app.timeline"),
    "app/timeline.py": "def subject(raw, grant, message_id):\n    return []\n",
    "app/pages.py": ("class Page:\n    data = []\n\n\n"
                     "class Events:\n    def list(self, grant_id):\n        return Page()\n"),
}


@pytest.mark.parametrize("binding", [
    "value = [e.title for e in value.events.list(grant).data]",
    "value = value.events.list(grant)",
    "value = sorted(value.events.list(grant).data)",
    "value = {e.id: e for e in value.events.list(grant).data}",
])
def test_a_rebound_result_renamed_makes_no_claim_appear(tmp_path: Path, binding: str) -> None:
    def project(statement: str) -> dict[str, str]:
        return {**_REBOUND_RESULT, "app/dev.py": (
            f"def show(value, grant):\n    {statement}\n    return value\n")}

    renamed = binding.replace("value = ", "names = ", 1)
    named, named_cautious = _claims_and_caution(tmp_path / "renamed", project(renamed))
    rebound, rebound_cautious = _claims_and_caution(tmp_path / "rebound", project(binding))
    assert not any("calendar" in claim for claim in named), named
    assert not rebound - named, sorted(rebound - named)
    assert not named - rebound, sorted(named - rebound)
    assert named_cautious and rebound_cautious
