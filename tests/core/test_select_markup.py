"""Every select here is written by the shared SelectField (its plain options in one step, for
speed): the markup is exactly WTForms' own, for every kind of choice."""

from __future__ import annotations

import pytest
from wtforms import Form
from wtforms import SelectField as WTFormsSelectField
from wtforms.fields.choices import SelectChoice

from partizipation.forms import SelectField
from partizipation.i18n import _l


def _choices(*pairs):  # type: ignore[no-untyped-def]
    return [SelectChoice(value, label) for value, label in pairs]


CHOICES = [
    _choices(("", "All tags"), ("Thema 1", "Thema 1"), ('a&b "quoted" <x>', 'a&b "quoted" <x>')),
    _choices((0, "No place (online only)"), (1, "Rathaus"), (27, "Kreishaus <Unna>")),
    [SelectChoice("", _l("All components")), SelectChoice("x", "X", {"lang": "de"}),
     SelectChoice("y", "", None)],
    _choices((True, "Yes"), (False, "No"), (None, "Unknown")),
    [SelectChoice(3, "Three", optgroup="Group A"), SelectChoice(4, "Four", optgroup="Group B")],
]


@pytest.mark.parametrize("choices", CHOICES)
@pytest.mark.parametrize("chosen", [None, "", "Thema 1", 1, "x", True, 4, "a&b \"quoted\" <x>"])
def test_a_select_is_written_as_wtforms_writes_it(app, choices, chosen) -> None:  # type: ignore[no-untyped-def]
    class Ours(Form):
        pick = SelectField(choices=choices, validate_choice=False)

    class Theirs(Form):
        pick = WTFormsSelectField(choices=choices, validate_choice=False)

    with app.test_request_context("/"):
        ours, theirs = Ours(data={"pick": chosen}), Theirs(data={"pick": chosen})
        assert ours.pick.type == theirs.pick.type == "SelectField"
        assert str(ours.pick(class_="input")) == str(theirs.pick(class_="input"))
        assert "<option" in str(ours.pick())
