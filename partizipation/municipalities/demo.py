"""Demo data: the ten municipalities of Kreis Unna (real names and keys) and a contact account
for Bergkamen."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..accounts.services import create_user, generate_password
from .models import Municipality, MunicipalityContact, MunicipalityKind

TOWN, MUNICIPALITY = MunicipalityKind.TOWN.value, MunicipalityKind.MUNICIPALITY.value

# (name, kind, AGS, website). Their agreements with the district are the agreements domain's demo.
MUNICIPALITIES = [
    ("Bergkamen", TOWN, "05978004", "https://www.bergkamen.de"),
    ("Bönen", MUNICIPALITY, "05978008", "https://www.boenen.de"),
    ("Fröndenberg/Ruhr", TOWN, "05978012", "https://www.froendenberg.de"),
    ("Holzwickede", MUNICIPALITY, "05978016", "https://www.holzwickede.de"),
    ("Kamen", TOWN, "05978020", "https://www.kamen.de"),
    ("Lünen", TOWN, "05978024", "https://www.luenen.de"),
    ("Schwerte", TOWN, "05978028", "https://www.schwerte.de"),
    ("Selm", TOWN, "05978032", "https://www.selm.de"),
    ("Unna", TOWN, "05978036", "https://www.unna.de"),
    ("Werne", TOWN, "05978040", "https://www.werne.de"),
]

CONTACT = ("kontakt.bergkamen@example.org", "Sabine Beispiel (erfundene Ansprechperson Bergkamen)")


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Add this domain's demo rows; return (role, email, password) of the accounts it creates."""
    officer = users.get("officer")
    by_name = {}
    for name, kind, ags, website in MUNICIPALITIES:
        by_name[name] = Municipality(name=name, kind=kind, ags=ags, website=website)
    session.add_all(by_name.values())

    contact_password = generate_password()
    contact = create_user(session, email=CONTACT[0], display_name=CONTACT[1],
                          password=contact_password)
    session.add(MunicipalityContact(user=contact, municipality=by_name["Bergkamen"],
                                    created_by_id=officer.id if officer else None))
    session.flush()
    return [("contact", CONTACT[0], contact_password)]
