"""Writing mail: new messages and saved drafts."""
from flask import Blueprint, flash, redirect, render_template, request, session, url_for

from .auth import login_required
from .nylas_client import get_client

bp = Blueprint("compose", __name__, url_prefix="/compose")


def _fill(draft, form):
    draft.to = [
        {"email": address.strip()}
        for address in form.get("to", "").split(",")
        if address.strip()
    ]
    draft.subject = form.get("subject", "")
    draft.body = form.get("body", "")


@bp.route("/", methods=["GET", "POST"])
@login_required
def new_message():
    if request.method == "GET":
        return render_template("compose/form.html", draft=None)

    client = get_client(session["nylas_access_token"])
    draft = client.drafts.create()
    _fill(draft, request.form)
    if request.form.get("action") == "save":
        draft.save()
        flash("Draft saved.")
        return redirect(url_for("compose.edit_draft", draft_id=draft.id))

    draft.send()
    flash("Message sent.")
    return redirect(url_for("inbox.index"))


@bp.route("/drafts/<draft_id>", methods=["GET", "POST"])
@login_required
def edit_draft(draft_id):
    client = get_client(session["nylas_access_token"])
    draft = client.drafts.get(draft_id)
    if request.method == "GET":
        return render_template("compose/form.html", draft=draft)

    _fill(draft, request.form)
    draft.save()
    if request.form.get("action") == "send":
        draft.send()
        flash("Message sent.")
        return redirect(url_for("inbox.index"))

    flash("Draft saved.")
    return redirect(url_for("compose.edit_draft", draft_id=draft.id))
