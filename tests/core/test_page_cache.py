"""Anonymous public pages are cached per language; any committed change a public page can show
makes the next request render afresh (tested for each domain); ETag/Last-Modified give 304;
signed-in pages, forms and personal pages are never stored."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import select

from partizipation.pagecache import CACHEABLE
from tests.conftest import login
from tests.council.factories import create_body
from tests.facilitators.factories import create_facilitator
from tests.factories import create_user
from tests.meetings.conftest import cast  # noqa: F401  (the fixture of the held meeting)
from tests.meetings.factories import create_meeting
from tests.municipalities.factories import create_municipality
from tests.news.factories import create_post


@pytest.fixture()
def app_config() -> dict[str, Any]:
    return {"PAGE_CACHE": True}


@pytest.fixture(autouse=True)
def _fresh_cache(app) -> None:
    """The app (and its in-process cache) is shared by the tests: each starts with no page."""
    from partizipation.pagecache import bump

    with app.app_context():
        bump()


def _get(client, path: str, **headers: str):
    response = client.get(path, headers=headers)
    assert response.status_code == 200, path
    return response, response.get_data(as_text=True)


def _change(app, model, row_id: int, **values: Any) -> None:
    """A change committed through the application's own session, as a view would."""
    with app.app_context():
        session = app.extensions["db"].session
        row = session.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)
        session.commit()


def _shows_change_on_next_request(app, client, path: str, old: str, new: str, model,
                                  row_id: int, **values: Any) -> None:
    first, text = _get(client, path)
    assert old in text and first.headers["X-Page-Cache"] == "miss"
    second, text = _get(client, path)
    assert old in text and second.headers["X-Page-Cache"] == "hit"
    _change(app, model, row_id, **values)
    third, text = _get(client, path)
    assert new in text and old not in text
    assert third.headers["X-Page-Cache"] == "miss"


def test_council_body_page_shows_a_renamed_body_at_once(app, client, db_session):
    from partizipation.council.models import Body

    body = create_body(db_session, name="Beirat Alt")
    _shows_change_on_next_request(app, client, f"/gremien/{body.id}", "Beirat Alt", "Beirat Neu",
                                  Body, body.id, name="Beirat Neu")


def test_municipality_directory_shows_a_renamed_town_at_once(app, client, db_session):
    from partizipation.municipalities.models import Municipality

    town = create_municipality(db_session, name="Altstadt")
    create_facilitator(db_session, town, status="active")
    _shows_change_on_next_request(app, client, "/kommunen", "Altstadt", "Neustadt",
                                  Municipality, town.id, name="Neustadt")


def test_meeting_page_shows_a_new_title_at_once(app, client, db_session):
    from partizipation.meetings.models import Meeting

    body = create_body(db_session)
    meeting = create_meeting(db_session, body, title="Sitzung Alt", status="invited")
    _shows_change_on_next_request(app, client, f"/sitzungen/{meeting.id}", "Sitzung Alt",
                                  "Sitzung Neu", Meeting, meeting.id, title="Sitzung Neu")


def test_news_page_shows_a_new_title_at_once(app, client, db_session):
    from partizipation.news.models import Post

    editor = create_user(db_session, role="editor")
    post = create_post(db_session, editor, "published", title="Nachricht Alt", slug="nachricht")
    _shows_change_on_next_request(app, client, "/neuigkeiten/nachricht", "Nachricht Alt",
                                  "Nachricht Neu", Post, post.id, title="Nachricht Neu")


def test_start_and_text_pages_show_a_change_at_once(app, client, db_session):
    from partizipation.news.models import Post

    editor = create_user(db_session, role="editor")
    post = create_post(db_session, editor, "published", title="Startseite Alt")
    _shows_change_on_next_request(app, client, "/neuigkeiten", "Startseite Alt",
                                  "Startseite Neu", Post, post.id, title="Startseite Neu")


def test_an_edited_text_page_shows_at_once(app, client, db_session):
    from partizipation.bitv.models import Page

    page = db_session.scalars(select(Page).where(Page.slug == "imprint",
                                                 Page.locale == "de")).one()
    page.body_html = "<p>Alter Text</p>"
    db_session.flush()
    _shows_change_on_next_request(app, client, "/impressum", "Alter Text", "Neuer Text", Page,
                                  page.id, body_html="<p>Neuer Text</p>")


