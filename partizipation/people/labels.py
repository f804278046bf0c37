"""How a person is named on pages, in lists and in files."""

from __future__ import annotations

from typing import Any

from ..i18n import _l


def person_label(person: Any) -> str:
    """The person's name, or a neutral label once anonymised."""
    if person is None:
        return ""
    if person.anonymised_at is not None:
        return str(_l("Anonymised member"))
    return " ".join(part for part in (person.form_of_address, person.name) if part)


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
    """A stored value of the "my data" page in words: codes as labels, ISO dates as dates."""
    from datetime import date, datetime

    from flask_babel import format_date, format_datetime

    if not isinstance(value, str):
        return str(value)
    for labels in _value_labels().get(key, ()):
        if value in labels:
            return str(labels[value])
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


def _value_labels() -> dict[str, list[dict[Any, Any]]]:
    """Labels of stored codes, per key, from each domain's `personal.VALUE_LABELS`."""
    from ..domains import with_personal_data

    found: dict[str, list[dict[Any, Any]]] = {}
    for domain in with_personal_data():
        for key, labels in getattr(domain.module("personal"), "VALUE_LABELS", {}).items():
            found.setdefault(key, []).append(labels)
    return found
