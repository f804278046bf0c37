"""Forms of the news domain. Every limit matches its column; every message says what to do."""

from __future__ import annotations

from typing import Any

from flask_wtf.file import FileField
from sqlalchemy.orm import Session
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..forms import DateField, Form, SelectField, not_in_future
from ..i18n import _l
from ..versioning import VersionField
from . import post_links
from .comments import MAX_LENGTH as COMMENT_LENGTH
from .models import COMPONENT_LABELS


def _length(limit: int) -> Length:
    return Length(max=limit, message=_l("Write at most %(max)d characters here."))


def component_choices(empty: Any) -> list[SelectChoice]:
    return [SelectChoice("", empty)] + [SelectChoice(str(k), v)
                                        for k, v in COMPONENT_LABELS.items()]


class PostForm(Form):
    title = StringField(_l("Title"), validators=[
        DataRequired(message=_l("Enter a title.")), _length(200)])
    summary = TextAreaField(
        _l("Summary"), description=_l("One or two sentences: shown in the list and the feed."),
        validators=[DataRequired(message=_l("Enter a short summary.")), _length(500)])
    body = TextAreaField(
        _l("Text"),
        description=_l("Written in Markdown: a blank line starts a new paragraph; ## Heading; "
                       "*italic*, **bold**; [link text](https://…); - for a list. Add pictures "
                       "below, after saving."),
        validators=[DataRequired(message=_l("Write the text of the post.")), _length(50000)])
    tags = StringField(_l("Tags (optional)"),
                       description=_l("Separate them with commas, for example: Beirat, Mobilität"),
                       validators=[_length(400)])
    component = SelectField(_l("Component of participation (optional)"), choices=[],
                            validators=[Optional()])
    easy_body = TextAreaField(
        _l("Leichte Sprache version (optional)"),
        description=_l("The same news in Leichte Sprache, also in Markdown. Short sentences, "
                       "one statement each."),
        validators=[_length(50000)])
    easy_checked_by = StringField(
        _l("Checked by (review group)"),
        description=_l("Who checked the Leichte Sprache version, for example the review group "
                       "of the advisory council. Leave empty until it is checked."),
        validators=[_length(200)])
    easy_checked_on = DateField(_l("Checked on"), validators=[
        not_in_future(_l("The check cannot be in the future. Enter the day it took place."))])
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.component.choices = component_choices(_l("None"))


def post_form(session: Session, *args: Any, **kwargs: Any) -> PostForm:
    """The post form with a choice for each kind of link another domain offers."""
    kinds = post_links.kinds()
    if not kinds:
        return PostForm(*args, **kwargs)

    class LinkedPostForm(PostForm):
        pass

    for kind, provider in kinds.items():
        setattr(LinkedPostForm, f"link_{kind}", SelectField(
            _l("Linked %(kind)s (optional)", kind=provider.LABEL), coerce=_int_or_none,
            validators=[Optional()]))
    form = LinkedPostForm(*args, **kwargs)
    for kind, provider in kinds.items():
        form[f"link_{kind}"].choices = [SelectChoice("", _l("None"))] + [
            SelectChoice(str(ident), title) for ident, title in provider.choices(session)]
    return form


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class ImageForm(Form):
    file = FileField(_l("Picture"), description=_l(
        "A JPEG, PNG or WebP file of at most 15 MB. Location and camera data are removed."))
    alt = StringField(
        _l("Text alternative"),
        description=_l("What the picture shows, for people who cannot see it. Leave empty only "
                       "if the picture is decorative."),
        validators=[_length(300)])
    is_decorative = BooleanField(_l("The picture is only decorative and says nothing"))
    caption = StringField(_l("Caption (optional)"), validators=[_length(300)])
    shows_people = RadioField(
        _l("Can people be recognised in the picture?"),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[InputRequired(message=_l("Say whether people can be recognised in the "
                                             "picture."))])
    consent_confirmed = BooleanField(
        _l("Every person who can be recognised agreed to this picture being published"))
    consent_note = StringField(
        _l("How was the consent given?"),
        description=_l("For example: in writing on 12 March, form kept by the press office."),
        validators=[_length(500)])


class VideoForm(Form):
    video = FileField(_l("Video file"), description=_l("An MP4 or WebM file of at most 150 MB."))
    video_url = StringField(_l("Or a link to the video"),
                            description=_l("For example a video on the district's website."),
                            validators=[_length(500)], render_kw={"spellcheck": "false"})
    captions = FileField(_l("Captions (WebVTT file)"),
                         description=_l("Needed for an uploaded video, or write a transcript."))
    transcript = TextAreaField(
        _l("Transcript"),
        description=_l("Everything that is said and shown, as text. Needed before publishing "
                       "unless there are captions."),
        validators=[_length(50000)])
    remove_video = BooleanField(_l("Remove the video from the post"))


class DecisionForm(Form):
    decision = RadioField(_l("Your decision"), choices=[
        SelectChoice("publish", _l("Publish")),
        SelectChoice("changes", _l("Request changes")),
        SelectChoice("reject", _l("Reject")),
    ], validators=[InputRequired(message=_l("Choose what happens with the post."))])
    note = TextAreaField(
        _l("Note to the author"),
        description=_l("Needed when you request changes or reject: what to change, or why."),
        validators=[_length(2000)])


class WithdrawForm(Form):
    action = RadioField(_l("What should happen?"), choices=[
        SelectChoice("unpublish", _l("Unpublish: nobody can read it any more; the author can "
                                     "correct it")),
        SelectChoice("archive", _l("Archive: still readable at its address, no longer in the "
                                   "list")),
    ], validators=[InputRequired(message=_l("Choose whether to unpublish or to archive the "
                                            "post."))])
    reason = TextAreaField(_l("Reason"), validators=[
        DataRequired(message=_l("Write the reason; the author will read it.")), _length(500)])


class CommentForm(Form):
    body = TextAreaField(
        _l("Your comment"),
        description=_l("Comments are shown after the moderation has approved them."),
        validators=[DataRequired(message=_l("Write your comment.")), _length(COMMENT_LENGTH)])


class ReasonForm(Form):
    reason = TextAreaField(_l("Reason"), validators=[
        DataRequired(message=_l("Write the reason.")), _length(500)])


class FilterForm(Form):
    """The list's filter (a GET form: no token, nothing changes)."""

    class Meta:
        csrf = False

    thema = SelectField(_l("Tag"), choices=[], validators=[Optional()])
    bereich = SelectField(_l("Component"), choices=[], validators=[Optional()])
