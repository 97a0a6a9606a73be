"""Sign-in through Nylas hosted authentication."""
import functools
import secrets

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from .config import NYLAS_SCOPES
from .nylas_client import get_client, nylas

bp = Blueprint("auth", __name__)


def login_required(view):
    @functools.wraps(view)
    def wrapped_view(*args, **kwargs):
        if "nylas_access_token" not in session:
            return redirect(url_for("auth.login"))
        return view(*args, **kwargs)

    return wrapped_view


@bp.route("/login")
def login():
    state = secrets.token_urlsafe(16)
    session["oauth_state"] = state
    auth_url = nylas.authentication_url(
        url_for("auth.callback", _external=True),
        state=state,
        scopes=NYLAS_SCOPES,
    )
    return redirect(auth_url)


@bp.route("/callback")
def callback():
    if "error" in request.args:
        return render_template("auth/error.html", error=request.args["error"]), 400
    if request.args.get("state") != session.pop("oauth_state", None):
        abort(400)

    access_token = nylas.token_for_code(request.args["code"])
    account = get_client(access_token).account

    session.clear()
    session["nylas_access_token"] = access_token
    session["email"] = account.email_address.lower()
    return redirect(url_for("inbox.index"))


@bp.route("/logout", methods=["POST"])
def logout():
    access_token = session.get("nylas_access_token")
    if access_token is not None:
        get_client(access_token).revoke_token()
    session.clear()
    return redirect(url_for("auth.login"))
