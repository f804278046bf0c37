"""Two people at once, with real concurrent sessions: each thread has its own application context,
database session and connection, on committed data (PostgreSQL with TEST_DATABASE_URL; on SQLite
the writing transactions run one after the other, and the rules must hold there too).

- the same facilitator registered twice at the same moment: one registration, and the second
  gets the form message of the duplicate check (also when only the database's index stops it);
- two officers confirming and sending back one proposal at the same moment: one outcome, one
  mail, a clear message to the other;
- two officers saving the same municipality at once: the second sees what the first saved.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from partizipation.accounts.models import User
from partizipation.audit.models import AuditEntry
from partizipation.domain import DomainError
from partizipation.facilitators import services
from partizipation.facilitators.models import Facilitator, FacilitatorEvent
from partizipation.mail.models import OutboxMessage
from partizipation.municipalities.models import Municipality, MunicipalityContact
from partizipation.people.models import Person
from tests.conftest import login, make_test_app
from tests.factories import create_user
from tests.helpers import csrf_token, page_text
from tests.municipalities.factories import create_contact, create_municipality

from .factories import create_facilitator

# Deleted again after each test, children first (rows with a higher id than before the test).
TABLES = [AuditEntry, OutboxMessage, FacilitatorEvent, Facilitator, MunicipalityContact, Person,
          Municipality, User]


class Committed:
    """An app on the real database (not the per-test transaction) and its committed rows."""

    def __init__(self, database_url: str) -> None:
        self.app = make_test_app(database_url)
        self.database = self.app.extensions["db"]
        self.dialect = self.database.engine.dialect.name

    def run(self, work: Callable[[Any], Any]) -> Any:
        """`work(session)` in one committed transaction of a writing request."""
        with self.app.test_request_context(method="POST"):
            session = self.database.session
            result = work(session)
            session.commit()
            return result

    def count(self, model: Any, *where: Any) -> int:
        with self.app.app_context():
            return self.database.session.scalar(select(func.count()).select_from(model)
                                                .where(*where)) or 0


@pytest.fixture()
def committed(race_engine: Any) -> Iterator[Committed]:
    # The database of racing tests (`race_engine` builds it): committed rows never meet the
    # other tests' rolled-back transactions.
    world = Committed(race_engine.url.render_as_string(hide_password=False))
    with world.app.app_context():
        session = world.database.session
        before = {m: session.scalar(select(func.max(m.id))) or 0 for m in TABLES}
    try:
        yield world
    finally:
        with world.app.app_context():
            session = world.database.session
            for model in TABLES:
                session.execute(delete(model).where(model.id > before[model]))
            session.commit()
        world.database.engine.dispose()


def race(world: Committed, *actions: Callable[..., Any],
         preload: Callable[[Any], Any] | None = None) -> list[Any]:
    """Run each action in its own thread and session, released at the same moment.

    Each returns "ok" after its commit, or the DomainError that stopped it (rolled back).
    `preload(session)` runs in every thread before the start, outside a writing transaction, so
    that both have read the same state before either changes it (PostgreSQL only: on SQLite the
    writing transactions are serialised from their BEGIN).
    """
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def worker(index: int, action: Callable[[Any], Any]) -> None:
        with world.app.test_request_context(method="POST",
                                            headers={"Accept-Language": "en"}):
            session = world.database.session
            try:
                loaded = preload(session) if preload else None
                barrier.wait(timeout=30)
                action(session) if loaded is None else action(session, loaded)
                session.commit()
                results[index] = "ok"
            except DomainError as error:
                session.rollback()
                results[index] = error
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                session.rollback()
                results[index] = error

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _registration(email: str, name: str) -> services.FacilitatorData:
    return services.FacilitatorData(name=name, email=email, employment_model="volunteer",
                                    started_on=date(2026, 4, 1))


@pytest.fixture()
def bergkamen(committed):
    def setup(session):
        municipality = create_municipality(session, "Bergkamen (Test)", ags="05978996")
        contact = create_user(session, email="race.contact@example.org")
        create_contact(session, contact, municipality)
        officer = create_user(session, role="officer", email="race.officer@example.org")
        other = create_user(session, role="officer", email="race.other@example.org")
        return municipality.id, contact.id, officer.id, other.id

    return committed.run(setup)


def _user(session, ident):
    return session.get(User, ident)


# ---------------------------------------------------------------- one registration


def test_the_same_facilitator_registered_twice_at_once_is_saved_once(committed, bergkamen):
    municipality_id, contact_id, _officer, _other = bergkamen

    def register(name):
        def action(session):
            services.register_facilitator(
                session, session.get(Municipality, municipality_id),
                _registration("Alma.Race@example.org", name),
                actor=_user(session, contact_id), by_officer=False)
        return action

    results = race(committed, register("Alma Race"), register("Alma R."))
    assert sorted(r == "ok" for r in results) == [False, True], results
    refused = next(r for r in results if r != "ok")
    assert isinstance(refused, DomainError), refused
    assert refused.field == "email" and "already registered" in str(refused)
    assert committed.count(Facilitator, Facilitator.municipality_id == municipality_id) == 1
    # One notice to the officer, from the registration that was saved.
    assert committed.count(OutboxMessage, OutboxMessage.to_address == "inklusion@example.org") == 1


def test_the_database_index_alone_refuses_the_second_registration(committed, bergkamen,
                                                                  monkeypatch):
    """Without the check in Python (and its lock), the partial unique index still holds the
    rule, and its violation is the same form message, not an error page."""
    municipality_id, contact_id, _officer, _other = bergkamen
    monkeypatch.setattr(services, "find_duplicate", lambda *args, **kwargs: None)
    monkeypatch.setattr(services, "lock_row", lambda *args, **kwargs: None)

    def register(session):
        services.register_facilitator(
            session, session.get(Municipality, municipality_id),
            _registration("alma.index@example.org", "Alma Index"),
            actor=_user(session, contact_id), by_officer=False)

    results = race(committed, register, register)
    assert sorted(r == "ok" for r in results) == [False, True], results
    refused = next(r for r in results if r != "ok")
    assert isinstance(refused, DomainError), refused
    assert refused.field == "email" and "already registered" in str(refused)
    assert committed.count(Facilitator, Facilitator.municipality_id == municipality_id) == 1


def test_the_index_counts_only_non_ended_facilitators_of_one_municipality(db_session):
    bergkamen = create_municipality(db_session, "Bergkamen")
    kamen = create_municipality(db_session, "Kamen")
    create_facilitator(db_session, bergkamen, "ended", email="Same@example.org")
    create_facilitator(db_session, kamen, "active", email="same@example.org")
    kept = create_facilitator(db_session, bergkamen, "active", email="same@example.org")
    assert kept.email_key == "same@example.org"
    with pytest.raises(IntegrityError), db_session.begin_nested():
        create_facilitator(db_session, bergkamen, "proposed", email=" SAME@example.org")
    # A changed address moves the key along, whichever domain changes it.
    kept.person.email = "new@example.org"
    db_session.flush()
    db_session.expire(kept, ["email_key"])
    assert kept.email_key == "new@example.org"
    create_facilitator(db_session, bergkamen, "proposed", email="same@example.org")


# ---------------------------------------------------------------- one decision


@pytest.fixture()
def proposal(committed, bergkamen):
    municipality_id = bergkamen[0]

    def setup(session):
        facilitator = create_facilitator(session, session.get(Municipality, municipality_id),
                                         "proposed", name="Paula Vorschlag (erfunden)")
        return facilitator.id

    return committed.run(setup)


def test_confirming_and_sending_back_at_once_gives_one_outcome_and_one_mail(
        committed, bergkamen, proposal):
    _municipality, _contact, officer_id, other_id = bergkamen

    def preload(session):
        facilitator = session.get(Facilitator, proposal)
        assert facilitator.status == "proposed"
        return facilitator

    def confirm(session, facilitator):
        services.confirm_facilitator(session, facilitator, actor=_user(session, officer_id))

    def send_back(session, facilitator):
        services.send_back_facilitator(session, facilitator, "Bitte Stunden angeben.",
                                       actor=_user(session, other_id))

    preloading = preload if committed.dialect == "postgresql" else None
    if preloading is None:
        results = race(committed, lambda s: confirm(s, s.get(Facilitator, proposal)),
                       lambda s: send_back(s, s.get(Facilitator, proposal)))
    else:
        results = race(committed, confirm, send_back, preload=preloading)
    assert sorted(r == "ok" for r in results) == [False, True], results
    loser = next(r for r in results if r != "ok")
    assert isinstance(loser, DomainError), loser
    winner_status = "confirmed" if results[0] == "ok" else "sent_back"
    with committed.app.app_context():
        session = committed.database.session
        assert session.get(Facilitator, proposal).status == winner_status
        decisions = session.scalars(select(FacilitatorEvent.action).where(
            FacilitatorEvent.facilitator_id == proposal,
            FacilitatorEvent.action.in_(["confirmed", "sent_back"]))).all()
    assert decisions == [winner_status]
    # Exactly one mail to the municipality's contact: the winner's.
    assert committed.count(OutboxMessage,
                           OutboxMessage.to_address == "race.contact@example.org") == 1
    if committed.dialect == "postgresql":
        # Both had read "proposed": the loser was stopped by the conditional UPDATE.
        assert "at the same time" in str(loser) and "no email was sent" in str(loser)


def test_two_officers_confirming_at_once_confirm_once(committed, bergkamen, proposal):
    _municipality, _contact, officer_id, other_id = bergkamen

    def confirm_as(ident):
        def action(session, facilitator=None):
            facilitator = facilitator or session.get(Facilitator, proposal)
            services.confirm_facilitator(session, facilitator, actor=_user(session, ident))
        return action

    preload = ((lambda session: session.get(Facilitator, proposal))
               if committed.dialect == "postgresql" else None)
    results = race(committed, confirm_as(officer_id), confirm_as(other_id), preload=preload)
    assert sorted(r == "ok" for r in results) == [False, True], results
    assert isinstance(next(r for r in results if r != "ok"), DomainError), results
    assert committed.count(FacilitatorEvent, FacilitatorEvent.facilitator_id == proposal,
                           FacilitatorEvent.action == "confirmed") == 1
    assert committed.count(OutboxMessage,
                           OutboxMessage.to_address == "race.contact@example.org") == 1


# ---------------------------------------------------------------- one edit


def test_two_officers_saving_a_municipality_at_once(committed, bergkamen):
    """Two real requests at once through the form: one is saved, the other sees what was saved
    meanwhile (never an error page), and nothing of it is lost or overwritten."""
    municipality_id = bergkamen[0]
    url = f"/verwaltung/kommunen/{municipality_id}/bearbeiten"
    clients = [committed.app.test_client() for _ in range(2)]
    tokens = []
    for client, email in zip(clients, ["race.officer@example.org", "race.other@example.org"],
                             strict=True):
        assert login(client, email).status_code == 302
        tokens.append(csrf_token(client.get(url)))
    base = {"kind": "town", "ags": "05978996", "agreement_status": "none", "version": "1"}
    names = ["Bergkamen (erste)", "Bergkamen (zweite)"]
    responses: list[Any] = [None, None]
    barrier = threading.Barrier(2)

    def send(index: int) -> None:
        barrier.wait(timeout=30)
        responses[index] = clients[index].post(url, data={
            **base, "name": names[index], "csrf_token": tokens[index]})

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 302], codes
    saved = names[[r.status_code for r in responses].index(302)]
    stale = next(r for r in responses if r.status_code == 200)
    text = page_text(stale)
    assert "Jemand anderes hat hier Änderungen gespeichert" in text
    assert f"Jetzt gespeichert in „Name“: {saved}" in text
    with committed.app.app_context():
        assert committed.database.session.get(Municipality, municipality_id).name == saved
