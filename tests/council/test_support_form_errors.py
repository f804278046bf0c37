"""The support-needs form reports every problem at once, and the consent box is read with the
consent text (issue 12, item 18)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import login

from .conftest import post

NEEDS = "/mein-bereich/unterstuetzung"


@pytest.fixture()
def as_member(client, member):
    login(client, member.email)
    return client


def test_nothing_chosen_and_no_consent_gives_both_errors(as_member):
    response = post(as_member, NEEDS, {})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="#needs-0"' in html and 'href="#consent"' in html
    assert 'id="needs-error"' in html and 'id="consent-error"' in html


def test_other_without_details_and_no_consent_gives_both_errors(as_member):
    html = post(as_member, NEEDS, {"needs": ["other"]}).get_data(as_text=True)
    assert 'href="#other_details"' in html and 'href="#consent"' in html


@pytest.mark.parametrize("url", [NEEDS, "/mein-bereich/behinderung"])
def test_the_consent_checkbox_is_described_by_the_consent_text(as_member, url):
    html = as_member.get(url).get_data(as_text=True)
    box = re.search(r'<input[^>]*id="consent"[^>]*>', html).group(0)
    described = re.search(r'aria-describedby="([^"]*)"', box).group(1).split()
    assert described[0] == "consent-text"
    assert re.search(r'<p id="consent-text"[^>]*>[^<]{40,}</p>', html)
