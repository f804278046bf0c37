"""Human labels for the stored codes (shown in forms, pages and the CSV)."""

from __future__ import annotations

from typing import Any

from wtforms.fields.choices import SelectChoice

from ..i18n import _l
from .models import BodyKind, DisabilityKind, EndReason, MembershipRole, SupportNeedKind

BODY_KINDS = {
    BodyKind.ADVISORY_COUNCIL: _l("Advisory council"),
    BodyKind.STEERING_GROUP: _l("Steering group"),
    BodyKind.FACILITATOR_NETWORK: _l("Facilitator network"),
    BodyKind.WORKING_GROUP: _l("Working group"),
    BodyKind.OTHER: _l("Other body"),
}
ROLES = {
    MembershipRole.CHAIR: _l("Chair"),
    MembershipRole.DEPUTY_CHAIR: _l("Deputy chair"),
    MembershipRole.MEMBER: _l("Member"),
    MembershipRole.ADVISORY_MEMBER: _l("Advisory member (no vote)"),
    MembershipRole.DEPUTY: _l("Personal deputy"),
}
ROLE_GROUPS = {
    MembershipRole.CHAIR: _l("Chair"),
    MembershipRole.DEPUTY_CHAIR: _l("Deputy chair"),
    MembershipRole.MEMBER: _l("Members"),
    MembershipRole.ADVISORY_MEMBER: _l("Advisory members"),
}
END_REASONS = {
    EndReason.TERM_ENDED: _l("The term ended"),
    EndReason.RESIGNED: _l("Resigned"),
    EndReason.REPLACED: _l("Replaced"),
}
SUPPORT_NEEDS = {
    SupportNeedKind.SIGN_LANGUAGE: _l("German Sign Language interpreting"),
    SupportNeedKind.SPEECH_TO_TEXT: _l("Speech-to-text interpreting"),
    SupportNeedKind.EASY_LANGUAGE: _l("Documents in easy language"),
    SupportNeedKind.LARGE_PRINT: _l("Large print"),
    SupportNeedKind.BRAILLE: _l("Braille"),
    SupportNeedKind.INDUCTION_LOOP: _l("Induction loop"),
    SupportNeedKind.STEP_FREE: _l("Step-free access"),
    SupportNeedKind.ASSISTANCE: _l("Personal assistance or a companion"),
    SupportNeedKind.QUIET_ROOM: _l("A quiet room"),
    SupportNeedKind.OTHER: _l("Other support"),
}
DISABILITY_KINDS = {
    DisabilityKind.VISUAL: _l("Blind or visually impaired"),
    DisabilityKind.HEARING: _l("Deaf or hard of hearing"),
    DisabilityKind.DEAFBLIND: _l("Deafblind"),
    DisabilityKind.MOBILITY: _l("Physical or mobility impairment"),
    DisabilityKind.LEARNING: _l("Learning disability"),
    DisabilityKind.MENTAL_HEALTH: _l("Mental health condition"),
    DisabilityKind.CHRONIC_ILLNESS: _l("Chronic illness"),
    DisabilityKind.NEURODIVERGENT: _l("Autism or other neurodivergence"),
    DisabilityKind.SPEECH: _l("Speech impairment"),
    DisabilityKind.OTHER: _l("Another disability"),
}
TABLES: dict[str, dict[Any, Any]] = {
    "body_kind": BODY_KINDS, "role": ROLES, "role_group": ROLE_GROUPS, "end_reason": END_REASONS,
    "need": SUPPORT_NEEDS, "disability": DISABILITY_KINDS,
}


def label(table: str, code: Any) -> str:
    """The label of a stored code, or the code itself when unknown."""
    if code is None:
        return ""
    return str(TABLES[table].get(code, code))


def choices(table: str) -> list[SelectChoice]:
    return [SelectChoice(code.value, text) for code, text in TABLES[table].items()]


# Headings of the "my data" page; keys not listed are shown as they are.
DATA_KEYS = {
    "account": _l("Account"), "council": _l("Council and support"),
    "municipalities": _l("Municipalities"), "person": _l("Person"),
    "name": _l("Name"), "form_of_address": _l("Form of address"),
    "organisation": _l("Organisation"), "function": _l("Function"), "email": _l("Email address"),
    "phone": _l("Phone"), "listing_consent_given_on": _l("Agreed to be listed publicly on"),
    "listing_consent_withdrawn_on": _l("Withdrew the public listing on"),
    "created_at": _l("Created at"), "memberships": _l("Memberships"), "body": _l("Body"),
    "term": _l("Term"), "role": _l("Role"), "has_vote": _l("Has a vote"),
    "starts_on": _l("From"), "ends_on": _l("Until"), "end_reason": _l("Reason for the end"),
    "represents": _l("Represents"), "deputy_for": _l("Personal deputy for"),
    "support_needs": _l("Support needs"), "disability_kinds": _l("Kind of disability"),
    "consent": _l("Consent"), "text": _l("Text"), "text_version": _l("Version of the text"),
    "consented_at": _l("Agreed at"), "items": _l("Entries"), "kind": _l("Kind"),
    "details": _l("Details"), "deletion_requests": _l("Deletion requests"),
    "requested_at": _l("Asked at"), "completed_at": _l("Completed at"),
}


def data_label(key: str) -> str:
    text = DATA_KEYS.get(key)
    return str(text) if text is not None else key.replace("_", " ").capitalize()


def data_value(key: str, value: Any) -> str:
    """A stored value of the "my data" page in words: codes as labels, ISO dates as dates."""
    from datetime import date, datetime

    from flask_babel import format_date, format_datetime

    if not isinstance(value, str):
        return str(value)
    tables = {"role": ["role"], "end_reason": ["end_reason"], "kind": ["need", "disability"]}
    for table in tables.get(key, []):
        if value in TABLES[table]:
            return label(table, value)
    if key.endswith("_at"):
        try:
            return str(format_datetime(datetime.fromisoformat(value)))
        except ValueError:
            return value
    if key.endswith("_on"):
        try:
            return str(format_date(date.fromisoformat(value)))
        except ValueError:
            return value
    return value
