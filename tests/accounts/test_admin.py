"""User administration: the list, invitations, role changes, (de)activation, and their 403s."""

from __future__ import annotations

import pytest

from partizipation.accounts.models import User
from tests.conftest import create_user, login
from tests.helpers import count_statements, page_text

from .helpers import link_in, outbox, send_form


@pytest.fixture()
def officer(client, db_session):
    user = create_user(db_session, role="officer", email="officer@example.org",
                       display_name="Petra Beispiel")
    login(client, user.email)
    return user


def _reload(db_session, user):
    db_session.expire_all()
    return db_session.get(User, user.id)


@pytest.mark.parametrize("role", ["member", "editor"])
def test_members_and_editors_get_403_everywhere(client, db_session, role):
    victim = create_user(db_session, email="victim@example.org")
    me = create_user(db_session, role=role, email="me@example.org")
    login(client, me.email)
    assert client.get("/verwaltung/benutzer").status_code == 403
    assert client.get("/verwaltung/benutzer/einladen").status_code == 403
    assert client.get(f"/verwaltung/benutzer/{victim.id}").status_code == 403
    for action in ("rolle", "deaktivieren", "einladung-erneut"):
        response = send_form(client, f"/verwaltung/benutzer/{victim.id}/{action}",
                             {"role": "admin"}, page_url="/mein-bereich/profil")
        assert response.status_code == 403, action
    assert "Zugriff verweigert" in page_text(client.get("/verwaltung/benutzer"))
    assert _reload(db_session, victim).role == "member"
    assert _reload(db_session, victim).is_active
    assert 'href="/verwaltung/benutzer"' not in client.get("/mein-bereich").get_data(as_text=True)


def test_signed_out_is_sent_to_sign_in(client):
    response = client.get("/verwaltung/benutzer")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/anmelden")


def test_unknown_user_is_404(client, officer):
    assert client.get("/verwaltung/benutzer/999999").status_code == 404
    response = send_form(client, "/verwaltung/benutzer/999999/deaktivieren", {},
                         page_url="/verwaltung/benutzer")
    assert response.status_code == 404


def test_the_list_shows_every_account_with_role_and_state(client, db_session, officer):
    create_user(db_session, email="gone@example.org", display_name="Ehemalige Person",
                is_active=False)
    create_user(db_session, email="new@example.org", display_name="Neue Person",
                password_hash=None)
    create_user(db_session, email="press@example.org", display_name="Presse", role="editor")
    assert 'href="/verwaltung/benutzer"' in client.get("/mein-bereich").get_data(as_text=True)
    response = client.get("/verwaltung/benutzer")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    text = page_text(response)
    assert "Ehemalige Person gone@example.org Mitglied Deaktiviert" in text
    assert "Neue Person new@example.org Mitglied Eingeladen, noch nicht angenommen" in text
    assert "Presse press@example.org Redaktion (Pressestelle) Aktiv" in text
    assert "Petra Beispiel (Sie)" in text


def test_the_list_in_english(client, db_session, officer):
    client.get("/sprache/en")
    text = page_text(client.get("/verwaltung/benutzer"))
    assert "User administration" in text and "Inclusion officer" in text


def test_the_list_takes_a_fixed_number_of_queries(client, db_session, connection, officer):

    def queries_for_list() -> int:
        with count_statements(connection) as statements:
            assert client.get("/verwaltung/benutzer").status_code == 200
        return len(statements)

    for number in range(3):
        create_user(db_session, email=f"many{number}@example.org")
    few = queries_for_list()
    for number in range(3, 20):
        create_user(db_session, email=f"many{number}@example.org")
    many = queries_for_list()
    assert 0 < few == many  # no query per row
    # The account, the count, one page of rows, the scoped roles of the domains that have some.
    assert many <= 7, many


def test_invite_a_person(client, db_session, officer):
    page = client.get("/verwaltung/benutzer/einladen")
    assert page.status_code == 200
    assert 'value="admin"' not in page.get_data(as_text=True)  # officers cannot make admins
    response = send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Neue Person", "email": "new@example.org", "role": "editor",
        "locale": "en"})
    assert response.status_code == 302
    text = page_text(client.get(response.headers["Location"]))
    assert "Die Einladung wurde an new@example.org geschickt." in text
    assert "Eingeladen, noch nicht angenommen" in text
    (message,) = outbox(db_session, "new@example.org")
    assert message.locale == "en" and "Petra Beispiel" in message.body_text


