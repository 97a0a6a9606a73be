"""The CLI's configuration file: where it is and what it says.

``[tool.nylas-scopes]`` in ``pyproject.toml`` is looked for from the current directory
upwards, stopping at the first ``pyproject.toml`` that has the table or at the
directory holding ``.git``.  Without one, the CLI reads the ``[flake8]`` section that
flake8 itself would read (``setup.cfg``, ``tox.ini`` or ``.flake8``, found the way
flake8 finds it), so a project that configures the plugin needs no second file.

Every problem is a :class:`~.config.ConfigError` whose message names the file, the
table and the key.
"""

from __future__ import annotations

import codecs
import configparser
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..places import display_path
from .config import DEFAULT_CONFIG, Config, ConfigError, code_problem, make_config
from .patterns import normalize_patterns
from .selection import Selection, parse_codes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
TABLE = "nylas-scopes"
FLAKE8_FILES = ("setup.cfg", "tox.ini", ".flake8")
FLAKE8_SECTION = "flake8"

PerFileIgnores = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class FileSettings:
    """What a configuration file says; the defaults when there is none.

    Patterns (``exclude``, the keys of ``per_file_ignores``) are already anchored the
    way flake8 anchors them, so they can be matched from any directory.
    """

    location: str = ""
    selection: Selection = field(default_factory=Selection)
    config: Config = DEFAULT_CONFIG
    per_file_ignores: PerFileIgnores = ()
    exclude: tuple[str, ...] = ()


# --- pyproject.toml ------------------------------------------------------------------


def _strings(value: object) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


class _TableReader:
    """Checks the values of one ``[tool.nylas-scopes]`` table, naming the key on error."""

    def __init__(self, location: str, table: Mapping[str, Any], directory: str) -> None:
        self.location = location
        self.table = table
        self.directory = directory

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.location} {key}: {problem}")

    def strings(self, key: str) -> list[str]:
        value = self.table.get(key, [])
        strings = _strings(value)
        if strings is None:
            raise self.error(key, f"expected a list of strings, got {_describe(value)}")
        return strings

    def codes(self, key: str) -> tuple[str, ...]:
        codes = self.strings(key)
        for code in codes:
            self.check_code(key, code)
        return tuple(codes)

    def check_code(self, key: str, code: str) -> None:
        problem = code_problem(code) if code else f"{code!r} is not a rule code"
        if problem:
            raise self.error(key, problem)

    def string(self, key: str) -> str:
        value = self.table.get(key, "")
        if not isinstance(value, str):
            raise self.error(key, f"expected a string, got {_describe(value)}")
        return value

    def per_file_ignores(self) -> PerFileIgnores:
        key = "per-file-ignores"
        value = self.table.get(key, {})
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table of glob = [codes], got {_describe(value)}")
        mapping: list[tuple[str, tuple[str, ...]]] = []
        for pattern, codes in value.items():
            strings = _strings(codes)
            if strings is None:
                raise self.error(
                    f"{key} {pattern!r}", f"expected a list of codes, got {_describe(codes)}"
                )
            for code in strings:
                self.check_code(f"{key} {pattern!r}", code)
            (anchored,) = normalize_patterns([pattern], self.directory)
            mapping.append((anchored, tuple(strings)))
        return tuple(mapping)


def _describe(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


PYPROJECT_KEYS = frozenset({
    "select", "ignore", "extend-select", "providers", "granted-scopes", "assume-used",
    "client-names", "per-file-ignores", "exclude", "project-root",
})


def read_pyproject_table(path: str, table: Mapping[str, Any]) -> FileSettings:
    location = f"{display_path(path)} [tool.{TABLE}]"
    directory = os.path.dirname(os.path.abspath(path))
    unknown = sorted(set(table) - PYPROJECT_KEYS)
    if unknown:
        known = ", ".join(sorted(PYPROJECT_KEYS))
        raise ConfigError(f"{location} {unknown[0]}: unknown key (known keys: {known})")
    reader = _TableReader(location, table, directory)
    selection = Selection(
        select=reader.codes("select") if "select" in table else None,
        # The CLI's ``ignore`` adds to the rules that are off by default rather than
        # replacing them (flake8's ``extend-ignore``): ignoring one rule should never
        # turn another on.
        extend_ignore=reader.codes("ignore"),
        extend_select=reader.codes("extend-select"),
    )
    project_root = reader.string("project-root")
    config = make_config(
        providers=reader.strings("providers"),
        granted_scopes=reader.strings("granted-scopes"),
        assume_used=reader.strings("assume-used"),
        client_names=reader.strings("client-names"),
        project_root=os.path.join(directory, project_root) if project_root else "",
        option_prefix=f"{location} ",
    )
    return FileSettings(
        location=location,
        selection=selection,
        config=config,
        per_file_ignores=reader.per_file_ignores(),
        exclude=normalize_patterns(reader.strings("exclude"), directory),
    )


def _load_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        reason = error.strerror or error
        raise ConfigError(f"{display_path(path)}: cannot read ({reason})") from None
    if raw.startswith(codecs.BOM_UTF8):
        # Invisible in an editor, and tomllib only says "Invalid statement".
        raise ConfigError(
            f"{display_path(path)}: invalid TOML (it starts with a byte order mark, which "
            "TOML does not allow; save it as UTF-8 without one)"
        )
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{display_path(path)}: invalid TOML ({error})") from None
    except RecursionError:
        # tomllib parses nested arrays and tables recursively.
        raise ConfigError(
            f"{display_path(path)}: cannot read the TOML (nested too deeply)"
        ) from None
    return data


def _pyproject_table(path: str) -> Mapping[str, Any] | None:
    data = _load_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict) or TABLE not in tool:
        return None
    table = tool[TABLE]
    if not isinstance(table, dict):
        raise ConfigError(f"{display_path(path)} [tool.{TABLE}]: expected a table")
    return table


