"""The archive, a past meeting page, the decision lists and the officer's /mein-bereich run a
constant number of SQL statements: at 10 and at 2,000 past meetings with 20 agenda items and 30
invitees each (attendance, minutes and three decisions per meeting)."""

from __future__ import annotations

from partizipation.people.models import Person
from tests.conftest import login
from tests.helpers import count_statements

from .bulk import INVITEES, add_past_meetings


def statements(client, engine, url: str) -> int:
    assert client.get(url).status_code == 200, url  # warm-up
    with count_statements(engine) as seen:
        response = client.get(url)
    assert response.status_code == 200
    return len([s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))])


def test_constant_statements_at_10_and_2000_meetings(app, db_session, engine, cast):
    cast.council.min_meetings_per_year = 4
    persons = [cast.persons["invited"].id]
    for n in range(INVITEES - 1):
        person = Person(name=f"Mitglied {n:02d}", email=f"m{n}@example.org")
        db_session.add(person)
        db_session.flush()
        persons.append(person.id)
    first = add_past_meetings(db_session, cast.council.id, 10, persons)[1]
    db_session.commit()
    visitor, member, officer = app.test_client(), app.test_client(), app.test_client()
    login(member, "invited@example.org")
    login(officer, "officer@example.org")
    urls = [(visitor, "/sitzungen?zeit=vergangen"), (member, "/sitzungen?zeit=vergangen"),
            (visitor, f"/sitzungen/{first}"), (member, f"/sitzungen/{first}"),
            (visitor, "/beschluesse"), (member, "/beschluesse?status=approved"),
            (officer, "/verwaltung/beschluesse"), (officer, "/verwaltung/beschluesse?show=overdue"),
            (officer, "/mein-bereich"), (officer, "/verwaltung/sitzungsrhythmus")]
    small = [statements(c, engine, url) for c, url in urls]
    add_past_meetings(db_session, cast.council.id, 1990, persons, offset=10)
    db_session.commit()
    large = [statements(c, engine, url) for c, url in urls]
    assert dict(zip([u for _c, u in urls], large, strict=True)) == dict(
        zip([u for _c, u in urls], small, strict=True))
    # A list's rows and their total in one statement; a held meeting's page loads the meeting
    # with its agenda, the minutes texts and the record in one, and what cites it in one.
    assert small == [3, 4, 4, 7, 1, 2, 3, 3, 2, 2], small


def test_upcoming_meetings_change_neither_the_lists_nor_their_statements(app, db_session, engine,
                                                                         cast):
    """The decision list and the archive start at today: 300 announced meetings to come (which
    have no decisions and have not ended) leave what they show and how they ask for it alone."""
    from datetime import timedelta

    from sqlalchemy import insert

    from partizipation import clock
    from partizipation.meetings.models import Meeting
    from tests.helpers import page_text

    add_past_meetings(db_session, cast.council.id, 30, [cast.persons["invited"].id])
    db_session.commit()
    visitor, officer = app.test_client(), app.test_client()
    login(officer, "officer@example.org")
    urls = [(visitor, "/beschluesse"), (visitor, "/beschluesse?seite=2"),
            (visitor, "/sitzungen?zeit=vergangen"), (officer, "/verwaltung/beschluesse")]

    def seen() -> list[tuple[int, str]]:
        return [(statements(c, engine, url), page_text(c.get(url))) for c, url in urls]

    before = seen()
    now = clock.now()
    db_session.execute(insert(Meeting), [
        {"uid": f"kommend-{i}@example.org", "title": f"Kommende Sitzung {i}",
         "body_id": cast.council.id, "kind": "session", "format": "online", "status": "invited",
         "is_public": True, "starts_at": now + timedelta(hours=1 + i),
         "ends_at": now + timedelta(hours=3 + i)} for i in range(300)])
    db_session.commit()
    after = seen()
    assert after == before
    assert "Beschluss" in before[0][1] and "Sitzung 0001" in before[2][1]
