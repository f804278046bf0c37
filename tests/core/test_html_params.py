"""The shared `html_params` (partizipation/forms.py) writes exactly what WTForms' own writes, and
every widget WTForms renders uses it."""

from __future__ import annotations

import pytest
from markupsafe import Markup
from wtforms import Form as PlainForm
from wtforms import widgets
from wtforms.fields import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import core

from partizipation.forms import WTFORMS_HTML_PARAMS, SelectField, _html_params

CASES = [
    {},
    {"id": "email", "type": "email", "name": "email", "value": "", "required": True,
     "autocomplete": "username", "aria_describedby": "email-hint email-error",
     "aria_invalid": "true", "class_": "input wide"},
    {"checked": True, "readonly": False, "name": "text1", "abc": "hello"},
    {"data_user_name": "a_b", "aria_labelledby": "x", "for_": "field", "data": "plain"},
    {"value": 'say "hi" & <b>bye</b>', "title": "it's"},
    {"value": Markup('<b class="x">bold</b>'), "label": Markup("a &amp; b")},
    {"value": 0, "max": 10, "step": 0.5, "min": None, "size": -3},
    {"name": "Ünïcødé", "placeholder": "Straße, 12 € – ok", "lang": "de"},
    {"zzz": "last", "aaa": "first", "mmm": True, "bbb": False},
]


@pytest.mark.parametrize("attributes", CASES)
def test_the_same_attributes_as_wtforms(attributes):
    assert _html_params(**attributes) == WTFORMS_HTML_PARAMS(**attributes)
    assert isinstance(_html_params(**attributes), Markup)


def test_every_widget_writes_through_it():
    assert WTFORMS_HTML_PARAMS is not _html_params
    assert core.html_params is widgets.html_params is _html_params
    assert core.Input.html_params is _html_params
    assert core.Button.html_params is _html_params


class _Fields(PlainForm):
    name = StringField("Name")
    agree = BooleanField("Yes")
    text = TextAreaField("Text")
    kind = SelectField("Kind", choices=[SelectChoice("a", "A"), SelectChoice("b", 'B "quoted"')])
    send = SubmitField("Send")


def test_fields_render_as_with_wtforms_own(monkeypatch):
    form = _Fields(data={"name": 'Anna "Ann" <3', "agree": True, "text": "a < b", "kind": "b"})
    extra = {"aria_describedby": "hint", "class_": "wide"}
    ours = [str(field(**extra)) + str(field.label(class_="label")) for field in form]
    for target in (core, widgets):
        monkeypatch.setattr(target, "html_params", WTFORMS_HTML_PARAMS)
    for widget in (core.Input, core.Button):
        monkeypatch.setattr(widget, "html_params", staticmethod(WTFORMS_HTML_PARAMS))
    theirs = [str(field(**extra)) + str(field.label(class_="label")) for field in form]
    assert ours == theirs
    assert 'value="Anna &#34;Ann&#34; &lt;3"' in ours[0]
