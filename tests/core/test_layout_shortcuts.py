"""What the layout computes once instead of on every page (issue 13): links without values, the
main menu, imported macros. Each gives what the unshortened way gives."""

from __future__ import annotations

from flask import url_for
from jinja2 import DictLoader, Environment

from partizipation.templating import _Template, url_for_in_loop
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


def test_an_imported_macro_sees_the_importing_pages_own_globals():
    env = Environment(loader=DictLoader({
        "macros.html": "{% macro hello() %}{{ greeting | default('hello') }}{% endmacro %}",
        "page.html": '{% from "macros.html" import hello %}{{ hello() }}',
    }))
    env.template_class = _Template
    assert env.get_template("page.html").render() == "hello"
    own = env.from_string('{% from "macros.html" import hello %}{{ hello() }}',
                          globals={"greeting": "moin"})
    assert own.render() == "moin"
    # The module made for that page is not handed to the others.
    assert env.get_template("page.html").render() == "hello"


def test_dates_are_formatted_as_flask_babel_does_in_each_language_and_timezone(app):
    from datetime import UTC, date, datetime, timedelta, timezone

    from flask import render_template_string
    from flask_babel import format_date, format_datetime

    page = "{{ day|date }}|{{ moment|datetime }}|{{ moment|date('short') }}|{{ none|date }}"
    day, moment = date(2027, 1, 15), datetime(2027, 1, 15, 23, 30, tzinfo=UTC)
    same_moment = moment.astimezone(timezone(timedelta(hours=5)))
    shown = {}
    for language in ("de", "en", "de"):
        with app.test_request_context("/", headers={"Accept-Language": language}):
            for value in (moment, same_moment):
                text = render_template_string(page, day=day, moment=value, none=None)
                assert text == (f"{format_date(day)}|{format_datetime(moment)}|"
                                f"{format_date(moment, 'short')}|")
                shown.setdefault(language, text)
    # Berlin time: 00:30 on the 16th.
    assert shown["de"] == "15.01.2027|16.01.2027, 00:30:00|16.01.27|"
    assert shown["en"].startswith("Jan 15, 2027|Jan 16, 2027")


def test_template_strings_are_formatted_only_when_they_hold_a_placeholder(app):
    from flask import render_template_string

    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        text = render_template_string(
            '{{ _("50%% done") }}|{{ _("Sign in") }}|{{ _("Hi %(name)s", name="<b>") }}')
    assert text == "50% done|Anmelden|Hi &lt;b&gt;"


def test_a_page_links_under_its_own_script_root(app):
    from flask import render_template_string

    page = "{{ url_for('bitv.statement') }}|{{ url_for('static', filename='css/site.css') }}"
    for script_root in ("", "/beteiligung", ""):
        with app.test_request_context("/", base_url=f"http://localhost{script_root}/"):
            assert render_template_string(page) == (
                f"{script_root}/barrierefreiheit|{script_root}/static/css/site.css")
