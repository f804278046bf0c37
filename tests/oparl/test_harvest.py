"""A harvester walks the whole API from the System, following URLs only: every URL answers, every
object and list is valid against the official schemas, and nothing non-public appears."""

from __future__ import annotations

import json

from .conftest import BASE
from .harvest import harvest


def test_walk_reaches_everything_public_and_nothing_else(client, world):
    seen = harvest(client)
    ids = {url for url, data in seen.items() if isinstance(data, dict) and "id" in data}
    text = json.dumps([d for d in seen.values() if isinstance(d, dict)], ensure_ascii=False)

    # What a user of the data notices: the district, the council, its listed members, the
    # public meeting with its public agenda, the documents and their easy-language version,
    # the Kreishaus with its accessibility.
    body = seen[f"{BASE}/body/1"]
    assert body["ags"] == "05978" and body["classification"] == "Kreis"
    assert f"{BASE}/organization/{world.council.id}" in ids
    assert f"{BASE}/person/{world.listed.id}" in ids
    assert f"{BASE}/meeting/{world.meeting.id}" in ids
    assert f"{BASE}/agendaItem/{world.public_item.id}" in ids
    assert f"{BASE}/file/{world.invitation.id}" in ids
    assert f"{BASE}/file/{world.easy_invitation.id}" in ids
    assert f"{BASE}/location/{world.place.id}" in ids
    assert f"{BASE}/file/{world.invitation.id}/access" in seen
    assert "Lea Gelistet" in text and "Stufenloser Eingang" in text

    # Nothing non-public or personal, anywhere in the walk.
    for secret in world.secrets:
        assert secret not in text, secret
    for hidden in (f"person/{world.unlisted.id}", f"person/{world.hidden_member.id}",
                   f"organization/{world.hidden_body.id}", f"meeting/{world.planned.id}",
                   f"meeting/{world.closed_meeting.id}",
                   f"meeting/{world.hidden_body_meeting.id}",
                   f"agendaItem/{world.closed_item.id}", f"file/{world.internal_note.id}",
                   f"file/{world.closed_note.id}"):
        assert f"{BASE}/{hidden}" not in ids, hidden
        assert f'"{BASE}/{hidden}"' not in text, hidden
    assert not any(b"Interner Vermerk" in d for d in seen.values() if isinstance(d, bytes))


def test_walk_on_an_empty_platform(client):
    seen = harvest(client)
    assert seen[f"{BASE}/body/1/meeting"]["data"] == []
    assert seen[f"{BASE}/body/1"]["legislativeTerm"] == []


def test_lists_with_deleted_objects_name_nothing_non_public(client, world):
    """Asked what changed (deleted objects included), the lists still name nothing hidden."""
    from .schemas import validate_list

    since = "2000-01-01T00%3A00%3A00%2B01%3A00"
    text = ""
    for name in ("organization", "person", "membership", "meeting", "agendaItem", "file",
                 "location", "legislativeTerm", "paper"):
        response = client.get(f"{BASE}/body/1/{name}?modified_since={since}")
        assert response.status_code == 200
        validate_list(response.get_json())
        text += response.get_data(as_text=True)
    for secret in world.secrets:
        assert secret not in text, secret
    assert f"{BASE}/person/{world.unlisted.id}\"" not in text
