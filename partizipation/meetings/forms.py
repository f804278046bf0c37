"""Forms of the meetings domain. Every message says what to do."""

from __future__ import annotations

import re
from typing import Any

from flask_wtf.file import FileField
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from ..forms import DateField, Form, MultiCheckboxField, SelectField
from ..i18n import _l
from ..localize import example_date
from ..versioning import VersionField
from . import labels


def _int_or_zero(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _length(maximum: int) -> Length:
    return Length(max=maximum, message=_l("This can have at most %(max)s characters.",
                                          max=maximum))


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:\s*(?:Uhr|h))?$", re.IGNORECASE)


class TimeField(StringField):
    """A time of day typed as text: 18:00, 18.00 or 18; its data is "18:00"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("description", _l("For example 18:00"))
        super().__init__(*args, **kwargs)

    def _value(self) -> str:
        if self.raw_data:
            return " ".join(self.raw_data)
        return self.data or ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            self.data = None
            return
        match = _TIME.match(text)
        hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 0)
        if hour > 23 or minute > 59:
            self.data = None
            raise ValueError(str(_l("Enter a time like 18:00.")))
        self.data = f"{hour:02d}:{minute:02d}"


class MeetingForm(Form):
    title = StringField(_l("Title"), validators=[
        InputRequired(message=_l("Enter the title of the meeting.")), _length(200)])
    body_id = SelectField(_l("Body"), coerce=_int_or_zero, validate_choice=False,
                          description=_l("Choose “No body” for an event such as a training."))
    kind = RadioField(_l("Kind"), choices=labels.choices("kind"), validate_choice=False,
                      validators=[InputRequired(message=_l("Choose the kind of meeting."))])
    starts_on = DateField(_l("Date"), validators=[
        InputRequired(message=_l("Enter the date of the meeting, like %(example)s.",
            example=example_date(27, 3)))])
    start_time = TimeField(_l("Starts at"), validators=[
        InputRequired(message=_l("Enter the time the meeting starts, like 18:00."))])
    ends_on = DateField(_l("Ends on (optional)"), description=_l(
        "Only for a meeting over several days. For example %(example)s",
            example=example_date(28, 3)))
    end_time = TimeField(_l("Ends at"), validators=[
        InputRequired(message=_l("Enter the time the meeting ends, like 20:00."))])
    format = RadioField(_l("Format"), choices=labels.choices("format"), validate_choice=False,
                        validators=[InputRequired(message=_l("Choose the format."))])
    place_id = SelectField(_l("Place"), coerce=_int_or_zero, validate_choice=False,
                           description=_l("Needed for a meeting in person or a hybrid one."))
    join_url = StringField(_l("Link to join online (optional)"), description=_l(
        "Starts with https://. Shown only to invitees and the officer."),
        validators=[_length(500)])
    join_details = TextAreaField(_l("Other details to join (optional)"), description=_l(
        "For example a meeting number or a phone number to dial in. Shown only to invitees and "
        "the officer."), validators=[_length(2000)])
    is_public = BooleanField(_l("Public: anyone can see this meeting and its public agenda"))
    component = RadioField(_l("Component of participation it serves"),
                           choices=labels.choices("component"), validate_choice=False,
                           default="")
    support_deadline_on = DateField(_l("Deadline for support requests (optional)"), description=_l(
        "Leave empty for 14 days before the meeting. Later requests still arrive, marked as "
        "late. For example %(example)s", example=example_date(13, 3)))
    version = VersionField()


class PlaceForm(Form):
    name = StringField(_l("Name of the place"), validators=[
        InputRequired(message=_l("Enter the name of the place.")), _length(200)])
    street = StringField(_l("Street and number"), validators=[_length(200)])
    postal_code = StringField(_l("Postcode"), validators=[_length(10)])
    city = StringField(_l("Town or city"), validators=[_length(100)])
    room = StringField(_l("Room (optional)"), validators=[_length(200)])
    nearest_stop = StringField(_l("Nearest bus or train stop (optional)"),
                               description=_l("For example: Unna Bahnhof, 5 minutes on foot."),
                               validators=[_length(300)])
    parking = StringField(_l("Parking (optional)"), validators=[_length(300)])
    step_free_entrance = BooleanField(_l("Step-free entrance"))
    lift = BooleanField(_l("Lift"))
    accessible_toilet = BooleanField(_l("Accessible toilet"))
    induction_loop = BooleanField(_l("Induction loop"))
    accessible_parking = BooleanField(_l("Accessible parking"))
    quiet_room = BooleanField(_l("Quiet room"))
    assistant_seats = BooleanField(_l("Seats for assistants"))
    accessibility_notes = TextAreaField(_l("Notes on accessibility (optional)"), description=_l(
        "For example: the side entrance has a ramp; ring the bell."), validators=[_length(2000)])
    version = VersionField()


class AgendaItemForm(Form):
    title = StringField(_l("Title of the item"), validators=[
        InputRequired(message=_l("Enter the title of the agenda item.")), _length(300)])
    presenter = StringField(_l("Presented by (optional)"), validators=[_length(200)])
    description_html = TextAreaField(
        _l("Description (optional)"),
        description=_l("Simple HTML is allowed: paragraphs, lists, links."),
        validators=[_length(20000)])
    easy_language_summary = TextAreaField(
        _l("Summary in easy language (optional)"),
        description=_l("Short sentences, one statement each."), validators=[_length(5000)])
    is_public = BooleanField(_l("Public item: visitors can see it and its public documents"),
                             default=True)


class DocumentForm(Form):
    title = StringField(_l("Title"), description=_l("For example: Invitation. The type and size "
                                                    "are added to the link by themselves."),
                        validators=[InputRequired(message=_l("Enter the title of the document.")),
                                    _length(200)])
    file = FileField(_l("File"), description=_l(
        "PDF, ODT, Word, PNG, JPEG or WebP, at most %(size)s."))
    agenda_item_id = SelectField(_l("Belongs to"), coerce=_int_or_zero, validate_choice=False)
    alternative_of_id = SelectField(
        _l("Another version of (optional)"), coerce=_int_or_zero, validate_choice=False,
        description=_l("Choose a document if this file is its version in easy language, in "
                       "large print or as text."))
    alternative_kind = RadioField(_l("Kind of version"), choices=labels.choices("alternative"),
                                  validate_choice=False)
    is_public = BooleanField(_l("Public document (only shown if its item is public too)"),
                             default=True)


class AnswerForm(Form):
    answer = RadioField(_l("Will you attend?"), validate_choice=False,
                        validators=[InputRequired(message=_l("Choose your answer."))])


class SupportRequestForm(Form):
    needs = MultiCheckboxField(_l("The support I need at this meeting"),
                               choices=labels.choices("need"), validate_choice=False)
    other_details = TextAreaField(
        _l("Other support or details (optional)"),
        description=_l("For example: I come with my assistant."), validators=[_length(500)])
    consent = BooleanField(_l("I agree"))


class BookingForm(Form):
    booked_with = StringField(_l("Booked with"), description=_l(
        "For example the service or the person who provides it."), validators=[_length(300)])
    is_confirmed = BooleanField(_l("Confirmed"))
    note = TextAreaField(_l("Note (optional)"), validators=[_length(1000)])


class CancelForm(Form):
    reason = TextAreaField(_l("Reason for the cancellation"), description=_l(
        "The invitees read it in their mail."), validators=[
        InputRequired(message=_l("Enter the reason for the cancellation.")), _length(2000)])


class SendForm(Form):
    confirm_late = BooleanField(_l("Yes, send the invitations late"))


class FilterForm(Form):
    """The body filter of /sitzungen (a GET form: no CSRF token, nothing changes)."""

    class Meta:
        csrf = False

    gremium = SelectField(_l("Body"), coerce=_int_or_zero, validate_choice=False)
    jahr = SelectField(_l("Year"), coerce=_int_or_zero, validate_choice=False)
