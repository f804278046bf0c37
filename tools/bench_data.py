"""Deterministic data for `make bench`, at a demo and a large size (same rows every run: names and
dates come from the row's number, never from chance).

Large is the size of issue 13: 10,000 persons, 61 current council members and 500 past
memberships, 400 facilitators in 10 municipalities, 2,000 meetings with 20 agenda items and 30
invitees each, 100,000 news posts, 100 agreements with five milestones each. Demo is the same
shape (a meeting has as many agenda items and invitees) at about a tenth of the rows, enough to
fill the first page of every list: the growth from demo to large is then what more rows in the
database cost a page, not a page showing more of them (at 20 meetings with 5 agenda items, 11
agreements and 23 listed persons, a fuller first page at large size was most of the growth).

A domain adds its rows with one function in `EXTRA` (and its pages with one line in
`tools/bench.py`'s PAGES).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from partizipation import clock
from partizipation.accounts.passwords import hasher_for
from partizipation.config import DEFAULTS
from partizipation.db import make_engine
from partizipation.migrations import upgrade

OFFICER_EMAIL = "officer@example.org"
OFFICER_PASSWORD = "bench officer password 2026"
FEED_TOKEN = "bench-feed-secret-0123456789abcdefghijklmnop"


@dataclass(frozen=True)
class Size:
    persons: int
    members: int
    past_memberships: int
    facilitators: int
    meetings: int
    agenda_items: int
    invitees: int
    posts: int
    agreements: int


SIZES = {
    "demo": Size(persons=1_000, members=15, past_memberships=200, facilitators=40, meetings=200,
                 agenda_items=20, invitees=30, posts=10_000, agreements=20),
    "large": Size(persons=10_000, members=61, past_memberships=500, facilitators=400,
                  meetings=2_000, agenda_items=20, invitees=30, posts=100_000, agreements=100),
}

# Further domains: (name, function(session, size, ids) adding rows and ids for their pages).
EXTRA: list[tuple[str, Callable[[Session, Size, dict[str, Any]], None]]] = []


def _uuid(kind: str, number: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench/{kind}/{number}"))


def reset_schema(url: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    engine = make_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(connection=conn)
    engine.dispose()


def build(url: str, size: Size) -> dict[str, Any]:
    """Create the schema and the rows at `url` (emptied first); returns ids the pages need."""
    from tests.conftest import make_test_app

    reset_schema(url)
    app = make_test_app(url)
    with app.app_context():
        session = app.extensions["db"].session
        ids = _fill(session, size)
        for _name, add in EXTRA:
            add(session, size, ids)
        session.commit()
    # Statistics for the query planner and the visibility map, as PostgreSQL's autovacuum keeps
    # them in production (off on some servers, and not yet run right after a bulk load). Without
    # VACUUM every index-only scan reads the table too, and planning the tag-filtered news page
    # took 28.7 ms at the large size (0.5 ms after VACUUM; EXPLAIN ANALYZE, PostgreSQL 15).
    engine = app.extensions["db"].engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if conn.dialect.name == "postgresql":
            # The whole load is one transaction: a row a trigger updated once per inserted row (a
            # meeting's count of public agenda items, migration 0020, and its body's counts,
            # 0023) left every version behind, which pruning and autovacuum remove in
            # production, where changes come one by one.
            conn.execute(text("VACUUM FULL meetings, meeting_public_counts"))
            conn.execute(text("VACUUM ANALYZE"))
        else:
            conn.execute(text("ANALYZE"))
    engine.dispose()
    return ids


def _fill(session: Session, size: Size) -> dict[str, Any]:
    from partizipation.people.models import Person
    from tests.council.factories import create_body
    from tests.facilitators.factories import create_facilitator, create_municipality
    from tests.factories import create_user
    from tests.news.bulk import add_comments, add_posts
    from tests.news.factories import create_post

    today = clock.today()
    # The production argon2 cost, so a bench login costs what a real one does.
    officer = create_user(session, role="officer", email=OFFICER_EMAIL, display_name="Olga Amt",
                          password_hash=hasher_for(DEFAULTS).hash(OFFICER_PASSWORD))
    person_ids = list(session.scalars(insert(Person).returning(Person.id), [
        {"name": f"Person {n:05d} (erfunden)", "email": f"person{n}@example.org",
         "phone": f"02303 {n:05d}",
         "listing_consent_given_on": date(2024, 1, 1) if n % 3 else None}
        for n in range(size.persons)]))
    council = create_body(session, name="Inklusionsbeirat")
    _memberships(session, council.id, person_ids, size, today)

    towns = [create_municipality(session) for _ in range(10)]
    statuses = ["active"] * 6 + ["confirmed", "proposed", "sent_back", "ended"]
    for number in range(size.facilitators):
        create_facilitator(session, towns[number % 10],
                           status=statuses[number // 10 % len(statuses)],
                           trained_on=date(2025, 3, 1) if number % 2 else None)

    meeting = _meetings(session, council.id, person_ids, size)

    editor = create_user(session, role="editor", email="presse@example.org")
    post = create_post(session, editor, "published", tags=("Beirat",), slug="bench-beitrag")
    add_posts(session, editor.id, size.posts, commenter_id=officer.id)
    add_comments(session, post.id, officer.id, min(size.posts, 1000))
    session.flush()
    return {"body": council.id, "meeting": meeting, "town": towns[0].id, "post": post.slug,
            "feed": FEED_TOKEN}


def _memberships(session: Session, body_id: int, person_ids: list[int], size: Size,
                 today: date) -> None:
    from partizipation.council.models import Membership, Term

    current = Term(body_id=body_id, starts_on=today - timedelta(days=365),
                   ends_on=today + timedelta(days=4 * 365))
    # Five earlier terms of five years each, the past memberships spread over them.
    past = [Term(body_id=body_id, starts_on=date(1995 + 5 * n, 1, 1),
                 ends_on=date(1999 + 5 * n, 12, 31)) for n in range(5)]
    session.add_all([current, *past])
    session.flush()
    rows = [{"person_id": person_ids[n], "body_id": body_id, "term_id": current.id,
             "role": "chair" if n == 0 else "member", "starts_on": current.starts_on}
            for n in range(size.members)]
    for n in range(size.past_memberships):
        term = past[n % 5]
        rows.append({"person_id": person_ids[(size.members + n) % len(person_ids)],
                     "body_id": body_id, "term_id": term.id, "role": "member",
                     "starts_on": term.starts_on, "ends_on": term.ends_on,
                     "end_reason": "term_ended"})
    session.execute(insert(Membership), rows)


def _meetings(session: Session, body_id: int, person_ids: list[int], size: Size) -> int:
    """Announced public meetings with agenda items and invitees (one of them a member with a
    calendar feed), answers and support requests; returns the first meeting's id."""
    from partizipation.council.models import SupportConsent
    from partizipation.meetings.feeds import digest
    from partizipation.meetings.models import (
        AgendaItem,
        CalendarToken,
        Invitee,
        Meeting,
        SupportRequest,
    )
    from partizipation.people.models import Person
    from tests.bulk import insert_rows
    from tests.factories import create_user
    from tests.meetings.factories import create_place

    member = create_user(session, email="member@example.org")
    own = session.get(Person, person_ids[0])
    assert own is not None
    own.user_id = member.id
    consent = SupportConsent(person_id=own.id, purpose="support_needs", text_version="b",
                             consent_text="b")
    session.add_all([consent, CalendarToken(user_id=member.id, token_hash=digest(FEED_TOKEN))])
    place = create_place(session, name="Kreishaus Unna")
    session.flush()
    start = clock.berlin(clock.today() + timedelta(days=1), 17)
    ids = list(session.scalars(insert(Meeting).returning(Meeting.id), [
        {"uid": f"{_uuid('meeting', i)}@example.org", "title": f"Sitzung {i:04d}",
         "kind": "session", "body_id": body_id, "format": "in_person", "place_id": place.id,
         "status": "invited", "starts_at": start + timedelta(days=i % 300, hours=i % 5),
         "ends_at": start + timedelta(days=i % 300, hours=2 + i % 5)}
        for i in range(size.meetings)]))
    insert_rows(session, AgendaItem, [
        {"meeting_id": m, "position": p + 1, "title": f"Tagesordnungspunkt {p + 1}"}
        for m in ids for p in range(size.agenda_items)])
    answers = ["attending", "not_attending", "open", "deputy_attends"]
    invitees = list(session.scalars(insert(Invitee).returning(Invitee.id), [
        {"meeting_id": m, "answer": answers[n % 4],
         "person_id": person_ids[1 + (k * 7 + n) % (len(person_ids) - 1)] if n else own.id}
        for k, m in enumerate(ids) for n in range(size.invitees)]))
    session.execute(insert(SupportRequest), [
        {"invitee_id": i, "consent_id": consent.id, "kind": "sign_language"}
        for i in invitees[:: size.invitees * 3]])
    return ids[0]


