"""`make bench`: speed, SQL statements and memory of the busiest pages, at small and large data,
measured in one run and reported as figures and ratios (never asserted as timings in tests).

    python tools/bench.py [--database-url URL] [--requests N]

Default database: a fresh SQLite file. For PostgreSQL pass a URL of an empty scratch database
(its schema is dropped and rebuilt).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from sqlalchemy import event, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partizipation.db import make_engine  # noqa: E402
from partizipation.migrations import upgrade  # noqa: E402
from tests.agreements.factories import create_agreement, municipal_agreement  # noqa: E402
from tests.conftest import make_test_app  # noqa: E402
from tests.council.factories import create_body, create_membership, create_person, create_term  # noqa: E402
from tests.facilitators.factories import create_facilitator, create_municipality  # noqa: E402
from tests.factories import TEST_PASSWORD, create_user  # noqa: E402
from tests.helpers import csrf_token  # noqa: E402
from tests.milestones.factories import add_history, add_step, create_milestone  # noqa: E402
from tests.news.bulk import add_comments, add_posts  # noqa: E402
from tests.news.factories import create_post  # noqa: E402

# (council members, facilitators, meetings, news posts); every meeting has 30 invitees, every
# post a comment.
SIZES = {"small": (10, 10, 10, 10), "large": (500, 400, 1000, 100_000)}
# Past meetings (20 agenda items, 30 invitees with attendance, approved minutes, three
# decisions each), at small and large data.
PAST = {"small": 10, "large": 2000}
FEED_TOKEN = "bench-feed-secret-0123456789abcdefghijklmnop"


def add_meetings(session, council, count: int) -> int:  # type: ignore[no-untyped-def]
    """`count` announced public meetings with 30 invitees each (one of them a member with a
    calendar feed), answers and support requests; returns the first meeting's id."""
    import uuid
    from datetime import timedelta

    from sqlalchemy import insert

    from partizipation import clock
    from partizipation.council.models import SupportConsent
    from partizipation.meetings.feeds import digest
    from partizipation.meetings.models import CalendarToken, Invitee, Meeting, SupportRequest
    from partizipation.people.models import Person
    from tests.meetings.factories import create_item, create_place

    member = create_user(session, email="member@example.org")
    persons = [Person(name=f"Eingeladen {n:02d}", email=f"e{n}@example.org",
                      user_id=member.id if n == 0 else None) for n in range(30)]
    session.add_all(persons)
    session.flush()
    consent = SupportConsent(person_id=persons[0].id, purpose="support_needs", text_version="b",
                             consent_text="b")
    session.add_all([consent, CalendarToken(user_id=member.id, token_hash=digest(FEED_TOKEN))])
    place = create_place(session, name="Kreishaus Unna")
    now = clock.now()
    ids = list(session.scalars(insert(Meeting).returning(Meeting.id), [
        {"uid": f"{uuid.uuid4()}@example.org", "title": f"Sitzung {i:04d}", "kind": "session",
         "body_id": council.id, "format": "in_person", "place_id": place.id,
         "status": "invited", "starts_at": now + timedelta(days=1 + i % 300, hours=i % 5),
         "ends_at": now + timedelta(days=1 + i % 300, hours=2 + i % 5)} for i in range(count)]))
    answers = ["attending", "not_attending", "open", "deputy_attends"]
    invitees = list(session.scalars(insert(Invitee).returning(Invitee.id), [
        {"meeting_id": m, "person_id": p.id, "answer": answers[n % 4]}
        for m in ids for n, p in enumerate(persons)]))
    session.execute(insert(SupportRequest), [
        {"invitee_id": i, "consent_id": consent.id, "kind": "sign_language"}
        for i in invitees[::3]])
    first = session.get(Meeting, ids[0])
    for title in ("Begrüßung", "Bericht", "Verschiedenes"):
        create_item(session, first, title=title)
    return ids[0]


def add_agreements(session, towns, count: int) -> int:  # type: ignore[no-untyped-def]
    """`count` agreements with milestones a–e, steps and history; every town's agreement."""
    for town in towns:
        municipal_agreement(session, town)
    first = None
    for number in range(count):
        agreement = create_agreement(session, f"Vereinbarung {number}", parties=["A", "B"])
        for code in "abcde":
            milestone = create_milestone(session, agreement, code)
            first = first or milestone.id
            for stage in ("draft", "consulted", "committee"):
                add_step(session, milestone, stage)
            add_history(session, milestone, 5)
    return first or 0


