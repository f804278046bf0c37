"""The floor of a worker's memory and speed: the platform's stack (Flask, Flask-Login,
Flask-WTF, Flask-Babel, Flask-Limiter, SQLAlchemy's ORM, psycopg, argon2) with one model, one
template and one query, served like the platform, next to the platform itself. What the
platform's workers hold beyond the floor's is what its own code, models, caches and pages add.

    python tools/bench_floor.py URL [--ids FILE] [--repeat 20] [--port 8380]

URL: a PostgreSQL database with tools/bench_data.py's data (a copy of bench_large, say); --ids:
the ids file bench.py wrote for it (instance/bench/postgresql-large.json). Both apps run under
gunicorn (2 sync workers, the checkout's gunicorn.conf.py, the production settings bench.py
gives the platform, page cache off). The platform gets every bench page --repeat times, the floor
as many requests to its two pages (a list of 100 users, the sign-in form), both from two clients
at once after one sign-in, then two more sign-ins (argon2: 7 MiB each at the production cost,
while it runs). Printed per worker, in MiB: peak (VmHWM) / resident (VmRSS) / PSS after start,
after the pages and after the sign-ins; and the workers' CPU per request.

    python tools/bench_floor.py URL --throughput [--pages /sitzungen,...] [--rounds 3]

The floor of speed: hello (tools/bench_hello.py, on --port + 2), the floor's list at 25 rows
(a platform list's page) and at 100, and the platform's --pages, each driven by wrk at 16
connections as `make bench` does, interleaved, --rounds times (medians). Printed per URL:
requests per second, its ratio to hello's, and the workers' CPU per request.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from flask import Flask, redirect, render_template, request
from flask_babel import Babel, gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, login_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from jinja2 import DictLoader
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired

TEMPLATE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{% if form %}<form method="post" action="/anmelden">{{ form.csrf_token }}
<label>{{ form.email.label }} {{ form.email() }}</label>
<label>{{ form.password.label }} {{ form.password() }}</label>
<button>{{ _("Sign in") }}</button></form>{% endif %}
<table>{% for user in users %}<tr><td>{{ user.id }}</td><td>{{ user.display_name }}</td>
<td>{{ user.role }}</td><td>{{ user.created_at.strftime("%Y-%m-%d") }}</td></tr>{% endfor %}
</table></main></body></html>
"""


class Base(DeclarativeBase):
    pass


class User(UserMixin, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime]


class SignInForm(FlaskForm):
    email = EmailField("E-Mail", validators=[DataRequired()])
    password = PasswordField("Passwort", validators=[DataRequired()])


