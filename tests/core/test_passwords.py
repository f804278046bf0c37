"""Passwords are stored as argon2id hashes at the OWASP cost outside the tests; hashes made with
another cost are replaced at the next sign-in; nothing is hashed at start-up."""

import subprocess
import sys

from argon2 import PasswordHasher

from partizipation import create_app
from partizipation.accounts import passwords
from partizipation.accounts.models import User
from tests.conftest import TEST_PASSWORD, create_user, login


def test_production_cost_is_owasp_argon2id_and_costs_at_most_50_ms(tmp_path):
    create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"})
    stored = passwords.hash_password("a long secret password")
    assert stored.startswith("$argon2id$v=19$m=7168,t=5,p=1$")
    assert passwords.verify_password(stored, "a long secret password")
    assert not passwords.verify_password(stored, "wrong password")
    assert not passwords.verify_password(None, "a long secret password")
    # The dummy hash for unknown accounts has the same cost as real ones.
    assert passwords._dummy_hash is not None
    assert passwords._dummy_hash.startswith("$argon2id$v=19$m=7168,t=5,p=1$")


def test_the_dummy_hash_is_made_lazily_not_at_start_up(tmp_path):
    create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite",
                "ARGON2_TIME_COST": 2, "ARGON2_MEMORY_COST": 16, "ARGON2_PARALLELISM": 1})
    assert passwords._dummy_hash is None
    assert not passwords.verify_password(None, "anything")
    assert passwords._dummy_hash is not None
    assert passwords._dummy_hash.startswith("$argon2id$v=19$m=16,t=2,p=1$")


def test_importing_and_creating_the_app_hashes_nothing(tmp_path):
    """A worker's start-up does no argon2 work: counted by patching the hasher's hash method."""
    code = (
        "import argon2\n"
        "calls = []\n"
        "original = argon2.PasswordHasher.hash\n"
        "argon2.PasswordHasher.hash = (\n"
        "    lambda self, *a, **k: calls.append(1) or original(self, *a, **k))\n"
        "from partizipation import create_app\n"
        f"create_app({{'TESTING': True, 'DATABASE_URL': 'sqlite:///{tmp_path}/y.sqlite'}})\n"
        "print(len(calls))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "0"


def test_a_hash_with_another_cost_is_replaced_at_the_next_sign_in(client, db_session):
    old = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1).hash(TEST_PASSWORD)
    user = create_user(db_session, email="old@example.org", password_hash=old)
    assert passwords.needs_rehash(old)
    response = login(client, "old@example.org")
    assert response.status_code == 302
    db_session.expire_all()
    renewed = db_session.get(User, user.id).password_hash
    assert renewed != old and not passwords.needs_rehash(renewed)
    assert passwords.verify_password(renewed, TEST_PASSWORD)


def test_a_wrong_password_leaves_an_old_hash_alone(client, db_session):
    old = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1).hash(TEST_PASSWORD)
    user = create_user(db_session, email="old2@example.org", password_hash=old)
    login(client, "old2@example.org", "wrong password")
    db_session.expire_all()
    assert db_session.get(User, user.id).password_hash == old