def test_decision_pages_show_a_changed_decision_at_once(app, client, db_session, request):
    from partizipation.decisions.models import Decision
    from tests.decisions.factories import create_decision, held_meeting

    held = held_meeting(db_session, request.getfixturevalue("cast"))
    texts = ["Beschluss über alte Rampen.", "Beschluss über neue Rampen.",
             "Beschluss über breite Türen."]
    decision = create_decision(db_session, held, text=texts[0])
    for number, path in enumerate(("/beschluesse", f"/beschluesse/{decision.id}")):
        _shows_change_on_next_request(app, client, path, texts[number], texts[number + 1],
                                      Decision, decision.id, text=texts[number + 1])


def test_agreement_pages_show_a_changed_agreement_at_once(app, client, db_session):
    from partizipation.agreements.models import Agreement
    from tests.agreements.factories import create_agreement

    agreement = create_agreement(db_session, "Vereinbarung Alt", parties=["Kreis Unna"])
    for number, path in enumerate(("/vereinbarungen", f"/vereinbarungen/{agreement.id}")):
        _shows_change_on_next_request(app, client, path, "Vereinbarung Alt" if not number
                                      else "Vereinbarung Neu 0", f"Vereinbarung Neu {number}",
                                      Agreement, agreement.id,
                                      title=f"Vereinbarung Neu {number}")


def test_milestone_pages_show_a_changed_milestone_at_once(app, client, db_session):
    from partizipation.milestones.models import Milestone
    from tests.milestones.factories import create_milestone

    milestone = create_milestone(db_session, code="a", title="Meilenstein Alt")
    for number, path in enumerate(("/meilensteine", f"/meilensteine/{milestone.id}")):
        _shows_change_on_next_request(app, client, path, "Meilenstein Alt" if not number
                                      else "Meilenstein Neu 0", f"Meilenstein Neu {number}",
                                      Milestone, milestone.id, title=f"Meilenstein Neu {number}")


def test_each_language_has_its_own_entry(client):
    german = _get(client, "/beirat", **{"Accept-Language": "de"})[1]
    english = _get(client, "/beirat", **{"Accept-Language": "en"})[1]
    assert german != english
    again = _get(client, "/beirat", **{"Accept-Language": "en"})
    assert again[0].headers["X-Page-Cache"] == "hit" and again[1] == english


