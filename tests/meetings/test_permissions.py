"""Every meetings permission as a matrix over the roles: anonymous, an invited member, a member
who is not invited, a personal deputy (invited in their member's place), a facilitator, a
municipality contact, the editor, the officer and the admin."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from flask_login import AnonymousUserMixin

from partizipation import clock
from partizipation.accounts.models import User
from partizipation.meetings import permissions as p

ROLES = ["anonymous", "invited", "not_invited", "deputy", "facilitator", "contact", "editor",
         "officer", "admin"]
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
STAFF = {"officer", "admin"}
INVITED = {"invited", "deputy"}
GLOBAL_ROLE = {"editor": "editor", "officer": "officer", "admin": "admin"}


def user(role: str):
    if role == "anonymous":
        return AnonymousUserMixin()
    return User(id=ROLES.index(role), role=GLOBAL_ROLE.get(role, "member"),
                email=f"{role}@example.org", display_name=role)


def meeting(status="invited", public=True, days=10):
    start = clock.now() + timedelta(days=days)
    return SimpleNamespace(status=status, is_public=public, starts_at=start)


def invitee(role: str, of):
    person = SimpleNamespace(user_id=ROLES.index(role), anonymised_at=None)
    return SimpleNamespace(person=person, meeting=of)


def document(of, public=True, item_public=True, original=None):
    item = SimpleNamespace(is_public=item_public)
    return SimpleNamespace(meeting=of, is_public=public, item=item, alternative_of=original)


OPEN, PRIVATE, PLANNED = meeting(), meeting(public=False), meeting(status="planned")
STARTED, HELD = meeting(days=-1), meeting(status="held", days=-3)
CANCELLED = meeting(status="cancelled")
PRIVATE_HELD = meeting(status="held", public=False, days=-3)
DRAFT, SENT, APPROVED = (SimpleNamespace(minutes_status=s) for s in ("draft", "sent", "approved"))
PUBLIC_DOC = document(OPEN)

# case: (check, meeting the role's own invitation belongs to or None, other arguments, allowed)
# With a meeting, invited and deputy pass their own invitee row of it; the others pass none.
MATRIX = {
    "manage meetings": (p.can_manage_meetings, None, (), STAFF),
    "view public meeting": (p.can_view_meeting, OPEN, (OPEN,), EVERYONE),
    "view private meeting": (p.can_view_meeting, PRIVATE, (PRIVATE,), INVITED | STAFF),
    "view planned meeting": (p.can_view_meeting, PLANNED, (PLANNED,), STAFF),
    "view cancelled meeting": (p.can_view_meeting, CANCELLED, (CANCELLED,), EVERYONE),
    "is invited": (p.is_invited, OPEN, (OPEN,), INVITED),
    "is invited before sending": (p.is_invited, PLANNED, (PLANNED,), set()),
    "see join details": (p.can_see_join_details, OPEN, (OPEN,), INVITED | STAFF),
    "view public document": (p.can_view_document, OPEN, (PUBLIC_DOC,), EVERYONE),
    "view non-public document": (p.can_view_document, OPEN, (document(OPEN, public=False),),
                                 INVITED | STAFF),
    "view document of a non-public item": (
        p.can_view_document, OPEN, (document(OPEN, item_public=False),), INVITED | STAFF),
    "view public version of a non-public document": (
        p.can_view_document, OPEN, (document(OPEN, original=document(OPEN, public=False)),),
        INVITED | STAFF),
    "view document of a private meeting": (
        p.can_view_document, PRIVATE, (document(PRIVATE),), INVITED | STAFF),
    "edit planned meeting": (p.can_edit_meeting, None, (PLANNED,), STAFF),
    "edit held meeting": (p.can_edit_meeting, None, (HELD,), set()),
    "edit cancelled meeting": (p.can_edit_meeting, None, (CANCELLED,), set()),
    "change invitees before sending": (p.can_change_invitees, None, (PLANNED,), STAFF),
    "change invitees after sending": (p.can_change_invitees, None, (OPEN,), set()),
    "add guests after sending": (p.can_add_guests, None, (OPEN,), STAFF),
    "add guests after the start": (p.can_add_guests, None, (STARTED,), set()),
    "send invitations": (p.can_send_invitations, None, (PLANNED,), STAFF),
    "send invitations twice": (p.can_send_invitations, None, (OPEN,), set()),
    "cancel meeting": (p.can_cancel_meeting, None, (OPEN,), STAFF),
    "cancel started meeting": (p.can_cancel_meeting, None, (STARTED,), set()),
    "mark held": (p.can_mark_held, None, (STARTED,), STAFF),
    "mark held before the start": (p.can_mark_held, None, (OPEN,), set()),
    "view logistics": (p.can_view_logistics, None, (), {"officer"}),
    "manage places": (p.can_manage_places, None, (), STAFF),
    "use calendar feed": (p.can_use_calendar_feed, None, (), SIGNED_IN),
    "record attendance and minutes": (p.can_record_meeting, None, (HELD,), STAFF),
    "record before the start": (p.can_record_meeting, None, (OPEN,), set()),
    "record a cancelled meeting": (p.can_record_meeting, None, (CANCELLED,), set()),
    "read draft minutes": (p.can_read_minutes, HELD, (HELD, DRAFT), STAFF),
    "read minutes sent for corrections": (p.can_read_minutes, HELD, (HELD, SENT),
                                          INVITED | STAFF),
    "read approved minutes": (p.can_read_minutes, HELD, (HELD, APPROVED), EVERYONE),
    "read approved minutes of a private meeting": (
        p.can_read_minutes, PRIVATE_HELD, (PRIVATE_HELD, APPROVED), INVITED | STAFF),
    "read no minutes": (p.can_read_minutes, HELD, (HELD, None), set()),
    "read non-public parts of minutes": (p.can_read_all_minutes, HELD, (HELD,),
                                         INVITED | STAFF),
}
# Checks about one invitation: everyone is handed the invited member's row.
MARAS = invitee("invited", OPEN)
ABOUT_MARA = {
    "own invitation": (p.is_own_invitation, (MARAS,), {"invited"}),
    "answer": (p.can_answer, (MARAS,), {"invited"}),
    "answer after the start": (p.can_answer, (invitee("invited", STARTED),), set()),
    "answer a cancelled meeting": (p.can_answer, (invitee("invited", CANCELLED),), set()),
    "request support": (p.can_request_support, (MARAS,), {"invited"}),
    "view support request": (p.can_view_support_request, (MARAS,), {"invited", "officer"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", sorted(MATRIX))
def test_permission_matrix(case, role):
    check, own_of, args, allowed = MATRIX[case]
    extra = ()
    if own_of is not None:
        extra = (invitee(role, own_of) if role in INVITED else None,)
    assert check(user(role), *args, *extra) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", sorted(ABOUT_MARA))
def test_nobody_acts_on_someone_elses_invitation(case, role):
    check, args, allowed = ABOUT_MARA[case]
    assert check(user(role), *args) is (role in allowed)


def test_public_meeting_and_document_rules():
    assert p.is_public_meeting(OPEN) and p.is_public_meeting(CANCELLED)
    assert not p.is_public_meeting(PLANNED) and not p.is_public_meeting(PRIVATE)
    assert p.is_public_document(PUBLIC_DOC)
    assert not p.is_public_document(document(PLANNED))
    assert not p.is_public_document(document(OPEN, item_public=False))


def test_every_check_is_in_the_matrix():
    covered = {check for check, *_rest in MATRIX.values()}
    covered |= {check for check, *_rest in ABOUT_MARA.values()}
    covered |= {p.is_public_meeting, p.is_public_document}
    assert covered == set(p.CHECKS)
