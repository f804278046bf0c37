"""Every permission of the news domain over every role: who may, and who may not."""

from __future__ import annotations

import pytest

from partizipation.news import permissions as perms
from tests.facilitators.factories import create_facilitator
from tests.factories import create_user
from tests.municipalities.factories import create_contact, create_municipality

from .conftest import ROLES
from .factories import create_comment, create_post

WRITERS = {"member", "facilitator", "contact", "author", "other_author", "editor", "officer"}
MODERATORS = {"editor", "officer"}
SIGNED_IN = set(ROLES) - {"anonymous"}


def _check(app, cast, role, check, *args):
    with app.test_request_context():  # scoped powers are cached per request
        return check(cast.user(role), *args)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("check", "allowed"), [
    (perms.can_write_posts, WRITERS),
    (perms.can_moderate_posts, MODERATORS),
])
def test_global_checks(app, cast, role, check, allowed):
    assert _check(app, cast, role, check) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("check", "status", "allowed"), [
    (perms.can_view_post, "draft", {"author"} | MODERATORS),
    (perms.can_view_post, "submitted", {"author"} | MODERATORS),
    (perms.can_view_post, "published", set(ROLES)),
    (perms.can_view_post, "archived", set(ROLES)),
    (perms.can_view_post, "unpublished", {"author"} | MODERATORS),
    (perms.can_manage_post, "published", {"author"} | MODERATORS),
    (perms.can_edit_post, "draft", {"author"}),
    (perms.can_edit_post, "changes_requested", {"author"}),
    (perms.can_edit_post, "unpublished", {"author"}),
    (perms.can_edit_post, "submitted", set()),
    (perms.can_edit_post, "published", set()),
    (perms.can_edit_post, "rejected", set()),
    (perms.can_submit_post, "draft", {"author"}),
    (perms.can_submit_post, "submitted", set()),
    (perms.can_decide_post, "submitted", MODERATORS),
    (perms.can_decide_post, "draft", set()),
    (perms.can_decide_post, "published", set()),
    (perms.can_withdraw_post, "published", MODERATORS),
    (perms.can_withdraw_post, "submitted", set()),
    (perms.can_comment, "published", SIGNED_IN),
    (perms.can_comment, "archived", set()),
    (perms.can_comment, "draft", set()),
])
def test_post_checks(app, db_session, cast, role, check, status, allowed):
    post = create_post(db_session, cast.user("author"), status)
    assert _check(app, cast, role, check, post) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("check", "status", "allowed"), [
    (perms.can_withdraw_comment, "pending", {"author"}),
    (perms.can_withdraw_comment, "approved", {"author"}),
    (perms.can_withdraw_comment, "hidden", set()),
    (perms.can_decide_comment, "pending", MODERATORS),
    (perms.can_decide_comment, "approved", set()),
    (perms.can_hide_comment, "approved", MODERATORS),
    (perms.can_hide_comment, "pending", set()),
    (perms.can_report_comment, "approved", SIGNED_IN - {"author"}),
    (perms.can_report_comment, "pending", set()),
    (perms.can_report_comment, "hidden", set()),
])
def test_comment_checks(app, db_session, cast, role, check, status, allowed):
    post = create_post(db_session, cast.user("other_author"), "published")
    comment = create_comment(db_session, post, cast.user("author"), status)
    assert _check(app, cast, role, check, comment) is (role in allowed)


def test_scoped_powers_alone_let_an_account_write(app, db_session):
    """An account whose role would not (admin) writes as a facilitator or a contact."""
    town = create_municipality(db_session, "Selm", ags="05978032")
    plain = create_user(db_session, role="admin")
    as_facilitator = create_user(db_session, role="admin")
    create_facilitator(db_session, town, "active", user=as_facilitator)
    as_contact = create_user(db_session, role="admin")
    create_contact(db_session, as_contact, town)
    with app.test_request_context():
        assert not perms.can_write_posts(plain)
        assert perms.can_write_posts(as_facilitator)
        assert perms.can_write_posts(as_contact)
