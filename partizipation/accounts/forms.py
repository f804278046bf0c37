"""Account forms. Every message says what to do."""

from __future__ import annotations

from typing import Any

from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from ..forms import Form, email_validators
from ..i18n import _l
from ..permissions import Role

MIN_PASSWORD = 10
MAX_PASSWORD = 200

ROLE_LABELS: dict[str, Any] = {
    Role.MEMBER.value: _l("Member"),
    Role.EDITOR.value: _l("Editor (press office)"),
    Role.OFFICER.value: _l("Inclusion officer"),
    Role.ADMIN.value: _l("Administrator"),
}
LOCALE_LABELS: dict[str, Any] = {"de": _l("German"), "en": _l("English")}


def _strip(value: Any) -> Any:
    """Pasted addresses often carry spaces at the ends."""
    return value.strip() if isinstance(value, str) else value


def _email_field(label: Any, *, required_message: Any) -> EmailField:
    return EmailField(
        label,
        validators=[InputRequired(message=required_message), *email_validators()],
        filters=[_strip],
        render_kw={"spellcheck": "false"},
    )


def _name_field() -> StringField:
    return StringField(
        _l("Name"),
        validators=[
            InputRequired(message=_l("Enter the name to show, for example Maria Schmidt.")),
            Length(max=120, message=_l("The name can have at most 120 characters.")),
        ],
        filters=[_strip],
        description=_l("Others on this site see this name."),
    )


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("New password"),
        validators=[
            InputRequired(message=_l("Enter a new password.")),
            Length(
                min=MIN_PASSWORD,
                message=_l("The password needs at least %(min)d characters. Enter a longer one."),
            ),
            Length(max=MAX_PASSWORD, message=_l("The password can have at most 200 characters.")),
        ],
        description=_l(
            "At least 10 characters. A few words in a row are easy to remember. "
            "You can paste it from a password manager."
        ),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            InputRequired(message=_l("Enter the new password a second time.")),
            EqualTo(
                "new_password",
                message=_l("The two passwords are not the same. Enter the same password twice."),
            ),
        ],
    )
    return password, confirm


def _language_field() -> RadioField:
    return RadioField(
        _l("Language"),
        choices=[SelectChoice(code, label) for code, label in LOCALE_LABELS.items()],
        validators=[InputRequired(message=_l("Choose German or English."))],
        invalid_choice_message=_l("Choose German or English."),
    )


class LoginForm(Form):
    # Only a rough format check: every existing account must be able to sign in, including the
    # accounts created on the command line at reserved domains that the strict check refuses.
    email = EmailField(
        _l("Email address"),
        validators=[
            InputRequired(message=_l("Enter your email address.")),
            Length(max=254, message=_l("The email address can have at most 254 characters.")),
            Regexp(
                r"^[^@\s]+@[^@\s]+$",
                message=_l("Enter an email address in the right format, like name@example.org."),
            ),
        ],
        filters=[_strip],
        render_kw={"spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[
            InputRequired(message=_l("Enter your password.")),
            Length(max=MAX_PASSWORD, message=_l("The password can have at most 200 characters.")),
        ],
    )


class ForgotPasswordForm(Form):
    email = _email_field(
        _l("Email address"), required_message=_l("Enter the email address you sign in with.")
    )


class NewPasswordForm(Form):
    new_password, confirm = _new_password_fields()


class AcceptInvitationForm(Form):
    display_name = _name_field()
    new_password, confirm = _new_password_fields()


class ProfileForm(Form):
    display_name = _name_field()
    locale = _language_field()


class ChangePasswordForm(Form):
    current_password = PasswordField(
        _l("Current password"),
        validators=[
            InputRequired(message=_l("Enter your current password.")),
            Length(max=MAX_PASSWORD, message=_l("The password can have at most 200 characters.")),
        ],
    )
    new_password, confirm = _new_password_fields()


class ChangeEmailForm(Form):
    email = _email_field(
        _l("New email address"), required_message=_l("Enter your new email address.")
    )
    current_password = PasswordField(
        _l("Current password"),
        validators=[
            InputRequired(message=_l("Enter your current password.")),
            Length(max=MAX_PASSWORD, message=_l("The password can have at most 200 characters.")),
        ],
        description=_l("So that nobody else can change your address."),
    )


def role_choices(allowed: Any = lambda role: True) -> list[SelectChoice]:
    """The roles as radio choices, only those `allowed(role)` accepts."""
    return [SelectChoice(role, label) for role, label in ROLE_LABELS.items() if allowed(role)]


def _role_field() -> RadioField:
    return RadioField(
        _l("Role"),
        choices=role_choices(),
        validators=[InputRequired(message=_l("Choose a role."))],
        invalid_choice_message=_l("Choose one of the roles shown."),
    )


class InviteForm(Form):
    display_name = _name_field()
    email = _email_field(
        _l("Email address"), required_message=_l("Enter the email address of the person.")
    )
    role = _role_field()
    locale = _language_field()

    def limit_roles(self, allowed: Any) -> None:
        """Offer only the roles the acting person may give."""
        self.role.choices = role_choices(allowed)


class RoleForm(Form):
    role = _role_field()

    def limit_roles(self, allowed: Any) -> None:
        self.role.choices = role_choices(allowed)
