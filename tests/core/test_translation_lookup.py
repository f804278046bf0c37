"""Translations are looked up once per request and locale (not once per string), and a locale
forced for a mail inside a request still gets its own language."""

import flask_babel
from flask_babel import force_locale, gettext


def _count_lookups(monkeypatch):
    calls = []
    original = flask_babel.Domain.get_translations

    def counted(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(flask_babel.Domain, "get_translations", counted)
    return calls


def test_a_page_resolves_its_catalogs_once_per_request(client, monkeypatch):
    calls = _count_lookups(monkeypatch)
    german = client.get("/anmelden")
    assert german.status_code == 200 and "Anmelden" in german.get_data(as_text=True)
    assert len(calls) == 1
    english = client.get("/anmelden", headers={"Accept-Language": "en"})
    assert "Sign in" in english.get_data(as_text=True)
    assert len(calls) == 2


def test_a_forced_locale_inside_a_request_gets_its_own_language(app):
    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert gettext("Sign in") == "Anmelden"
        with force_locale("en"):
            assert gettext("Sign in") == "Sign in"
        assert gettext("Sign in") == "Anmelden"


def test_label_tables_are_resolved_once_per_language(app):
    from partizipation.council.labels import ROLES, label
    from partizipation.i18n import resolved

    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert label("role", "chair") == "Vorsitz"
        assert resolved(ROLES) is resolved(ROLES)
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert label("role", "chair") == "Chair"
        assert label("role", "unknown-code") == "unknown-code"
