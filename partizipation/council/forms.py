"""Forms of the council domain. Every message says what to do."""

from __future__ import annotations

from typing import Any

from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, ValidationError

from ..forms import DateField, Form, MultiCheckboxField, SelectField
from ..i18n import _l
from ..localize import example_date
from ..people.forms import PersonFields
from ..versioning import VersionField
from . import labels


def _int_or_zero(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class CountField(IntegerField):
    """A whole number typed as text, with a message that says what to type."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist or not str(valuelist[0]).strip():
            self.data = None
            return
        try:
            self.data = int(str(valuelist[0]).strip())
        except ValueError:
            self.data = None
            raise ValueError(str(_l("Enter a whole number, like 4."))) from None


def _count(label: Any, maximum: int, required: Any) -> CountField:
    return CountField(label, validators=[
        InputRequired(message=required),
        NumberRange(min=0, max=maximum,
                    message=_l("Enter a number from 0 to %(max)s.", max=maximum)),
    ])


class BodyForm(Form):
    version = VersionField()
    name = StringField(_l("Name"), validators=[
        InputRequired(message=_l("Enter the name of the body.")),
        Length(max=200, message=_l("The name can have at most 200 characters.")),
    ])
    short_name = StringField(_l("Short name (optional)"), validators=[
        Length(max=40, message=_l("The short name can have at most 40 characters.")),
    ])
    kind = RadioField(_l("Kind of body"), choices=labels.choices("body_kind"),
                      validate_choice=False,
                      validators=[InputRequired(message=_l("Choose the kind of body."))])
    description_html = TextAreaField(
        _l("Description"),
        description=_l("Simple HTML is allowed: paragraphs, lists, links, headings."),
        validators=[Length(max=20000, message=_l(
            "The description can have at most 20000 characters."))],
    )
    easy_language_description = TextAreaField(
        _l("Description in easy language"),
        description=_l("Short sentences, one statement each. Shown on the public page."),
        validators=[Length(max=20000, message=_l(
            "The easy language description can have at most 20000 characters."))],
    )
    is_public = BooleanField(_l("Public: anyone can see this body and its listed members"))
    min_meetings_per_year = _count(_l("Minimum meetings per year"), 52,
                                   _l("Enter the minimum number of meetings per year."))
    target_meetings_per_year = _count(_l("Target meetings per year"), 52,
                                      _l("Enter the number of meetings per year you aim for."))
    notice_period_days = _count(_l("Notice period for invitations in days"), 365,
                                _l("Enter the notice period in days, like 14."))


class TermForm(Form):
    version = VersionField()
    starts_on = DateField(_l("Start of the term"), validators=[
        InputRequired(message=_l("Enter the first day of the term, like %(example)s.",
            example=example_date(1, 1)))])
    ends_on = DateField(_l("End of the term"), validators=[
        InputRequired(message=_l("Enter the last day of the term, like %(example)s.",
            example=example_date(31, 12, 2030)))])
    cut_memberships = BooleanField(
        _l("Memberships that would last longer end on the new last day of the term"))


class EndTermForm(Form):
    ends_on = DateField(_l("Last day of the term"), validators=[
        InputRequired(message=_l("Enter the last day of the term, like %(example)s.",
            example=example_date(31, 10)))])


class CarryOverForm(Form):
    """The next term and the members carried into it, checked in a summary before saving."""

    starts_on = DateField(_l("Start of the new term"), validators=[
        InputRequired(message=_l("Enter the first day of the new term, like %(example)s.",
            example=example_date(1, 11)))])
    ends_on = DateField(_l("End of the new term"), validators=[
        InputRequired(message=_l("Enter the last day of the new term, like %(example)s.",
            example=example_date(31, 10, 2031)))])
    membership_ids = MultiCheckboxField(
        _l("Members who continue in the new term"), coerce=_int_or_zero, validate_choice=False,
        description=_l("They keep their role, their vote and what they represent. A personal "
                       "deputy continues only together with their member."))


class IdField(HiddenField):
    """The id of a row chosen elsewhere on the page (0 when none)."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = _int_or_zero(valuelist[0] if valuelist else 0)


class MembershipFields(Form):
    version = VersionField()
    term_id = SelectField(_l("Term"), coerce=_int_or_zero, validate_choice=False)
    role = RadioField(_l("Role"), choices=labels.choices("role"), validate_choice=False,
                      validators=[InputRequired(message=_l("Choose a role."))])
    deputy_for_id = SelectField(
        _l("Deputises for"), coerce=_int_or_zero, validate_choice=False,
        description=_l("Only for a personal deputy: the member this person stands in for."))
    has_vote = BooleanField(_l("Has a vote"), default=True)
    starts_on = DateField(_l("Member from"), validators=[
        InputRequired(message=_l("Enter the first day of the membership, like %(example)s.",
            example=example_date(1, 1)))])
    ends_on = DateField(_l("Member until (optional)"),
                        description=_l("Leave empty if the membership lasts to the end of the "
                                       "term. For example %(example)s",
                                           example=example_date(31, 12, 2030)))
    represents = StringField(
        _l("Represents (optional)"),
        description=_l("For example an association or a municipality."),
        validators=[Length(max=200, message=_l("This can have at most 200 characters."))])


class MembershipForm(MembershipFields):
    pass


class AddMemberForm(MembershipFields, PersonFields):
    """Add a person (new or existing) and make them a member, in one step."""

    # Chosen by the search above the form; 0 for a new person entered in the fields below.
    person_id = IdField()
    invite = BooleanField(_l("Invite the person by email to create an account"))

    def validate_name(self, field: Any) -> None:
        if not self.person_id.data and not (field.data or "").strip():
            raise ValidationError(_l("Enter the new person's full name, or choose a person."))

    def validate_invite(self, field: Any) -> None:
        if field.data and not self.person_id.data and not (self.email.data or "").strip():
            raise ValidationError(_l("Enter an email address to invite the person, or do not "
                                     "tick the box."))


class EndMembershipForm(Form):
    ends_on = DateField(_l("Last day of the membership"), validators=[
        InputRequired(message=_l("Enter the last day of the membership, like %(example)s.",
            example=example_date(31, 12)))])
    reason = RadioField(_l("Reason"), choices=labels.choices("end_reason"),
                        validate_choice=False,
                        validators=[InputRequired(message=_l(
                            "Choose why the membership ends."))])
    # Only shown when the member has a personal deputy.
    deputy_action = RadioField(_l("What happens to the personal deputy?"), validate_choice=False,
                               choices=labels.choices("deputy_action"))
    new_principal_id = SelectField(_l("New member for the personal deputy"),
                                   coerce=_int_or_zero, validate_choice=False,
                                   description=_l("Only if the deputy stands in for another "
                                                  "member from now on."))


class SupportNeedsForm(Form):
    needs = MultiCheckboxField(_l("The support I need"), choices=labels.choices("need"),
                               validate_choice=False)
    other_details = TextAreaField(
        _l("Other support or details (optional)"),
        description=_l("For example: I need the papers two weeks before the meeting."),
        validators=[Length(max=500, message=_l("This can have at most 500 characters."))])
    consent = BooleanField(_l("I agree"))
    # Set by the view: whether saving needs the box ticked (no consent on record yet). The
    # service decides; the form only reports every problem at once instead of one at a time.
    consent_needed = True

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        kinds = [kind for kind in self.needs.data or [] if kind]
        details = (self.other_details.data or "").strip()
        if "other" in kinds and not details:
            self.other_details.errors = [*self.other_details.errors,
                                         str(_l("Describe the other support you need."))]
        elif not kinds and not details:
            self.needs.errors = [*self.needs.errors, str(_l(
                "Choose at least one kind of support. If you need none, you do not have to save "
                "anything."))]
        if self.consent_needed and not self.consent.data:
            self.consent.errors = [*self.consent.errors, str(_l(
                "Tick the box to agree. Without your consent we cannot store your support "
                "needs."))]
        return valid and not (self.needs.errors or self.other_details.errors
                              or self.consent.errors)


class ListingForm(Form):
    is_listed = BooleanField(_l("I agree to be named on the public page of my bodies"))


class DisabilityForm(Form):
    kinds = MultiCheckboxField(_l("Kind of disability"), choices=labels.choices("disability"),
                               validate_choice=False)
    consent = BooleanField(_l("I agree"))
