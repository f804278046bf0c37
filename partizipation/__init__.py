"""The participation platform: application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from .config import PROJECT_ROOT, load_config
from .db import db as _db
from .extensions import csrf, drop_check_before_views, limiter, login_manager


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the application; `config` overrides defaults and PARTIZIPATION_* variables."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    from .templating import Environment

    app.jinja_environment = Environment  # type: ignore[misc]  # before anything asks for jinja_env
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
    drop_check_before_views(app)

    from .cli import register_commands

    register_commands(app)
    if app.config["ENV"] == "production" and not app.config.get("TESTING"):
        app.wsgi_app = _FreezeBoot(app.wsgi_app)  # type: ignore[method-assign]
    return app


class _FreezeBoot:
    """Before a worker's first request: leave what the app was built from (modules, classes,
    mappers, routes: about 450,000 objects) out of every later garbage collection. A full
    collection then walks only what requests made, so it comes soon enough to free the requests'
    reference cycles before more pile up; without it, it waits until that garbage is a quarter of
    the boot's objects, and the worker's resident memory grows meanwhile (about 2 MiB less peak
    per worker after every bench page 20 times). Done at the first request, not in create_app, so
    that a process that only builds an app (a command, a test) keeps its collector as it was."""

    def __init__(self, wsgi_app: Any) -> None:
        self.wsgi_app = wsgi_app
        self.frozen = False

    def __call__(self, environ: Any, start_response: Any) -> Any:
        if not self.frozen:
            self.frozen = True
            import gc

            gc.collect()
            gc.freeze()
            return_large_blocks()
        return self.wsgi_app(environ, start_response)


def return_large_blocks() -> bool:
    """Let glibc's malloc hand every block of 128 KiB or more back to the system when it is freed.

    By default glibc raises that limit to the size of the largest such block freed so far (up to
    32 MiB), and keeps up to twice as much free memory at the top of its heap. A sign-in's argon2
    verification takes a 7 MiB block (12 MiB at the former cost): after the second one, every later
    one came from the heap and its block stayed resident in the worker for good. Setting the limit
    (to glibc's own default) turns that adjustment off. Returns whether it was set (False off
    glibc)."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    m_mmap_threshold = -3
    return bool(mallopt(m_mmap_threshold, 128 * 1024))
