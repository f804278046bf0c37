"""Forms of the municipalities domain. Rules that need the database live in services."""

from __future__ import annotations

from typing import Any

from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..forms import DateField, Form, MultiCheckboxField, email_validators, not_in_future
from ..i18n import _l
from .models import (
    AGREEMENT_LABELS,
    EMPLOYMENT_LABELS,
    KIND_LABELS,
)


class HoursField(StringField):
    """Hours per week as a number; a decimal comma is fine (19,5). Empty is None."""

    def _value(self) -> str:
        if self.raw_data:
            return " ".join(self.raw_data)
        if self.data is None:
            return ""
        return f"{self.data:g}".replace(".", ",")

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            self.data = None
            return
        try:
            self.data = float(text.replace(",", "."))
        except ValueError:
            self.data = None
            raise ValueError(str(_l("Enter the hours per week as a number, like 19,5."))) from None
        if not 0 < self.data <= 60:
            raise ValueError(str(_l("Enter between 0,5 and 60 hours per week.")))


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class _Form(Form):
    """Text is stripped, so that a message of blanks counts as empty."""

    class Meta:
        def bind_field(self, form: Any, unbound_field: Any, options: dict[str, Any]) -> Any:
            if issubclass(unbound_field.field_class, (StringField, TextAreaField)):
                options["filters"] = [*unbound_field.kwargs.get("filters", ()), _strip]
            return unbound_field.bind(form=form, **options)


def _choices(labels: dict[Any, Any]) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in labels.items()]


def _web_address(form: Any, field: Any) -> None:
    if field.data and not field.data.strip().startswith(("https://", "http://")):
        raise ValidationError(_l("Enter the full web address, starting with https://."))


class MunicipalityForm(_Form):
    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter the name of the municipality.")),
        Length(max=120, message=_l("The name can have at most 120 characters.")),
    ])
    kind = RadioField(_l("Kind"), choices=_choices(KIND_LABELS), validators=[
        InputRequired(message=_l("Choose whether it is a town or a municipality.")),
    ])
    ags = StringField(
        _l("Official municipality key (AGS)"),
        description=_l("8 digits, for example 05978004 for Bergkamen."),
        validators=[DataRequired(message=_l("Enter the official municipality key (8 digits)."))],
        render_kw={"inputmode": "numeric", "spellcheck": "false"},
    )
    website = StringField(_l("Website (optional)"), validators=[
        Optional(), Length(max=300, message=_l("The web address can have at most 300 characters.")),
        _web_address,
    ], render_kw={"spellcheck": "false"})
    agreement_status = RadioField(
        _l("Goal and cooperation agreement with the district"),
        choices=_choices(AGREEMENT_LABELS),
        validators=[InputRequired(message=_l("Choose the state of the agreement."))],
    )
    agreement_signed_on = DateField(_l("Signed on (if signed)"), validators=[
        not_in_future(_l("The signing date cannot be in the future.")),
    ])
    agreement_ended_on = DateField(_l("Ended on (if ended)"))
    agreement_document_url = StringField(
        _l("Link to the agreement document (optional)"),
        validators=[Optional(), Length(max=500, message=_l(
            "The web address can have at most 500 characters.")), _web_address],
        render_kw={"spellcheck": "false"},
    )
    agreement_file = FileField(
        _l("Agreement as a PDF file (optional)"),
        description=_l("At most 20 MB. It is published in the directory of municipalities."),
        render_kw={"accept": "application/pdf,.pdf"},
    )
    remove_agreement_file = BooleanField(_l("Remove the uploaded PDF file"))
    agreement_document_title = StringField(
        _l("Title of the document (optional)"),
        description=_l("Shown as the link text, for example Vereinbarung Bergkamen. Type and "
                       "size are added."),
        validators=[Length(max=200, message=_l("The title can have at most 200 characters."))],
    )


class ContactInviteForm(_Form):
    display_name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter the name of the contact person.")),
        Length(max=120, message=_l("The name can have at most 120 characters.")),
    ], render_kw={"autocomplete": "off"})
    email = EmailField(_l("Email address"), validators=[
        InputRequired(message=_l("Enter the email address of the contact person.")),
        *email_validators(),
    ], render_kw={"autocomplete": "off", "spellcheck": "false"})
    locale = RadioField(_l("Language of the invitation"), default="de",
                        choices=[SelectChoice("de", "Deutsch"), SelectChoice("en", "English")],
                        validators=[InputRequired(message=_l("Choose a language."))])


class FacilitatorForm(_Form):
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
        _l("Employment model"), choices=_choices(EMPLOYMENT_LABELS),
        validators=[InputRequired(message=_l("Choose how the facilitator is employed."))],
    )
    association_name = StringField(
        _l("Name of the association (if placed with an association)"),
        validators=[Length(max=200, message=_l(
            "The name of the association can have at most 200 characters."))],
    )
    weekly_hours = HoursField(_l("Hours per week (optional)"),
                              description=_l("If known, for example 19,5."))
    started_on = DateField(_l("Start date"), validators=[
        InputRequired(message=_l("Enter the date the facilitator starts, like 01.04.2026.")),
    ])
    trained_on = DateField(
        _l("Training completed on (optional)"),
        description=_l("Leave empty if not yet trained. For example 27.03.2026."),
        validators=[not_in_future(_l(
            "The training date cannot be in the future. Enter it once the training is "
            "completed, or leave it empty."))],
    )
    training_provider = StringField(
        _l("Training provider (optional)"), description=_l("For example In Zukunft inklusiv."),
        validators=[Length(max=200, message=_l("The provider can have at most 200 characters."))],
    )


class OwnDataForm(_Form):
    """What a facilitator corrects themselves: contact data, consent, training."""

    form_of_address = FacilitatorForm.form_of_address
    name = FacilitatorForm.name
    email = FacilitatorForm.email
    phone = FacilitatorForm.phone
    listing_consent = FacilitatorForm.listing_consent
    trained_on = FacilitatorForm.trained_on
    training_provider = FacilitatorForm.training_provider


class SendBackForm(_Form):
    reason = TextAreaField(
        _l("What should the municipality correct or add?"),
        description=_l("The contact persons of the municipality see this text."),
        validators=[
            DataRequired(message=_l("Enter what the municipality should correct or add.")),
            Length(max=2000, message=_l("The reason can have at most 2000 characters.")),
        ],
    )


class EndForm(_Form):
    ended_on = DateField(_l("Last day"), validators=[
        InputRequired(message=_l("Enter the last day of work, like 31.12.2026.")),
    ])
    reason = TextAreaField(_l("Reason"), validators=[
        DataRequired(message=_l("Enter why the work ends.")),
        Length(max=500, message=_l("The reason can have at most 500 characters.")),
    ])


class ContactMessageForm(_Form):
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


class NetworkMailForm(_Form):
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

