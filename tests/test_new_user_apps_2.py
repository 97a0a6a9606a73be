"""Small apps in idioms a new user writes (Bottle pages, scope names built from
constants), each judged as the user would run the tool on it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.project.session import analyse


def _project(root: Path, files: dict[str, str]) -> Path:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text))
    return root


def _findings(root: Path) -> list[tuple[str, str]]:
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return [(f.code, f.message) for f in result.findings]


BOTTLE_LOGIN = """\
    import os

    from bottle import Bottle, redirect
    from nylas import APIClient

    app = Bottle()


    @app.route("/login")
    def login():
        api = APIClient(os.environ["ID"], os.environ["SECRET"])
        redirect(api.authentication_url("https://x/cb",
                                        scopes=["calendar.read_only", "contacts.read_only"]))
"""


def _bottle_page(handed: str) -> str:
    return f"""\
    import os

    from bottle import request, template
    from nylas import APIClient


    def events():
        api = APIClient(os.environ["ID"], os.environ["SECRET"], request.get_cookie("token"))
        return template("events", {handed})
    """


def test_a_query_rendered_by_a_bottle_template_is_read(tmp_path: Path) -> None:
    # Bottle's template() renders the events it is given, as Flask's render_template
    # does: the events are read, and the contacts scope nothing uses is reported.
    root = _project(tmp_path, {
        "web.py": BOTTLE_LOGIN,
        "pages.py": _bottle_page("events=api.events.where(calendar_id=request.query.cal)"),
    })
    assert [code for code, _ in _findings(root)] == ["NYS303"]
    assert "'contacts.read_only'" in _findings(root)[0][1]


def test_a_client_handed_to_a_bottle_template_still_escapes(tmp_path: Path) -> None:
    # Control: a template can call what it is given, so a whole client handed to it
    # may make any request; the usage rules stay silent and say why.
    root = _project(tmp_path, {
        "web.py": BOTTLE_LOGIN,
        "pages.py": _bottle_page("nylas=api"),
    })
    assert [code for code, _ in _findings(root)] == ["NYS304"]


INBOX = """\
    from nylas import APIClient


    def inbox(token):
        return [m.subject for m in APIClient("i", "s", token).messages.all()]
"""


def _login(imports: str, scopes: str) -> str:
    return f"""\
    from nylas import APIClient

    {imports}


    def login(uri):
        return APIClient("i", "s").authentication_url(uri, scopes={scopes})
    """


def test_a_scope_name_joined_from_constants_in_another_module_is_read(tmp_path: Path) -> None:
    # ``EMAIL_SCOPE = "email." + KIND`` is one str, as the same sum written in the list
    # is: the request is read whole, and the send scope nothing uses is reported.
    root = _project(tmp_path, {
        "consts.py": 'KIND = "read_only"\nEMAIL_SCOPE = "email." + KIND\nSEND = "email.send"\n',
        "auth.py": _login("from consts import EMAIL_SCOPE, SEND", "[EMAIL_SCOPE, SEND]"),
        "mail.py": INBOX,
    })
    found = _findings(root)
    assert [code for code, _ in found] == ["NYS303"]
    assert "'email.send'" in found[0][1]


def test_a_joined_scope_string_given_whole_is_read(tmp_path: Path) -> None:
    # The wire format, a comma-joined str, built from a constant of the module.
    root = _project(tmp_path, {
        "auth.py": _login('KIND = "read_only"', '"email." + KIND + ",email.send"'),
        "mail.py": INBOX,
    })
    found = _findings(root)
    assert [code for code, _ in found] == ["NYS303"]
    assert "'email.send'" in found[0][1]


def test_a_joined_scope_name_that_is_used_gets_no_finding(tmp_path: Path) -> None:
    # Control: the same joined name, needed by the read, is not reported.
    root = _project(tmp_path, {
        "consts.py": 'KIND = "read_only"\nEMAIL_SCOPE = "email." + KIND\n',
        "auth.py": _login("from consts import EMAIL_SCOPE", "[EMAIL_SCOPE]"),
        "mail.py": INBOX,
    })
    assert _findings(root) == []


def test_a_scope_name_joined_with_an_imported_piece_stays_unresolved(tmp_path: Path) -> None:
    # Control: a piece from another module is not folded here, so the request cannot
    # be read, and the usage rules stay silent rather than guess.
    root = _project(tmp_path, {
        "consts.py": 'KIND = "read_only"\n',
        "auth.py": _login("from consts import KIND", '"email." + KIND + ",email.send"'),
        "mail.py": INBOX,
    })
    assert [code for code, _ in _findings(root)] == ["NYS304"]


def _django(tmp_path: Path, prod_settings: str) -> Path:
    root = _project(tmp_path, {})
    (root / "proj" / "settings").mkdir(parents=True)
    (root / "mail").mkdir()
    files = {
        "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", '
                     '"proj.settings.prod")\n',
        "proj/__init__.py": "",
        "proj/settings/__init__.py": "",
        "proj/settings/base.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
        "proj/settings/prod.py": prod_settings,
        "mail/__init__.py": "",
        "mail/views.py": """\
            from django.conf import settings
            from nylas import APIClient


            def login(request):
                return APIClient("i", "s").authentication_url(
                    "https://x/cb", scopes=settings.NYLAS_SCOPES)


            def inbox(request):
                client = APIClient("i", "s", request.user.token)
                return [m.subject for m in client.messages.all()]
        """,
    }
    return _project(root, files)


def test_settings_extended_by_another_settings_module_say_so(tmp_path: Path) -> None:
    # The production settings build the list again from the base settings' list: the
    # message says which settings code may change it, not that none defines a list.
    root = _django(tmp_path, 'from .base import *  # noqa\n\n'
                             'NYLAS_SCOPES = NYLAS_SCOPES + ["calendar"]\n')
    [(code, message)] = _findings(root)
    assert code == "NYS304"
    assert "proj.settings.prod may change" in message
    assert "defines as a list" not in message


def test_settings_no_module_defines_keep_their_message(tmp_path: Path) -> None:
    # Control: where no settings module binds the name, the message says so.
    root = _django(tmp_path, 'from .base import *  # noqa\n')
    (root / "proj/settings/base.py").write_text("DEBUG = False\n")
    [(code, message)] = _findings(root)
    assert code == "NYS304"
    assert "which no settings module (" in message
    assert "defines as a list" in message
