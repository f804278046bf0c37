"""The participation platform: application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from .config import PROJECT_ROOT, load_config
from .db import db as _db
from .extensions import csrf, limiter, login_manager


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the application; `config` overrides defaults and PARTIZIPATION_* variables."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.update(load_config(app.instance_path, config))
    _db.init_app(app)
    from .accounts import passwords

    passwords.configure(app.config)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)

    from . import errors, i18n, pagecache, security, templating

    i18n.init_app(app)
    pagecache.init_app(app)
    if app.config["TRUSTED_PROXIES"]:
        # Outermost, so that the page cache's fast path sees the visitor's scheme too.
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    security.init_app(app)
    templating.init_app(app)
    errors.init_app(app)

    from .audit.recorder import install as install_audit
    from .domains import blueprints

    install_audit()

    for blueprint in blueprints():
        app.register_blueprint(blueprint)

    from .cli import register_commands

    register_commands(app)
    return app