def test_browsers_revalidate_with_304(client):
    first, _ = _get(client, "/beirat")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.headers["Cache-Control"] == "no-cache"
    assert "Accept-Language" in first.headers["Vary"]
    again = client.get("/beirat", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert client.get("/beirat", headers={"If-Modified-Since": modified}).status_code == 304


def test_signed_in_pages_are_never_cached(app, client, db_session):
    user = create_user(db_session, display_name="Marta Mitglied")
    _get(client, "/beirat")
    login(client, user.email)
    for _ in range(2):
        response, text = _get(client, "/beirat")
        assert "X-Page-Cache" not in response.headers
        assert "Marta Mitglied" in text or "Abmelden" in text


def test_forms_with_a_csrf_token_and_personal_pages_are_never_stored(client):
    for _ in range(2):
        response, text = _get(client, "/anmelden")
        assert 'name="csrf_token"' in text and "X-Page-Cache" not in response.headers
    assert "accounts.login" not in CACHEABLE and "meetings.personal_ics" not in CACHEABLE
    assert not any(endpoint.startswith(("people.", "accounts.")) for endpoint in CACHEABLE)


def test_a_sign_in_does_not_make_the_pages_stale(app, client, db_session):
    user = create_user(db_session)
    _get(client, "/beirat")
    other = app.test_client()
    login(other, user.email)
    assert _get(client, "/beirat")[0].headers["X-Page-Cache"] == "hit"


def test_a_flashed_message_is_shown_not_a_cached_page(app, client):
    _get(client, "/beirat")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Gespeichert und gezeigt")]
    response, text = _get(client, "/beirat")
    assert "X-Page-Cache" not in response.headers


def test_production_without_redis_caches_nothing(tmp_path):
    from partizipation import create_app
    from partizipation.pagecache import enabled

    app = create_app({"ENV": "production", "SECRET_KEY": "x" * 40,
                      "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite"})
    assert not enabled(app)
    redis = create_app({"ENV": "production", "SECRET_KEY": "x" * 40,
                        "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite",
                        "CACHE_REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert enabled(redis)


def _without_date(response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in response.headers.items() if k != "Date"]
    return response.status_code, headers, response.data


@contextmanager
def _flask_requests(app) -> Iterator[list[str]]:
    """The paths Flask itself handled (a hit from the fast path never gets there)."""
    from flask import request, request_started

    handled: list[str] = []

    def note(_sender: Any, **_extra: Any) -> None:
        handled.append(request.path)

    with request_started.connected_to(note, app):
        yield handled


def test_a_hit_without_cookies_is_answered_before_flask(app, client):
    """A cookieless anonymous visitor's hit skips Flask's request handling altogether."""
    with _flask_requests(app) as handled:
        assert _get(client, "/beirat")[0].headers["X-Page-Cache"] == "miss"
        hit, _ = _get(client, "/beirat")
        assert hit.headers["X-Page-Cache"] == "hit"
        assert client.get("/beirat", headers={"If-None-Match": hit.headers["ETag"]}
                          ).status_code == 304
        assert handled == ["/beirat"]
        _get(client, "/anmelden")  # not a cacheable page: Flask answers
        assert handled == ["/beirat", "/anmelden"]


def test_hits_with_and_without_flask_are_the_same(app, client):
    """Fast path (no cookie) and Flask's own path (an anonymous visitor whose session holds the
    language switch) answer a hit with the same status, headers and body: GET, HEAD, 304."""
    switched = app.test_client()
    with switched.session_transaction() as session:
        session["lang"] = "de"
    german = {"Accept-Language": "de"}
    assert _get(client, "/beirat", **german)[0].headers["X-Page-Cache"] == "miss"
    with _flask_requests(app) as handled:
        fast = client.get("/beirat", headers=german)
        assert handled == []
        slow = switched.get("/beirat", headers=german)
        assert handled == ["/beirat"]
    assert fast.headers["X-Page-Cache"] == "hit" == slow.headers["X-Page-Cache"]
    assert _without_date(fast) == _without_date(slow)
    assert "Content-Security-Policy" in fast.headers and "Accept-Language" in fast.headers["Vary"]
    assert fast.headers["Cache-Control"] == "no-cache" and fast.headers["Date"]
    assert _without_date(client.head("/beirat", headers=german)) == _without_date(
        switched.head("/beirat", headers=german))
    etag = {"If-None-Match": fast.headers["ETag"], **german}
    fast_304, slow_304 = client.get("/beirat", headers=etag), switched.get("/beirat", headers=etag)
    assert fast_304.status_code == 304 and _without_date(fast_304) == _without_date(slow_304)


def test_the_fast_path_picks_the_language_as_the_app_does(app, client):
    english = {"Accept-Language": "en-GB,en;q=0.9,de;q=0.5"}
    first = _get(client, "/beirat", **english)[1]
    with _flask_requests(app) as handled:
        hit, text = _get(client, "/beirat", **english)
        assert handled == [] and hit.headers["X-Page-Cache"] == "hit" and text == first
        assert _get(client, "/beirat", **{"Accept-Language": "fr"})[1] != first  # German
        assert handled == ["/beirat"]


def test_a_remember_cookie_is_never_answered_from_the_cache(app, client):
    _get(client, "/beirat")
    with _flask_requests(app) as handled:
        assert _get(client, "/beirat")[0].headers["X-Page-Cache"] == "hit" and handled == []
        client.set_cookie("remember_token", "whatever")
        assert "X-Page-Cache" not in _get(client, "/beirat")[0].headers
        assert handled == ["/beirat"]


def test_oparl_lists_and_objects_show_a_changed_meeting_at_once(app, client, db_session):
    from partizipation.meetings.models import Meeting
    from partizipation.oparl.serialize import BODY_ID

    body = create_body(db_session, name="Inklusionsbeirat")
    meeting = create_meeting(db_session, body, status="invited", is_public=True,
                             title="Sitzung Alt")
    # (the OParl body is the district, always BODY_ID; the council is an organization in it)
    for number, path in enumerate((f"/oparl/v1.1/body/{BODY_ID}/meeting",
                                   f"/oparl/v1.1/meeting/{meeting.id}")):
        old = "Sitzung Alt" if not number else "Sitzung Neu 0"
        _shows_change_on_next_request(app, client, path, old, f"Sitzung Neu {number}",
                                      Meeting, meeting.id, title=f"Sitzung Neu {number}")


def test_each_host_has_its_own_entry_for_absolute_links(client):
    """The OParl API links absolutely: an answer for one host is never served for another."""
    first = client.get("/oparl/v1.1/system", base_url="http://one.example")
    again = client.get("/oparl/v1.1/system", base_url="http://one.example")
    other = client.get("/oparl/v1.1/system", base_url="https://two.example")
    assert again.headers["X-Page-Cache"] == "hit"
    assert other.headers["X-Page-Cache"] == "miss"
    assert "http://one.example/oparl" in first.get_data(as_text=True)
    assert "https://two.example/oparl" in other.get_data(as_text=True)
    assert "one.example" not in other.get_data(as_text=True)


@pytest.mark.own_app
def test_a_change_made_in_another_worker_shows_at_once(app, client, connection, database_url,
                                                       db_session):
    """Each worker keeps its own copies of the pages it served lately; a change committed in
    another worker (the cache, Redis in production, is shared) still shows on the next request."""
    from partizipation.council.models import Body
    from tests.conftest import make_test_app

    other = make_test_app(database_url, PAGE_CACHE=True)
    other.extensions["page_cache"] = app.extensions["page_cache"]
    other.extensions["db"].bind_to(connection)
    body = create_body(db_session, name="Beirat Alt")
    path = f"/gremien/{body.id}"
    codes = [_get(client, path)[0].headers["X-Page-Cache"] for _ in range(3)]
    assert codes == ["miss", "hit", "hit"]  # the last one from this worker's own copy
    assert _get(other.test_client(), path)[0].headers["X-Page-Cache"] == "hit"
    _change(other, Body, body.id, name="Beirat Neu")
    response, text = _get(client, path)
    assert "Beirat Neu" in text and "Beirat Alt" not in text
    assert response.headers["X-Page-Cache"] == "miss"
    other.extensions["db"].engine.dispose()


def test_a_workers_copy_lasts_no_longer_than_the_shared_entry():
    """A copy is used until its page was stored PAGE_CACHE_TIMEOUT seconds ago, as long as the
    shared entry lives (some pages change with the date alone)."""
    from partizipation.pagecache import Recent

    clock = [1000.0]
    recent = Recent(timeout=300, limit=1024, timer=lambda: clock[0])
    recent.put("page", ("g1", b"x" * 10, [], 900.0))
    assert recent.get("page", "g1") is not None
    clock[0] = 1199.0
    assert recent.get("page", "g1") is not None
    clock[0] = 1200.0
    assert recent.get("page", "g1") is None
    recent.put("late", ("g1", b"x", [], 800.0))  # stored long ago: not kept at all
    assert recent.get("late", "g1") is None
    recent.put("new", ("g1", b"x", [], 1100.0))
    assert recent.get("new", "g2") is None  # the generation moved on: stale, and dropped
    assert recent.get("new", "g1") is None


def test_a_worker_keeps_only_so_many_bytes_of_pages():
    from partizipation.pagecache import Recent

    recent = Recent(timeout=300, limit=1000, timer=lambda: 0.0)
    for number in range(20):
        recent.put(f"page{number}", ("g", b"x" * 200, [], 0.0))
    kept = [n for n in range(20) if recent.get(f"page{n}", "g") is not None]
    assert kept == [15, 16, 17, 18, 19]  # the most recent ones, 1,000 bytes
    recent.put("big", ("g", b"x" * 251, [], 0.0))  # over a quarter of the limit: never kept
    assert recent.get("big", "g") is None and recent.get("page19", "g") is not None
