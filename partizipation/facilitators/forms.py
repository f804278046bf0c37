"""Forms of the facilitators domain. Rules that need the database live in services."""

from __future__ import annotations

from typing import Any

from wtforms import BooleanField, EmailField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..forms import DateField, MultiCheckboxField, email_validators, not_in_future
from ..i18n import _l
from ..localize import example_date, example_number, format_input_number, parse_input_number
from ..municipalities.forms import TrimmedForm, label_choices
from ..versioning import VersionField
from .models import EMPLOYMENT_LABELS


class HoursField(StringField):
    """Hours per week as a number; a decimal comma is fine (19,5). Empty is None."""

    def _value(self) -> str:
        if self.raw_data:
            return " ".join(self.raw_data)
        if self.data is None:
            return ""
        return format_input_number(self.data)

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            self.data = None
            return
        self.data = parse_input_number(text)
        if self.data is None:
            raise ValueError(str(_l("Enter the hours per week as a number, like %(example)s.",
                                    example=example_number(19.5))))
        if not 0 < self.data <= 60:
            raise ValueError(str(_l("Enter between %(low)s and %(high)s hours per week.",
                                    low=example_number(0.5), high=example_number(60))))


class FacilitatorForm(TrimmedForm):
    version = VersionField()
    form_of_address = StringField(
        _l("Form of address (optional)"), description=_l("For example Frau or Herr."),
        validators=[Length(max=40, message=_l(
            "The form of address can have at most 40 characters."))],
    )
    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter the facilitator's name.")),
        Length(max=200, message=_l("The name can have at most 200 characters.")),
    ])
    email = EmailField(
        _l("Email address (optional)"),
        description=_l("Used by the network and for messages through the directory. "
                       "It is never shown publicly."),
        validators=[Optional(), *email_validators()], render_kw={"spellcheck": "false"},
    )
    phone = StringField(_l("Phone (optional)"), validators=[
        Length(max=50, message=_l("The phone number can have at most 50 characters."))])
    listing_consent = BooleanField(
        _l("The person agrees to be listed by name in the public directory"),
        description=_l("Name, municipality and a contact form are shown; never the address. "
                       "The consent can be withdrawn at any time."),
    )
    employment_model = RadioField(
        _l("Employment model"), choices=label_choices(EMPLOYMENT_LABELS),
        validators=[InputRequired(message=_l("Choose how the facilitator is employed."))],
    )
    association_name = StringField(
        _l("Name of the association (if placed with an association)"),
        validators=[Length(max=200, message=_l(
            "The name of the association can have at most 200 characters."))],
    )
    weekly_hours = HoursField(_l("Hours per week (optional)"),
                              description=_l("If known, for example %(example)s.",
                                              example=example_number(19.5)))
    started_on = DateField(_l("Start date"), validators=[
        InputRequired(message=_l("Enter the date the facilitator starts, like %(example)s.",
                                 example=example_date(1, 4))),
    ])
    trained_on = DateField(
        _l("Training completed on (optional)"),
        description=_l("Leave empty if not yet trained. For example %(example)s.",
                       example=example_date()),
        validators=[not_in_future(_l(
            "The training date cannot be in the future. Enter it once the training is "
            "completed, or leave it empty."))],
    )
    training_provider = StringField(
        _l("Training provider (optional)"), description=_l("For example In Zukunft inklusiv."),
        validators=[Length(max=200, message=_l("The provider can have at most 200 characters."))],
    )


class OwnDataForm(TrimmedForm):
    """What a facilitator corrects themselves: contact data, consent, training."""

    version = VersionField()
    form_of_address = FacilitatorForm.form_of_address
    name = FacilitatorForm.name
    email = FacilitatorForm.email
    phone = FacilitatorForm.phone
    listing_consent = FacilitatorForm.listing_consent
    trained_on = FacilitatorForm.trained_on
    training_provider = FacilitatorForm.training_provider


# The fields an edit compares with what is stored now (versioning.check_version).
FACILITATOR_FIELDS = ("form_of_address", "name", "email", "phone", "listing_consent",
                      "employment_model", "association_name", "weekly_hours", "started_on",
                      "trained_on", "training_provider")
OWN_DATA_FIELDS = ("form_of_address", "name", "email", "phone", "listing_consent", "trained_on",
                   "training_provider")


class SendBackForm(TrimmedForm):
    reason = TextAreaField(
        _l("What should the municipality correct or add?"),
        description=_l("The contact persons of the municipality see this text."),
        validators=[
            DataRequired(message=_l("Enter what the municipality should correct or add.")),
            Length(max=2000, message=_l("The reason can have at most 2000 characters.")),
        ],
    )


class EndForm(TrimmedForm):
    ended_on = DateField(_l("Last day"), validators=[
        InputRequired(message=_l("Enter the last day of work, like %(example)s.",
            example=example_date(31, 12))),
    ])
    reason = TextAreaField(_l("Reason"), validators=[
        DataRequired(message=_l("Enter why the work ends.")),
        Length(max=500, message=_l("The reason can have at most 500 characters.")),
    ])


class ContactMessageForm(TrimmedForm):
    """The public relay form: the facilitator's address is never shown."""

    sender_name = StringField(_l("Your name"), validators=[
        DataRequired(message=_l("Enter your name.")),
        Length(max=120, message=_l("Your name can have at most 120 characters.")),
    ], render_kw={"autocomplete": "name"})
    sender_email = EmailField(
        _l("Your email address"), description=_l("The facilitator answers to this address."),
        validators=[InputRequired(message=_l(
            "Enter your email address, so you can get an answer.")),
                    *email_validators()],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    message = TextAreaField(_l("Your message"), validators=[
        DataRequired(message=_l("Write your message.")),
        Length(max=5000, message=_l("Your message can have at most 5000 characters. "
                                    "Shorten it or send it in two parts.")),
    ])


class NetworkMailForm(TrimmedForm):
    municipalities = MultiCheckboxField(
        _l("Only to the facilitators of these municipalities (optional)"),
        description=_l("Choose none to write to all active facilitators."), coerce=int,
    )
    title = StringField(_l("Subject"), validators=[
        DataRequired(message=_l("Enter a subject.")),
        Length(max=150, message=_l("The subject can have at most 150 characters.")),
    ])
    message = TextAreaField(_l("Message"), validators=[
        DataRequired(message=_l("Write the message.")),
        Length(max=10000, message=_l("The message can have at most 10000 characters.")),
    ])

