"""Forms of the milestones domain. Rules that need the database live in services."""

from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from ..forms import DateField, SelectField
from ..i18n import _l
from ..municipalities.forms import TrimmedForm, label_choices
from ..versioning import VersionField
from .models import CODES, COMPONENT_LABELS, STAGE_LABELS, STATUS_LABELS


class MilestoneForm(TrimmedForm):
    version = VersionField()
    agreement_id = SelectField(_l("Agreement"), coerce=str)
    code = SelectField(_l("Letter"), choices=[SelectChoice(c, c) for c in CODES],
                       description=_l("The letter of the milestone in the agreement (a to e)."))
    title = StringField(_l("Title"), validators=[
        DataRequired(message=_l("Enter the title of the milestone.")),
        Length(max=200, message=_l("The title can have at most 200 characters."))])
    description = TextAreaField(_l("Description"), validators=[
        Length(max=4000, message=_l("The text can have at most 4,000 characters."))])
    easy_text = TextAreaField(_l("In Leichte Sprache (optional)"), validators=[
        Length(max=4000, message=_l("The text can have at most 4,000 characters."))])
    easy_checked_by = StringField(_l("Leichte Sprache checked by (optional)"), validators=[
        Length(max=200, message=_l("The name can have at most 200 characters."))])
    easy_checked_on = DateField(_l("Checked on (optional)"))
    component = RadioField(_l("Component of participation"), choices=[
        SelectChoice("", _l("None")), *label_choices(COMPONENT_LABELS)], default="")
    target_date = DateField(_l("Target date (optional)"))
    achieved_on = DateField(_l("Achieved on (once achieved)"))
    responsible = StringField(_l("Responsible (optional)"), validators=[
        Length(max=200, message=_l("The name can have at most 200 characters."))])


MILESTONE_FIELDS = ("title", "description", "easy_text", "easy_checked_by", "easy_checked_on",
                    "component", "target_date", "achieved_on", "responsible")


class StatusForm(TrimmedForm):
    seen = HiddenField()
    status = RadioField(_l("New status"), choices=label_choices(STATUS_LABELS),
                        validators=[InputRequired(message=_l("Choose the new status."))])
    note = TextAreaField(_l("Note"), description=_l(
        "Required for “at risk” and “dropped”: say why."), validators=[
        Length(max=1000, message=_l("The note can have at most 1,000 characters."))])
    achieved_on = DateField(_l("Achieved on (for “achieved”; empty: today)"))


class StepForm(TrimmedForm):
    stage = SelectField(_l("Step"), choices=label_choices(STAGE_LABELS))
    happened_on = DateField(_l("Date (empty while it has not happened)"))
    note = StringField(_l("Note (optional)"), validators=[
        Length(max=500, message=_l("The note can have at most 500 characters."))])


class StepDocumentForm(TrimmedForm):
    title = StringField(_l("Title of the version"), validators=[
        DataRequired(message=_l("Enter the title of the document.")),
        Length(max=200, message=_l("The title can have at most 200 characters."))])
    dated_on = DateField(_l("Dated (optional)"))
    file = FileField(_l("File (PDF, ODT, Word; optional)"),
                     description=_l("At most 20 MB. Or give a link below."))
    url = StringField(_l("Link to the document (optional)"), validators=[
        Length(max=500, message=_l("The web address can have at most 500 characters."))],
        render_kw={"spellcheck": "false"})


class EvidenceForm(TrimmedForm):
    target = SelectField(_l("Evidence"), validators=[
        DataRequired(message=_l("Choose an entry from the list."))])
    note = StringField(_l("What it shows (optional)"), validators=[
        Length(max=300, message=_l("The note can have at most 300 characters."))])
