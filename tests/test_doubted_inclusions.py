"""A scope the endpoint table calls unknown for a call does not serve it through an
inclusion: ``email.read_only`` includes ``email.metadata``, which reads folders, but
the table leaves open whether ``email.read_only`` lets ``GET /folders`` through.
``infer`` then proposes a scope the table vouches for, and NYS302 names one."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.judging.results import ProjectResult
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import Config, all_codes

HEAD = 'from nylas import APIClient\n\nclient = APIClient("id", "secret", "token")\n'
REQUEST = 'URL = client.authentication_url("https://a/cb", scopes={scopes!r})\n'
MESSAGES = "print(client.messages.all())\n"
FOLDERS = "print(client.folders.all())\n"
LABELS = "for label in client.labels:\n    print(label.threads)\n"


def project(tmp_path: Path, *calls: str, scopes: list[str] | None = None) -> ProjectResult:
    (tmp_path / "pyproject.toml").write_text("")
    request = REQUEST.format(scopes=scopes) if scopes is not None else ""
    (tmp_path / "app.py").write_text(HEAD + request + "".join(calls))
    [result] = analyse([str(tmp_path)], Config(), all_codes, use_cache=False).states
    return result


def inferred(result: ProjectResult) -> list[str]:
    assert result.inference is not None
    return result.inference.scopes


def claims(result: ProjectResult) -> list[tuple[str, str]]:
    return [(finding.code, finding.message) for finding in result.findings
            if finding.code in ("NYS301", "NYS302", "NYS303")]


def test_infer_adds_a_folders_scope_beside_read_only(tmp_path: Path) -> None:
    result = project(tmp_path, MESSAGES, FOLDERS)
    assert inferred(result) == ["email.folders_and_labels", "email.read_only"]
    assert result.inference is not None
    evidence = result.inference.evidence
    assert {use.endpoint.key for use in evidence["email.folders_and_labels"]} == {
        "GET /folders"}
    assert {use.endpoint.key for use in evidence["email.read_only"]} == {"GET /messages"}


def test_infer_adds_a_folders_scope_whichever_call_comes_first(tmp_path: Path) -> None:
    # Served first, the folders call takes email.metadata, which email.read_only
    # (chosen for the messages) would then drop.
    assert inferred(project(tmp_path, LABELS, MESSAGES)) == [
        "email.folders_and_labels", "email.read_only"]


def test_infer_keeps_metadata_for_folders_alone(tmp_path: Path) -> None:
    # Control: without a call that needs email.read_only, the documented narrowest.
    assert inferred(project(tmp_path, FOLDERS)) == ["email.metadata"]


def test_infer_keeps_modify_serving_folders(tmp_path: Path) -> None:
    # Control: email.modify is documented for folder reads; nothing is added beside it.
    marked = 'print(client.messages.get("x").mark_as_read())\n'
    assert inferred(project(tmp_path, marked, FOLDERS)) == ["email.modify"]


def test_modify_is_not_narrowed_to_read_only_for_folder_reads(tmp_path: Path) -> None:
    result = project(tmp_path, MESSAGES, FOLDERS, scopes=["email.modify"])
    assert claims(result) == [(
        "NYS302", "NYS302 'email.modify' is broader than the code needs; request "
        "'email.folders_and_labels' + 'email.read_only' instead")]


def test_modify_is_narrowed_to_read_only_for_message_reads(tmp_path: Path) -> None:
    # Control: no folder read, read_only is the narrower scope.
    result = project(tmp_path, MESSAGES, scopes=["email.modify"])
    assert claims(result) == [(
        "NYS302", "NYS302 'email.modify' is broader than the code needs; request "
        "'email.read_only' instead")]


def test_read_only_is_narrowed_to_metadata_for_folder_reads(tmp_path: Path) -> None:
    # Control: email.metadata is documented for folder reads and inside read_only.
    result = project(tmp_path, FOLDERS, scopes=["email.read_only"])
    assert claims(result) == [(
        "NYS302", "NYS302 'email.read_only' is broader than the code needs; request "
        "'email.metadata' instead")]


def test_the_proposal_is_accepted_by_check(tmp_path: Path) -> None:
    scopes = ["email.folders_and_labels", "email.read_only"]
    assert claims(project(tmp_path, MESSAGES, FOLDERS, scopes=scopes)) == []
