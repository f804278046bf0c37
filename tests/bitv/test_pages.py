"""The public BITV pages in both languages: starting texts, stored texts, German fallback."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from partizipation.bitv.models import AccessibilityStatement, Page
from tests.helpers import count_statements, page_text

from .factories import create_page, delete_page

PAGES = ["/", "/leichte-sprache", "/gebaerdensprache", "/barrierefreiheit", "/impressum",
         "/datenschutz"]


def get(client, path, lang="de"):
    return client.get(path, headers={"Accept-Language": lang})


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_with_one_h1_in_both_languages(client, path, lang):
    response = get(client, path, lang)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert html.count("<h1") == 1
    # Nobody but the officer and admin sees an edit link.
    assert "/verwaltung/seiten" not in html


def test_a_fresh_database_has_real_starting_texts_and_a_visit_writes_nothing(
        client, db_session, connection):
    # The migration stored the starting texts of every page in both languages.
    assert db_session.scalar(select(func.count()).where(Page.slug == "privacy")) == 2
    with count_statements(connection) as statements:
        text = page_text(get(client, "/datenschutz"))
        get(client, "/barrierefreiheit", "en")
    assert "Art. 9 DSGVO" in text and "kein Tracking" in text
    writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE",
                                                                       "DELETE"))]
    assert writes == []


def test_privacy_notice_in_english_describes_what_the_platform_processes(client):
    text = page_text(get(client, "/datenschutz", "en"))
    for phrase in ["Art. 9 GDPR", "explicit consent", "outbox", "report a barrier",
                   "no tracking", "agreed"]:
        assert phrase.lower() in text.lower()


def test_stored_text_is_shown_in_the_readers_language(client, db_session):
    create_page(db_session, "imprint", "de", title="Impressum Kreis", body_html="<p>Deutsch</p>")
    create_page(db_session, "imprint", "en", title="Imprint District", body_html="<p>English</p>")
    assert "Deutsch" in page_text(get(client, "/impressum", "de"))
    english = get(client, "/impressum", "en").get_data(as_text=True)
    assert "<h1>Imprint District</h1>" in english and "English" in english


def test_missing_english_text_shows_the_german_one_marked_as_german(client, db_session):
    create_page(db_session, "imprint", "de", title="Impressum", body_html="<p>Nur deutsch</p>")
    delete_page(db_session, "imprint", "en")
    html = get(client, "/impressum", "en").get_data(as_text=True)
    assert '<h1 lang="de">Impressum</h1>' in html
    assert re.search(r'<div class="stored-text" lang="de">\s*<p>Nur deutsch</p>', html)
    assert "not yet available in your language" in html


def test_start_page_has_the_bitv_sections_with_real_headings_and_links(client):
    html = get(client, "/").get_data(as_text=True)
    assert re.search(r'<h2 id="easy-language-heading" lang="de">Informationen in Leichter', html)
    assert re.search(r'<h2 id="sign-language-heading">Informationen in Deutscher Gebärden', html)
    assert 'href="/leichte-sprache"' in html and 'href="/gebaerdensprache"' in html
    text = page_text(get(client, "/"))
    assert "Inklusions·beirat" in text
    assert "noch nicht von einer Prüfgruppe geprüft" in text


def test_start_page_in_english_marks_the_leichte_sprache_section_german(client):
    html = get(client, "/", "en").get_data(as_text=True)
    assert re.search(r'<div class="easy-language stored-text" lang="de">', html)
    assert "easy-to-read German" in html
    assert "Information in German Sign Language" in html


def test_checked_leichte_sprache_text_names_the_review_group_and_date(client, db_session):
    from datetime import date

    create_page(db_session, "easy-language", "de", title="Leichte Sprache",
                body_html="<p>Ein Satz.</p>", reviewed_by="Prüfgruppe Unna",
                reviewed_on=date(2026, 3, 12))
    text = page_text(get(client, "/leichte-sprache"))
    assert "wurde am 12.03.2026 geprüft von: Prüfgruppe Unna" in text
    assert "Mar 12, 2026" in page_text(get(client, "/leichte-sprache", "en"))


def test_statement_has_every_required_part(client):
    text = page_text(get(client, "/barrierefreiheit"))
    for phrase in ["teilweise", "Gebärdensprache", "Alternativen", "Erstellt am",
                   "Selbstbewertung", "Zuletzt überprüft am", "Schlichtungsstelle"]:
        assert phrase in text, phrase
    html = get(client, "/barrierefreiheit").get_data(as_text=True)
    assert 'href="/barriere-melden"' in html
    assert 'href="https://www.lbb.nrw.de/schlichtungsstelle"' in html


def test_statement_shows_the_review_date_per_locale(client, db_session):
    from datetime import date

    get(client, "/barrierefreiheit")
    statement = db_session.scalar(select(AccessibilityStatement))
    statement.last_reviewed_on = date(2026, 10, 5)
    db_session.flush()
    assert "5. Oktober 2026" in page_text(get(client, "/barrierefreiheit"))
    assert "October 5, 2026" in page_text(get(client, "/barrierefreiheit", "en"))


def test_sign_language_page_without_videos_says_so_politely(client):
    text = page_text(get(client, "/gebaerdensprache", "en"))
    assert "no sign language videos here yet" in text
    assert "<video" not in get(client, "/gebaerdensprache").get_data(as_text=True)


@pytest.mark.parametrize(("slug", "path", "locales"), [
    ("home", "/", ("de", "en")),
    ("home-easy-language", "/", ("de",)),
    ("home-sign-language", "/", ("de", "en")),
    ("easy-language", "/leichte-sprache", ("de",)),
    ("sign-language", "/gebaerdensprache", ("de", "en")),
    ("imprint", "/impressum", ("de", "en")),
    ("privacy", "/datenschutz", ("de", "en")),
])
def test_every_stored_text_appears_on_its_page_in_each_language(
    client, db_session, slug, path, locales
):
    for locale in locales:
        create_page(db_session, slug, locale, title=f"Titel {slug} {locale}",
                    body_html=f"<p>Eigener Text {slug} {locale}</p>")
    for lang in ("de", "en"):
        shown = locales[-1] if lang == "en" else "de"
        assert f"Eigener Text {slug} {shown}" in page_text(get(client, path, lang))


def test_start_page_needs_few_queries_once_the_texts_exist(client, connection):
    with count_statements(connection) as statements:
        assert get(client, "/").status_code == 200
    # Other domains' start-page sections (domains.home_sections) count their own queries.
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")
               and ("content_pages" in s or "sign_language_videos" in s)]
    # One query for the three texts and the start-page videos: no query per row.
    assert len(selects) == 1, selects


def test_start_page_shows_its_videos_in_order_with_and_without_texts(client, db_session,
                                                                     connection):
    from .factories import create_video

    first = create_video(db_session, title="Erstes Video", show_on_start_page=True,
                         stored_name="1" * 32 + ".mp4")
    create_video(db_session, title="Nicht auf der Startseite", show_on_start_page=False,
                 stored_name="2" * 32 + ".mp4")
    second = create_video(db_session, title="Zweites Video", show_on_start_page=True,
                          stored_name="3" * 32 + ".mp4")
    for slug in ("home", "home-easy-language", "home-sign-language"):
        create_page(db_session, slug, "de", body_html=f"<p>Eigener {slug}</p>")
    for present in (True, False):
        if not present:  # no stored texts at all: the starting texts, the videos all the same
            for slug in ("home", "home-easy-language", "home-sign-language"):
                for locale in ("de", "en"):
                    delete_page(db_session, slug, locale)
        with count_statements(connection) as statements:
            html = get(client, "/").get_data(as_text=True)
        assert html.count("<video") == 2 and "Nicht auf der Startseite" not in html
        assert (html.index(f"/gebaerdensprache/video/{first.id}")
                < html.index(f"/gebaerdensprache/video/{second.id}"))
        assert ("Eigener home-sign-language" in html) == present
        selects = [s for s in statements if "content_pages" in s or "sign_language_videos" in s]
        assert len(selects) == 1, selects
