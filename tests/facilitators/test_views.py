"""The pages as a user meets them: each state, each refusal, in German and English."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from partizipation.facilitators.models import Facilitator, FacilitatorEvent
from partizipation.mail.models import OutboxMessage
from partizipation.municipalities.models import MunicipalityContact
from tests.helpers import csrf_token, page_text
from tests.municipalities.helpers import post, sign_in

from .factories import create_facilitator

VALID = {
    "name": "Alma Beispiel (erfunden)", "email": "alma@example.org", "phone": "",
    "form_of_address": "Frau", "listing_consent": "y", "employment_model": "volunteer",
    "association_name": "", "weekly_hours": "8,5", "started_on": "01.04.2026",
    "trained_on": "", "training_provider": "",
}


def count(db_session, model, *where):
    db_session.expire_all()
    return len(db_session.scalars(select(model).where(*where)).all())


# ---------------------------------------------------------------- public directory


@pytest.mark.parametrize(("lang", "heading"), [
    ("de", "Kommunen und ihre Partizipationsbegleiter*innen"),
    ("en", "Municipalities and their participation facilitators"),
])
def test_directory_lists_listed_facilitators_without_addresses(client, db_session, cast, lang,
                                                               heading):
    create_facilitator(db_session, cast.kamen, "proposed", name="Pia Vorschlag")
    create_facilitator(db_session, cast.kamen, "active", name="Uli Ungelistet", listed=False)
    client.get(f"/sprache/{lang}")
    response = client.get("/kommunen")
    html, text = response.get_data(as_text=True), page_text(response)
    assert response.status_code == 200 and html.count("<h1") == 1
    assert heading in text
    assert "Bergkamen" in text and "Kamen" in text
    # The directory counts; each municipality's own page lists its facilitators.
    assert f'href="/kommunen/{cast.bergkamen.id}"' in html
    response = client.get(f"/kommunen/{cast.bergkamen.id}")
    html, text = response.get_data(as_text=True), page_text(response)
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "Fenja Begleitung (erfunden)" in text
    assert cast.own_facilitator.person.email not in html
    assert f"/kommunen/begleitung/{cast.own_facilitator.id}/kontakt" in html
    text = page_text(client.get(f"/kommunen/{cast.kamen.id}"))
    assert "Pia Vorschlag" not in text and "Uli Ungelistet" not in text


def test_contact_form_relays_the_message_and_confirms(client, db_session, cast):
    url = f"/kommunen/begleitung/{cast.own_facilitator.id}/kontakt"
    page = client.get(url)
    assert page.status_code == 200
    assert cast.own_facilitator.person.email not in page.get_data(as_text=True)
    response = post(client, url, {"sender_name": "Paula Public",
                                  "sender_email": "paula@example.org",
                                  "message": "Wann ist die nächste Sprechstunde?"})
    assert response.status_code == 302
    sent = client.get(response.headers["Location"])
    assert "Ihre Nachricht an Fenja Begleitung (erfunden) ist unterwegs" in page_text(sent)
    row = db_session.scalars(select(OutboxMessage)).one()
    assert row.to_address == cast.own_facilitator.person.email
    assert row.reply_to == "paula@example.org"
    assert "nächste Sprechstunde" in row.body_text


def test_contact_form_errors_at_the_field_and_in_the_summary(client, db_session, cast):
    url = f"/kommunen/begleitung/{cast.own_facilitator.id}/kontakt"
    response = post(client, url, {"sender_name": "Paula", "sender_email": "kaputt",
                                  "message": "   "})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<title>Fehler:" in html
    assert 'href="#message"' in html and 'href="#sender_email"' in html
    assert 'id="message-error"' in html and 'aria-invalid="true"' in html
    assert 'value="Paula"' in html  # input kept
    assert "Schreiben Sie Ihre Nachricht." in page_text(response)
    assert count(db_session, OutboxMessage) == 0


@pytest.mark.parametrize(("status", "listed", "email"), [
    ("proposed", True, ""), ("active", False, ""), ("ended", True, ""), ("active", True, None),
])
def test_contact_form_is_404_for_facilitators_not_listed(client, db_session, cast, status,
                                                         listed, email):
    hidden = create_facilitator(db_session, cast.kamen, status, listed=listed, email=email)
    assert client.get(f"/kommunen/begleitung/{hidden.id}/kontakt").status_code == 404
    assert client.get("/kommunen/begleitung/999999/kontakt").status_code == 404


class TestRateLimit:
    @pytest.fixture()
    def app_config(self):
        return {"CONTACT_LIMIT": "2 per hour"}

    def test_flooding_is_stopped_with_a_clear_message_and_the_text_kept(self, client, db_session,
                                                                        cast):
        url = f"/kommunen/begleitung/{cast.own_facilitator.id}/kontakt"
        message = {"sender_name": "Fritz Flut", "sender_email": "flut@example.org",
                   "message": "Noch eine Nachricht"}
        # Mistakes do not count against the limit; sent messages do.
        assert post(client, url, {**message, "message": ""}).status_code == 200
        for _ in range(2):
            assert post(client, url, message).status_code == 302
        response = post(client, url, message)
        assert response.status_code == 429
        text, html = page_text(response), response.get_data(as_text=True)
        assert "in kurzer Zeit mehrere Nachrichten" in text
        assert "Noch eine Nachricht" in html and 'value="Fritz Flut"' in html
        assert count(db_session, OutboxMessage) == 2


# ---------------------------------------------------------------- the municipality's contact


def test_management_pages_need_sign_in(client, cast):
    response = client.get(f"/verwaltung/kommunen/{cast.bergkamen.id}")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_contact_sees_own_municipality_and_nothing_of_kamen(client, db_session, cast):
    kamen_one = create_facilitator(db_session, cast.kamen, "proposed")
    sign_in(client, cast, "contact_here")
    assert client.get(f"/verwaltung/kommunen/{cast.bergkamen.id}").status_code == 200
    kamen = cast.kamen.id
    for url in (f"/verwaltung/kommunen/{kamen}", f"/verwaltung/kommunen/{kamen}/begleitung/neu",
                f"/verwaltung/begleitung/{kamen_one.id}",
                f"/verwaltung/begleitung/{kamen_one.id}/bearbeiten",
                f"/verwaltung/begleitung/{kamen_one.id}/beenden",
                f"/verwaltung/kommunen/{kamen}/bearbeiten", "/verwaltung/netzwerk"):
        assert client.get(url).status_code == 403, url
    token = csrf_token(client.get(f"/verwaltung/kommunen/{cast.bergkamen.id}/begleitung/neu"))
    response = client.post(f"/verwaltung/kommunen/{kamen}/begleitung/neu",
                           data={**VALID, "csrf_token": token})
    assert response.status_code == 403
    response = client.post(f"/verwaltung/begleitung/{kamen_one.id}/aktivieren",
                           data={"csrf_token": token})
    assert response.status_code == 403
    assert count(db_session, Facilitator, Facilitator.municipality_id == kamen) == 1
    assert client.get("/verwaltung/kommunen/999999").status_code == 404
    assert client.get("/verwaltung/begleitung/999999").status_code == 404


def test_contact_registers_a_volunteer_and_one_at_an_association(client, db_session, cast):
    sign_in(client, cast, "contact_here")
    url = f"/verwaltung/kommunen/{cast.bergkamen.id}/begleitung/neu"
    # A changed (extra) municipality field is ignored: the URL's municipality is checked.
    response = post(client, url, {**VALID, "municipality_id": str(cast.kamen.id)})
    assert response.status_code == 302
    response = post(client, url, {**VALID, "name": "Vera Verein", "email": "vera@example.org",
                                  "employment_model": "association",
                                  "association_name": "Selbsthilfe Bergkamen e.V."})
    assert response.status_code == 302
    db_session.expire_all()
    rows = db_session.scalars(select(Facilitator).where(
        Facilitator.municipality_id == cast.bergkamen.id, Facilitator.status == "proposed")).all()
    assert {(f.person.name, f.employment_model, f.association_name, f.weekly_hours)
            for f in rows} == {("Alma Beispiel (erfunden)", "volunteer", "", 8.5),
                               ("Vera Verein", "association", "Selbsthilfe Bergkamen e.V.", 8.5)}
    assert count(db_session, Facilitator, Facilitator.municipality_id == cast.kamen.id) == 0
    detail = client.get(response.headers["Location"])
    assert "Vorgeschlagen, wartet auf Bestätigung" in page_text(detail)
    assert "Bestätigen" not in page_text(detail)  # only the officer confirms


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"employment_model": "association"}, "association_name",
     "Geben Sie den Namen des Vereins an"),
    ({"trained_on": "01.01.2099", "training_provider": "iZi"}, "trained_on",
     "Das Schulungsdatum kann nicht in der Zukunft liegen"),
    ({"started_on": "31.02.2026"}, "started_on", "Geben Sie ein gültiges Datum"),
    ({"started_on": ""}, "started_on", "Geben Sie das Datum an, an dem"),
    ({"email": "fenja", "name": ""}, "name", "Geben Sie den Namen"),
    ({"weekly_hours": "viel"}, "weekly_hours", "als Zahl"),
    ({"employment_model": ""}, "employment_model", "Wählen Sie"),
])
def test_registration_errors_are_specific_and_keep_the_input(client, db_session, cast, change,
                                                             field, message):
    sign_in(client, cast, "contact_here")
    url = f"/verwaltung/kommunen/{cast.bergkamen.id}/begleitung/neu"
    response = post(client, url, {**VALID, **change})
    html, text = response.get_data(as_text=True), page_text(response)
    assert response.status_code == 200
    assert message in text
    target = f"{field}-0" if field == "employment_model" else field
    assert f'href="#{target}"' in html and f'id="{field}-error"' in html
    assert 'value="Frau"' in html
    assert count(db_session, Facilitator, Facilitator.municipality_id == cast.bergkamen.id) == 1


def test_registering_the_same_person_twice_is_refused_at_the_email_field(client, db_session,
                                                                         cast):
    sign_in(client, cast, "contact_here")
    url = f"/verwaltung/kommunen/{cast.bergkamen.id}/begleitung/neu"
    response = post(client, url, {**VALID, "email": cast.own_facilitator.person.email.upper()})
    assert response.status_code == 200
    assert "bereits als Partizipationsbegleitung von Bergkamen" in page_text(response)
    assert 'id="email-error"' in response.get_data(as_text=True)


# ---------------------------------------------------------------- the officer decides


def test_officer_confirms_one_and_sends_back_the_other(client, db_session, cast):
    first = create_facilitator(db_session, cast.bergkamen, "proposed", name="Erste")
    second = create_facilitator(db_session, cast.bergkamen, "proposed", name="Zweite")
    sign_in(client, cast, "officer")
    detail = f"/verwaltung/begleitung/{first.id}"
    assert post(client, f"{detail}/bestaetigen", {}, token_from=detail).status_code == 302
    send_back = f"/verwaltung/begleitung/{second.id}/zuruecksenden"
    empty = post(client, send_back, {"reason": ""})
    assert empty.status_code == 200 and 'id="reason-error"' in empty.get_data(as_text=True)
    assert post(client, send_back, {"reason": "Bitte die Schulung nachtragen."}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Facilitator, first.id).status == "confirmed"
    assert db_session.get(Facilitator, second.id).status == "sent_back"
    # The confirmed one is public now.
    assert "Erste" in page_text(client.get(f"/kommunen/{cast.bergkamen.id}"))
    history = page_text(client.get(detail))
    assert "Von der Inklusionsbeauftragten bestätigt" in history

    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    sign_in(client, cast, "contact_here")
    overview = page_text(client.get(f"/verwaltung/kommunen/{cast.bergkamen.id}"))
    assert "Bitte die Schulung nachtragen." in overview
    edit = f"/verwaltung/begleitung/{second.id}/bearbeiten"
    assert "Bitte die Schulung nachtragen." in page_text(client.get(edit))
    response = post(client, edit, {**VALID, "name": "Zweite", "email": "zweite@example.org",
                                   "trained_on": "01.02.2025", "training_provider": "iZi.NRW"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Facilitator, second.id).status == "proposed"


def test_contact_cannot_confirm(client, db_session, cast):
    proposed = create_facilitator(db_session, cast.bergkamen, "proposed")
    sign_in(client, cast, "contact_here")
    url = f"/verwaltung/begleitung/{proposed.id}"
    assert post(client, f"{url}/bestaetigen", {}, token_from=url).status_code == 403
    assert client.get(f"{url}/zuruecksenden").status_code == 403


def test_end_before_start_is_refused_then_ending_works(client, db_session, cast):
    active = create_facilitator(db_session, cast.bergkamen, "active",
                                started_on=date(2025, 3, 1))
    sign_in(client, cast, "contact_here")
    url = f"/verwaltung/begleitung/{active.id}/beenden"
    response = post(client, url, {"ended_on": "28.02.2025", "reason": "Umzug"})
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn" in page_text(response)
    assert 'value="28.02.2025"' in response.get_data(as_text=True)
    assert post(client, url, {"ended_on": "30.06.2025", "reason": "Umzug",
                              "confirmed": "yes"}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Facilitator, active.id).status == "ended"
    assert client.get(f"/verwaltung/begleitung/{active.id}/bearbeiten").status_code == 403


def test_officer_registers_directly_as_confirmed(client, db_session, cast):
    sign_in(client, cast, "officer")
    url = f"/verwaltung/kommunen/{cast.kamen.id}/begleitung/neu"
    assert post(client, url, VALID).status_code == 302
    row = db_session.scalars(select(Facilitator).where(
        Facilitator.municipality_id == cast.kamen.id)).one()
    assert row.status == "confirmed"


# ---------------------------------------------------------------- network overview


@pytest.mark.parametrize("lang", ["de", "en"])
def test_network_overview_lists_municipalities_without_active_facilitator(client, db_session,
                                                                          cast, lang):
    create_facilitator(db_session, cast.kamen, "proposed", name="Wartende Person")
    sign_in(client, cast, "officer")
    client.get(f"/sprache/{lang}")
    response = client.get("/verwaltung/netzwerk")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    section = html.split('id="without-active"')[1]
    assert "Kamen" in section and "Bergkamen" not in section
    assert "Wartende Person" in page_text(response)


@pytest.mark.parametrize("role", ["member", "editor", "facilitator", "contact_here"])
def test_network_pages_are_for_the_officer_only(client, cast, role):
    sign_in(client, cast, role)
    for url in ("/verwaltung/netzwerk", "/verwaltung/netzwerk.csv",
                "/verwaltung/netzwerk/email", "/verwaltung/kommunen/neu"):
        assert client.get(url).status_code == 403, url


def test_csv_export_opens_in_german_excel(client, db_session, cast):
    create_facilitator(db_session, cast.kamen, "active", name="=HYPERLINK(1)", weekly_hours=19.5)
    sign_in(client, cast, "officer")
    response = client.get("/verwaltung/netzwerk.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Kommune", "AGS"]
    kamen = [r for r in rows if r[0] == "Kamen"]
    assert kamen[0][4] == "'=HYPERLINK(1)" and kamen[0][8] == "19,5"
    assert len({len(r) for r in rows}) == 1


def test_group_mail_form(client, db_session, cast):
    sign_in(client, cast, "officer")
    url = "/verwaltung/netzwerk/email"
    empty = post(client, url, {"title": "", "message": ""})
    assert empty.status_code == 200 and "Geben Sie einen Betreff ein." in page_text(empty)
    response = post(client, url, {"title": "Arbeitstreffen", "message": "Am 3.3. in Unna",
                                  "municipalities": str(cast.bergkamen.id)})
    assert response.status_code == 302
    rows = db_session.scalars(select(OutboxMessage)).all()
    assert [r.to_address for r in rows] == [cast.own_facilitator.person.email]
    assert "Am 3.3. in Unna" in rows[0].body_text
    none_there = post(client, url, {"title": "x", "message": "y",
                                    "municipalities": str(cast.kamen.id)})
    assert "Keine aktive Partizipationsbegleitung" in page_text(none_there)


# ---------------------------------------------------------------- municipalities and contacts


def test_officer_invites_a_contact(client, db_session, cast):
    sign_in(client, cast, "officer")
    url = f"/verwaltung/kommunen/{cast.kamen.id}/kontakt-einladen"
    bad = post(client, url, {"display_name": "Nina", "email": "nina", "locale": "de"})
    assert bad.status_code == 200 and 'id="email-error"' in bad.get_data(as_text=True)
    response = post(client, url, {"display_name": "Nina Neu", "email": "nina@example.org",
                                  "locale": "de"})
    assert response.status_code == 302
    contacts = db_session.scalars(select(MunicipalityContact).where(
        MunicipalityContact.municipality_id == cast.kamen.id)).all()
    assert {c.user.email for c in contacts} == {"contact.kamen@example.org", "nina@example.org"}
    assert db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "nina@example.org")).one()
    page = page_text(client.get(f"/verwaltung/kommunen/{cast.kamen.id}"))
    assert "Nina Neu" in page and "Einladung noch nicht angenommen" in page


def test_officer_ends_a_contact_role(client, db_session, cast):
    row = db_session.scalars(select(MunicipalityContact).where(
        MunicipalityContact.municipality_id == cast.kamen.id)).one()
    sign_in(client, cast, "officer")
    page = f"/verwaltung/kommunen/{cast.kamen.id}"
    response = post(client, f"/verwaltung/kommunen/kontakte/{row.id}/beenden", {},
                    token_from=page)
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(MunicipalityContact, row.id).ended_at is not None


# ---------------------------------------------------------------- my area


def test_my_area_entry_points(client, cast):
    sign_in(client, cast, "facilitator")
    text = page_text(client.get("/mein-bereich"))
    assert "Meine Arbeit als Partizipationsbegleitung" in text and "Bergkamen" in text
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    sign_in(client, cast, "contact_here")
    html = client.get("/mein-bereich").get_data(as_text=True)
    assert f"/verwaltung/kommunen/{cast.bergkamen.id}" in html
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    sign_in(client, cast, "officer")
    assert "/verwaltung/netzwerk" in client.get("/mein-bereich").get_data(as_text=True)


def test_facilitator_corrects_own_data(client, db_session, cast):
    url = f"/mein-bereich/begleitung/{cast.own_facilitator.id}"
    sign_in(client, cast, "contact_other")
    assert client.get(url).status_code == 403
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    sign_in(client, cast, "facilitator")
    assert client.get(url).status_code == 200
    bad = post(client, url, {"name": "Fenja B.", "email": "fenja@example.org",
                             "trained_on": "01.01.2099", "training_provider": "iZi"})
    assert bad.status_code == 200 and "in der Zukunft" in page_text(bad)
    good = post(client, url, {"name": "Fenja B.", "email": "fenja@example.org",
                              "trained_on": "01.02.2025", "training_provider": "iZi.NRW"})
    assert good.status_code == 302
    db_session.expire_all()
    f = db_session.get(Facilitator, cast.own_facilitator.id)
    assert (f.person.name, f.person.email, f.trained_on, f.person.is_listed) == (
        "Fenja B.", "fenja@example.org", date(2025, 2, 1), False)
    assert f.events[-1].action == "edited"


def test_officer_gives_a_facilitator_access_and_they_see_their_area(client, db_session, cast):
    f = create_facilitator(db_session, cast.kamen, "confirmed", email="kim@example.org",
                           name="Kim Konto")
    sign_in(client, cast, "contact_other")
    detail = f"/verwaltung/begleitung/{f.id}"
    assert "Zugang zur Plattform geben" not in page_text(client.get(detail))
    assert post(client, f"{detail}/einladen", {}, token_from=detail).status_code == 403
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    sign_in(client, cast, "officer")
    assert "Zugang zur Plattform geben" in page_text(client.get(detail))
    assert post(client, f"{detail}/einladen", {}, token_from=detail).status_code == 302
    db_session.expire_all()
    assert db_session.get(Facilitator, f.id).person.user.email == "kim@example.org"
    assert "Hat Zugang zur Plattform." in page_text(client.get(detail))


# ---------------------------------------------------------------- two people at once


def _version(response):
    import re

    html = response.get_data(as_text=True)
    match = re.search(r'name="version" type="hidden" value="(\d+)"', html)
    assert match, "no version field in the form"
    return match.group(1)


def test_a_decision_made_meanwhile_is_told_and_nothing_is_sent(client, db_session, cast):
    proposed = create_facilitator(db_session, cast.bergkamen, "proposed", name="Spät Entschieden")
    sign_in(client, cast, "officer")
    detail = f"/verwaltung/begleitung/{proposed.id}"
    send_back = f"{detail}/zuruecksenden"
    token = csrf_token(client.get(send_back))
    # Another officer confirms while this one writes the reason.
    proposed.status = "confirmed"
    db_session.flush()
    response = client.post(send_back, data={"reason": "Bitte Stunden angeben.",
                                            "csrf_token": token})
    assert response.status_code == 200
    text, html = page_text(response), response.get_data(as_text=True)
    assert "nicht möglich" in text and "Bestätigt" in text
    assert "Bitte Stunden angeben." in html  # the reason is kept
    response = client.post(f"{detail}/bestaetigen", data={"csrf_token": token})
    assert response.status_code == 302
    assert "nicht möglich" in page_text(client.get(detail))
    assert count(db_session, OutboxMessage) == 0
    assert count(db_session, FacilitatorEvent, FacilitatorEvent.facilitator_id == proposed.id,
                 FacilitatorEvent.action.in_(["confirmed", "sent_back"])) == 0
    # Opening the form again says what happened instead of offering a decision.
    response = client.get(send_back)
    assert response.status_code == 302
    assert "inzwischen" in page_text(client.get(response.headers["Location"]))


def test_a_change_saved_meanwhile_is_shown_not_overwritten(client, db_session, cast):
    item = create_facilitator(db_session, cast.bergkamen, "active", name="Alma Alt",
                              email="alma@example.org")
    sign_in(client, cast, "officer")
    url = f"/verwaltung/begleitung/{item.id}/bearbeiten"
    form = client.get(url)
    loaded = _version(form)
    # A contact of Bergkamen saves a change while the officer edits.
    item.person.name = "Alma Neu"
    item.weekly_hours = 12
    db_session.flush()
    mine = {**VALID, "name": "Alma Mein", "version": loaded, "csrf_token": csrf_token(form)}
    response = client.post(url, data=mine)
    assert response.status_code == 200
    text, html = page_text(response), response.get_data(as_text=True)
    assert "Jemand anderes hat hier Änderungen gespeichert" in text
    assert "Jetzt gespeichert in „Name“: Alma Neu" in text
    assert "Jetzt gespeichert in „Stunden pro Woche (freiwillig)“: 12" in text
    assert 'value="Alma Mein"' in html  # the input is kept
    db_session.expire_all()
    assert db_session.get(Facilitator, item.id).person.name == "Alma Neu"  # nothing overwritten
    # Having read what changed, the officer saves again: now it is saved.
    again = client.post(url, data={**mine, "version": _version(response)})
    assert again.status_code == 302
    db_session.expire_all()
    assert db_session.get(Facilitator, item.id).person.name == "Alma Mein"


def test_own_data_saved_meanwhile_by_the_officer_is_shown(client, db_session, cast):
    url = f"/mein-bereich/begleitung/{cast.own_facilitator.id}"
    sign_in(client, cast, "facilitator")
    form = client.get(url)
    cast.own_facilitator.trained_on = date(2025, 2, 1)
    cast.own_facilitator.training_provider = "iZi.NRW"
    db_session.flush()
    response = client.post(url, data={"name": "Fenja B.", "email": "fenja@example.org",
                                      "trained_on": "", "training_provider": "",
                                      "version": _version(form), "csrf_token": csrf_token(form)})
    assert response.status_code == 200
    assert "Jetzt gespeichert in „Schulungsanbieter (freiwillig)“: iZi.NRW" in page_text(
        response)
    db_session.expire_all()
    assert db_session.get(Facilitator, cast.own_facilitator.id).training_provider == "iZi.NRW"


def test_a_state_change_meanwhile_is_no_conflict_but_an_end_stops_the_edit(client, db_session,
                                                                          cast):
    from partizipation.facilitators import services as facilitator_services

    item = create_facilitator(db_session, cast.bergkamen, "confirmed", name="Alma Alt",
                              email="alma@example.org")
    sign_in(client, cast, "officer")
    url = f"/verwaltung/begleitung/{item.id}/bearbeiten"
    form = client.get(url)
    mine = {**VALID, "name": "Alma Mein", "version": _version(form),
            "csrf_token": csrf_token(form)}
    with client.application.test_request_context():
        facilitator_services.activate_facilitator(db_session, item, actor=cast.user("officer"))
    assert client.post(url, data=mine).status_code == 302  # the state is no field of the form
    db_session.expire_all()
    saved = db_session.get(Facilitator, item.id)
    assert (saved.status, saved.person.name) == ("active", "Alma Mein")
    form = client.get(url)
    mine = {**mine, "name": "Alma Später", "version": _version(form),
            "csrf_token": csrf_token(form)}
    with client.application.test_request_context():
        facilitator_services.end_facilitator(db_session, saved, ended_on=date(2026, 5, 1),
                                             reason="Umzug", actor=cast.user("officer"))
    response = client.post(url, data=mine)
    assert response.status_code == 200
    assert "kann nicht mehr geändert werden" in page_text(response)
    db_session.expire_all()
    assert db_session.get(Facilitator, item.id).person.name == "Alma Mein"


def test_the_officers_area_counts_the_registrations_waiting(client, db_session, cast):
    sign_in(client, cast, "officer")
    for existing in db_session.scalars(select(Facilitator).where(Facilitator.status == "proposed")):
        existing.status = "confirmed"
    db_session.flush()
    assert "Keine Anmeldung wartet auf Bestätigung." in page_text(client.get("/mein-bereich"))
    create_facilitator(db_session, cast.kamen, "proposed", email="neu1@example.org")
    create_facilitator(db_session, cast.kamen, "proposed", email="neu2@example.org")
    text = page_text(client.get("/mein-bereich"))
    assert "2 Anmeldungen warten auf Ihre Bestätigung" in text
    assert "/verwaltung/netzwerk#waiting" in client.get("/mein-bereich").get_data(as_text=True)


def test_an_english_contact_types_dates_and_hours_as_english_readers_do(client, db_session, cast):
    sign_in(client, cast, "contact_here")
    client.get("/sprache/en")
    url = f"/verwaltung/kommunen/{cast.bergkamen.id}/begleitung/neu"
    form = client.get(url).get_data(as_text=True)
    assert "27.03.2026" not in form and "Mar 27, 2026" in form and "19.5" in form
    response = post(client, url, {**VALID, "started_on": "15/01/2027", "trained_on": "",
                                  "weekly_hours": "7.5"})
    assert response.status_code == 302, page_text(response)
    db_session.expire_all()
    row = db_session.scalars(select(Facilitator).where(
        Facilitator.municipality_id == cast.bergkamen.id, Facilitator.status == "proposed")).one()
    assert (row.started_on, row.weekly_hours) == (date(2027, 1, 15), 7.5)
    edit = client.get(f"/verwaltung/begleitung/{row.id}/bearbeiten").get_data(as_text=True)
    assert 'value="Jan 15, 2027"' in edit and 'value="7.5"' in edit
