"""Shared form pieces. Field markup lives in templates/_macros/forms.html."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import Field, SelectMultipleField, StringField
from wtforms import SelectField as _SelectField
from wtforms import widgets as _wtforms_widgets
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.widgets import Select as _Select
from wtforms.widgets import core as _wtforms_widgets_core
from wtforms.widgets.core import clean_key

from . import clock
from .domain import DomainError
from .i18n import _l
from .localize import example_date, format_input_date, parse_input_date

GROUP_TYPES = {"RadioField", "MultiCheckboxField"}


class Form(FlaskForm):
    """Base form: a CSRF-protected FlaskForm."""

    def error_items(self) -> list[tuple[str, str]]:
        """(field id, message) for the error summary: what concerns the whole form first (it
        explains the rest), then the fields in their order."""
        items: list[tuple[str, str]] = [("", str(message)) for message in self.form_errors]
        for field in self:
            target = f"{field.id}-0" if field.type in GROUP_TYPES else field.id
            for message in field.errors if isinstance(field.errors, list) else []:
                items.append((target, str(message)))
        return items

    def put_error(self, error: DomainError, default: str | None = None) -> None:
        """Show a service's message at its field (else at `default`, else above the form).

        A StaleError also lists what is stored now (see versioning.py), at each field it names."""
        target = self._fields.get(error.field or default or "")
        if target is not None:
            target.errors = [*target.errors, str(error)]
            return
        self.form_errors.append(str(error))
        for label, value, *name in getattr(error, "changes", ()):
            message = str(_l("Now stored in “%(field)s”: %(value)s", field=label, value=value))
            field = self._fields.get(name[0]) if name else None
            if field is not None:
                field.errors = [*field.errors, message]
            else:
                self.form_errors.append(message)


class ActionForm(Form):
    """An empty form for buttons that change state (its only field is the CSRF token)."""


def _html_params(**kwargs: Any) -> Markup:
    """WTForms' `html_params`, the same attributes in one step: WTForms writes each through
    `Markup.format` (Python's string.Formatter), 60 µs for a sign-in field's eight attributes
    against 7 here; a page's forms took a quarter of the sign-in page's CPU. Sorted by name,
    `class_`/`for_` without their underscore, `data_`/`aria_` with hyphens, True as a bare
    attribute, False left out, values escaped (a Markup value as it is, its quotes escaped)."""
    params: list[str] = []
    for key, value in sorted(kwargs.items()):
        key = clean_key(key)
        if value is True:
            params.append(escape(key))
        elif value is not False:
            params.append(f'{escape(key)}="{str(escape(value)).replace(chr(34), "&quot;")}"')
    return Markup(" ".join(params))


# Every place WTForms (3.x) reaches html_params: the module's functions, the widgets that keep
# their own reference, labels (through the package). tests/core/test_html_params.py checks them.
WTFORMS_HTML_PARAMS = _wtforms_widgets_core.html_params  # kept for the test's comparison
_wtforms_widgets.html_params = _wtforms_widgets_core.html_params = _html_params
_wtforms_widgets_core.Input.html_params = staticmethod(_html_params)  # type: ignore[assignment]
_wtforms_widgets_core.Button.html_params = staticmethod(_html_params)  # type: ignore[assignment]


class _QuickSelect(_Select):
    """WTForms' select, a plain option (no attributes of its own) written in one step: WTForms
    builds each option's attributes through a sorted, escaped, formatted parameter list, about
    35 µs an option — a filter with thirty tags took a millisecond. The markup is the same."""

    @classmethod
    def render_option(cls, choice: SelectChoice, **kwargs: Any) -> Markup:
        value = choice.value
        if kwargs or choice.render_kw or type(value) not in (str, int):
            return super().render_option(choice, **kwargs)  # type: ignore[no-any-return]
        selected = "selected " if choice.selected else ""
        return Markup(f'<option {selected}value="{escape(value)}">'
                      f"{escape(choice.label or value)}</option>")


class SelectField(_SelectField):
    """The select field of every form here (see _QuickSelect)."""

    widget = _QuickSelect()


class MultiCheckboxField(SelectMultipleField):
    """Several choices as a group of checkboxes (rendered as a fieldset by the macros)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class DateField(StringField):
    """A date typed as text, read and shown per locale (see `localize`): 27.03.2026 in German,
    Mar 27, 2026 or 27/03/2026 in English, ISO always; an empty field is None."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("description", _l("For example %(example)s", example=example_date()))
        super().__init__(*args, **kwargs)

    def _value(self) -> str:
        if self.raw_data:
            return " ".join(self.raw_data)
        if isinstance(self.data, date):
            return format_input_date(self.data)
        return ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        self.data = parse_input_date(valuelist[0])
        if self.data is None:
            raise ValueError(str(_l("Enter a real date like %(example)s.",
                                    example=example_date())))


def email_validators() -> list[Any]:
    """Validators for an email address field, with messages that say what to do."""
    return [
        Length(max=254, message=_l("The email address can have at most 254 characters.")),
        Email(
            message=_l("Enter an email address in the right format, like name@example.org."),
            check_deliverability=False,
        ),
    ]


def not_in_future(message: Any) -> Any:
    """Validator: the date must not lie in the future."""

    def check(form: Any, field: Field) -> None:
        if field.data and field.data > clock.today():
            raise ValidationError(message)

    return check
