"""Meetings and decisions as link targets of other domains: only public rows are offered and
resolved; `cited_by` gathers what other domains' links.py report."""

from __future__ import annotations

from sqlalchemy import select

from partizipation import links
from partizipation.decisions import links as decision_links
from partizipation.meetings import links as meeting_links
from partizipation.milestones.models import Milestone
from tests.conftest import login
from tests.helpers import page_text

from .factories import create_decision, held_meeting


def test_only_public_meetings_and_decisions_resolve(app, db_session, cast):
    held = held_meeting(db_session, cast)
    hidden_meeting = held_meeting(db_session, cast, is_public=False)
    public = create_decision(db_session, held, text="Öffentlich")
    secret = create_decision(db_session, held, item=held.secret_item, text="Geheim")
    with app.test_request_context():
        found = links.describe(db_session, [("meeting", held.meeting.id),
                                            ("meeting", hidden_meeting.meeting.id),
                                            ("decision", public.id), ("decision", secret.id),
                                            ("decision", 99999)])
        assert set(found) == {("meeting", held.meeting.id), ("decision", public.id)}
        assert found[("decision", public.id)]["url"] == f"/beschluesse/{public.id}"
        assert [i for i, _t in decision_links.choices(db_session)] == [public.id]
        assert hidden_meeting.meeting.id not in dict(meeting_links.choices(db_session))


def test_cited_by_shows_what_links_to_a_decision(app, db_session, cast, monkeypatch):
    held = held_meeting(db_session, cast)
    decision = create_decision(db_session, held, text="Beleg")
    db_session.commit()

    def citing(session, kind, ident):
        if (kind, ident) == ("decision", decision.id):
            return [("Meilenstein", "Rampe am Kreishaus", "/meilensteine/1")]
        return []

    import partizipation.meetings.links as provider

    monkeypatch.setattr(provider, "citing", citing, raising=False)
    assert links.cited_by(db_session, "decision", decision.id) == [
        {"label": "Meilenstein", "title": "Rampe am Kreishaus", "url": "/meilensteine/1"}]
    client = app.test_client()
    login(client, "officer@example.org")
    text = page_text(client.get(f"/beschluesse/{decision.id}"))
    assert "Meilenstein: Rampe am Kreishaus" in text


def test_cited_by_asks_every_domain_in_one_statement(app, db_session, cast):
    from datetime import timedelta

    from partizipation.db import utcnow
    from partizipation.milestones.models import Evidence
    from partizipation.news.models import PostLink
    from tests.helpers import count_statements
    from tests.milestones.factories import create_milestone
    from tests.news.factories import create_post

    held = held_meeting(db_session, cast)
    decision = create_decision(db_session, held, text="Beleg")
    editor = cast.users["editor"]
    for title, status, days in (("Ältere Nachricht", "published", 3),
                                ("Neuere Nachricht", "published", 1),
                                ("Entwurf", "draft", 0)):
        post = create_post(db_session, editor, status, title=title,
                           published_at=utcnow() - timedelta(days=days))
        db_session.add(PostLink(post_id=post.id, kind="decision", target_id=decision.id))
    for code, title in (("c", "Rampe"), ("a", "Aufzug")):
        milestone = create_milestone(db_session, code=code, title=title)
        db_session.add(Evidence(milestone_id=milestone.id, kind="decision",
                                target_id=decision.id))
    db_session.flush()
    with app.test_request_context(), count_statements(db_session.get_bind()) as statements:
        found = links.cited_by(db_session, "decision", decision.id)
    assert [(row["label"], row["title"]) for row in found] == [
        ("Beitrag", "Neuere Nachricht"), ("Beitrag", "Ältere Nachricht"),
        ("Meilenstein", "a) Aufzug"), ("Meilenstein", "c) Rampe")]
    assert found[0]["url"].startswith("/neuigkeiten/")
    assert found[2]["url"] == "/meilensteine/" + str(
        db_session.scalar(select(Milestone.id).where(Milestone.code == "a")))
    assert len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 1
