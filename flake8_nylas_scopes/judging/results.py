"""What judging a project gives: its findings, the files it could not read, and the
state behind them.  Kept apart from the judge so that a run over a project without
Nylas, which judges nothing, never imports the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding

if TYPE_CHECKING:
    from ..analysis.facts import ModuleFacts
    from .usage_rules import Inference, ProjectState


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


@dataclass
class ProjectResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    facts: dict[str, ModuleFacts] = field(default_factory=dict)
    state: ProjectState | None = None
    inference: Inference | None = None
    # The minimal scopes per provider of API v3 (``"v3/google"``, ``"v3/microsoft"``),
    # for the providers some call is judged in.
    provider_inferences: dict[str, Inference] = field(default_factory=dict)
    # Every file of the project: analysed, or reported as an error.  A reused result
    # (see ``reuse``) and one of a project without Nylas asked for findings only
    # have no facts, only this.
    files: frozenset[str] = frozenset()
    # Whether any file mentions Nylas; without, the project has nothing to judge.
    mentions_nylas: bool = False
    # The project's top directory (or its one file, outside any project).
    root: str = ""
