"""The facts of agreements in words, as the list of agreements and an agreement's page show them
(templates/agreements/_summary_macros.html): kind, status, parties, term, the termination rule
and what it means today. Worked out in Python once per agreement, from the agreement or a row
of its columns; the words every agreement repeats are translated once per page (`Words`), not
once per row in the template. Every phrase is `Markup(translated) % values`, as `_()` in a
template gives it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import gettext, ngettext
from markupsafe import Markup

from .. import clock
from ..i18n import resolved
from ..templating import in_content
from .models import (
    KIND_LABELS,
    STATUS_LABELS,
    AgreementStatus,
    effective_status,
    ends_on,
    notice_of,
)
from .notice import NoticeTo

_KEYS = ("joined_left", "joined", "left", "from", "until", "until_replaced", "no_end",
         "until_only", "term_not_set", "any_time", "no_notice", "ended", "not_in_force",
         "open_replaced", "open", "end_any_time", "last_day_today", "no_agreement", "signed",
         "signed_ended")


class Words:
    """What one page needs to word agreements: the phrases translated, the label tables
    resolved, the date filter and today (once per page)."""

    def __init__(self) -> None:
        texts = (gettext("joined on %(joined)s, left on %(left)s"),
                 gettext("joined on %(date)s"), gettext("left on %(date)s"),
                 gettext("From %(date)s"), gettext("until %(date)s"),
                 gettext("until a new agreement replaces it"), gettext("without an end date"),
                 gettext("Until %(date)s"), gettext("Not set"), gettext("At any time"),
                 gettext("No notice period"), gettext("Ended on %(date)s."),
                 gettext("Not in force yet."),
                 gettext("Open-ended: it applies until a new agreement replaces it."),
                 gettext("Open-ended: no end date and no notice period."),
                 gettext("Either side may end it at any time."),
                 gettext("Today is the last day to give notice for the end on %(end)s."),
                 gettext("No agreement"), gettext("Signed on %(date)s"),
                 gettext("Signed on %(signed)s, ended on %(ended)s"))
        self.phrase = {key: Markup(text) for key, text in zip(_KEYS, texts, strict=True)}
        self.kinds = resolved(KIND_LABELS)
        self.statuses = resolved(STATUS_LABELS)
        self.date = current_app.jinja_env.filters["date"]
        self.today = clock.today()


@dataclass(slots=True)
class Summary:
    """An agreement in words: `parties` are (name, joined/left or None)."""

    kind: str
    status: str
    end_reason: Any
    parties: list[tuple[Any, Any]]
    signed_on: str
    term: Any
    rule: Any
    deadline: Any


def summary(agreement: Any, parties: Any, words: Words) -> Summary:
    """`agreement` (the model or a row of its columns) and its `parties` (with `name`,
    `joined_on`, `left_on`) in words."""
    status = effective_status(agreement, words.today)
    return Summary(
        kind=words.kinds.get(agreement.kind, agreement.kind),
        status=words.statuses.get(status, status),
        end_reason=(in_content(agreement.end_reason)
                    if status == AgreementStatus.ENDED and agreement.end_reason else None),
        parties=[(in_content(party.name), _party_dates(party, words)) for party in parties],
        signed_on=words.date(agreement.signed_on),
        term=_term(agreement, words), rule=_rule(agreement, words),
        deadline=_deadline(agreement, words))


def municipal_text(agreement: Any, words: Words) -> Any:
    """A municipality's agreement with the district in a table cell (a row of its id, status,
    signed_on, valid_until and ended_on, or None), as agreements/_macros.html words it."""
    if agreement is None:
        return words.phrase["no_agreement"]
    status = effective_status(agreement, words.today)
    if status == AgreementStatus.IN_FORCE and agreement.signed_on:
        return words.phrase["signed"] % {"date": words.date(agreement.signed_on)}
    if status == AgreementStatus.ENDED and agreement.signed_on:
        return words.phrase["signed_ended"] % {"signed": words.date(agreement.signed_on),
                                               "ended": words.date(ends_on(agreement))}
    return words.statuses.get(status, status)


def _party_dates(party: Any, words: Words) -> Any:
    if party.joined_on and party.left_on:
        return words.phrase["joined_left"] % {"joined": words.date(party.joined_on),
                                              "left": words.date(party.left_on)}
    if party.joined_on:
        return words.phrase["joined"] % {"date": words.date(party.joined_on)}
    if party.left_on:
        return words.phrase["left"] % {"date": words.date(party.left_on)}
    return None


def _term(agreement: Any, words: Words) -> Any:
    phrase = words.phrase
    if agreement.in_force_from:
        start = phrase["from"] % {"date": words.date(agreement.in_force_from)}
        if agreement.valid_until:
            end = phrase["until"] % {"date": words.date(agreement.valid_until)}
        else:
            end = phrase["until_replaced" if agreement.until_replaced else "no_end"]
        return start + Markup(" ") + end
    if agreement.valid_until:
        return phrase["until_only"] % {"date": words.date(agreement.valid_until)}
    return phrase["term_not_set"]


def _rule(agreement: Any, words: Words) -> Any:
    """The termination rule as written."""
    months, to = agreement.notice_months, agreement.notice_to
    if to == NoticeTo.ANY_TIME:
        if not months:
            return words.phrase["any_time"]
        return Markup(ngettext("At any time, with %(count)s month’s notice",
                               "At any time, with %(count)s months’ notice", months,
                               count=months))
    if to == NoticeTo.MONTH:
        return Markup(ngettext("%(count)s month’s notice to the end of a month",
                               "%(count)s months’ notice to the end of a month", months,
                               count=months))
    if to == NoticeTo.QUARTER:
        return Markup(ngettext("%(count)s month’s notice to the end of a quarter",
                               "%(count)s months’ notice to the end of a quarter", months,
                               count=months))
    if to == NoticeTo.YEAR:
        return Markup(ngettext("%(count)s month’s notice to the end of a year",
                               "%(count)s months’ notice to the end of a year", months,
                               count=months))
    return words.phrase["no_notice"]


def _deadline(agreement: Any, words: Words) -> Any:
    """The term and notice in words, as of today. (The numbers and dates put into the plural
    phrases hold nothing to escape.)"""
    phrase, as_date = words.phrase, words.date
    n = notice_of(agreement, words.today)
    if n.state == "ended":
        return phrase["ended"] % {"date": as_date(n.end)}
    if n.state == "not_in_force":
        return phrase["not_in_force"]
    if n.state == "fixed" and n.end:
        return Markup(ngettext("Ends on %(date)s (%(count)s day left).",
                               "Ends on %(date)s (%(count)s days left).", n.days_left or 0,
                               date=as_date(n.end), count=n.days_left))
    if n.state == "fixed":
        return phrase["open_replaced" if agreement.until_replaced else "open"]
    if n.state == "any_time":
        months = agreement.notice_months
        if not months:
            return phrase["end_any_time"]
        return Markup(ngettext(
            "Either side may give notice at any time, with %(count)s month’s notice: given "
            "today, it ends on %(date)s.",
            "Either side may give notice at any time, with %(count)s months’ notice: given "
            "today, it ends on %(date)s.", months, count=months, date=as_date(n.end)))
    if n.days_left == 0:
        return phrase["last_day_today"] % {"end": as_date(n.end)}
    return Markup(ngettext(
        "Last day to give notice: %(last)s (%(count)s day left), for the end on %(end)s.",
        "Last day to give notice: %(last)s (%(count)s days left), for the end on %(end)s.",
        n.days_left or 0, last=as_date(n.last_day), end=as_date(n.end), count=n.days_left))
