"""Documentation that must follow the code registry: rule pages, README table, hooks."""

from __future__ import annotations

import re

import pytest
import yaml
from tool_runs import ROOT

from flake8_nylas_scopes.codes import CODES, IMPLEMENTED, FixSafety
from flake8_nylas_scopes.rule_docs import SECTIONS, rule_doc

RULE_DOCS = ROOT / "docs" / "rules"
PACKAGED_DOCS = ROOT / "flake8_nylas_scopes" / "rule_docs"
RESERVED = "Reserved: not reported by this version."


@pytest.mark.parametrize("code", list(CODES))
def test_every_code_has_a_page_with_every_section(code: str) -> None:
    page = (RULE_DOCS / f"{code}.md").read_text(encoding="utf-8")
    assert page.splitlines()[0] == f"# {CODES[code].slug} ({code})"
    headings = re.findall(r"^## (.+)$", page, re.MULTILINE)
    assert headings == list(SECTIONS)
    for section in re.split(r"^## .+$", page, flags=re.MULTILINE)[1:]:
        assert section.strip(), f"{code}: empty section"


@pytest.mark.parametrize("code", list(CODES))
def test_reserved_codes_say_so_at_the_top(code: str) -> None:
    page = (RULE_DOCS / f"{code}.md").read_text(encoding="utf-8")
    top = page.split("## ")[0]
    assert (RESERVED in top) is (code not in IMPLEMENTED)


@pytest.mark.parametrize("code", list(CODES))
def test_fix_safety_section_agrees_with_the_registry(code: str) -> None:
    page = (RULE_DOCS / f"{code}.md").read_text(encoding="utf-8")
    section = page.split("## Fix safety")[1].split("## ")[0].strip()
    first_word = {FixSafety.SAFE: "Safe", FixSafety.UNSAFE: "Unsafe", FixSafety.NONE: "No fix"}
    assert section.startswith(first_word[CODES[code].fix])


@pytest.mark.parametrize("code", [c for c in CODES if not CODES[c].enabled_by_default])
def test_default_off_codes_say_so(code: str) -> None:
    page = (RULE_DOCS / f"{code}.md").read_text(encoding="utf-8")
    assert f"Off by default: select it with `--extend-select {code}`" in page.split("## ")[0]


def test_packaged_pages_are_the_repository_pages() -> None:
    # docs/rules is what GitHub shows (and SARIF links to); the package ships the same
    # files for `nylas-scopes explain`.  Copy docs/rules/*.md over after editing.
    repository = {path.name: path.read_bytes() for path in RULE_DOCS.glob("*.md")}
    packaged = {path.name: path.read_bytes() for path in PACKAGED_DOCS.glob("*.md")}
    assert packaged == repository
    assert set(repository) == {f"{code}.md" for code in CODES}
    assert rule_doc("NYS104") == (RULE_DOCS / "NYS104.md").read_text(encoding="utf-8")


def rendered_rules_table() -> str:
    rows = [
        "| code | slug | default | fix | doc |",
        "|---|---|---|---|---|",
    ]
    for code in sorted(IMPLEMENTED):
        entry = CODES[code]
        rows.append(
            f"| {code} | {entry.slug} | {'on' if entry.enabled_by_default else 'off'} "
            f"| {entry.fix.value} | [{code}](docs/rules/{code}.md) |"
        )
    return "\n".join(rows)


def test_readme_rules_table_matches_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- rules-table:start -->\n")[1].split("\n<!-- rules-table:end -->")[0]
    expected = rendered_rules_table()
    assert block == expected, f"replace the README rules table with:\n{expected}"


def test_changelog_names_codes_under_unreleased() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n")
    unreleased = changelog.split("## Unreleased\n")[1].split("\n## ")[0]
    bullets = [line for line in unreleased.splitlines() if line.startswith("- ")]
    assert bullets
    assert any(re.search(r"NYS\d{3}", bullet) for bullet in bullets)


def test_pre_commit_hooks_are_declared() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )}
    assert set(hooks) == {"nylas-scopes", "nylas-scopes-fix"}
    assert hooks["nylas-scopes"]["entry"] == "nylas-scopes check"
    assert hooks["nylas-scopes-fix"]["entry"] == "nylas-scopes fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["python"]


def test_github_actions_example_runs_the_documented_command() -> None:
    page = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(page.split("```yaml\n")[1].split("```")[0])
    steps = workflow["jobs"]["scopes"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any(
        command.startswith("nylas-scopes check --format sarif --output nylas-scopes.sarif")
        and command.endswith(" .")
        for command in commands
    )
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "nylas-scopes.sarif"
    assert workflow["jobs"]["scopes"]["permissions"]["security-events"] == "write"


def test_configuration_page_documents_every_key() -> None:
    from flake8_nylas_scopes.settings.config_file import PYPROJECT_KEYS

    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    table = page.split("| key | type | meaning | flag |")[1].split("\n\n")[0]
    assert set(re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE)) == PYPROJECT_KEYS
