"""Issue 12.9: consent once (asked again only when the consent text changes); withdrawing
consent, asking for deletion and ending a facilitator ask for confirmation first, on a page that
works without JavaScript."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from partizipation.council.models import SupportConsent, SupportNeed
from partizipation.facilitators.models import Facilitator
from partizipation.people.models import DeletionRequest
from tests.conftest import login
from tests.council.conftest import post
from tests.facilitators.factories import create_facilitator
from tests.helpers import page_text

NEEDS = "/mein-bereich/unterstuetzung"


def _needs(db_session):
    db_session.expire_all()
    return db_session.scalar(select(func.count()).select_from(SupportNeed))


def test_a_member_changes_needs_without_consenting_again(client, db_session, member):
    login(client, member.email)
    assert post(client, NEEDS, {"needs": ["braille"], "consent": "y"}).status_code == 302
    page = client.get(NEEDS)
    assert 'name="consent"' not in page.get_data(as_text=True)
    response = post(client, NEEDS, {"needs": ["braille", "quiet_room"]})
    assert response.status_code == 302
    assert _needs(db_session) == 2


def test_consent_is_asked_again_when_the_text_changed(client, db_session, member):
    login(client, member.email)
    post(client, NEEDS, {"needs": ["braille"], "consent": "y"})
    db_session.execute(SupportConsent.__table__.update().values(text_version="older-text"))
    db_session.flush()
    page = client.get(NEEDS)
    assert 'name="consent"' in page.get_data(as_text=True)
    response = post(client, NEEDS, {"needs": ["quiet_room"]})
    assert response.status_code == 200
    assert 'id="consent-error"' in response.get_data(as_text=True)


def test_withdrawing_asks_for_confirmation_first(client, db_session, member):
    login(client, member.email)
    post(client, NEEDS, {"needs": ["braille"], "consent": "y"})
    url = "/mein-bereich/unterstuetzung/widerrufen"
    assert f'href="{url}"' in client.get(NEEDS).get_data(as_text=True)
    # The old one-click POST only leads to the question.
    response = post(client, url, {}, page=NEEDS)
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    assert _needs(db_session) == 1
    page = client.get(url)
    assert page.status_code == 200
    assert "gelöscht" in page_text(page)
    response = post(client, url, {"confirmed": "yes"})
    assert response.status_code == 302
    assert _needs(db_session) == 0


def test_asking_for_deletion_asks_for_confirmation_first(client, db_session, member):
    login(client, member.email)
    url = "/mein-bereich/meine-daten/loeschen"
    assert f'href="{url}"' in client.get("/mein-bereich/meine-daten").get_data(as_text=True)
    post(client, url, {}, page="/mein-bereich/meine-daten")
    assert db_session.scalar(select(func.count()).select_from(DeletionRequest)) == 0
    assert client.get(url).status_code == 200
    assert post(client, url, {"confirmed": "yes"}).status_code == 302
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(DeletionRequest)) == 1


def test_ending_a_facilitator_asks_for_confirmation_first(client, db_session, cast):
    active = create_facilitator(db_session, cast.bergkamen, "active", started_on=date(2025, 3, 1))
    login(client, cast.user("contact_here").email)
    url = f"/verwaltung/begleitung/{active.id}/beenden"
    response = post(client, url, {"ended_on": "30.06.2025", "reason": "Umzug"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'name="confirmed"' in html and "Umzug" in page_text(response)
    db_session.expire_all()
    assert db_session.get(Facilitator, active.id).status == "active"
    response = post(client, url, {"ended_on": "30.06.2025", "reason": "Umzug",
                                  "confirmed": "yes"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Facilitator, active.id).status == "ended"
