"""The agreement pages as a visitor and the officer meet them: the list in words, the forms with
their errors at the field, parties that join and leave, documents, and /kommunen reading the
municipalities' agreements from here."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from sqlalchemy import select

from partizipation import clock
from partizipation.agreements.models import Agreement, AgreementDocument
from tests.agreements.factories import create_agreement, municipal_agreement
from tests.helpers import count_statements, csrf_token, page_text
from tests.municipalities.helpers import post, sign_in

BASE = {"title": "Kooperation", "kind": "cooperation", "status": "in_force",
        "in_force_from": "20.02.2020", "notice_months": "6", "notice_to": "year"}


def test_the_public_list_says_term_and_deadline_in_words(client, db_session, cast):
    create_agreement(db_session, "Hessen", parties=["LWV Hessen", "Lahn-Dill-Kreis"],
                     in_force_from=date(2020, 2, 20), notice_months=6, notice_to="year")
    create_agreement(db_session, "Unna iZi", parties=["Kreis Unna"], notice_to="any_time",
                     signed_on=date(2022, 11, 22), valid_until=date(2025, 4, 30))
    with clock.freeze(datetime(2026, 6, 1, 10, tzinfo=UTC)):
        text = page_text(client.get("/vereinbarungen"))
    assert "Letzter Tag für eine Kündigung: 30.06.2026 (noch 29 Tage), zum Ende am " \
           "31.12.2026." in text
    assert "LWV Hessen" in text and "Lahn-Dill-Kreis" in text
    # Past its end: shown as ended, not as in force.
    assert "Beendet am 30.04.2025." in text
    with clock.freeze(datetime(2026, 6, 1, 10, tzinfo=UTC)):
        english = client.get("/vereinbarungen", headers={"Accept-Language": "en"})
    assert "Ended on Apr 30, 2025." in page_text(english)


def test_officer_records_an_agreement_and_bad_input_is_named_at_the_field(
        client, db_session, cast):
    sign_in(client, cast, "officer")
    url = "/verwaltung/vereinbarungen/neu"
    cases = [
        ({"valid_until": "01.01.2020"}, "valid_until", "vor dem Inkrafttreten"),
        ({"notice_months": ""}, "notice_months", "Kündigungsfrist in Monaten"),
        ({"notice_to": ""}, "notice_to", "Wählen Sie, zu welchem Zeitpunkt"),
        ({"status": "ended"}, "ended_on", "an dem die Vereinbarung endete"),
        ({"title": ""}, "title", "Titel"),
    ]
    for change, field, says in cases:
        response = post(client, url, {**BASE, **change})
        assert response.status_code == 200, change
        assert f'href="#{field}' in response.get_data(as_text=True), change
        assert says in page_text(response), (change, page_text(response)[:600])
    assert db_session.scalars(select(Agreement)).all() == []
    response = post(client, url, BASE)
    assert response.status_code == 302
    agreement = db_session.scalars(select(Agreement)).one()
    assert (agreement.notice_months, agreement.notice_to) == (6, "year")


def test_an_edit_saved_meanwhile_is_shown_not_overwritten(client, db_session, cast):
    import re

    agreement = create_agreement(db_session, "Alt")
    sign_in(client, cast, "officer")
    url = f"/verwaltung/vereinbarungen/{agreement.id}/bearbeiten"
    form = client.get(url)
    loaded = re.search(r'name="version" type="hidden" value="(\d+)"',
                       form.get_data(as_text=True)).group(1)
    agreement.title = "Von jemand anderem"
    db_session.flush()
    response = client.post(url, data={**BASE, "title": "Meins", "version": loaded,
                                      "csrf_token": csrf_token(form)})
    assert response.status_code == 200
    assert "Jetzt gespeichert in „Titel“: Von jemand anderem" in page_text(response)
    db_session.expire_all()
    assert db_session.get(Agreement, agreement.id).title == "Von jemand anderem"


def test_accession_and_leaving(client, db_session, cast):
    agreement = create_agreement(db_session, "Verwaltungsvereinbarung", kind="administrative",
                                 parties=["Land"])
    sign_in(client, cast, "officer")
    url = f"/verwaltung/vereinbarungen/{agreement.id}/partei-neu"
    both = post(client, url, {"municipality_id": str(cast.kamen.id), "organisation": "X"})
    assert "nicht beides" in page_text(both)
    early = post(client, url, {"municipality_id": str(cast.kamen.id),
                               "joined_on": "01.01.2025", "left_on": "31.12.2024"})
    assert early.status_code == 200 and 'href="#left_on"' in early.get_data(as_text=True)
    assert post(client, url, {"municipality_id": str(cast.kamen.id),
                              "joined_on": "01.01.2025"}).status_code == 302
    twice = post(client, url, {"municipality_id": str(cast.kamen.id)})
    assert "bereits Vertragspartei" in page_text(twice)
    text = page_text(client.get(f"/vereinbarungen/{agreement.id}"))
    assert "Kamen (beigetreten am 01.01.2025)" in text
    db_session.expire_all()
    party = next(p for p in db_session.get(Agreement, agreement.id).parties
                 if p.municipality_id == cast.kamen.id)
    leave = f"/verwaltung/vereinbarungen/parteien/{party.id}/austritt"
    assert "vor ihrem Beitritt" in page_text(post(client, leave, {"left_on": "01.06.2024"}))
    assert post(client, leave, {"left_on": "30.06.2026"}).status_code == 302
    assert "Kamen (beigetreten am 01.01.2025, ausgetreten am 30.06.2026)" in page_text(
        client.get(f"/vereinbarungen/{agreement.id}"))


def test_documents_upload_checked_by_content_and_links(client, db_session, cast, tmp_path):
    agreement = municipal_agreement(db_session, cast.kamen)
    sign_in(client, cast, "officer")
    url = f"/verwaltung/vereinbarungen/{agreement.id}/dokument-neu"
    token = csrf_token(client.get(url))
    wrong = client.post(url, data={"title": "Vertrag", "csrf_token": token, "file": (
        io.BytesIO(b"GIF89a" + b"x" * 100), "vertrag.pdf")}, content_type="multipart/form-data")
    assert wrong.status_code == 200 and 'href="#file"' in wrong.get_data(as_text=True)
    assert 'value="Vertrag"' in wrong.get_data(as_text=True)
    pdf = b"%PDF-1.4\n" + b"x" * 3000
    assert client.post(url, data={"title": "Vereinbarung Kamen", "csrf_token": token, "file": (
        io.BytesIO(pdf), "vertrag.pdf")}, content_type="multipart/form-data").status_code == 302
    assert post(client, url, {"title": "Im Ratsinformationssystem",
                              "url": "https://kamen.de/v"}).status_code == 302
    directory = client.get("/kommunen").get_data(as_text=True)
    doc = db_session.scalars(select(AgreementDocument).where(
        AgreementDocument.stored_name.is_not(None))).one()
    assert f"/vereinbarungen/dokumente/{doc.id}" in directory
    assert "Vereinbarung Kamen (PDF, 3 KB)" in directory and "https://kamen.de/v" in directory
    download = client.get(f"/vereinbarungen/dokumente/{doc.id}")
    assert download.status_code == 200 and download.get_data() == pdf
    download.close()
    assert "vertrag" not in doc.stored_name
    remove = f"/verwaltung/vereinbarungen/dokumente/{doc.id}/entfernen"
    token = csrf_token(client.get(f"/vereinbarungen/{agreement.id}"))
    assert client.post(remove, data={"csrf_token": token}).status_code == 302
    assert client.get(f"/vereinbarungen/dokumente/{doc.id}").status_code == 404
    assert not list((tmp_path / "agreements").iterdir())


def test_kommunen_and_the_network_read_the_agreements(client, db_session, cast):
    municipal_agreement(db_session, cast.kamen, signed_on=date(2024, 3, 12))
    municipal_agreement(db_session, cast.bergkamen, status="negotiating", signed_on=None)
    text = page_text(client.get("/kommunen"))
    assert "Unterzeichnet am 12.03.2024" in text and "In Verhandlung" in text
    sign_in(client, cast, "officer")
    network = page_text(client.get("/verwaltung/netzwerk"))
    assert "Unterzeichnet am 12.03.2024" in network
    csv = client.get("/verwaltung/netzwerk.csv").get_data(as_text=True)
    assert "Kamen;05978020;In Kraft;2024-03-12" in csv
    # From the municipality's form to its agreement.
    edit = client.get(f"/verwaltung/kommunen/{cast.kamen.id}/vereinbarung")
    assert edit.status_code == 302 and "/vereinbarungen/" in edit.headers["Location"]
    new = client.get(f"/verwaltung/kommunen/{cast.bergkamen.id}/vereinbarung")
    assert new.status_code == 302
    other = create_agreement(db_session, "x")
    assert other.id


def test_recording_a_municipality_agreement_from_its_page(client, db_session, cast):
    sign_in(client, cast, "officer")
    url = f"/verwaltung/vereinbarungen/neu?kommune={cast.kamen.id}"
    form = client.get(url)
    assert "Ziel- und Kooperationsvereinbarung mit Kamen" in form.get_data(as_text=True)
    response = post(client, url, {"title": "ZKV Kamen", "kind": "municipal",
                                  "status": "in_force", "signed_on": "12.03.2024",
                                  "notice_to": ""})
    assert response.status_code == 302
    assert "Unterzeichnet am 12.03.2024" in page_text(client.get("/kommunen"))


def test_unknown_ids_are_not_found(client, db_session, cast):
    sign_in(client, cast, "officer")
    for url in ("/vereinbarungen/999999", "/verwaltung/vereinbarungen/999999/bearbeiten",
                "/vereinbarungen/dokumente/999999",
                "/verwaltung/vereinbarungen/neu?kommune=999999"):
        assert client.get(url).status_code == 404, url


def test_constant_statements_for_the_list_and_kommunen(app, client, db_session, cast):
    from tests.municipalities.factories import create_municipality

    def counted(url):
        with count_statements(db_session.get_bind()) as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    for i in range(3):
        municipal_agreement(db_session, create_municipality(db_session, f"Ort {i}"))
    small = {url: counted(url) for url in ("/vereinbarungen", "/kommunen")}
    for i in range(40):
        agreement = create_agreement(db_session, f"V {i}", parties=["A", "B", cast.kamen]
                                     if i == 0 else ["A", "B"])
        db_session.add(AgreementDocument(agreement_id=agreement.id, title="d",
                                         url="https://x.example/"))
        municipal_agreement(db_session, create_municipality(db_session, f"Gemeinde {i}"))
    db_session.flush()
    large = {url: counted(url) for url in ("/vereinbarungen", "/kommunen")}
    assert small == large
