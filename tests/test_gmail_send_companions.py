"""An email scope kept beside ``email.send`` for Gmail's threading, where the send
scope is still to be added.

Where a call sends and the list lacks ``email.send``, NYS301 asks to add it.  Beside
it, the list's other email scope is what NYS202 wants on Gmail (``email.send`` as the
only email scope breaks threading), so NYS303 must not ask to remove it: a user doing
both by hand would end with a send-only list and a NYS202 on the next run.
"""

from __future__ import annotations

from pathlib import Path

from tool_runs import nylas_scopes

from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.project.session import analyse

SENDER = """\
from nylas import APIClient

SCOPES = [
    "email.read_only", "{extra}",
]
client = APIClient("id", "secret")


def connect_url(uri):
    return client.authentication_url(uri, scopes=SCOPES)


def calendars(token):
    client.access_token = token
    return [c.name for c in client.calendars.all()]
"""

SEND = """

def notify(token, to):
    client.access_token = token
    draft = client.drafts.create(to=[{"email": to}], subject="Hi")
    draft.send()
"""


def _findings(tmp_path: Path, source: str, providers: tuple[str, ...] = ()
              ) -> list[tuple[int, str, str]]:
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = app\n")
    (tmp_path / "app.py").write_text(source)
    analysis = analyse([str(tmp_path)], make_config(providers=providers), lambda code: True,
                       use_cache=False)
    return sorted((f.span.line, f.code, f.message.split("'")[1]) for f in analysis.findings
                  if f.code in {"NYS202", "NYS301", "NYS302", "NYS303"})


def test_the_read_scope_beside_a_send_still_to_add_is_not_called_unused(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, SENDER.format(extra="calendar.read_only") + SEND)
    assert found == [(21, "NYS301", "email.send")]


def test_fix_then_check_agree_on_the_kept_read_scope(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = app\n")
    (tmp_path / "app.py").write_text(SENDER.format(extra="calendar.read_only") + SEND)
    fixed = nylas_scopes(tmp_path, "fix", "--isolated", "--unsafe-fixes", ".")
    assert fixed.returncode == 1, fixed.stderr
    fixed_list = '    "email.read_only", "calendar.read_only", "email.send",\n'
    assert fixed_list in (tmp_path / "app.py").read_text()
    after = nylas_scopes(tmp_path, "check", "--isolated", ".")
    assert (after.returncode, after.stdout) == (0, "")


def test_without_a_send_the_unused_read_scope_is_still_reported(tmp_path: Path) -> None:
    # Control: nothing sends, so nothing will join the list: the read scope is unused.
    found = _findings(tmp_path, SENDER.format(extra="calendar.read_only"))
    assert found == [(4, "NYS303", "email.read_only")]


def test_where_no_account_is_gmail_the_read_scope_is_still_reported(tmp_path: Path) -> None:
    # Control: threading on Gmail is no reason where every account is Microsoft's.
    found = _findings(tmp_path, SENDER.format(extra="calendar.read_only") + SEND,
                      providers=("office365",))
    assert found == [
        (4, "NYS303", "email.read_only"),
        (21, "NYS301", "email.send"),
    ]
