"""Passwords are stored as argon2id hashes at the library's full cost outside the tests."""

from partizipation import create_app
from partizipation.accounts import passwords


def test_production_cost_is_argon2_default_and_tests_restore_nothing_by_accident(tmp_path):
    create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"})
    stored = passwords.hash_password("a long secret password")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert passwords.verify_password(stored, "a long secret password")
    assert not passwords.verify_password(stored, "wrong password")
    assert not passwords.verify_password(None, "a long secret password")
