"""The municipality pages as a user meets them: the form, its errors, where it returns to."""

from __future__ import annotations

import pytest

from tests.helpers import csrf_token, page_text
from tests.municipalities.helpers import post, sign_in


def test_municipality_form_checks_the_key(client, db_session, cast):
    sign_in(client, cast, "officer")
    url = f"/verwaltung/kommunen/{cast.kamen.id}/bearbeiten"
    data = {"name": "Kamen", "kind": "town", "ags": "5978020", "website": ""}
    response = post(client, url, data)
    assert response.status_code == 200
    assert "8 Ziffern" in page_text(response) and 'value="5978020"' in response.get_data(
        as_text=True)
    assert post(client, url, {**data, "ags": "05978020",
                              "website": "https://kamen.de"}).status_code == 302
    db_session.expire_all()
    assert db_session.get(type(cast.kamen), cast.kamen.id).website == "https://kamen.de"
    new = post(client, "/verwaltung/kommunen/neu",
               {**data, "name": "Neudorf", "ags": "05978044"})
    assert new.status_code == 302


@pytest.mark.parametrize(("next_url", "lands_on"), [
    ("/verwaltung/netzwerk", "/verwaltung/netzwerk"),
    ("https://evil.example/", "/mein-bereich"),
    (None, "/mein-bereich"),
])
def test_the_forms_return_to_the_page_that_linked_them(client, cast, next_url, lands_on):
    sign_in(client, cast, "officer")
    query = f"?next={next_url}" if next_url else ""
    url = f"/verwaltung/kommunen/{cast.kamen.id}/bearbeiten{query}"
    assert f'href="{lands_on}">Abbrechen</a>' in client.get(url).get_data(as_text=True)
    response = post(client, url, {"name": "Kamen", "kind": "town", "ags": "05978020"})
    assert response.status_code == 302 and response.headers["Location"] == lands_on
    invite = f"/verwaltung/kommunen/{cast.kamen.id}/kontakt-einladen{query}"
    response = post(client, invite, {"display_name": "Nina Neu", "email": "nina@example.org",
                                     "locale": "de"})
    assert response.status_code == 302 and response.headers["Location"] == lands_on


def test_a_change_saved_meanwhile_is_shown_not_overwritten(client, db_session, cast):
    import re

    sign_in(client, cast, "officer")
    url = f"/verwaltung/kommunen/{cast.kamen.id}/bearbeiten"
    form = client.get(url)
    loaded = re.search(r'name="version" type="hidden" value="(\d+)"',
                       form.get_data(as_text=True)).group(1)
    # Another officer records the website meanwhile.
    cast.kamen.website = "https://www.kamen.de"
    db_session.flush()
    mine = {"name": "Stadt Kamen", "kind": "town", "ags": "05978020", "website": "",
            "version": loaded, "csrf_token": csrf_token(form)}
    response = client.post(url, data=mine)
    assert response.status_code == 200
    text = page_text(response)
    assert "Jemand anderes hat hier Änderungen gespeichert" in text
    assert "Jetzt gespeichert in „Internetseite (freiwillig)“: https://www.kamen.de" in text
    assert "Jetzt gespeichert in „Name“: Kamen" in text
    assert 'value="Stadt Kamen"' in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(type(cast.kamen), cast.kamen.id).website == "https://www.kamen.de"
