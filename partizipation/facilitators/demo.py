"""Demo data: a facilitator account in Unna and invented facilitators in every state, placed in
the municipalities of Kreis Unna that the municipalities domain added before."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.services import create_user, generate_password
from ..municipalities.models import Municipality
from ..people.models import Person
from .models import EmploymentModel, EventAction, Facilitator, FacilitatorEvent, FacilitatorStatus

FACILITATOR = ("begleitung.unna@example.org", "Jonas Probe (erfundener Partizipationsbegleiter)")
PROVIDER = "In Zukunft inklusiv (iZi.NRW)"

# (municipality, name, email, model, association, status, trained on, listed, reason)
FACILITATORS = [
    ("Kamen", "Aylin Muster (erfunden)", "aylin.muster@example.org",
     EmploymentModel.ADMINISTRATION, "", FacilitatorStatus.ACTIVE, date(2024, 6, 14), True, ""),
    ("Bergkamen", "Karl Beispielmann (erfunden)", "karl.beispielmann@example.org",
     EmploymentModel.VOLUNTEER, "", FacilitatorStatus.PROPOSED, None, True, ""),
    ("Lünen", "Mira Testfrau (erfunden)", "mira.testfrau@example.org",
     EmploymentModel.ASSOCIATION, "Selbsthilfe Lünen e.V. (erfunden)",
     FacilitatorStatus.CONFIRMED, None, True, ""),
    ("Schwerte", "Ole Platzhalter (erfunden)", None, EmploymentModel.VOLUNTEER, "",
     FacilitatorStatus.SENT_BACK, None, False,
     "Bitte geben Sie an, wie viele Stunden pro Woche vorgesehen sind."),
    ("Werne", "Greta Vorlage (erfunden)", "greta.vorlage@example.org",
     EmploymentModel.VOLUNTEER, "", FacilitatorStatus.ENDED, date(2023, 9, 1), False,
     "Umzug in eine andere Stadt"),
]


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Add this domain's demo rows; return (role, email, password) of the accounts it creates."""
    officer = users.get("officer")
    by_name = {m.name: m for m in session.scalars(select(Municipality))}

    facilitator_password = generate_password()
    account = create_user(session, email=FACILITATOR[0], display_name=FACILITATOR[1],
                          password=facilitator_password)
    own = _facilitator(session, by_name["Unna"], "Jonas Probe (erfunden)", FACILITATOR[0],
                       EmploymentModel.VOLUNTEER, "", FacilitatorStatus.ACTIVE,
                       date(2024, 2, 20), True, "", officer)
    own.person.user = account
    own.weekly_hours = 8

    for municipality, *rest in FACILITATORS:
        _facilitator(session, by_name[municipality], *rest, officer)  # type: ignore[arg-type, call-arg]
    session.flush()
    return [("facilitator", FACILITATOR[0], facilitator_password)]


def _facilitator(session: Session, municipality: Municipality, name: str, email: str | None,
                 model: EmploymentModel, association: str, status: FacilitatorStatus,
                 trained_on: date | None, listed: bool, reason: str, officer: Any) -> Facilitator:
    person = Person(name=name, email=email,
                    listing_consent_given_on=date(2024, 1, 15) if listed else None)
    facilitator = Facilitator(
        person=person, municipality=municipality, status=status.value,
        employment_model=model.value, association_name=association, started_on=date(2024, 1, 15),
        trained_on=trained_on, training_provider=PROVIDER if trained_on else "",
    )
    if status == FacilitatorStatus.ENDED:
        facilitator.ended_on, facilitator.end_reason = date(2025, 6, 30), reason
    session.add_all([person, facilitator])
    actor_id = officer.id if officer else None
    session.add(FacilitatorEvent(facilitator=facilitator, actor_id=actor_id,
                                 action=EventAction.REGISTERED.value, from_status=None,
                                 to_status=FacilitatorStatus.PROPOSED.value))
    steps = {
        FacilitatorStatus.SENT_BACK: [(EventAction.SENT_BACK, "sent_back", reason)],
        FacilitatorStatus.CONFIRMED: [(EventAction.CONFIRMED, "confirmed", "")],
        FacilitatorStatus.ACTIVE: [(EventAction.CONFIRMED, "confirmed", ""),
                                   (EventAction.ACTIVATED, "active", "")],
        FacilitatorStatus.ENDED: [(EventAction.CONFIRMED, "confirmed", ""),
                                  (EventAction.ACTIVATED, "active", ""),
                                  (EventAction.ENDED, "ended", reason)],
    }.get(status, [])
    previous = FacilitatorStatus.PROPOSED.value
    for action, to_status, note in steps:
        session.add(FacilitatorEvent(facilitator=facilitator, actor_id=actor_id,
                                     action=action.value, from_status=previous,
                                     to_status=to_status, reason=note))
        previous = to_status
    return facilitator
