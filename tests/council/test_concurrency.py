"""Two officers at once: rules hold, the second gets a clear message (real transactions)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partizipation.council.memberships import MembershipData, save_membership
from partizipation.council.models import Membership
from partizipation.domain import DomainError
from partizipation.people.models import DeletionRequest
from partizipation.people.privacy import request_deletion
from tests.concurrency import race
from tests.factories import create_user

from .factories import create_body, create_person, create_term


def _committed(engine, make):  # type: ignore[no-untyped-def]
    with Session(engine, expire_on_commit=False) as session:
        result = make(session)
        session.commit()
        return result


def test_two_officers_naming_two_chairs_at_once_get_one_chair(app, race_engine):
    body, term, first, second, officer = _committed(race_engine, lambda s: (
        (b := create_body(s)), create_term(s, b), create_person(s), create_person(s),
        create_user(s, role="officer")))

    def name_chair(person):  # type: ignore[no-untyped-def]
        def action(session: Session) -> Membership:
            return save_membership(
                session, session.merge(body), None,
                MembershipData(person_id=person.id, term_id=term.id, role="chair",
                               has_vote=True, starts_on=term.starts_on),
                actor=session.merge(officer))
        return action

    outcomes = race(race_engine, app, name_chair(first), name_chair(second))
    assert sorted(kind for kind, _ in outcomes) == ["error", "ok"]
    error = next(value for kind, value in outcomes if kind == "error")
    assert isinstance(error, DomainError)
    assert "chair" in str(error) or "Vorsitz" in str(error)
    with Session(race_engine) as session:
        chairs = session.scalar(select(func.count()).where(
            Membership.term_id == term.id, Membership.role == "chair"))
    assert chairs == 1


def test_two_deletion_requests_at_once_give_one_request(app, race_engine):
    user = _committed(race_engine, lambda s: create_user(s))

    def ask(session: Session) -> DeletionRequest:
        return request_deletion(session, session.merge(user), actor=session.merge(user))

    outcomes = race(race_engine, app, ask, ask)
    assert sorted(kind for kind, _ in outcomes) == ["error", "ok"]
    assert isinstance(next(v for k, v in outcomes if k == "error"), DomainError)
    with Session(race_engine) as session:
        count = session.scalar(select(func.count()).where(DeletionRequest.user_id == user.id))
    assert count == 1
