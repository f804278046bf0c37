"""Support needs and kind of disability: health data (Art. 9 GDPR).

Stored only with explicit consent; the consent row records the exact text and the time.
Withdrawing consent deletes the data rows and the consent itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..domain import DomainError
from ..i18n import _l
from ..people.models import Person
from .memberships import current_memberships
from .models import (
    Body,
    ConsentPurpose,
    DisabilityKind,
    PersonDisability,
    SupportConsent,
    SupportNeed,
    SupportNeedKind,
)

# Raise the version whenever the text changes: the stored rows say which text was agreed to.
SUPPORT_CONSENT_VERSION = "support-needs-2026-11"
SUPPORT_CONSENT_TEXT = _l(
    "I agree that the platform stores the support I need to take part. Only I and the "
    "district inclusion officer can see it. It is used only to prepare meetings. I can withdraw "
    "my consent at any time; then this information is deleted."
)
DISABILITY_CONSENT_VERSION = "disability-kind-2026-11"
DISABILITY_CONSENT_TEXT = _l(
    "I agree that the platform stores the kind of my disability. Only I and the district "
    "inclusion officer can see it. It is used only to count which groups take part in a body; "
    "groups of fewer than 3 people are never shown. I can withdraw my consent at any time; then "
    "this information is deleted."
)
# Aggregates of disability kinds are shown only for groups at least this large.
MIN_GROUP_SIZE = 3


def consent(session: Session, person: Person, purpose: ConsentPurpose) -> SupportConsent | None:
    return session.scalar(select(SupportConsent).where(
        SupportConsent.person_id == person.id, SupportConsent.purpose == purpose))


def needs_of(session: Session, person: Person) -> list[SupportNeed]:
    return list(session.scalars(
        select(SupportNeed).where(SupportNeed.person_id == person.id).order_by(SupportNeed.id)))


def disabilities_of(session: Session, person: Person) -> list[PersonDisability]:
    return list(session.scalars(select(PersonDisability)
                                .where(PersonDisability.person_id == person.id)
                                .order_by(PersonDisability.id)))


def needs_consent(session: Session, person: Person, purpose: ConsentPurpose) -> bool:
    """Whether the person must (still or again) agree: no consent yet, or to an older text."""
    version = (SUPPORT_CONSENT_VERSION if purpose == ConsentPurpose.SUPPORT_NEEDS
               else DISABILITY_CONSENT_VERSION)
    row = consent(session, person, purpose)
    return row is None or row.text_version != version


def _record_consent(
    session: Session, person: Person, purpose: ConsentPurpose, version: str, text: Any
) -> None:
    row = consent(session, person, purpose)
    if row is None:
        session.add(SupportConsent(person_id=person.id, purpose=purpose.value,
                                   text_version=version, consent_text=str(text)))
    elif row.text_version != version:
        row.text_version, row.consent_text = version, str(text)


def record_support_needs(
    session: Session, person: Person, *, needs: list[str], other_details: str,
    consented: bool, actor: User,
) -> None:
    """Store the person's support needs (replacing earlier ones); needs consent once, and again
    only when the consent text changed."""
    if not consented and needs_consent(session, person, ConsentPurpose.SUPPORT_NEEDS):
        raise DomainError(
            _l("Tick the box to agree. Without your consent we cannot store your support needs."),
            "consent",
        )
    other_details = other_details.strip()
    # Each kind once, whatever the request repeats (needs=braille&needs=braille).
    kinds = list(dict.fromkeys(k for k in needs if k in {v.value for v in SupportNeedKind}))
    if other_details and SupportNeedKind.OTHER not in kinds:
        kinds.append(SupportNeedKind.OTHER.value)
    if SupportNeedKind.OTHER in kinds and not other_details:
        raise DomainError(_l("Describe the other support you need."), "other_details")
    if not kinds:
        raise DomainError(
            _l("Choose at least one kind of support. If you need none, you do not have to save "
               "anything."),
            "needs",
        )
    _record_consent(session, person, ConsentPurpose.SUPPORT_NEEDS, SUPPORT_CONSENT_VERSION,
                    SUPPORT_CONSENT_TEXT)
    session.execute(delete(SupportNeed).where(SupportNeed.person_id == person.id))
    for kind in kinds:
        details = other_details if kind == SupportNeedKind.OTHER else ""
        session.add(SupportNeed(person_id=person.id, kind=kind, details=details))
    session.flush()


def record_disability_kinds(
    session: Session, person: Person, *, kinds: list[str], consented: bool, actor: User
) -> None:
    """Store the kind(s) of disability the person chose to give; needs its own consent (once)."""
    if not consented and needs_consent(session, person, ConsentPurpose.DISABILITY_KIND):
        raise DomainError(
            _l("Tick the box to agree. Without your consent we cannot store this information."),
            "consent",
        )
    chosen = list(dict.fromkeys(k for k in kinds if k in {v.value for v in DisabilityKind}))
    if not chosen:
        raise DomainError(_l("Choose at least one kind, or leave this page without saving."),
                           "kinds")
    _record_consent(session, person, ConsentPurpose.DISABILITY_KIND, DISABILITY_CONSENT_VERSION,
                    DISABILITY_CONSENT_TEXT)
    session.execute(delete(PersonDisability).where(PersonDisability.person_id == person.id))
    session.add_all(PersonDisability(person_id=person.id, kind=k) for k in chosen)
    session.flush()


def withdraw_consent(session: Session, person: Person, purpose: ConsentPurpose, *,
                     actor: User | None) -> None:
    """Withdraw a consent: the data it covered is deleted for real, and the consent row too."""
    table = SupportNeed if purpose == ConsentPurpose.SUPPORT_NEEDS else PersonDisability
    session.execute(delete(table).where(table.person_id == person.id))
    session.execute(delete(SupportConsent).where(SupportConsent.person_id == person.id,
                                                 SupportConsent.purpose == purpose))
    session.flush()


@dataclass
class SupportSummary:
    members: int
    counts: list[tuple[str, int]]
    people: list[tuple[Person, list[SupportNeed]]]


def support_summary(session: Session, body: Body) -> SupportSummary:
    """Needs of the body's current members (for the officer; feeds meeting logistics)."""
    memberships = current_memberships(session, body)
    persons = {m.person_id: m.person for m in memberships}
    needs = list(session.scalars(
        select(SupportNeed).where(SupportNeed.person_id.in_(persons or [-1]))
        .order_by(SupportNeed.person_id, SupportNeed.id)))
    by_person: dict[int, list[SupportNeed]] = {}
    for need in needs:
        by_person.setdefault(need.person_id, []).append(need)
    counter = Counter(n.kind for n in needs)
    counts = [(k.value, counter[k.value]) for k in SupportNeedKind if counter[k.value]]
    people = sorted(((persons[pid], rows) for pid, rows in by_person.items()),
                    key=lambda item: item[0].name)
    return SupportSummary(members=len(persons), counts=counts, people=people)


@dataclass
class DisabilitySummary:
    respondents: int | None  # None: fewer than MIN_GROUP_SIZE
    counts: list[tuple[str, int | None]]


def disability_summary(session: Session, body: Body) -> DisabilitySummary:
    """How many current members belong to each group; groups under 3 are not shown."""
    person_ids = {m.person_id for m in current_memberships(session, body)}
    rows = list(session.execute(
        select(PersonDisability.person_id, PersonDisability.kind)
        .where(PersonDisability.person_id.in_(person_ids or [-1]))))
    counter = Counter(kind for _, kind in rows)
    respondents = len({pid for pid, _ in rows})

    def shown(n: int) -> int | None:
        return n if n >= MIN_GROUP_SIZE else None

    return DisabilitySummary(
        respondents=shown(respondents),
        counts=[(k.value, shown(counter[k.value])) for k in DisabilityKind],
    )