def build(url: str, members: int, facilitators: int, meetings: int, posts: int,  # type: ignore[no-untyped-def]
          past: int = 10):
    engine = make_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(connection=conn)
    engine.dispose()
    app = make_test_app(url)
    with app.app_context():
        session = app.extensions["db"].session
        officer = create_user(session, role="officer", email="officer@example.org")
        council = create_body(session, name="Inklusionsbeirat")
        term = create_term(session, council)
        for number in range(members):
            create_membership(session, term, create_person(session, listed=number % 3 != 0))
        towns = [create_municipality(session) for _ in range(10)]
        # Every town gets facilitators in every state, most of them active.
        statuses = ["active"] * 6 + ["confirmed", "proposed", "sent_back", "ended"]
        for number in range(facilitators):
            create_facilitator(session, towns[number % 10],
                               status=statuses[number // 10 % len(statuses)],
                               trained_on=date(2025, 3, 1) if number % 2 else None)
        meeting = add_meetings(session, council, meetings)
        from sqlalchemy import select

        from partizipation.meetings.models import Invitee
        from tests.decisions.bulk import add_past_meetings

        persons = list(session.scalars(select(Invitee.person_id).where(
            Invitee.meeting_id == meeting)))
        held = add_past_meetings(session, council.id, past, persons)[1]
        editor = create_user(session, role="editor", email="presse@example.org")
        post = create_post(session, editor, "published", tags=("Beirat",), slug="bench-beitrag")
        add_posts(session, editor.id, posts, commenter_id=officer.id)
        add_comments(session, post.id, officer.id, min(posts, 1000))
        milestone = add_agreements(session, towns, max(1, posts // 1000))
        session.commit()
        ids = {"body": council.id, "officer": officer.email, "meeting": meeting,
               "town": towns[0].id, "post": post.slug, "held": held, "milestone": milestone}
    return app, ids


def measure(app, ids, requests: int) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    client = app.test_client()
    page = client.get("/anmelden")
    client.post("/anmelden", data={"email": ids["officer"], "password": TEST_PASSWORD,
                                   "csrf_token": csrf_token(page)})
    engine = app.extensions["db"].engine
    pages = ["/", "/beirat", "/kommunen", f"/kommunen/{ids['town']}",
             f"/verwaltung/gremien/{ids['body']}", "/verwaltung/netzwerk",
             f"/verwaltung/kommunen/{ids['town']}", "/sitzungen", f"/sitzungen/{ids['meeting']}",
             f"/verwaltung/sitzungen/{ids['meeting']}/logistik", f"/kalender/{FEED_TOKEN}.ics",
             "/neuigkeiten", "/neuigkeiten?thema=Thema%201&seite=3", f"/neuigkeiten/{ids['post']}",
             "/neuigkeiten/moderation", "/neuigkeiten/feed.atom", "/sitzungen?zeit=vergangen",
             f"/sitzungen/{ids['held']}", "/beschluesse", "/verwaltung/beschluesse",
             "/verwaltung/sitzungsrhythmus", "/vereinbarungen", "/meilensteine",
             f"/meilensteine/{ids['milestone']}", "/mein-bereich",
             "/oparl/v1.1/body/1/meeting", "/oparl/v1.1/body/1/meeting?page=5",
             "/oparl/v1.1/body/1/agendaItem", "/oparl/v1.1/body/1/person",
             "/oparl/v1.1/body/1/membership", "/oparl/v1.1/body/1/file"]
    results: dict[str, dict[str, float]] = {}
    for url in pages:
        for _ in range(2):
            assert client.get(url).status_code == 200, url
        statements: list[str] = []

        def count(*args, _s=statements):  # type: ignore[no-untyped-def]
            _s.append(args[2])

        event.listen(engine, "before_cursor_execute", count)
        client.get(url)
        event.remove(engine, "before_cursor_execute", count)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        tracemalloc.start()
        client.get(url)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results[url] = {"median_ms": statistics.median(times),
                        "p95_ms": sorted(times)[int(0.95 * (len(times) - 1))],
                        "statements": len(statements), "peak_kib": peak / 1024}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size, (members, facilitators, meetings, posts) in SIZES.items():
            url = args.database_url or f"sqlite:///{tmp}/bench-{size}.sqlite"
            app, ids = build(url, members, facilitators, meetings, posts, PAST[size])
            figures[size] = measure(app, ids, args.requests)
            app.extensions["db"].engine.dispose()
    print(f"Pages at small {SIZES['small']} and large {SIZES['large']} data "
          f"(council members, facilitators, meetings with 30 invitees each, news posts); "
          f"{args.requests} requests each, one process.")
    header = (f"{'page':40} {'median ms':>17} {'ratio':>6} {'p95 ms':>15} {'SQL':>9} "
              f"{'peak KiB':>17}")
    print(header)
    print("-" * len(header))
    for url in figures["small"]:
        s, large = figures["small"][url], figures["large"][url]
        print(f"{url[:40]:40} {s['median_ms']:8.1f} {large['median_ms']:8.1f} "
              f"{large['median_ms'] / s['median_ms']:6.1f} "
              f"{s['p95_ms']:7.1f} {large['p95_ms']:7.1f} "
              f"{s['statements']:4.0f} {large['statements']:4.0f} "
              f"{s['peak_kib']:8.0f} {large['peak_kib']:8.0f}")
    from argon2 import PasswordHasher

    hasher = PasswordHasher()
    start = time.perf_counter()
    stored = hasher.hash("a long secret password")
    hasher.verify(stored, "a long secret password")
    elapsed_ms = (time.perf_counter() - start) * 1000
    print(f"\nargon2id hash + verify at production cost: {elapsed_ms:.0f} ms")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max resident memory of this process: {max_rss:.0f} MiB")


if __name__ == "__main__":
    main()
