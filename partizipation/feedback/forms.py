"""Forms of the barrier report and of the officer's inbox."""

from __future__ import annotations

from typing import Any

from wtforms import EmailField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from ..forms import Form, email_validators
from ..i18n import _l
from .models import LOCATION_MAX, NAME_MAX, NOTE_MAX, PROBLEM_MAX, STATUS_LABELS


class ReportForm(Form):
    problem = TextAreaField(
        _l("What is the problem, or what do you need?"),
        description=_l(
            "For example: a document you cannot read, or content you need in another form "
            "(Leichte Sprache, large print, sign language, audio)."
        ),
        validators=[
            InputRequired(message=_l("Describe the barrier or what you need.")),
            Length(max=PROBLEM_MAX, message=_l(
                "Shorten your description to at most %(max)d characters.", max=PROBLEM_MAX
            )),
        ],
    )
    location = StringField(
        _l("Where is the barrier? (optional)"),
        description=_l("The address of the page, or a description such as “minutes of the "
                       "meeting on 12 March”."),
        validators=[Length(max=LOCATION_MAX, message=_l(
            "Shorten the place to at most %(max)d characters.", max=LOCATION_MAX
        ))],
    )
    name = StringField(
        _l("Your name (optional)"),
        validators=[Length(max=NAME_MAX, message=_l(
            "Shorten your name to at most %(max)d characters.", max=NAME_MAX
        ))],
        render_kw={"autocomplete": "name"},
    )
    email = EmailField(
        _l("Your email address (optional)"),
        description=_l("We use it only to answer you."),
        validators=[Optional(), *email_validators()],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    wants_answer = RadioField(
        _l("Do you want an answer?"),
        choices=[
            SelectChoice("yes", _l("Yes, please answer me")),
            SelectChoice("no", _l("No answer needed")),
        ],
        validators=[InputRequired(message=_l("Choose whether you want an answer."))],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.wants_answer.data == "yes" and not (self.email.data or "").strip():
            # The message belongs to the empty email field, where the person has to act.
            self.email.errors = [*self.email.errors, str(_l(
                "Enter your email address so that we can answer you, or choose “No answer needed”."
            ))]
            return False
        return valid


class AnswerForm(Form):
    body = TextAreaField(
        _l("Your answer"),
        description=_l("It is sent by email to the person who reported and kept with the "
                       "report."),
        validators=[
            InputRequired(message=_l("Write your answer.")),
            Length(max=NOTE_MAX, message=_l(
                "Shorten the answer to at most %(max)d characters.", max=NOTE_MAX)),
        ],
    )


class ReportStatusForm(Form):
    status = RadioField(
        _l("Status"),
        choices=[SelectChoice(status.value, label) for status, label in STATUS_LABELS.items()],
        validators=[InputRequired(message=_l("Choose the status of the report."))],
    )
    officer_note = TextAreaField(
        _l("Internal note (optional)"),
        description=_l(
            "The person who reported does not see it. Write down, for example, what you "
            "answered and when."
        ),
        validators=[Length(max=NOTE_MAX, message=_l(
            "Shorten the note to at most %(max)d characters.", max=NOTE_MAX
        ))],
    )
