"""Calendar: upcoming events from the user's calendars and from the shared team calendar.

An admin connects the team calendar once; its token is kept in the instance folder and
every signed-in user can see the team's upcoming events.
"""
import secrets
import time
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from .auth import login_required
from .nylas_client import get_client, nylas

bp = Blueprint("calendar", __name__, url_prefix="/calendar")

UPCOMING_DAYS = 14


def _upcoming_window():
    now = int(time.time())
    return now, now + UPCOMING_DAYS * 24 * 60 * 60


def _team_token_path():
    return Path(current_app.instance_path) / "team_calendar_token"


def _require_admin():
    if session.get("email") not in current_app.config["ADMIN_EMAILS"]:
        abort(403)


@bp.route("/")
@login_required
def index():
    client = get_client(session["nylas_access_token"])
    calendars = client.calendars.all()
    return render_template("calendar/index.html", calendars=calendars)


@bp.route("/<calendar_id>")
@login_required
def upcoming(calendar_id):
    client = get_client(session["nylas_access_token"])
    calendar = client.calendars.get(calendar_id)
    starts_after, starts_before = _upcoming_window()
    events = client.events.where(
        calendar_id=calendar_id,
        starts_after=starts_after,
        starts_before=starts_before,
        expand_recurring=True,
    ).all()
    return render_template("calendar/upcoming.html", calendar=calendar, events=events)


@bp.route("/team")
@login_required
def team():
    token_path = _team_token_path()
    if not token_path.exists():
        return render_template("calendar/team_not_connected.html")

    client = get_client(token_path.read_text().strip())
    starts_after, starts_before = _upcoming_window()
    events = client.events.where(
        starts_after=starts_after,
        starts_before=starts_before,
        expand_recurring=True,
    ).all()
    return render_template("calendar/team.html", events=events)


@bp.route("/team/connect")
@login_required
def connect_team_calendar():
    _require_admin()
    state = secrets.token_urlsafe(16)
    session["team_oauth_state"] = state
    redirect_uri = url_for("calendar.team_callback", _external=True)
    return redirect(nylas.authentication_url(redirect_uri, state=state))


@bp.route("/team/callback")
@login_required
def team_callback():
    _require_admin()
    if request.args.get("state") != session.pop("team_oauth_state", None):
        abort(400)
    if "code" not in request.args:
        flash("The team calendar was not connected.")
        return redirect(url_for("calendar.team"))

    token = nylas.token_for_code(request.args["code"])
    token_path = _team_token_path()
    token_path.parent.mkdir(parents=True, exist_ok=True)
    token_path.write_text(token)
    flash("Team calendar connected.")
    return redirect(url_for("calendar.team"))
