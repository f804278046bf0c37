"""The start page says only what exists (issue 12, item 15): no minutes, decisions or milestones
until the domains that bring them add their own sections."""

from __future__ import annotations

import pytest

from tests.helpers import page_text


@pytest.mark.parametrize(("lang", "absent", "present"), [
    ("de", ("Protokoll", "Beschlüsse", "Meilenstein"), ("Sitzungen", "Neuigkeiten")),
    ("en", ("minutes", "decisions", "milestone"), ("meetings", "news")),
])
def test_start_page_announces_only_what_exists(client, lang, absent, present):
    client.get(f"/sprache/{lang}")
    text = page_text(client.get("/"))
    for word in absent:
        assert word not in text, word
    for word in present:
        assert word in text, word
