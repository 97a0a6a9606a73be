"""Inbox: thread list, conversation view, single message."""
from flask import Blueprint, redirect, render_template, session, url_for

from .auth import login_required
from .nylas_client import get_client

bp = Blueprint("inbox", __name__)


@bp.route("/")
@login_required
def index():
    client = get_client(session["nylas_access_token"])
    threads = client.threads.where(in_="inbox", limit=20).all()
    return render_template("inbox/index.html", threads=threads)


@bp.route("/threads/<thread_id>")
@login_required
def show_thread(thread_id):
    client = get_client(session["nylas_access_token"])
    thread = client.threads.get(thread_id)
    messages = client.messages.where(thread_id=thread_id).all()
    return render_template("inbox/thread.html", thread=thread, messages=messages)


@bp.route("/threads/<thread_id>/star", methods=["POST"])
@login_required
def toggle_star(thread_id):
    client = get_client(session["nylas_access_token"])
    thread = client.threads.get(thread_id)
    if thread.starred:
        thread.unstar()
    else:
        thread.star()
    return redirect(url_for("inbox.show_thread", thread_id=thread_id))


@bp.route("/messages/<message_id>")
@login_required
def show_message(message_id):
    client = get_client(session["nylas_access_token"])
    message = client.messages.get(message_id)
    if message.unread:
        message.mark_as_read()
    return render_template("inbox/message.html", message=message)
