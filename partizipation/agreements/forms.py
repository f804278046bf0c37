"""Forms of the agreements domain. Rules between fields live in services."""

from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..forms import DateField, SelectField
from ..i18n import _l
from ..municipalities.forms import TrimmedForm, label_choices
from ..versioning import VersionField
from .models import KIND_LABELS, NOTICE_LABELS, STATUS_LABELS


class AgreementForm(TrimmedForm):
    version = VersionField()
    title = StringField(_l("Title"), validators=[
        DataRequired(message=_l("Enter the title of the agreement.")),
        Length(max=200, message=_l("The title can have at most 200 characters.")),
    ])
    kind = SelectField(_l("Kind of agreement"), choices=label_choices(KIND_LABELS),
                       validators=[InputRequired(message=_l("Choose the kind of agreement."))])
    status = RadioField(_l("Status"), choices=label_choices(STATUS_LABELS),
                        validators=[InputRequired(message=_l("Choose the status."))])
    summary = TextAreaField(_l("What it is about (optional)"), validators=[
        Length(max=4000, message=_l("The text can have at most 4,000 characters."))])
    signed_on = DateField(_l("Signed on (optional)"))
    in_force_from = DateField(_l("In force from (optional)"))
    valid_until = DateField(
        _l("Valid until (optional)"),
        description=_l("Leave empty when it runs without an end date. For example 30.04.2025"))
    until_replaced = BooleanField(_l("It applies until a new agreement replaces it"))
    notice_months = IntegerField(
        _l("Notice period in months (optional)"),
        description=_l("For example 6 for six months' notice. Leave empty without a notice "
                       "period."),
        validators=[Optional(), NumberRange(min=0, max=60, message=_l(
            "Enter a notice period of 0 to 60 months."))])
    notice_to = SelectField(_l("Notice can be given"), choices=label_choices(NOTICE_LABELS))
    ended_on = DateField(_l("Ended on (if ended)"))
    end_reason = StringField(_l("Why it ended (optional)"), validators=[
        Length(max=500, message=_l("The reason can have at most 500 characters."))])


AGREEMENT_FIELDS = ("title", "kind", "status", "summary", "signed_on", "in_force_from",
                    "valid_until", "until_replaced", "notice_months", "notice_to", "ended_on",
                    "end_reason")


class PartyForm(TrimmedForm):
    municipality_id = SelectField(_l("Municipality of the district"), coerce=str,
                                  description=_l("Or leave this empty and name an organisation."))
    organisation = StringField(_l("Organisation"), validators=[
        Length(max=200, message=_l("The name can have at most 200 characters."))])
    joined_on = DateField(_l("Joined on (optional)"),
                          description=_l("Empty: a party from the start. For example 01.01.2025"))
    left_on = DateField(_l("Left on (optional)"))


class LeaveForm(TrimmedForm):
    left_on = DateField(_l("Left on"), validators=[
        InputRequired(message=_l("Enter the day the party left."))])


class DocumentForm(TrimmedForm):
    title = StringField(_l("Title of the document"), validators=[
        DataRequired(message=_l("Enter the title of the document.")),
        Length(max=200, message=_l("The title can have at most 200 characters."))])
    file = FileField(_l("File (PDF, ODT, Word; optional)"),
                     description=_l("At most 20 MB. Or give a link below."))
    url = StringField(_l("Link to the document (optional)"), validators=[
        Length(max=500, message=_l("The web address can have at most 500 characters."))],
        render_kw={"spellcheck": "false"})