# --- the [flake8] section ------------------------------------------------------------


def _flake8_lists(value: str) -> list[str]:
    return list(parse_codes(value))


_FLAKE8_OPTIONS: Mapping[str, str] = {
    "nylas-providers": "providers",
    "nylas-granted-scopes": "granted_scopes",
    "nylas-assume-used": "assume_used",
    "nylas-client-names": "client_names",
    "nylas-project-root": "project_root",
}


def read_flake8_section(path: str, section: Mapping[str, str]) -> FileSettings:
    """The options of a ``[flake8]`` section that concern this tool.

    flake8 accepts ``_`` for ``-`` in option names and ignores options no plugin
    registered; options starting with ``nylas-`` are ours, so a misspelt one is an
    error here rather than silently ignored.
    """
    location = f"{display_path(path)} [{FLAKE8_SECTION}]"
    directory = os.path.dirname(os.path.abspath(path))
    options = {name.replace("_", "-"): value for name, value in section.items()}
    unknown = sorted(
        name for name in options if name.startswith("nylas-") and name not in _FLAKE8_OPTIONS
    )
    if unknown:
        known = ", ".join(sorted(_FLAKE8_OPTIONS))
        raise ConfigError(f"{location} {unknown[0]}: unknown option (known: {known})")

    def codes(name: str) -> tuple[str, ...] | None:
        return parse_codes(options[name]) if name in options else None

    selection = Selection(
        select=codes("select"),
        ignore=codes("ignore"),
        extend_select=codes("extend-select") or (),
        extend_ignore=codes("extend-ignore") or (),
    )
    values: dict[str, Any] = {
        attribute: _flake8_lists(options.get(name, ""))
        for name, attribute in _FLAKE8_OPTIONS.items()
        if attribute != "project_root"
    }
    config = make_config(
        **values,
        project_root=options.get("nylas-project-root", ""),
        option_prefix=f"{location} nylas-",
    )
    try:
        # flake8 anchors per-file-ignores patterns at the current directory (not at the
        # file) and exclude patterns at the configuration file's directory.
        per_file = tuple(
            (pattern, tuple(codes_))
            for pattern, codes_ in parse_files_to_codes(options.get("per-file-ignores", ""))
        )
    except ValueError as error:
        raise ConfigError(f"{location} per-file-ignores: {error}") from None
    per_file = tuple(
        (normalize_patterns([pattern], os.curdir)[0], codes_) for pattern, codes_ in per_file
    )
    exclude = [
        *_flake8_lists(options.get("exclude", "")),
        *_flake8_lists(options.get("extend-exclude", "")),
    ]
    return FileSettings(
        location=location,
        selection=selection,
        config=config,
        per_file_ignores=per_file,
        exclude=normalize_patterns(exclude, directory),
    )


_TOKENS: Sequence[tuple[re.Pattern[str], str]] = (
    (re.compile(r"[A-Z]+[0-9]*(?=$|\s|,)"), "code"),
    (re.compile(r"[^\s:,]+"), "file"),
    (re.compile(r"\s*:\s*"), "colon"),
    (re.compile(r"\s*,\s*"), "comma"),
    (re.compile(r"\s+"), "space"),
)


