"""The municipality pages as a user meets them: the form, its errors, where it returns to."""

from __future__ import annotations

from datetime import date

from tests.conftest import login
from tests.helpers import csrf_token, page_text


def post(client, url, data, token_from=None):
    token = csrf_token(client.get(token_from or url))
    return client.post(url, data={**data, "csrf_token": token})


def sign_in(client, cast, role):
    response = login(client, cast.user(role).email)
    assert response.status_code == 302, page_text(response)


def test_municipality_form_checks_the_key(client, db_session, cast):
    sign_in(client, cast, "officer")
    url = f"/verwaltung/kommunen/{cast.kamen.id}/bearbeiten"
    data = {"name": "Kamen", "kind": "town", "ags": "5978020", "website": "",
            "agreement_status": "none"}
    response = post(client, url, data)
    assert response.status_code == 200
    assert "8 Ziffern" in page_text(response) and 'value="5978020"' in response.get_data(
        as_text=True)
    assert post(client, url, {**data, "ags": "05978020", "agreement_status": "signed",
                              "agreement_signed_on": "12.03.2024"}).status_code == 302
    db_session.expire_all()
    assert db_session.get(type(cast.kamen), cast.kamen.id).agreement_signed_on == date(2024, 3,
                                                                                       12)
    new = post(client, "/verwaltung/kommunen/neu",
               {**data, "name": "Neudorf", "ags": "05978044"})
    assert new.status_code == 302