def test_invite_errors_keep_the_input(client, db_session, officer):
    create_user(db_session, email="maria@example.org")
    response = send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Maria", "email": "maria@example.org", "role": "member",
        "locale": "de"})
    assert response.status_code == 200
    assert "Diese Person hat schon ein Konto." in page_text(response)
    html = response.get_data(as_text=True)
    assert 'value="Maria"' in html and 'href="#email"' in html
    response = send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "", "email": "x", "role": "admin", "locale": "fr"})
    text = page_text(response)
    assert "Geben Sie den Namen ein" in text
    assert "richtigen Format" in text
    assert "Wählen Sie eine der angezeigten Rollen." in text
    assert "Wählen Sie Deutsch oder Englisch." in text
    assert len(outbox(db_session)) == 0


def test_invite_errors_in_english(client, db_session, officer):
    client.get("/sprache/en")
    response = send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "X", "email": "", "role": "", "locale": "de"})
    text = page_text(response)
    assert "Enter the email address of the person." in text
    assert "Choose a role." in text


def test_invite_then_accept_then_sign_in(app, client, db_session, officer):
    send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Neue Person", "email": "new@example.org", "role": "member",
        "locale": "de"})
    link = link_in(outbox(db_session, "new@example.org")[0])
    invited = app.test_client()
    response = send_form(invited, link, {"display_name": "Neue Person",
                                         "new_password": "a good long password",
                                         "confirm": "a good long password"})
    assert response.status_code == 302
    assert login(app.test_client(), "new@example.org", "a good long password").status_code == 302
    assert "Aktiv" in page_text(client.get("/verwaltung/benutzer"))


def test_resend_an_invitation(client, db_session, officer):
    pending = create_user(db_session, email="new@example.org", password_hash=None)
    response = send_form(client, f"/verwaltung/benutzer/{pending.id}/einladung-erneut", {},
                         page_url=f"/verwaltung/benutzer/{pending.id}")
    assert response.status_code == 302
    assert len(outbox(db_session, "new@example.org")) == 1
    # Not for someone who already has a password.
    active = create_user(db_session, email="active@example.org")
    response = send_form(client, f"/verwaltung/benutzer/{active.id}/einladung-erneut", {},
                         page_url="/verwaltung/benutzer")
    assert response.status_code == 403


def test_change_a_role(client, db_session, officer):
    member = create_user(db_session, display_name="Max Muster")
    page = client.get(f"/verwaltung/benutzer/{member.id}")
    assert 'value="admin"' not in page.get_data(as_text=True)
    response = send_form(client, f"/verwaltung/benutzer/{member.id}/rolle", {"role": "editor"},
                         page_url=f"/verwaltung/benutzer/{member.id}")
    assert response.status_code == 302
    assert "Max Muster hat jetzt die Rolle: Redaktion (Pressestelle)." in page_text(
        client.get(response.headers["Location"]))
    assert _reload(db_session, member).role == "editor"


def test_an_officer_cannot_make_an_admin(client, db_session, officer):
    member = create_user(db_session)
    response = send_form(client, f"/verwaltung/benutzer/{member.id}/rolle", {"role": "admin"},
                         page_url=f"/verwaltung/benutzer/{member.id}")
    assert response.status_code == 200
    assert "Wählen Sie eine der angezeigten Rollen." in page_text(response)
    assert "<title>Fehler:" in response.get_data(as_text=True)
    assert _reload(db_session, member).role == "member"


