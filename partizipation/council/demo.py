"""Demo data of this domain: the four bodies of Kreis Unna (DESIGN.md §3, rhythms from the
cooperation agreement §4), a current term of the Inklusionsbeirat with invented members."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from .. import clock
from ..people.models import Person
from ..people.services import save_person
from .memberships import MembershipData, save_membership
from .models import BodyKind, MembershipRole
from .services import save_body, save_term
from .support import record_disability_kinds, record_support_needs

EASY_COUNCIL = (
    "Der Inklusions·bei·rat ist eine Gruppe von Menschen mit Behinderungen.\n"
    "Die Gruppe berät den Kreis Unna.\n"
    "Sie sagt: Das brauchen Menschen mit Behinderungen.\n"
    "Die Gruppe trifft sich mehrmals im Jahr."
)

# (name, short name, kind, public, min, target, notice days, description, easy language)
BODIES = [
    ("Inklusionsbeirat", "Beirat", BodyKind.ADVISORY_COUNCIL, True, 4, 6, 14,
     "<p>Das Selbstvertretungsgremium der Menschen mit Behinderungen im Kreis Unna. "
     "Es berät Kreistag und Verwaltung (Demo-Text).</p>", EASY_COUNCIL),
    ("Lenkungsgruppe", "LG", BodyKind.STEERING_GROUP, True, 2, 2, 21,
     "<p>Kreisinklusionsbeauftragte, Entscheidungsträger*innen aus Politik und Verwaltung und "
     "Selbstvertreter*innen prüfen zweimal im Jahr die Fortschritte.</p>", ""),
    ("Netzwerk der Partizipationsbegleiter*innen", "Netzwerk", BodyKind.FACILITATOR_NETWORK,
     True, 2, 4, 14,
     "<p>Arbeitstreffen mindestens halbjährlich, angestrebt vierteljährlich.</p>", ""),
    ("Arbeitsgruppe der Kreisinklusionsbeauftragten", "AG KIB", BodyKind.WORKING_GROUP,
     False, 2, 4, 7,
     "<p>Austausch der Kreisinklusionsbeauftragten der teilnehmenden Kreise, meist digital."
     "</p>", ""),
]

# (key, name, organisation, listed, role, deputy of key, represents, disability kinds)
MEMBERS = [
    ("anna", "Anna Beispiel (erfunden)", "Blinden- und Sehbehindertenverein (erfunden)", True,
     MembershipRole.CHAIR, None, "Blinden- und Sehbehindertenverein (erfunden)", ["visual"]),
    ("bernd", "Bernd Muster (erfunden)", "", True, MembershipRole.DEPUTY_CHAIR, None,
     "Lebenshilfe-Ortsverein (erfunden)", ["mobility"]),
    ("max", "Max Muster (erfunden)", "", True, MembershipRole.MEMBER, None,
     "Selbsthilfegruppe Kamen (erfunden)", ["mobility"]),
    ("clara", "Clara Probe (erfunden)", "", True, MembershipRole.MEMBER, None,
     "Gehörlosenverein (erfunden)", ["hearing"]),
    ("dilek", "Dilek Testfrau (erfunden)", "", True, MembershipRole.MEMBER, None, "",
     ["mobility"]),
    ("emil", "Emil Platzhalter (erfunden)", "", False, MembershipRole.MEMBER, None, "", []),
    ("frieda", "Frieda Entwurf (erfunden)", "", True, MembershipRole.DEPUTY, "anna", "", []),
    ("georg", "Georg Skizzenmann (erfunden)", "", True, MembershipRole.DEPUTY, "max", "", []),
    ("hanna", "Hanna Skizze (erfunden)", "Kreisverwaltung Unna (erfunden)", True,
     MembershipRole.ADVISORY_MEMBER, None, "Kreisverwaltung", []),
]


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Add this domain's demo rows; return (role, email, password) of any accounts it creates."""
    officer = users["officer"]
    bodies = {}
    for name, short, kind, public, low, target, notice, html, easy in BODIES:
        bodies[kind] = save_body(session, None, {
            "name": name, "short_name": short, "kind": kind.value, "description_html": html,
            "easy_language_description": easy, "is_public": public,
            "min_meetings_per_year": low, "target_meetings_per_year": target,
            "notice_period_days": notice,
        }, actor=officer)
    council = bodies[BodyKind.ADVISORY_COUNCIL]
    today = clock.today()
    start = date(today.year - 1, 1, 1)
    term = save_term(session, council, None, starts_on=start,
                     ends_on=date(start.year + 5, 1, 1) - timedelta(days=1), actor=officer)
    memberships: dict[str, Any] = {}
    persons: dict[str, Person] = {}
    for key, name, org, listed, role, deputy_of, represents, _kinds in MEMBERS:
        person = save_person(session, None, {
            "name": name, "organisation": org, "is_listed": listed,
            "email": f"{key}@demo.invalid",
        }, actor=officer, today=start)
        persons[key] = person
        memberships[key] = save_membership(session, council, None, MembershipData(
            person_id=person.id, term_id=term.id, role=role.value,
            has_vote=role != MembershipRole.ADVISORY_MEMBER, starts_on=start,
            # One membership ends soon, so the officer's warning list shows something.
            ends_on=today + timedelta(days=60) if key == "hanna" else None,
            represents=represents,
            deputy_for_id=memberships[deputy_of].id if deputy_of else None,
        ), actor=officer)
    max_person = persons["max"]
    max_person.user_id = users["member"].id
    max_person.email = users["member"].email
    record_support_needs(session, max_person, needs=["easy_language", "step_free", "other"],
                         other_details="Unterlagen bitte zwei Wochen vor der Sitzung.",
                         consented=True, actor=users["member"])
    for key, *_rest, kinds in MEMBERS:
        if kinds:
            record_disability_kinds(session, persons[key], kinds=kinds, consented=True,
                                    actor=officer)
    session.flush()
    return []
