"""Terms end their memberships; ending a term, carrying members into the next, reopening, and what
happens to a personal deputy (issue 7, item 1 and 2)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation.council.memberships import (
    MembershipData,
    carry_over,
    current_memberships,
    end_membership,
    ending_soon,
    reopen_membership,
    save_membership,
)
from partizipation.council.models import Membership, Term
from partizipation.council.services import current_term, end_term, save_term
from partizipation.domain import DomainError

from .factories import create_body, create_membership, create_person, create_term

pytestmark = pytest.mark.usefixtures("ctx")

OLD_START, OLD_END = date(2021, 11, 1), date(2026, 10, 31)
NEW_START, NEW_END = date(2026, 11, 1), date(2031, 10, 31)
# 29.11.2026, the day the officer found the bug.
SEEN = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


@pytest.fixture()
def changed_term(db_session):
    """The Inklusionsbeirat after the officer ended the old term and added the new one."""
    body = create_body(db_session, name="Inklusionsbeirat")
    old = create_term(db_session, body, OLD_START, OLD_END)
    new = create_term(db_session, body, NEW_START, NEW_END)
    chair = create_membership(db_session, old, create_person(db_session, name="Alte Vorsitz"),
                              role="chair")
    member = create_membership(db_session, old, create_person(db_session, name="Alt Mitglied"))
    return body, old, new, chair, member


def _data(term, person, **kw):
    kw.setdefault("role", "member")
    kw.setdefault("has_vote", True)
    kw.setdefault("starts_on", term.starts_on)
    return MembershipData(person_id=person.id, term_id=term.id, **kw)


def test_a_membership_without_its_own_end_ends_with_its_term(db_session, changed_term):
    body, old, new, chair, member = changed_term
    with clock.freeze(SEEN):
        assert current_memberships(db_session, body) == []
        assert current_term(db_session, body) == new
    with clock.freeze(datetime(2026, 10, 31, 12, tzinfo=UTC)):
        assert {m.id for m in current_memberships(db_session, body)} == {chair.id, member.id}


def test_a_chair_for_the_new_term_is_accepted_once_the_old_term_ended(
        db_session, changed_term, officer):
    body, old, new, chair, member = changed_term
    with clock.freeze(SEEN):
        save_membership(db_session, body, None,
                        _data(new, create_person(db_session), role="chair"), actor=officer)


def test_the_warning_list_shows_nothing_that_has_already_ended(db_session, changed_term):
    body, old, new, chair, member = changed_term
    with clock.freeze(SEEN):
        terms, memberships = ending_soon(db_session)
    assert old not in terms
    assert chair not in memberships and member not in memberships


@pytest.mark.parametrize(("utc_moment", "current"), [
    # 23:30 UTC on 31.10. is already 00:30 on 1.11. in Berlin (winter time): the term is over.
    (datetime(2026, 10, 31, 23, 30, tzinfo=UTC), False),
    (datetime(2026, 10, 31, 22, 59, tzinfo=UTC), True),   # 23:59 in Berlin, its last day
    (datetime(2026, 10, 30, 12, 0, tzinfo=UTC), True),    # the day before the end
])
def test_the_last_day_of_a_term_is_a_berlin_day(db_session, changed_term, utc_moment, current):
    body, old, new, chair, member = changed_term
    with clock.freeze(utc_moment):
        assert (chair in current_memberships(db_session, body)) is current


def test_shortening_a_term_names_the_memberships_it_would_cut(db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body, OLD_START, OLD_END)
    late = create_membership(db_session, term, create_person(db_session, name="Spät Beginn"),
                             starts_on=date(2026, 6, 1))
    long = create_membership(db_session, term, create_person(db_session, name="Lang Dabei"),
                             ends_on=date(2026, 9, 30))
    with pytest.raises(DomainError) as error:
        save_term(db_session, body, term, starts_on=OLD_START, ends_on=date(2026, 3, 31),
                  actor=officer)
    assert "Spät Beginn" in str(error.value) and "Lang Dabei" in str(error.value)
    assert db_session.get(Term, term.id).ends_on == OLD_END
    # Shortening to a day after every start, the officer may let the term cut the longer one.
    save_term(db_session, body, term, starts_on=OLD_START, ends_on=date(2026, 8, 31),
              actor=officer, cut_memberships=True)
    assert long.ends_on == date(2026, 8, 31) and long.end_reason == "term_ended"
    assert late.ends_on is None  # ends with the term anyway


def test_ending_a_term_ends_every_open_membership(db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body, OLD_START, OLD_END)
    open_ = create_membership(db_session, term)
    left = create_membership(db_session, term, ends_on=date(2024, 5, 31), end_reason="resigned")
    end_term(db_session, term, ends_on=date(2026, 9, 30), actor=officer)
    assert term.ends_on == date(2026, 9, 30)
    assert (open_.ends_on, open_.end_reason) == (date(2026, 9, 30), "term_ended")
    assert (left.ends_on, left.end_reason) == (date(2024, 5, 31), "resigned")


def test_carrying_members_over_keeps_roles_and_deputies(db_session, officer):
    body = create_body(db_session)
    old = create_term(db_session, body, OLD_START, OLD_END)
    chair = create_membership(db_session, old, create_person(db_session, name="Vorsitz"),
                              role="chair")
    deputy = create_membership(db_session, old, create_person(db_session, name="Vertretung"),
                               role="deputy", deputy_for_id=chair.id)
    member = create_membership(db_session, old, create_person(db_session, name="Bleibt"),
                               represents="Verein X", has_vote=True)
    gone = create_membership(db_session, old, create_person(db_session, name="Geht"))
    new = carry_over(db_session, body, old, starts_on=NEW_START, ends_on=NEW_END,
                     membership_ids=[chair.id, deputy.id, member.id], actor=officer)
    carried = {m.person.name: m for m in db_session.scalars(
        select(Membership).where(Membership.term_id == new.id))}
    assert set(carried) == {"Vorsitz", "Vertretung", "Bleibt"}
    assert carried["Vorsitz"].role == "chair"
    assert carried["Vertretung"].deputy_for_id == carried["Vorsitz"].id
    assert carried["Bleibt"].represents == "Verein X"
    assert all(m.starts_on == NEW_START and m.ends_on is None for m in carried.values())
    with clock.freeze(SEEN):
        names = {m.person.name for m in current_memberships(db_session, body)}
    assert names == {"Vorsitz", "Vertretung", "Bleibt"}
    assert gone.ends_on is None  # ended with the old term


def test_a_deputy_is_carried_only_with_their_member(db_session, officer):
    body = create_body(db_session)
    old = create_term(db_session, body, OLD_START, OLD_END)
    chair = create_membership(db_session, old, create_person(db_session, name="Vorsitz"),
                              role="chair")
    deputy = create_membership(db_session, old, role="deputy", deputy_for_id=chair.id)
    with pytest.raises(DomainError) as error:
        carry_over(db_session, body, old, starts_on=NEW_START, ends_on=NEW_END,
                   membership_ids=[deputy.id], actor=officer)
    assert error.value.field == "membership_ids" and "Vorsitz" in str(error.value)
    assert db_session.scalar(select(Term).where(Term.starts_on == NEW_START)) is None


def test_a_new_term_that_starts_early_ends_the_current_one_the_day_before(db_session, officer):
    body = create_body(db_session)
    old = create_term(db_session, body, date(2025, 1, 1), date(2029, 12, 31))
    stays = create_membership(db_session, old)
    leaves = create_membership(db_session, old)
    new = carry_over(db_session, body, old, starts_on=date(2026, 12, 1), ends_on=NEW_END,
                     membership_ids=[stays.id], actor=officer)
    assert old.ends_on == date(2026, 11, 30)
    assert (leaves.ends_on, leaves.end_reason) == (date(2026, 11, 30), "term_ended")
    assert new.starts_on == date(2026, 12, 1)
    carried = db_session.scalar(select(Membership).where(Membership.term_id == new.id))
    with pytest.raises(DomainError) as error:
        carry_over(db_session, body, new, starts_on=new.starts_on, ends_on=NEW_END,
                   membership_ids=[carried.id], actor=officer)
    assert error.value.field == "starts_on"


def test_an_ended_membership_can_be_reopened(db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body)
    membership = create_membership(db_session, term, ends_on=clock.today() - timedelta(days=3),
                                   end_reason="resigned")
    reopen_membership(db_session, membership, actor=officer)
    assert (membership.ends_on, membership.end_reason) == (None, None)
    assert membership in current_memberships(db_session, body)


def test_reopening_is_refused_when_someone_else_holds_the_role(db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body)
    old_chair = create_membership(db_session, term, role="chair",
                                  ends_on=clock.today() - timedelta(days=3), end_reason="replaced")
    create_membership(db_session, term, create_person(db_session, name="Neue Vorsitz"),
                      role="chair", starts_on=clock.today() - timedelta(days=2))
    with pytest.raises(DomainError) as error:
        reopen_membership(db_session, old_chair, actor=officer)
    assert "Neue Vorsitz" in str(error.value)


def test_ending_a_member_ends_their_deputy_too_unless_reassigned(db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body)
    principal = create_membership(db_session, term)
    other = create_membership(db_session, term, create_person(db_session, name="Andere"))
    deputy = create_membership(db_session, term, role="deputy", deputy_for_id=principal.id)
    day = clock.today()
    end_membership(db_session, principal, ends_on=day, reason="resigned", actor=officer,
                   deputy_action="reassign", new_principal_id=other.id)
    assert deputy.ends_on is None and deputy.deputy_for_id == other.id
    end_membership(db_session, other, ends_on=day, reason="resigned", actor=officer,
                   deputy_action="end")
    assert (deputy.ends_on, deputy.end_reason) == (day, "replaced")


def test_ending_a_member_with_a_deputy_asks_what_happens_to_them(db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body)
    principal = create_membership(db_session, term)
    create_membership(db_session, term, role="deputy", deputy_for_id=principal.id)
    with pytest.raises(DomainError) as error:
        end_membership(db_session, principal, ends_on=clock.today(), reason="resigned",
                       actor=officer)
    assert error.value.field == "deputy_action"
    assert principal.ends_on is None
