"""How a person is named on pages, in lists and in files."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _l


def person_label(person: Any) -> str:
    """The person's name, or a neutral label once anonymised."""
    if person is None:
        return ""
    if person.anonymised_at is not None:
        return str(_l("Anonymised member"))
    return " ".join(part for part in (person.form_of_address, person.name) if part)


ISO_MOMENT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:\d{2}|Z)?")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

# Headings of the "my data" page; keys not listed are shown as they are.
DATA_KEYS = {
    "accounts": _l("Account"), "people": _l("Person and data requests"),
    "council": _l("Council and support"),
    "municipalities": _l("Municipalities"), "facilitators": _l("Participation facilitators"),
    "person": _l("Person"),
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
    # accounts
    "display_name": _l("Display name"), "locale": _l("Language"), "is_active": _l("Account active"),
    "has_password": _l("Password set"), "last_login_at": _l("Last sign-in"),
    # municipalities and facilitators
    "municipality_contact_roles": _l("Contact person for municipalities"),
    "municipality": _l("Municipality"), "since": _l("Since"), "ended_at": _l("Ended at"),
    "facilitator_roles": _l("Roles as a participation facilitator"),
    "status": _l("Status"), "employment_model": _l("Employment model"),
    "association_name": _l("Association"), "weekly_hours": _l("Hours per week"),
    "started_on": _l("Start date"), "ended_on": _l("End date"),
    "trained_on": _l("Training completed on"), "training_provider": _l("Training provider"),
    "history": _l("History"), "at": _l("When"), "action": _l("What happened"),
    "from": _l("Before"), "to": _l("After"), "reason": _l("Reason"),
    # barrier reports and news
    "barrier_reports": _l("Barrier reports"), "location": _l("Where"), "problem": _l("Problem"),
    "news_posts": _l("News posts"), "news_comments": _l("Comments on news"),
    "news_comment_reports": _l("Comments I reported"), "title": _l("Title"),
    "summary": _l("Summary"), "easy_language_text": _l("Text in Leichte Sprache"),
    "published_at": _l("Published at"), "post_id": _l("Number of the post"),
    "comment_id": _l("Number of the comment"),
}


def data_label(key: str) -> str:
    text = DATA_KEYS.get(key)
    if text is None:
        text = _domain_keys().get(key)
    return str(text) if text is not None else key.replace("_", " ").capitalize()


def _domain_keys() -> dict[str, Any]:
    """Headings a domain adds for its own keys (its `personal.DATA_LABELS`)."""
    from ..domains import with_personal_data

    found: dict[str, Any] = {}
    for domain in with_personal_data():
        found.update(getattr(domain.module("personal"), "DATA_LABELS", {}))
    return found


def data_value(key: str, value: Any) -> str:
    """A stored value of the "my data" page in words: codes as labels, ISO dates and moments
    as dates in the reader's language (also "date – date" ranges), numbers per locale."""
    from flask_babel import format_decimal

    if isinstance(value, bool):
        return str(_l("yes") if value else _l("no"))
    if isinstance(value, int | float):
        return str(format_decimal(value))
    if not isinstance(value, str):
        return str(value)
    for labels in _value_labels().get(key, ()):
        if value in labels:
            return str(labels[value])
    return _iso_in_words(value)


def _iso_in_words(value: str) -> str:
    """ISO dates and moments in `value` (alone or inside text, "Meeting (2026-09-15T16:00…)")
    as dates and times of the reader's language; other text as is."""
    from datetime import date, datetime

    from flask_babel import format_date, format_datetime

    def moment(match: re.Match[str]) -> str:
        try:
            return str(format_datetime(datetime.fromisoformat(match[0])))
        except ValueError:
            return match[0]

    def day(match: re.Match[str]) -> str:
        try:
            return str(format_date(date.fromisoformat(match[0])))
        except ValueError:
            return match[0]

    return ISO_DATE.sub(day, ISO_MOMENT.sub(moment, value))


def _value_labels() -> dict[str, list[dict[Any, Any]]]:
    """Labels of stored codes, per key, from each domain's `personal.VALUE_LABELS`."""
    from ..domains import with_personal_data

    found: dict[str, list[dict[Any, Any]]] = {}
    for domain in with_personal_data():
        for key, labels in getattr(domain.module("personal"), "VALUE_LABELS", {}).items():
            found.setdefault(key, []).append(labels)
    return found
