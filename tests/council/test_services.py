"""Membership rules, terms, roster, support needs and deletion, tested through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from partizipation.council.memberships import (
    MembershipData,
    current_memberships,
    end_membership,
    ending_soon,
    roster,
    save_membership,
)
from partizipation.council.models import Membership, SupportConsent, SupportNeed
from partizipation.council.services import save_term
from partizipation.council.support import (
    disability_summary,
    record_disability_kinds,
    record_support_needs,
    support_summary,
    withdraw_consent,
)
from partizipation.domain import DomainError
from partizipation.people.privacy import complete_deletion, request_deletion

from .factories import TERM_END, TERM_START, TODAY, create_body, create_membership, create_person

pytestmark = pytest.mark.usefixtures("ctx")


def data(term, person, **kw) -> MembershipData:
    kw.setdefault("role", "member")
    kw.setdefault("has_vote", True)
    kw.setdefault("starts_on", term.starts_on)
    return MembershipData(person_id=person.id, term_id=term.id, **kw)


def save(db_session, body, person, officer, **kw):
    return save_membership(db_session, body, None, data(body.terms[0], person, **kw),
                           actor=officer)


def expect(field, call, *args, **kwargs):
    with pytest.raises(DomainError) as info:
        call(*args, **kwargs)
    assert info.value.field == field
    return str(info.value)


# --- terms --------------------------------------------------------------------------------------

def test_term_end_before_start_is_refused(db_session, officer):
    body = create_body(db_session)
    message = expect("ends_on", save_term, db_session, body, None, starts_on=TODAY,
                     ends_on=TODAY - timedelta(days=1), actor=officer)
    assert "Enter a date on or after" in message or "Geben Sie" in message


def test_terms_of_one_body_do_not_overlap(db_session, officer, council):
    expect("starts_on", save_term, db_session, council, None, starts_on=TERM_END,
           ends_on=TERM_END + timedelta(days=100), actor=officer)
    later = save_term(db_session, council, None, starts_on=TERM_END + timedelta(days=1),
                      ends_on=TERM_END + timedelta(days=500), actor=officer)
    assert later.id


# --- memberships --------------------------------------------------------------------------------

def test_membership_end_before_start_is_refused(db_session, officer, council):
    expect("ends_on", save, db_session, council, create_person(db_session), officer,
           starts_on=TERM_START + timedelta(days=10), ends_on=TERM_START)


def test_membership_must_start_within_its_term(db_session, officer, council):
    expect("starts_on", save, db_session, council, create_person(db_session), officer,
           starts_on=TERM_START - timedelta(days=1))
    expect("ends_on", save, db_session, council, create_person(db_session), officer,
           ends_on=TERM_END + timedelta(days=1))


def test_term_of_another_body_is_refused(db_session, officer, council):
    other = create_body(db_session)
    from .factories import create_term
    foreign = create_term(db_session, other)
    person = create_person(db_session)
    expect("term_id", save_membership, db_session, council, None, data(foreign, person),
           actor=officer)


def test_no_overlapping_memberships_of_one_person_in_one_body(db_session, officer, council):
    person = create_person(db_session)
    first = save(db_session, council, person, officer)
    expect("starts_on", save, db_session, council, person, officer,
           starts_on=TERM_START + timedelta(days=30))
    end_membership(db_session, first, ends_on=TERM_START + timedelta(days=29), reason="resigned",
                   actor=officer)
    again = save(db_session, council, person, officer, starts_on=TERM_START + timedelta(days=30))
    assert again.id != first.id


def test_the_same_person_may_be_member_of_two_bodies(db_session, officer, council):
    other = create_body(db_session)
    from .factories import create_term
    create_term(db_session, other)
    person = create_person(db_session)
    save(db_session, council, person, officer)
    assert save(db_session, other, person, officer).id


@pytest.mark.parametrize("role", ["chair", "deputy_chair"])
def test_at_most_one_chair_and_one_deputy_chair_at_a_time(db_session, officer, council, role):
    holder = save(db_session, council, create_person(db_session, name="Erste Vorsitz"), officer,
                  role=role)
    message = expect("role", save, db_session, council, create_person(db_session), officer,
                     role=role)
    assert "Erste Vorsitz" in message
    end_membership(db_session, holder, ends_on=TODAY, reason="resigned", actor=officer)
    successor = save(db_session, council, create_person(db_session), officer, role=role,
                     starts_on=TODAY + timedelta(days=1))
    assert successor.role == role


def test_a_deputy_needs_a_member_to_stand_in_for(db_session, officer, council):
    expect("deputy_for_id", save, db_session, council, create_person(db_session), officer,
           role="deputy")


def test_only_a_deputy_names_whom_they_deputise_for(db_session, officer, council):
    principal = save(db_session, council, create_person(db_session), officer)
    expect("deputy_for_id", save, db_session, council, create_person(db_session), officer,
           role="member", deputy_for_id=principal.id)


def test_a_deputy_cannot_deputise_for_themselves(db_session, officer, council):
    person = create_person(db_session)
    principal = save(db_session, council, person, officer, ends_on=TODAY)
    expect("deputy_for_id", save, db_session, council, person, officer, role="deputy",
           deputy_for_id=principal.id, starts_on=TODAY + timedelta(days=1))


def test_a_deputy_must_be_in_the_same_body_and_term(db_session, officer, council):
    other = create_body(db_session)
    from .factories import create_term
    other_term = create_term(db_session, other)
    foreign = create_membership(db_session, other_term)
    expect("deputy_for_id", save, db_session, council, create_person(db_session), officer,
           role="deputy", deputy_for_id=foreign.id)
    later_term = save_term(db_session, council, None, starts_on=TERM_END + timedelta(days=1),
                           ends_on=TERM_END + timedelta(days=900), actor=officer)
    later = create_membership(db_session, later_term)
    expect("deputy_for_id", save, db_session, council, create_person(db_session), officer,
           role="deputy", deputy_for_id=later.id)


def test_a_member_has_at_most_one_deputy_and_a_deputy_has_no_deputy(db_session, officer, council):
    principal = save(db_session, council, create_person(db_session, name="Paula Haupt"), officer)
    deputy = save(db_session, council, create_person(db_session), officer, role="deputy",
                  deputy_for_id=principal.id)
    message = expect("deputy_for_id", save, db_session, council, create_person(db_session),
                     officer, role="deputy", deputy_for_id=principal.id)
    assert "Paula Haupt" in message
    expect("deputy_for_id", save, db_session, council, create_person(db_session), officer,
           role="deputy", deputy_for_id=deputy.id)


def test_one_deputy_cannot_deputise_for_two_members(db_session, officer, council):
    first = save(db_session, council, create_person(db_session), officer)
    second = save(db_session, council, create_person(db_session), officer)
    person = create_person(db_session)
    save(db_session, council, person, officer, role="deputy", deputy_for_id=first.id)
    # A second deputy membership of the same person at the same time is an overlap.
    expect("starts_on", save, db_session, council, person, officer, role="deputy",
           deputy_for_id=second.id)


def test_a_refused_membership_saves_nothing(db_session, officer, council):
    before = db_session.scalar(select(func.count()).select_from(Membership))
    with pytest.raises(DomainError):
        save(db_session, council, create_person(db_session), officer, role="deputy")
    assert db_session.scalar(select(func.count()).select_from(Membership)) == before


def test_ending_keeps_the_history(db_session, officer, council):
    membership = save(db_session, council, create_person(db_session), officer)
    expect("reason", end_membership, db_session, membership, ends_on=TODAY, reason="bored",
           actor=officer)
    expect("ends_on", end_membership, db_session, membership,
           ends_on=TERM_START - timedelta(days=1), reason="resigned", actor=officer)
    end_membership(db_session, membership, ends_on=TODAY - timedelta(days=1), reason="replaced",
                   actor=officer)
    assert membership not in current_memberships(db_session, council)
    assert db_session.get(Membership, membership.id).end_reason == "replaced"


def test_advisory_members_have_no_vote(db_session, officer, council):
    m = save(db_session, council, create_person(db_session), officer, role="advisory_member")
    assert m.has_vote is False


def test_ending_soon_lists_terms_and_memberships_within_90_days(db_session, officer):
    body = create_body(db_session)
    from .factories import create_term
    term = create_term(db_session, body, ends_on=TODAY + timedelta(days=80))
    soon = create_membership(db_session, term)
    far_body = create_body(db_session)
    far = create_membership(db_session, create_term(db_session, far_body))
    ending = create_membership(db_session, far.term, ends_on=TODAY + timedelta(days=10))
    terms, memberships = ending_soon(db_session)
    assert term in terms and far.term not in terms
    assert soon in memberships and ending in memberships and far not in memberships


# --- roster -------------------------------------------------------------------------------------

def test_roster_names_only_listed_persons_and_counts_the_others(db_session, council):
    term = council.terms[0]
    chair = create_membership(db_session, term, create_person(db_session, name="Vera Vorsitz"),
                              role="chair")
    create_membership(db_session, term, create_person(db_session, name="Dora Deputy"),
                      role="deputy", deputy_for_id=chair.id)
    create_membership(db_session, term, create_person(db_session, listed=False, name="Geheim"))
    withdrawn = create_person(db_session, name="Zurückgezogen",
                              listing_consent_withdrawn_on=TODAY)
    create_membership(db_session, term, withdrawn)
    result = roster(current_memberships(db_session, council))
    names = [m.person.name for _role, entries in result.groups for m, _d in entries]
    assert names == ["Vera Vorsitz"]
    assert result.groups[0][1][0][1].person.name == "Dora Deputy"
    assert result.unlisted == 2


# --- support needs ------------------------------------------------------------------------------

def _person(db_session, user):
    from partizipation.people.privacy import person_of
    return person_of(db_session, user)


def test_support_needs_need_consent_and_nothing_is_stored_without(db_session, member):
    person = _person(db_session, member)
    expect("consent", record_support_needs, db_session, person, needs=["braille"],
           other_details="", consented=False, actor=member)
    assert db_session.scalar(select(func.count()).select_from(SupportNeed)) == 0
    assert db_session.scalar(select(func.count()).select_from(SupportConsent)) == 0


def test_support_needs_are_stored_with_the_consent_text_and_time(db_session, member):
    person = _person(db_session, member)
    record_support_needs(db_session, person, needs=["braille", "quiet_room"], other_details="",
                         consented=True, actor=member)
    row = db_session.scalar(select(SupportConsent).where(SupportConsent.person_id == person.id))
    assert row.text_version and row.consent_text and row.consented_at
    kinds = set(db_session.scalars(select(SupportNeed.kind)))
    assert kinds == {"braille", "quiet_room"}


def test_other_support_needs_a_description(db_session, member):
    person = _person(db_session, member)
    expect("other_details", record_support_needs, db_session, person, needs=["other"],
           other_details=" ", consented=True, actor=member)
    expect("needs", record_support_needs, db_session, person, needs=[], other_details="",
           consented=True, actor=member)


def test_withdrawing_consent_deletes_the_rows(db_session, member):
    person = _person(db_session, member)
    record_support_needs(db_session, person, needs=["braille"], other_details="",
                         consented=True, actor=member)
    record_disability_kinds(db_session, person, kinds=["visual"], consented=True, actor=member)
    withdraw_consent(db_session, person, "support_needs", actor=member)
    assert db_session.scalar(select(func.count()).select_from(SupportNeed)) == 0
    remaining = list(db_session.scalars(select(SupportConsent.purpose)))
    assert remaining == ["disability_kind"]


def test_summary_counts_needs_of_current_members_only(db_session, officer, council):
    term = council.terms[0]
    current = create_membership(db_session, term)
    former = create_membership(db_session, term, ends_on=TODAY - timedelta(days=1))
    for m in (current, former):
        record_support_needs(db_session, m.person, needs=["sign_language"], other_details="",
                             consented=True, actor=officer)
    summary = support_summary(db_session, council)
    assert summary.counts == [("sign_language", 1)]
    assert [p.id for p, _needs in summary.people] == [current.person_id]


def test_disability_groups_under_three_are_not_shown(db_session, officer, council):
    term = council.terms[0]
    for kind in ["hearing", "hearing", "hearing", "visual", "visual"]:
        m = create_membership(db_session, term)
        record_disability_kinds(db_session, m.person, kinds=[kind], consented=True, actor=officer)
    counts = dict(disability_summary(db_session, council).counts)
    assert counts["hearing"] == 3
    assert counts["visual"] is None and counts["speech"] is None
    assert disability_summary(db_session, council).respondents == 5


# --- deletion -----------------------------------------------------------------------------------

def test_completing_a_deletion_request_anonymises_and_keeps_memberships(
    db_session, officer, member, council
):
    person = _person(db_session, member)
    membership = create_membership(db_session, council.terms[0], person)
    record_support_needs(db_session, person, needs=["braille"], other_details="",
                         consented=True, actor=member)
    request = request_deletion(db_session, member, actor=member)
    expect(None, request_deletion, db_session, member, actor=member)
    complete_deletion(db_session, request, actor=officer)
    assert person.anonymised_at is not None and person.name == "Anonymisiertes Mitglied"
    assert person.email is None and person.phone is None and not person.is_listed
    assert db_session.scalar(select(func.count()).select_from(SupportNeed)) == 0
    assert db_session.get(Membership, membership.id).person_id == person.id
    assert member.is_active is False and "mitglied" not in member.email.lower()
    assert member.email.endswith(".invalid")
