"""Done when: a harvester starting at /oparl/v1.1/system on the demo site reaches the district,
the Inklusionsbeirat with its listed members, its public meetings with agenda items and
documents, and the Kreishaus; every object valid; the unlisted member and the non-public agenda
item appear nowhere."""

from __future__ import annotations

import json

from partizipation.council.demo import MEMBERS
from partizipation.db import db
from partizipation.demo import load_demo_data

from .harvest import harvest


def test_harvest_of_the_demo_site(app, client):
    with app.test_request_context():
        load_demo_data(db.session)
    seen = harvest(client)
    objects = [d for d in seen.values() if isinstance(d, dict)]
    text = json.dumps(objects, ensure_ascii=False)
    by_type: dict[str, list[dict]] = {}
    for page in objects:
        for obj in page.get("data", [page]):
            by_type.setdefault(obj["type"].rsplit("/", 1)[1], []).append(obj)

    organizations = {o["name"] for o in by_type["Organization"]}
    assert "Inklusionsbeirat" in organizations
    persons = {p["name"] for p in by_type["Person"]}
    listed = {name for _k, name, _o, is_listed, *_ in MEMBERS if is_listed}
    unlisted = {name for _k, name, _o, is_listed, *_ in MEMBERS if not is_listed}
    assert listed <= persons
    assert not unlisted & persons and not any(name in text for name in unlisted)
    assert by_type["Meeting"] and by_type["AgendaItem"] and by_type["File"]
    assert any("Kreishaus" in loc["description"] for loc in by_type["Location"])
    assert "Personalangelegenheit" not in text
    assert not any(key in text for key in ('"email"', '"phone"', "@example.org"))
