"""Forms of the municipalities domain. Rules that need the database live in services.

`TrimmedForm` and `label_choices` are shared with the domains that build on this one."""

from __future__ import annotations

from typing import Any

from wtforms import EmailField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..forms import Form, email_validators
from ..i18n import _l
from ..versioning import VersionField
from .models import KIND_LABELS


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class TrimmedForm(Form):
    """Text is stripped, so that a message of blanks counts as empty."""

    class Meta:
        def bind_field(self, form: Any, unbound_field: Any, options: dict[str, Any]) -> Any:
            if issubclass(unbound_field.field_class, (StringField, TextAreaField)):
                options["filters"] = [*unbound_field.kwargs.get("filters", ()), _strip]
            return unbound_field.bind(form=form, **options)


def label_choices(labels: dict[Any, Any]) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in labels.items()]


def _web_address(form: Any, field: Any) -> None:
    if field.data and not field.data.strip().startswith(("https://", "http://")):
        raise ValidationError(_l("Enter the full web address, starting with https://."))


class MunicipalityForm(TrimmedForm):
    version = VersionField()
    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter the name of the municipality.")),
        Length(max=120, message=_l("The name can have at most 120 characters.")),
    ])
    kind = RadioField(_l("Kind"), choices=label_choices(KIND_LABELS), validators=[
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


# The fields an edit compares with what is stored now (versioning.check_version).
MUNICIPALITY_FIELDS = ("name", "kind", "ags", "website")


class ContactInviteForm(TrimmedForm):
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
