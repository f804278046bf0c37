"""Forms of the decisions domain. Every message says what to do."""

from __future__ import annotations

from typing import Any

from wtforms import IntegerField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..forms import DateField, Form, SelectField
from ..i18n import _l
from .labels import APPROVERS, KINDS, RESULTS, STATUSES


def _choices(table: dict) -> list[SelectChoice]:  # type: ignore[type-arg]
    return [SelectChoice(getattr(code, "value", code), text) for code, text in table.items()]


def _length(maximum: int) -> Length:
    return Length(max=maximum, message=_l("This can have at most %(max)s characters.",
                                          max=maximum))


def _count(label: Any) -> IntegerField:
    return IntegerField(label, validators=[
        Optional(), NumberRange(min=0, max=999, message=_l("Enter a number from 0 to 999."))])


class DecisionForm(Form):
    agenda_item_id = SelectField(_l("Agenda item"), coerce=int, validators=[
        InputRequired(message=_l("Choose an agenda item of this meeting."))])
    text = TextAreaField(_l("Text of the decision"), validators=[
        InputRequired(message=_l("Enter the text of the decision.")), _length(5000)])
    kind = RadioField(_l("Kind"), choices=_choices(KINDS), validators=[
        InputRequired(message=_l("Choose the kind of decision."))])
    result = RadioField(_l("How it was taken"), choices=_choices(RESULTS), validators=[
        InputRequired(message=_l("Choose how the decision was taken."))])
    votes_yes = _count(_l("Votes for"))
    votes_no = _count(_l("Votes against"))
    votes_abstain = _count(_l("Abstentions"))
    responsible = StringField(_l("Responsible person (optional)"), validators=[_length(200)])
    due_on = DateField(_l("Due date (optional)"))


class MoveForm(Form):
    """The fields of every step; each step reads the ones it needs."""

    note = TextAreaField(_l("Note (optional)"), validators=[_length(2000)])
    approver = RadioField(_l("Approved by"), choices=_choices(APPROVERS),
                          validate_choice=False)
    on = DateField(_l("Date"))
    reference = StringField(_l("Reference (optional)"), validators=[_length(200)],
                            description=_l("For example the file number of the approval"))
    reason = TextAreaField(_l("Why it was not approved"), validators=[_length(2000)])


class FilterForm(Form):
    class Meta:
        csrf = False

    status = SelectField(_l("Status"), choices=[SelectChoice("", _l("All")), *_choices(STATUSES)],
                         validate_choice=False)


FOLLOW_UP = {"": _l("All open decisions"), "waiting": _l("Waiting for approval"),
             "overdue": _l("Overdue"), "not_implemented": _l("Not yet implemented")}
SORTS = {"due": _l("Due date"), "meeting": _l("Meeting date"), "status": _l("Status")}


class FollowUpForm(Form):
    class Meta:
        csrf = False

    show = SelectField(_l("Show"), choices=_choices(FOLLOW_UP), validate_choice=False)
    body = SelectField(_l("Body"), coerce=int, validate_choice=False)
    sort = SelectField(_l("Sort by"), choices=_choices(SORTS), validate_choice=False)
