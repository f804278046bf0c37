"""What the layout computes once instead of on every page (issue 13): links without values, the
main menu. Each gives what the unshortened way gives."""

from __future__ import annotations

from flask import url_for

from partizipation.templating import url_for_in_loop
from tests.conftest import login
from tests.factories import create_user


def test_links_without_values_equal_url_for_and_follow_the_script_root(app):
    endpoints = [rule.endpoint for rule in app.url_map.iter_rules()
                 if not rule.arguments and "GET" in (rule.methods or ())]
    assert len(endpoints) > 30
    for script_root in ("", "/beteiligung", ""):
        with app.test_request_context("/", base_url=f"http://localhost{script_root}/"):
            for endpoint in endpoints:
                built = url_for(endpoint)
                assert built.startswith(script_root + "/")
                assert url_for_in_loop(endpoint) == built
            static = url_for("static", filename="css/site.css")
            assert static == f"{script_root}/static/css/site.css"
            assert url_for_in_loop("static", filename="css/site.css") == static
            assert url_for_in_loop("static", filename="js/site.js") == url_for(
                "static", filename="js/site.js")


def test_outside_a_request_links_are_absolute_as_with_url_for(app):
    with app.test_request_context("/"):
        assert url_for_in_loop("bitv.statement") == "/barrierefreiheit"
    app.config["SERVER_NAME"] = "beteiligung.example.org"
    with app.app_context():
        assert url_for_in_loop("bitv.statement") == url_for("bitv.statement")
        assert url_for_in_loop("bitv.statement").startswith("http://beteiligung.example.org/")


def _menu(html: str) -> str:
    return html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_the_menu_shows_management_to_staff_only_in_the_page_language(client, db_session):
    german = _menu(client.get("/").get_data(as_text=True))
    assert ">Beirat<" in german and 'aria-current="page">Start<' in german
    assert "Verwaltung" not in german
    english = _menu(client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True))
    assert ">Advisory council<" in english and "Management" not in english
    officer = create_user(db_session, role="officer", locale="en")
    login(client, officer.email)
    signed_in = _menu(client.get("/beirat").get_data(as_text=True))
    assert 'href="/verwaltung">Management<' in signed_in
    assert 'aria-current="page">Advisory council<' in signed_in
