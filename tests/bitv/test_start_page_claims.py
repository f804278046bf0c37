"""The start page says only what exists (issue 12, item 15): its text names what the platform
has, and each domain adds its own section (meetings, milestones, news) — none claims more."""

from __future__ import annotations

from datetime import date

import pytest

from partizipation import domains
from tests.agreements.factories import create_agreement
from tests.helpers import page_text
from tests.milestones.factories import create_milestone


def test_only_the_domains_that_exist_add_a_start_page_section():
    assert {"meetings/_home.html", "news/_home.html", "milestones/_home.html"} <= set(
        domains.home_sections())


@pytest.mark.parametrize(("lang", "sentence", "link"), [
    ("de", "1 von 2 Meilensteinen erreicht.", "Wo jeder Meilenstein steht"),
    ("en", "1 of 2 milestones achieved.", "Where each milestone stands"),
])
def test_the_milestones_section_says_how_far_the_district_is(client, db_session, lang,
                                                              sentence, link):
    client.get(f"/sprache/{lang}")
    assert link not in page_text(client.get("/"))  # no milestones yet: no section
    agreement = create_agreement(db_session, "Kooperation")
    create_milestone(db_session, agreement, "a", status="achieved", achieved_on=date(2025, 6, 1))
    create_milestone(db_session, agreement, "b", status="in_progress")
    text = page_text(client.get("/"))
    assert sentence in text and link in text


@pytest.mark.parametrize(("lang", "claims"), [
    ("de", ("Sitzungen", "Neuigkeiten", "Partizipationsbegleiter")),
    ("en", ("meetings", "news", "facilitators")),
])
def test_the_start_text_names_what_exists(client, lang, claims):
    client.get(f"/sprache/{lang}")
    text = page_text(client.get("/"))
    for word in claims:
        assert word in text, word
