"""Command line: `flask --app partizipation …` or the `partizipation` console script."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy.exc import OperationalError, ProgrammingError

from .db import db
from .permissions import Role


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_user_command)
    app.cli.add_command(demo_data_command)
    app.cli.add_command(send_mail_command)
    app.cli.add_command(migrate_command)
    app.cli.add_command(purge_outbox_command)
    app.cli.add_command(reminders_command)


def _database_missing(error: Exception) -> click.ClickException:
    return click.ClickException(
        "The database is missing or not migrated. Run `partizipation migrate` first "
        f"({error.__class__.__name__})."
    )


@click.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Bring the database schema up to date (alembic upgrade head)."""
    from .migrations import upgrade

    upgrade(current_app.config["SQLALCHEMY_DATABASE_URI"])
    click.echo("Database is up to date.")


@click.command("create-user")
@with_appcontext
@click.option("--email", required=True, help="Email address (used to sign in).")
@click.option("--name", required=True, help="Display name.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--locale", default="de", type=click.Choice(["de", "en"]))
def create_user_command(email: str, name: str, role: str, locale: str) -> None:
    """Create an account. The password is read from standard input, or generated and printed."""
    from .accounts.services import create_user, generate_password
    from .domain import DomainError

    generated = sys.stdin.isatty() or not (password := sys.stdin.readline().rstrip("\n"))
    if generated:
        password = generate_password()
    try:
        user = create_user(
            db.session, email=email, display_name=name, role=role, password=password, locale=locale
        )
        db.session.commit()
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    except (OperationalError, ProgrammingError) as error:
        raise _database_missing(error) from error
    click.echo(f"Created {user.role} account {user.email}.")
    if generated:
        click.echo(f"Password: {password}")


@click.command("demo-data")
@with_appcontext
def demo_data_command() -> None:
    """Load the Kreis Unna demo data once; prints the demo accounts' generated passwords."""
    from .demo import load_demo_data

    try:
        accounts = load_demo_data(db.session)
    except (OperationalError, ProgrammingError) as error:
        raise _database_missing(error) from error
    if not accounts:
        click.echo("Demo data is already loaded (passwords were printed when it was first loaded,")
        click.echo("and are kept in the instance folder: demo-accounts.txt).")
        return
    lines = [f"{role:12} {email:40} {password}" for role, email, password in accounts]
    # Printed first, so a folder that cannot be written never loses the generated passwords.
    click.echo("Demo data loaded. Demo accounts:")
    for line in lines:
        click.echo("  " + line)
    instance = Path(current_app.instance_path)
    path = instance / "demo-accounts.txt"
    try:
        instance.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as error:
        click.echo(f"(Could not keep them in {path}: {error.strerror}. Note them now.)")
    else:
        click.echo(f"(Also kept in {path}.)")


@click.command("send-mail")
@with_appcontext
@click.option("--loop", is_flag=True, help="Keep running and deliver new messages as they come.")
@click.option("--interval", default=10.0, show_default=True, help="Seconds between rounds.")
def send_mail_command(loop: bool, interval: float) -> None:
    """Deliver the outbox through SMTP, with retries and back-off."""
    from .mail.worker import run_worker

    run_worker(loop=loop, interval=interval, echo=click.echo)


@click.command("purge-outbox")
@with_appcontext
@click.option("--days", type=int, default=None,
              help="Keep sent mail this many days (default: OUTBOX_RETENTION_DAYS, 30).")
def purge_outbox_command(days: int | None) -> None:
    """Delete sent (and finally failed) mail older than the retention time. Run it daily."""
    from .mail.retention import purge_outbox

    keep = days if days is not None else current_app.config["OUTBOX_RETENTION_DAYS"]
    from .accounts.sessions import purge_expired

    count = purge_outbox(db.session, days=keep)
    sessions = purge_expired(db.session)
    db.session.commit()
    click.echo(f"Deleted {count} old messages from the outbox (kept: the last {keep} days).")
    click.echo(f"Deleted {sessions} expired sign-in sessions.")


@click.command("reminders")
@with_appcontext
def reminders_command() -> None:
    """Mail the officer about coming deadlines (milestones, notice, end of agreements), once per
    deadline and threshold. Run it daily (cron or a systemd timer)."""
    from .milestones.reminders import send_reminders

    count = send_reminders(db.session)
    db.session.commit()
    click.echo(f"Reminded of {count} deadlines.")


def _create_app_for_cli() -> Flask:
    from . import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app_for_cli)
def main() -> None:
    """Manage the participation platform."""
