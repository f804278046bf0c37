"""Meetings and decisions as link targets of other domains: only public rows are offered and
resolved; `cited_by` gathers what other domains' links.py report."""

from __future__ import annotations

from partizipation import links
from partizipation.decisions import links as decision_links
from partizipation.meetings import links as meeting_links
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
