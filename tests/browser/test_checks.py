"""The page checks themselves (check_page in conftest.py) must be able to fail: a keyboard trap,
a focus nobody can see, an axe violation, a page too wide for 320 px."""

from __future__ import annotations

import pytest

from .conftest import check_page, keyboard_problems

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="en"><head><title>Check</title><style>
a, button, input {{ outline: none; }}
a:focus, button:focus, input:focus {{ outline: 3px solid #000; }}
{style}</style></head><body>
<a href="#main">Skip to content</a>
<main id="main"><h1>Check</h1>
<p><a href="/one">One</a> <a href="/two" id="two">Two</a></p>
<label for="name">Name</label> <input id="name" name="name">
<button type="button" id="send">Send</button>
</main>{script}</body></html>"""


@pytest.fixture()
def blank_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_a_good_page_passes(blank_page):
    blank_page.set_content(PAGE.format(style="", script=""))
    assert check_page(blank_page) == []


def test_a_focus_without_indicator_is_found(blank_page):
    blank_page.set_content(PAGE.format(style="#two:focus { outline: none; }", script=""))
    assert keyboard_problems(blank_page) == ["no visible focus on a 'Two'"]


@pytest.mark.parametrize("trap", [
    # The Tab key is swallowed: the focus stays on the field.
    "document.getElementById('name').addEventListener('keydown',"
    " e => { if (e.key === 'Tab') e.preventDefault(); });",
    # The focus is sent back from the button to the field: it circles between the two.
    "document.getElementById('send').addEventListener('keydown', e => {"
    " if (e.key === 'Tab') { e.preventDefault(); document.getElementById('name').focus(); } });",
    # Leaving the field puts the focus straight back.
    "const f = document.getElementById('name');"
    " f.addEventListener('blur', () => f.focus());",
])
def test_a_keyboard_trap_is_found(blank_page, trap):
    blank_page.set_content(PAGE.format(style="", script=f"<script>{trap}</script>"))
    problems = keyboard_problems(blank_page)
    assert len(problems) == 1
    assert problems[0].startswith("focus trapped"), problems


def test_an_axe_violation_and_a_wide_page_are_found(blank_page):
    blank_page.set_content(PAGE.format(
        style="main { min-width: 600px; }",
        script='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))
    problems = check_page(blank_page, keyboard=False)
    assert any(p.startswith("axe image-alt") for p in problems), problems
    assert "horizontal scroll of" in " ".join(problems), problems
