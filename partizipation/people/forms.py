"""Forms about persons."""

from __future__ import annotations

from typing import Any

from wtforms import BooleanField, StringField
from wtforms.validators import Length, Optional, ValidationError

from ..forms import Form, email_validators
from ..i18n import _l
from ..versioning import VersionField


class PersonFields(Form):
    version = VersionField()
    form_of_address = StringField(
        _l("Form of address (optional)"), description=_l("For example Frau, Herr, or nothing."),
        validators=[Length(max=40, message=_l(
            "The form of address can have at most 40 characters."))])
    name = StringField(_l("Full name"), validators=[
        Length(max=200, message=_l("The name can have at most 200 characters."))])
    organisation = StringField(_l("Organisation (optional)"), validators=[
        Length(max=200, message=_l("The organisation can have at most 200 characters."))])
    function = StringField(_l("Function (optional)"), validators=[
        Length(max=200, message=_l("The function can have at most 200 characters."))])
    email = StringField(_l("Email address (optional)"),
                        description=_l("Never shown publicly. Needed to invite the person."),
                        validators=[Optional(), *email_validators()])
    phone = StringField(_l("Phone (optional)"), description=_l("Never shown publicly."),
                        validators=[Length(max=50, message=_l(
                            "The phone number can have at most 50 characters."))])
    is_listed = BooleanField(_l("The person agrees to be listed publicly by name"))


class PersonForm(PersonFields):
    def validate_name(self, field: Any) -> None:
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the person's full name."))
