"""mailapp: a small webmail client on top of the Nylas Email and Calendar APIs."""
from flask import Flask

from . import auth, calendar_view, compose, config, inbox


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config)
    if test_config is not None:
        app.config.update(test_config)

    app.register_blueprint(auth.bp)
    app.register_blueprint(inbox.bp)
    app.register_blueprint(compose.bp)
    app.register_blueprint(calendar_view.bp)
    return app