def parse_files_to_codes(value: str) -> list[tuple[str, list[str]]]:
    """flake8's ``per-file-ignores`` grammar: ``pattern[, pattern...]: code[, code...]``.

    Entries are separated by whitespace or newlines; a file name after codes starts
    the next entry.  Raises ``ValueError`` on anything else.
    """
    result: list[tuple[str, list[str]]] = []
    if not value.strip():
        return result
    filenames: list[str] = []
    codes: list[str] = []
    seen_separator, seen_colon = True, False

    def flush() -> None:
        if codes:
            result.extend((filename, list(codes)) for filename in filenames)

    position = 0
    tokens: list[tuple[str, str]] = []
    while position < len(value):
        for pattern, kind in _TOKENS:
            match = pattern.match(value, position)
            if match:
                tokens.append((kind, match.group().strip()))
                position = match.end()
                break
    tokens.append(("end", ""))
    for kind, text in tokens:
        if kind in {"comma", "space"}:
            seen_separator = True
        elif not seen_colon:
            if kind == "colon":
                seen_colon = seen_separator = True
            elif seen_separator and kind == "file":
                filenames.append(text)
                seen_separator = False
            else:
                raise ValueError(f"expected 'pattern: codes' entries, got {value.strip()!r}")
        elif kind == "end":
            flush()
        elif seen_separator and kind == "code":
            codes.append(text)
            seen_separator = False
        elif seen_separator and kind == "file":
            flush()
            filenames, codes = [text], []
            seen_separator, seen_colon = False, False
        else:
            raise ValueError(f"expected 'pattern: codes' entries, got {value.strip()!r}")
    return result


def _flake8_section(path: str) -> Mapping[str, str] | None:
    parser = configparser.RawConfigParser()
    try:
        if not parser.read(path, encoding="utf-8"):
            return None
    except configparser.DuplicateSectionError as error:
        # flake8 stops on such a file; skipping it would take settings from another.
        raise ConfigError(
            f"{display_path(path)}:{error.lineno}: section [{error.section}] is written twice"
        ) from None
    except configparser.DuplicateOptionError as error:
        raise ConfigError(
            f"{display_path(path)}:{error.lineno}: option {error.option!r} is written twice "
            f"in [{error.section}]"
        ) from None
    except (UnicodeDecodeError, configparser.Error):
        # flake8 skips a file it cannot parse; so does the search here.
        return None
    if not parser.has_section(FLAKE8_SECTION):
        # flake8 also takes a file with only local plugins as its configuration.
        return {} if parser.has_section(f"{FLAKE8_SECTION}:local-plugins") else None
    return dict(parser.items(FLAKE8_SECTION))


# --- finding the file ----------------------------------------------------------------


def _parents(start: str, stop: Callable[[str], bool]) -> list[str]:
    directories = []
    current = os.path.abspath(start)
    while True:
        directories.append(current)
        parent = os.path.dirname(current)
        if stop(current) or parent == current:
            return directories
        current = parent


def _is_repository_root(directory: str) -> bool:
    return os.path.exists(os.path.join(directory, ".git"))


def _home() -> str | None:
    home = os.path.expanduser("~")
    return None if home == "~" else os.path.abspath(home)


def find_pyproject_settings(start: str = os.curdir) -> FileSettings | None:
    """The settings of the first ``[tool.nylas-scopes]`` table above ``start``, up to
    the repository root; ``None`` if there is none."""
    for directory in _parents(start, _is_repository_root):
        candidate = os.path.join(directory, PYPROJECT)
        if os.path.isfile(candidate):
            table = _pyproject_table(candidate)
            if table is not None:
                return read_pyproject_table(candidate, table)
    return None


def find_settings(start: str = os.curdir) -> FileSettings:
    """The settings of the first configuration file above ``start``; defaults if none."""
    settings = find_pyproject_settings(start)
    if settings is not None:
        return settings
    # flake8's own search: setup.cfg, tox.ini, .flake8 from here up to the home directory.
    home = _home()
    for directory in _parents(start, lambda path: os.path.dirname(path) == home):
        for name in FLAKE8_FILES:
            candidate = os.path.join(directory, name)
            section = _flake8_section(candidate) if os.path.isfile(candidate) else None
            if section is not None:
                return read_flake8_section(candidate, section)
    return FileSettings()


def load_settings(path: str) -> FileSettings:
    """The settings of the file named with ``--config``."""
    if not os.path.isfile(path):
        # A directory or a FIFO exists but is no file to read (a FIFO would block).
        problem = "not a regular file" if os.path.exists(path) else "no such configuration file"
        raise ConfigError(f"{path}: {problem}")
    if os.path.basename(path).endswith(".toml"):
        table = _pyproject_table(path)
        if table is None:
            raise ConfigError(f"{display_path(path)}: no [tool.{TABLE}] table")
        return read_pyproject_table(path, table)
    section = _flake8_section(path)
    if section is None:
        raise ConfigError(f"{display_path(path)}: no [{FLAKE8_SECTION}] section")
    return read_flake8_section(path, section)
