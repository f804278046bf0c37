"""Issue 12.20: the platform's content (what officers and editors type in) is German; on an
English page a screen reader must read it in German. Every piece of German content, in a heading,
a list, a link or an edit field, stands inside an element with `lang="de"` in English, and carries
no mark of its own in German (where the page's language already says it).

`<title>` cannot hold markup: the page's title keeps the interface's language there."""

from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any

import pytest

from tests.agreements.factories import create_agreement
from tests.conftest import login
from tests.council.factories import create_body
from tests.decisions.factories import create_decision
from tests.factories import create_user
from tests.meetings.factories import create_item, create_meeting, create_place
from tests.milestones.factories import create_milestone
from tests.news.factories import create_post

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Marks(HTMLParser):
    """Each text and each field value of a page, with the `lang` of its nearest marked element
    below `<html>` (None when only the page's language applies)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[tuple[str, str | None]] = []

    def _lang(self, own: str | None = None) -> str | None:
        if own is not None:
            return own
        for tag, lang in reversed(self.stack):
            if tag != "html" and lang is not None:
                return lang
        return None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        values = dict(attrs)
        if tag == "input" and values.get("value"):
            self.found.append((values["value"], self._lang(values.get("lang"))))
        if tag not in VOID:
            self.stack.append((tag, values.get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(tag in {"title", "script", "style"} for tag, _ in self.stack):
            return
        if data.strip():
            self.found.append((data, self._lang()))


def marks_of(response: Any, text: str) -> list[str | None]:
    """The language each occurrence of `text` on the page is marked with."""
    assert response.status_code == 200, response.status_code
    parser = _Marks()
    parser.feed(response.get_data(as_text=True))
    marks = [lang for data, lang in parser.found if text in data]
    assert marks, f"{text!r} is not on the page"
    return marks


@pytest.fixture()
def pages(db_session):
    officer = create_user(db_session, role="officer", email="officer@example.org")
    editor = create_user(db_session, role="editor", email="editor@example.org")
    body = create_body(db_session, name="Inklusionsbeirat Sonnenstadt")
    place = create_place(db_session, name="Kreishaus Sonnenstadt", nearest_stop="Haltestelle Markt")
    meeting = create_meeting(db_session, body, title="Sitzung über Wegweiser", is_public=True,
                             format="in_person", place_id=place.id)
    create_item(db_session, meeting, title="Barrierefreie Haltestellen")
    held = create_meeting(db_session, body, days=-7, status="held", title="Sitzung im Mai",
                          is_public=True)
    item = create_item(db_session, held, title="Rampe am Kreishaus")
    decision = create_decision(db_session, SimpleNamespace(meeting=held, public_item=item),
                               text="Der Kreis baut eine Rampe am Eingang.")
    post = create_post(db_session, editor, "published", title="Neue Rampe am Kreishaus",
                       summary="Seit Mai kommt man ohne Stufen hinein.")
    draft = create_post(db_session, editor, "draft", title="Entwurf zum Aufzug",
                        summary="Der Aufzug wird im Herbst erneuert.")
    agreement = create_agreement(db_session, "Kooperationsvereinbarung Sonnenstadt")
    milestone = create_milestone(db_session, agreement, title="Rampe gebaut")
    return SimpleNamespace(officer=officer, editor=editor, draft=draft, body=body, place=place,
                           meeting=meeting, decision=decision, post=post, agreement=agreement,
                           milestone=milestone)


def _cases(p: Any) -> list[tuple[str, str]]:
    """(page, German content on it): a representative page of each domain, read and edited
    (the officer's pages; the news editor's in `_editor_cases`)."""
    return [
        (f"/gremien/{p.body.id}", "Inklusionsbeirat Sonnenstadt"),
        (f"/verwaltung/gremien/{p.body.id}", "Inklusionsbeirat Sonnenstadt"),
        (f"/verwaltung/gremien/{p.body.id}/bearbeiten", "Inklusionsbeirat Sonnenstadt"),
        (f"/sitzungen/{p.meeting.id}", "Sitzung über Wegweiser"),
        (f"/sitzungen/{p.meeting.id}", "Barrierefreie Haltestellen"),
        (f"/sitzungen/{p.meeting.id}", "Kreishaus Sonnenstadt"),
        (f"/sitzungen/{p.meeting.id}", "Inklusionsbeirat Sonnenstadt"),
        (f"/verwaltung/sitzungen/{p.meeting.id}/bearbeiten", "Sitzung über Wegweiser"),
        (f"/verwaltung/sitzungen/{p.meeting.id}/bearbeiten", "Kreishaus Sonnenstadt"),
        (f"/neuigkeiten/{p.post.slug}", "Neue Rampe am Kreishaus"),
        (f"/neuigkeiten/{p.post.slug}", "Seit Mai kommt man ohne Stufen hinein."),
        ("/neuigkeiten", "Neue Rampe am Kreishaus"),
        (f"/beschluesse/{p.decision.id}", "Der Kreis baut eine Rampe am Eingang."),
        (f"/beschluesse/{p.decision.id}", "Rampe am Kreishaus"),
        (f"/meilensteine/{p.milestone.id}", "Rampe gebaut"),
        (f"/meilensteine/{p.milestone.id}", "Kooperationsvereinbarung Sonnenstadt"),
        (f"/vereinbarungen/{p.agreement.id}", "Kooperationsvereinbarung Sonnenstadt"),
        (f"/verwaltung/orte/{p.place.id}/bearbeiten", "Kreishaus Sonnenstadt"),
        (f"/verwaltung/orte/{p.place.id}/bearbeiten", "Haltestelle Markt"),
    ]


def _editor_cases(p: Any) -> list[tuple[str, str]]:
    return [
        (f"/neuigkeiten/beitrag/{p.draft.id}/bearbeiten", "Entwurf zum Aufzug"),
        (f"/neuigkeiten/beitrag/{p.draft.id}/bearbeiten", "Der Aufzug wird im Herbst erneuert."),
    ]


def _walk(app: Any, pages: Any, language: str) -> list[tuple[str, str, list[str | None]]]:
    seen = []
    for user, cases in ((pages.officer, _cases(pages)), (pages.editor, _editor_cases(pages))):
        client = app.test_client()
        login(client, user.email)
        client.get(f"/sprache/{language}")
        seen += [(url, text, marks_of(client.get(url), text)) for url, text in cases]
    return seen


def test_german_content_is_marked_on_english_pages(app, pages):
    for url, text, marks in _walk(app, pages, "en"):
        assert all(mark == "de" for mark in marks), (url, text, marks)


def test_german_content_needs_no_mark_on_german_pages(app, pages):
    for url, text, marks in _walk(app, pages, "de"):
        assert all(mark is None for mark in marks), (url, text, marks)


def test_the_empty_choice_of_a_content_select_keeps_the_page_language(client, pages):
    """The select of places is German content, its "No place (online only)" is English."""
    login(client, pages.officer.email)
    client.get("/sprache/en")
    html = client.get(f"/verwaltung/sitzungen/{pages.meeting.id}/bearbeiten").get_data(
        as_text=True)
    assert 'lang="en"' in html.split('id="place_id"', 1)[1].split("</select>", 1)[0]


def test_the_title_element_keeps_plain_text(client, pages):
    login(client, pages.officer.email)
    client.get("/sprache/en")
    html = client.get(f"/verwaltung/gremien/{pages.body.id}").get_data(as_text=True)
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Inklusionsbeirat Sonnenstadt" in title
    assert "<span" not in title and "&lt;span" not in title


@pytest.mark.parametrize(("page_language", "mark"), [("de", "en"), ("en", None)])
def test_a_report_written_in_english_is_marked_on_german_pages(app, db_session, pages,
                                                               page_language, mark):
    """A stored text with its own language (a barrier report sent from the English form) is
    marked with that language where the page is in another; the answer field too."""
    from tests.feedback.factories import create_report

    report = create_report(db_session, problem="The PDF cannot be read.", locale="en",
                           email="reader@example.org")
    client = app.test_client()
    login(client, pages.officer.email)
    client.get(f"/sprache/{page_language}")
    for url in ("/verwaltung/barrieremeldungen", f"/verwaltung/barrieremeldungen/{report.id}"):
        marks = marks_of(client.get(url), "The PDF cannot be read.")
        assert all(found == mark for found in marks), (url, marks)
    html = client.get(f"/verwaltung/barrieremeldungen/{report.id}").get_data(as_text=True)
    answer = html.split('name="body"', 1)[0].rsplit("<textarea", 1)[1]
    assert ('lang="en"' in answer) is (mark == "en")


def test_marking_a_select_leaves_shared_choices_alone(app):
    """Choices a form class shares with every request keep no mark of one request's language."""
    from wtforms import Form, SelectField
    from wtforms.fields.choices import SelectChoice

    from partizipation.templating import field_attrs

    shared = [SelectChoice("", "All"), SelectChoice("1", "Beirat")]

    class Filter(Form):
        body = SelectField("Body", choices=shared)

    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        from flask import session

        session["locale"] = "en"
        form = Filter()
        attrs = field_attrs(form.body, content=True)
        html = str(form.body(**attrs))
    assert 'lang="de"' in html and '<option lang="en" value="">All</option>' in html
    assert all(not choice.render_kw for choice in shared)


def test_a_mail_in_another_language_inside_a_request_marks_by_its_own_language(app):
    """The page's language is remembered per request and locale: a German mail written while
    an English page is served (force_locale) marks nothing, and the page goes on marking."""
    from flask import render_template_string
    from flask_babel import force_locale

    template = "<p{{ content_lang() }}>{{ in_content('Beirat') }}</p>"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert render_template_string(template) == (
            '<p lang="de"><span lang="de">Beirat</span></p>')
        with force_locale("de"):
            assert render_template_string(template) == "<p>Beirat</p>"
        assert render_template_string(template) == (
            '<p lang="de"><span lang="de">Beirat</span></p>')