def test_an_officer_cannot_change_an_admin(client, db_session, officer):
    admin = create_user(db_session, role="admin")
    page = client.get(f"/verwaltung/benutzer/{admin.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/rolle" not in html and "/deaktivieren" not in html
    assert "Nur die Administration kann" in page_text(page)
    for action, data in (("rolle", {"role": "member"}), ("deaktivieren", {})):
        response = send_form(client, f"/verwaltung/benutzer/{admin.id}/{action}", data,
                             page_url="/verwaltung/benutzer")
        assert response.status_code == 403
    assert _reload(db_session, admin).role == "admin" and _reload(db_session, admin).is_active


def test_an_admin_can_make_an_admin(client, db_session):
    admin = create_user(db_session, role="admin")
    login(client, admin.email)
    # Not from an officer: only the officer removes the officer role (issue 12.1).
    editor = create_user(db_session, role="editor")
    response = send_form(client, f"/verwaltung/benutzer/{editor.id}/rolle", {"role": "admin"},
                         page_url=f"/verwaltung/benutzer/{editor.id}")
    assert response.status_code == 302
    assert _reload(db_session, editor).role == "admin"


def test_nobody_can_deactivate_or_demote_themselves(client, db_session, officer):
    page = client.get(f"/verwaltung/benutzer/{officer.id}")
    assert "/deaktivieren" not in page.get_data(as_text=True)
    assert "Das ist Ihr eigenes Konto." in page_text(page)
    for action, data in (("deaktivieren", {}), ("rolle", {"role": "member"})):
        response = send_form(client, f"/verwaltung/benutzer/{officer.id}/{action}", data,
                             page_url="/verwaltung/benutzer")
        assert response.status_code == 403
    assert _reload(db_session, officer).is_active


def test_deactivate_ends_the_sessions_and_reactivate_allows_sign_in(app, client, db_session,
                                                                    officer):
    member = create_user(db_session, email="max@example.org", display_name="Max Muster")
    theirs = app.test_client()
    login(theirs, "max@example.org")
    assert theirs.get("/mein-bereich").status_code == 200
    response = send_form(client, f"/verwaltung/benutzer/{member.id}/deaktivieren", {},
                         page_url=f"/verwaltung/benutzer/{member.id}")
    assert response.status_code == 302
    text = page_text(client.get(response.headers["Location"]))
    assert "Max Muster ist deaktiviert und abgemeldet. Es wurde nichts gelöscht." in text
    assert theirs.get("/mein-bereich").status_code == 302  # signed out at once
    assert "Dieses Konto wurde deaktiviert." in page_text(login(theirs, "max@example.org"))
    assert _reload(db_session, member) is not None  # never deleted
    response = send_form(client, f"/verwaltung/benutzer/{member.id}/reaktivieren", {},
                         page_url=f"/verwaltung/benutzer/{member.id}")
    assert response.status_code == 302
    assert "Max Muster kann sich wieder anmelden." in page_text(client.get("/verwaltung/benutzer"))
    assert login(theirs, "max@example.org").status_code == 302


def test_deactivate_in_english(client, db_session, officer):
    client.get("/sprache/en")
    member = create_user(db_session, display_name="Max Muster")
    response = send_form(client, f"/verwaltung/benutzer/{member.id}/deaktivieren", {},
                         page_url=f"/verwaltung/benutzer/{member.id}")
    assert "Max Muster is deactivated and signed out. Nothing was deleted." in page_text(
        client.get(response.headers["Location"]))


def test_names_in_messages_are_shown_as_text_not_markup(client, db_session, officer):
    member = create_user(db_session, display_name='<img src="x">Max')
    response = send_form(client, f"/verwaltung/benutzer/{member.id}/deaktivieren", {},
                         page_url=f"/verwaltung/benutzer/{member.id}")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert '<img src="x">' not in html
    assert "&lt;img src=&#34;x&#34;&gt;Max ist deaktiviert" in html


def test_the_user_list_names_the_scoped_roles(client, db_session, officer):
    from partizipation.people.models import Person
    from tests.facilitators.factories import create_facilitator
    from tests.municipalities.factories import create_contact, create_municipality

    kamen, unna = create_municipality(db_session, name="Kamen"), create_municipality(
        db_session, name="Unna")
    contact = create_user(db_session, display_name="Clara Kontakt")
    create_contact(db_session, contact, kamen)
    helper = create_user(db_session, display_name="Fritz Begleitung")
    facilitator = create_facilitator(db_session, unna, status="active")
    db_session.get(Person, facilitator.person_id).user_id = helper.id
    db_session.flush()
    text = page_text(client.get("/verwaltung/benutzer"))
    assert "Clara Kontakt" in text and "Ansprechperson für Kamen" in text
    assert "Partizipationsbegleitung in Unna" in text
