"""Forms of what happens after a meeting: attendance, the minutes, their approval, the body's
rules. Every message says what to do."""

from __future__ import annotations

from wtforms import FieldList, FormField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from ..forms import DateField, Form, SelectField
from ..i18n import _l
from ..versioning import VersionField
from .minutes import APPROVERS
from .models import Presence, QuorumRule

PRESENCE = {Presence.PRESENT: _l("present"), Presence.EXCUSED: _l("excused"),
            Presence.ABSENT: _l("absent")}
QUORUM_RULES = {
    QuorumRule.MORE_THAN_HALF: _l("More than half of the voting members"),
    QuorumRule.ONE_THIRD: _l("At least one third of the voting members"),
    QuorumRule.TWO_THIRDS: _l("At least two thirds of the voting members"),
    QuorumRule.NONE: _l("No quorum needed"),
}


def _choices(table: dict) -> list[SelectChoice]:  # type: ignore[type-arg]
    return [SelectChoice(getattr(code, "value", code), text) for code, text in table.items()]


def _length(maximum: int) -> Length:
    return Length(max=maximum, message=_l("This can have at most %(max)s characters.",
                                          max=maximum))


class PersonAttendanceForm(Form):
    class Meta:
        csrf = False

    presence = RadioField(_l("Attendance"), choices=_choices(PRESENCE), validators=[
        InputRequired(message=_l("Choose present, excused or absent."))])
    arrived_late = StringField(_l("Arrived late at (optional)"), validators=[_length(5)],
                               description=_l("For example 18:20"))
    left_early = StringField(_l("Left early at (optional)"), validators=[_length(5)],
                             description=_l("For example 19:30"))
    deputy_for_id = SelectField(_l("Present as the deputy of"), coerce=int,
                                validate_choice=False)


class AttendanceForm(Form):
    people = FieldList(FormField(PersonAttendanceForm))
    guests = TextAreaField(_l("Guests (optional)"), validators=[_length(2000)],
                           description=_l("One guest a line, for example: Anna Beispiel, "
                                          "Sozialamt"))


class MinutesForm(Form):
    """The items' fields (item_<id>) are added per meeting (see `minutes_form`)."""

    version = VersionField()
    general = TextAreaField(_l("General part"), validators=[_length(100_000)],
                            description=_l("Opening, who chaired, who wrote the minutes. "
                                           "Paragraphs, lists and links are kept."))
    easy_summary = TextAreaField(_l("Summary in easy language (optional)"),
                                 validators=[_length(10_000)])
    easy_checked_by = StringField(_l("Easy language checked by (optional)"),
                                  validators=[_length(200)])
    easy_checked_on = DateField(_l("Checked on (optional)"))


def minutes_form(items: list, formdata: object = None) -> MinutesForm:  # type: ignore[type-arg]
    """The minutes form with a text field per agenda item, in the order of the agenda."""

    class _Form(MinutesForm):
        pass

    for item in items:
        setattr(_Form, f"item_{item.id}", TextAreaField(
            _l("TOP %(n)s: %(title)s", n=item.position, title=item.title),
            validators=[_length(100_000)]))
    return _Form() if formdata is None else _Form(formdata)


class ApproveMinutesForm(Form):
    by = RadioField(_l("Approved by"), choices=_choices(APPROVERS), validators=[
        InputRequired(message=_l("Choose who approved the minutes."))])
    on = DateField(_l("Date of the approval"), validators=[
        InputRequired(message=_l("Enter the date, like 27.03.2026."))])


class RulesForm(Form):
    quorum_rule = RadioField(_l("Quorum"), choices=_choices(QUORUM_RULES), validators=[
        InputRequired(message=_l("Choose the quorum rule."))])
    decisions_need_approval = RadioField(
        _l("Do the body's decisions need the approval of the Landrat or the "
           "Verwaltungskonferenz?"),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[InputRequired(message=_l("Choose yes or no."))])