def create_floor() -> Flask:
    """The floor app (gunicorn 'bench_floor:create_floor()'; database: FLOOR_DATABASE_URL)."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY="floor-" + "x" * 40, BABEL_DEFAULT_LOCALE="de")
    app.jinja_loader = DictLoader({"floor.html": TEMPLATE})  # type: ignore[method-assign,assignment]
    engine = create_engine(os.environ["FLOOR_DATABASE_URL"], pool_pre_ping=True)
    sessions = sessionmaker(engine, expire_on_commit=False)
    CSRFProtect(app)
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://")
    Babel(app, locale_selector=lambda: request.accept_languages.best_match(["de", "en"]))
    login_manager = LoginManager(app)
    # The platform's production cost (partizipation/config.py; not imported: the floor would
    # load the platform's package with it).
    hasher = PasswordHasher(time_cost=5, memory_cost=7 * 1024, parallelism=1)
    # As partizipation.return_large_blocks: argon2's block goes back to the system after each use.
    ctypes.CDLL(None).mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        with sessions() as session:
            return session.get(User, int(user_id))

    @app.get("/")
    def people() -> str:
        with sessions() as session:
            limit = min(request.args.get("limit", 100, type=int), 100)
            users = session.scalars(select(User).order_by(User.id).limit(limit)).all()
            return render_template("floor.html", title=gettext("People"), users=users, form=None)

    @app.route("/anmelden", methods=["GET", "POST"])
    @limiter.limit("1000 per minute")
    def sign_in() -> object:
        form = SignInForm()
        if form.validate_on_submit():
            with sessions() as session:
                user = session.scalars(select(User).where(User.email == form.email.data)).first()
                if user and user.password_hash:
                    hasher.verify(user.password_hash, form.password.data or "")
                    login_user(user)
                    return redirect("/")
        return render_template("floor.html", title=gettext("Sign in"), users=[], form=form)

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--ids", default=str(Path(__file__).resolve().parent.parent / "instance"
                                             / "bench" / "postgresql-large.json"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--port", type=int, default=8380)
    parser.add_argument("--throughput", action="store_true",
                        help="requests per second against hello instead of memory")
    parser.add_argument("--pages", default="/anmelden,/barrierefreiheit,/beirat,/sitzungen,"
                        "/neuigkeiten,/kommunen", help="the platform's pages for --throughput")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=3, help="seconds per URL and round")
    args = parser.parse_args()

    import bench  # the same Server, pages and sign-in as the benchmark

    ids = json.loads(Path(args.ids).read_text())["ids"]
    config = {"GUNICORN_CMD_ARGS": f"--config {bench.ROOT / 'gunicorn.conf.py'}"}
    floor = bench.Server("floor", "bench_floor:create_floor()",
                         {**config, "FLOOR_DATABASE_URL": args.url}, args.port, cwd=bench.TOOLS)
    platform = bench.Server("platform", "partizipation:create_app()", {
        "PARTIZIPATION_ENV": "production", "PARTIZIPATION_SECRET_KEY": "bench-" + "x" * 40,
        "PARTIZIPATION_DATABASE_URL": args.url, "PARTIZIPATION_SESSION_COOKIE_SECURE": "0",
        "PARTIZIPATION_UPLOAD_FOLDER": str(bench.ROOT / "instance" / "bench" / "uploads"),
        "PARTIZIPATION_LOGIN_LIMIT": "1000 per minute", "PARTIZIPATION_PAGE_CACHE": "0",
    }, args.port + 1)
    log = bench.ROOT / "instance" / "bench" / "floor.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    if args.throughput:
        # As `make bench` serves it (without the platform's gunicorn.conf.py).
        hello = bench.Server("hello", "bench_hello:app", {}, args.port + 2, cwd=bench.TOOLS)
        urls = [(hello, "/"), (floor, "/?limit=25"), (floor, "/")] + [
            (platform, path.format(**ids)) for path in args.pages.split(",")]
        throughput(urls, args.rounds, args.duration, log)
        return

    pages = [(page.path.format(**ids), page.officer) for page in bench.PAGES]
    mixes = {"floor": [("/", False), ("/anmelden", False)] * (len(pages) * args.repeat // 2),
             "platform": pages * args.repeat}

    def shown(memory: list[tuple[float, float, float, float]]) -> str:
        return ", ".join(f"{peak:.1f} / {now:.1f} / {pss:.1f}" for peak, now, pss, _ in memory)

    for server in (floor, platform):
        try:
            server.start(log)
            server.wait()
            started = server.memory()
            cpu = server.cpu_seconds()
            cookie = bench.sign_in(server.port)

            def get(job: tuple[str, bool], port: int = server.port, cookie: str = cookie) -> None:
                path, officer = job
                headers = {"Accept-Language": "de", **({"Cookie": cookie} if officer else {})}
                status = bench.request(port, "GET", path, headers)[0]
                assert status == 200, (path, status)

            jobs = mixes[server.name]
            with ThreadPoolExecutor(2) as clients:
                list(clients.map(get, jobs))
                server.settle()
                after_pages = server.memory()
                list(clients.map(lambda _, port=server.port: bench.sign_in(port), range(2)))
            server.settle()
            per_request = (server.cpu_seconds() - cpu) * 1000 / (len(jobs) + 3)
            print(f"{server.name}: peak / resident / PSS MiB per worker\n"
                  f"  started:         {shown(started)}\n"
                  f"  after {len(jobs)} pages: {shown(after_pages)}\n"
                  f"  after sign-ins:  {shown(server.memory())}\n"
                  f"  CPU {per_request:.1f} ms per request", flush=True)
        finally:
            server.stop()


def throughput(urls: list[tuple[Any, str]], rounds: int, duration: int, log: Path) -> None:
    """Each URL under wrk as `make bench` drives a page, interleaved; medians printed, the first
    URL (hello) the reference."""
    import bench

    servers = list({id(server): server for server, _ in urls}.values())
    runs: list[list[dict[str, float]]] = [[] for _ in urls]
    try:
        for server in servers:
            server.start(log)
        for server in servers:
            server.wait()
        for _ in range(rounds):
            for (server, path), found in zip(urls, runs, strict=True):
                result = bench.wrk(server, path, 16, duration, {"Accept-Language": "de"})
                assert result["errors"] == 0, f"{server.name} {path}: errors"
                found.append(result)
    finally:
        for server in servers:
            server.stop()
    reference = statistics.median(run["rps"] for run in runs[0])
    print(f"wrk, 16 connections, {rounds} interleaved rounds of {duration} s (medians)")
    for (server, path), found in zip(urls, runs, strict=True):
        rps = statistics.median(run["rps"] for run in found)
        cpu = statistics.median(run["cpu_ms"] for run in found)
        print(f"  {server.name:8} {path:32} {rps:6.0f} req/s  {rps / reference:5.3f} × hello"
              f"  {cpu:5.2f} ms CPU per request", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
