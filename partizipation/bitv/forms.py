"""Forms of the BITV pages: a text, the accessibility statement, a sign-language video."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..forms import DateField, Form, not_in_future
from ..i18n import _l
from ..localize import example_date
from .models import AuditMethod, ComplianceStatus
from .services import sniff_video

# No angle brackets here: lazy strings count as safe markup and would render as real tags.
HTML_HINT = _l(
    "You can use simple HTML: paragraphs (p), headings (h2, h3), lists (ul, ol, li), bold "
    "(strong) and links (a with href). Everything else, such as scripts, styles and images, is "
    "removed when you save."
)
BODY_MAX = 50_000
PART_MAX = 20_000
DEFAULT_VIDEO_MAX_BYTES = 100 * 1024 * 1024


class PageForm(Form):
    title = StringField(_l("Title"), validators=[
        DataRequired(message=_l("Enter the title of the page.")),
        Length(max=200, message=_l("The title can have at most 200 characters.")),
    ])
    body = TextAreaField(_l("Text"), description=HTML_HINT, validators=[
        DataRequired(message=_l("Enter the text of the page.")),
        Length(max=BODY_MAX, message=_l("The text can have at most 50,000 characters.")),
    ])
    reviewed_by = StringField(
        _l("Checked by (review group)"),
        description=_l("Name of the review group that checked this Leichte Sprache text. "
                       "Leave empty if no review group has checked it yet."),
        validators=[Length(max=200, message=_l(
            "The name of the review group can have at most 200 characters."))],
    )
    reviewed_on = DateField(
        _l("Checked on"),
        validators=[not_in_future(_l("The check cannot be in the future. Enter the date it "
                                     "took place, like %(example)s.",
                                         example=example_date(27, 3)))],
    )

    def validate_reviewed_by(self, field: Any) -> None:
        if self.reviewed_on.data and not (field.data or "").strip():
            raise ValidationError(_l("Enter the name of the review group that checked the text, "
                                     "or remove the date."))

    def validate_reviewed_on(self, field: Any) -> None:
        if (self.reviewed_by.data or "").strip() and not field.data and not field.process_errors:
            raise ValidationError(_l("Enter the date of the check, like %(example)s.",
                example=example_date(27, 3)))


def _part(label: Any, required_message: Any = None) -> TextAreaField:
    # No Optional(): it would also stop the form's own checks of the part (validate_<name>).
    validators: list[Any] = [
        Length(max=PART_MAX, message=_l("This part can have at most 20,000 characters.")),
    ]
    if required_message:
        validators.insert(0, DataRequired(message=required_message))
    return TextAreaField(label, description=HTML_HINT, validators=validators)


METHOD_LABELS = {
    AuditMethod.SELF_ASSESSMENT.value: _l("Self-assessment"),
    AuditMethod.EXTERNAL.value: _l("Test by an external body"),
    AuditMethod.COMBINED.value: _l("Self-assessment and external test"),
}
STATUS_LABELS = {
    ComplianceStatus.FULL.value: _l("Fully compliant"),
    ComplianceStatus.PARTIAL.value: _l("Partly compliant"),
    ComplianceStatus.NONE.value: _l("Not compliant"),
}


class StatementForm(Form):
    compliance_status = RadioField(
        _l("How far does the platform meet the requirements?"),
        choices=[SelectChoice(value, label) for value, label in STATUS_LABELS.items()],
        validators=[InputRequired(message=_l("Choose how far the platform meets the "
                                             "requirements."))],
    )
    prepared_on = DateField(_l("Statement written on"), validators=[
        InputRequired(message=_l("Enter the date the statement was written, like %(example)s.",
            example=example_date(27, 3))),
        not_in_future(_l("The statement cannot be written in the future. Enter today or an "
                         "earlier date.")),
    ])
    method = RadioField(
        _l("How was the platform checked?"),
        choices=[SelectChoice(value, label) for value, label in METHOD_LABELS.items()],
        validators=[InputRequired(message=_l("Choose how the platform was checked."))],
    )
    last_reviewed_on = DateField(_l("Last reviewed on"), validators=[
        InputRequired(message=_l("Enter the date of the last review, like %(example)s.",
            example=example_date(27, 3))),
        not_in_future(_l("The review cannot be in the future. Enter today or an earlier date.")),
    ])
    scope_de = _part(_l("Scope and test (German)"),
                     _l("Enter in German what the statement applies to and how it was tested."))
    non_accessible_de = _part(_l("What is not accessible, and why (German)"))
    alternatives_de = _part(_l("Accessible alternatives (German)"))
    scope_en = _part(_l("Scope and test (English)"))
    non_accessible_en = _part(_l("What is not accessible, and why (English)"))
    alternatives_en = _part(_l("Accessible alternatives (English)"))

    def validate_last_reviewed_on(self, field: Any) -> None:
        if field.data and self.prepared_on.data and field.data < self.prepared_on.data:
            raise ValidationError(_l("The last review cannot be before the statement was written. "
                                     "Enter the same date or a later one."))

    def validate_non_accessible_de(self, field: Any) -> None:
        if self._not_fully_compliant() and not (field.data or "").strip():
            raise ValidationError(_l("Enter in German what is not accessible and why: the "
                                     "platform is not fully compliant."))

    def validate_alternatives_de(self, field: Any) -> None:
        if self._not_fully_compliant() and not (field.data or "").strip():
            raise ValidationError(_l("Enter in German which accessible alternatives people can "
                                     "ask for."))

    def _not_fully_compliant(self) -> bool:
        return self.compliance_status.data in {ComplianceStatus.PARTIAL.value,
                                               ComplianceStatus.NONE.value}


class VideoForm(Form):
    title = StringField(_l("Title of the video"), validators=[
        DataRequired(message=_l("Enter the title of the video.")),
        Length(max=200, message=_l("The title can have at most 200 characters.")),
    ])
    video = FileField(
        _l("Video file"),
        description=_l("An MP4 or WebM file of at most %(size)s MB.",
                       size=DEFAULT_VIDEO_MAX_BYTES // (1024 * 1024)),
        validators=[FileRequired(message=_l("Choose a video file (MP4 or WebM)."))],
    )
    transcript = TextAreaField(
        _l("Transcript"),
        description=_l("Everything that is signed in the video, as text. People who do not "
                       "use sign language read it below the video."),
        validators=[
            DataRequired(message=_l("Enter the transcript: what is signed in the video.")),
            Length(max=PART_MAX, message=_l("The transcript can have at most 20,000 "
                                            "characters.")),
        ],
    )
    show_on_start_page = BooleanField(_l("Show this video on the start page"))

    kind: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_bytes = current_app.config.get("SIGN_VIDEO_MAX_BYTES", DEFAULT_VIDEO_MAX_BYTES)
        size = max(1, self.max_bytes // (1024 * 1024))
        self.video.description = _l("An MP4 or WebM file of at most %(size)s MB.", size=size)

    def validate_video(self, field: Any) -> None:
        upload = field.data
        if upload is None or not getattr(upload, "filename", ""):
            return
        extension = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
        stream = upload.stream
        stream.seek(0)
        head = stream.read(16)
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(0)
        kind = sniff_video(head)
        if extension not in {"mp4", "webm"} or kind is None or kind != extension:
            raise ValidationError(_l("The file must be a video in MP4 or WebM format. Choose "
                                     "such a file."))
        if size > self.max_bytes:
            raise ValidationError(_l(
                "The file is too large. Choose a video of at most %(size)s MB.",
                size=max(1, self.max_bytes // (1024 * 1024)),
            ))
        self.kind = kind