def _past_meetings(session: Session, size: Size, ids: dict[str, Any]) -> None:
    """As many held meetings as announced ones (20 agenda items, the invitees with attendance,
    approved minutes and three decisions each)."""
    from sqlalchemy import select

    from partizipation.meetings.models import Invitee
    from tests.decisions.bulk import add_past_meetings

    persons = list(session.scalars(select(Invitee.person_id)
                                   .where(Invitee.meeting_id == ids["meeting"])))
    ids["held"] = add_past_meetings(session, ids["body"], size.meetings, persons)[1]


def _agreements(session: Session, size: Size, ids: dict[str, Any]) -> None:
    """Every municipality's agreement, and `size.agreements` more with milestones a–e, steps
    and history."""
    from sqlalchemy import select

    from partizipation.municipalities.models import Municipality
    from tests.agreements.factories import create_agreement, municipal_agreement
    from tests.milestones.factories import add_history, add_step, create_milestone

    for town in session.scalars(select(Municipality).order_by(Municipality.id)):
        municipal_agreement(session, town)
    first = None
    for number in range(size.agreements):
        agreement = create_agreement(session, f"Vereinbarung {number}", parties=["A", "B"])
        for code in "abcde":
            milestone = create_milestone(session, agreement, code)
            first = first or milestone.id
            for stage in ("draft", "consulted", "committee"):
                add_step(session, milestone, stage)
            add_history(session, milestone, 5)
    ids["milestone"] = first


EXTRA += [("decisions", _past_meetings), ("agreements", _agreements)]
