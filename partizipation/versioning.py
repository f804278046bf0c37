"""Edit forms that never silently overwrite a change made meanwhile.

A row that officers edit carries a `version` (`Versioned`); SQLAlchemy raises it on every UPDATE
and adds `WHERE version = :loaded` to it (`version_id_col`). The edit form carries the version it
was loaded with in a hidden field (`VersionField`). On save, `check_version` compares it with the
stored one: when someone else saved in between, it raises `StaleError` naming each field whose
stored value now differs from what this user sent, and nothing is written. The form then shows
that message above the form and what is stored now at each such field (linked from the error
summary), the user's input is kept, and the hidden version is moved on, so sending the form
again (after reading what changed) saves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Mapped, declared_attr, mapped_column
from wtforms import HiddenField

from .domain import StaleError
from .i18n import _l


class Versioned:
    """Mixin: an optimistic-locking version column."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class VersionField(HiddenField):
    """The version of the row the form was loaded with."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            self.data = int(valuelist[0]) if valuelist else None
        except ValueError:
            self.data = None


def _shown(value: Any, field: Any = None) -> str:
    """A stored value as the form shows it: a choice by its label, dates and numbers per locale."""
    from flask_babel import format_date, format_decimal

    if value is None or value == "":
        return str(_l("(empty)"))
    choices = getattr(field, "choices", None)
    for choice in choices if isinstance(choices, list | tuple) else ():
        if hasattr(choice, "value"):  # SelectChoice
            choice = (choice.value, choice.label)
        if isinstance(choice, tuple) and str(choice[0]) == str(value):
            return str(choice[1])
    if hasattr(value, "isoformat") and not hasattr(value, "hour"):
        return str(format_date(value))
    if isinstance(value, bool):
        return str(_l("yes") if value else _l("no"))
    if isinstance(value, int | float):
        return str(format_decimal(value))
    return str(value)


def check_version(row: Any, form: Any, fields: Iterable[str]) -> None:
    """Raise StaleError when `row` changed since `form` was loaded (see the module's docstring).

    `fields` are the names shared by the form and the row; the message lists those whose stored
    value differs from what the user sent, with the stored value.
    """
    sent = form.version.data
    if sent is None or sent == row.version:
        return
    changes = []
    for name in fields:
        stored, mine = getattr(row, name), form[name].data
        if (stored or None) != (mine or None):
            changes.append((str(form[name].label.text), _shown(stored, form[name]), name))
    form.version.data = row.version
    form.version.raw_data = [str(row.version)]
    raise StaleError(
        _l("Someone else saved changes here while you were editing. Nothing of yours was saved "
           "yet: your input is still in the form. Check what is stored now, then save again."),
        changes)
