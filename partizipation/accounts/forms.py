"""Account forms."""

from __future__ import annotations

from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from ..forms import Form, email_validators
from ..i18n import _l


class LoginForm(Form):
    email = EmailField(
        _l("Email address"),
        validators=[InputRequired(message=_l("Enter your email address.")), *email_validators()],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[
            InputRequired(message=_l("Enter your password.")),
            Length(max=200, message=_l("The password can have at most 200 characters.")),
        ],
        render_kw={"autocomplete": "current-password"},
    )
