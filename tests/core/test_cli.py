"""The command line a district's administrator uses: migrate, create-user, demo-data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partizipation.accounts.models import User
from partizipation.accounts.passwords import verify_password
from tests.conftest import make_test_app


@pytest.fixture()
def fresh_app(tmp_path):
    app = make_test_app(f"sqlite:///{tmp_path}/cli.sqlite")
    app.instance_path = str(tmp_path)
    return app


def _run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


def test_create_user_without_a_migrated_database_says_what_to_do(fresh_app):
    result = _run(fresh_app, "create-user", "--email", "a@example.org", "--name", "A",
                  "--role", "officer", input="")
    assert result.exit_code != 0
    assert "partizipation migrate" in result.output


def test_create_user_reads_the_password_from_standard_input(fresh_app):
    assert _run(fresh_app, "migrate").exit_code == 0
    result = _run(fresh_app, "create-user", "--email", "Officer@Example.org", "--name", "Olga",
                  "--role", "officer", input="a long secret password\n")
    assert result.exit_code == 0, result.output
    assert "Password:" not in result.output
    with fresh_app.app_context():
        user = fresh_app.extensions["db"].session.scalar(select(User))
        assert user.email == "officer@example.org" and user.role == "officer"
        assert verify_password(user.password_hash, "a long secret password")


def test_create_user_generates_and_prints_a_password_when_none_is_given(fresh_app):
    _run(fresh_app, "migrate")
    result = _run(fresh_app, "create-user", "--email", "m@example.org", "--name", "M",
                  "--role", "member", input="")
    assert result.exit_code == 0
    password = result.output.split("Password: ")[1].strip()
    with fresh_app.app_context():
        user = fresh_app.extensions["db"].session.scalar(select(User))
        assert verify_password(user.password_hash, password)


def test_create_user_refuses_a_duplicate_email_and_a_bad_role(fresh_app):
    _run(fresh_app, "migrate")
    _run(fresh_app, "create-user", "--email", "m@example.org", "--name", "M", "--role", "member",
         input="")
    duplicate = _run(fresh_app, "create-user", "--email", "M@example.org", "--name", "M2",
                     "--role", "member", input="")
    assert duplicate.exit_code != 0 and "Es gibt schon ein Konto" in duplicate.output
    bad_role = _run(fresh_app, "create-user", "--email", "x@example.org", "--name", "X",
                    "--role", "boss", input="")
    assert bad_role.exit_code != 0 and "boss" in bad_role.output


def test_demo_data_loads_once_and_prints_working_accounts(fresh_app):
    _run(fresh_app, "migrate")
    first = _run(fresh_app, "demo-data")
    assert first.exit_code == 0, first.output
    lines = [line.split() for line in first.output.splitlines() if "@" in line]
    roles = {parts[0] for parts in lines}
    assert {"admin", "officer", "editor", "member"} <= roles
    role, email, password = lines[0][:3]
    with fresh_app.app_context():
        session = fresh_app.extensions["db"].session
        user = session.scalar(select(User).where(User.email == email))
        assert verify_password(user.password_hash, password)
        count = len(session.scalars(select(User)).all())
    second = _run(fresh_app, "demo-data")
    assert second.exit_code == 0 and "already loaded" in second.output
    with fresh_app.app_context():
        assert len(fresh_app.extensions["db"].session.scalars(select(User)).all()) == count


def test_demo_data_in_production_creates_the_instance_folder_and_keeps_the_accounts(tmp_path):
    """In production the instance folder may not exist yet (no development secret was written
    into it): the accounts are printed and kept in a new folder, readable by the owner only."""
    app = make_test_app(f"sqlite:///{tmp_path}/prod.sqlite", ENV="production", TESTING=False,
                        SECRET_KEY="x" * 40, UPLOAD_FOLDER=str(tmp_path / "uploads"))
    instance = tmp_path / "not-yet" / "instance"
    app.instance_path = str(instance)
    assert _run(app, "migrate").exit_code == 0
    result = _run(app, "demo-data")
    assert result.exit_code == 0, result.output
    printed = [line.split() for line in result.output.splitlines() if "@example" in line
               or line.startswith("  ")]
    kept = (instance / "demo-accounts.txt").read_text(encoding="utf-8").splitlines()
    assert printed and len(kept) == len(printed)
    assert kept[0].split() == printed[0]
    assert (instance / "demo-accounts.txt").stat().st_mode & 0o777 == 0o600


def test_demo_data_prints_the_accounts_even_when_the_folder_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    app = make_test_app(f"sqlite:///{tmp_path}/prod.sqlite")
    app.instance_path = str(blocker / "instance")  # below a file: cannot be made
    assert _run(app, "migrate").exit_code == 0
    result = _run(app, "demo-data")
    assert result.exit_code == 0, result.output
    assert "Could not keep them" in result.output
    assert sum("@" in line for line in result.output.splitlines()) >= 4
