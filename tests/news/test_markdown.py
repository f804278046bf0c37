"""Markdown → sanitizer with the payload corpus: nothing executes, nothing meant as text is lost,
headings keep the page's one h1."""

from __future__ import annotations

import html

import pytest

from partizipation.news.markdown import render_markdown

from .payloads import PAYLOADS, markup_problems


@pytest.mark.parametrize(("payload", "visible"), PAYLOADS)
def test_payloads_are_harmless_and_kept_as_text(payload, visible):
    out = render_markdown(payload)
    assert markup_problems(out) == [], (payload, out)
    assert visible in html.unescape(out)


def test_headings_move_down_and_never_skip_a_level():
    out = render_markdown("# Eins\n\n#### Vier\n\n## Zwei\n\n###### Sechs")
    assert "<h1" not in out
    assert out.index("<h2>Eins</h2>") < out.index("<h3>Vier</h3>")
    assert "<h3>Zwei</h3>" in out and "<h4>Sechs</h4>" in out


def test_commonmark_structure_survives():
    out = render_markdown("Ein *kursiver* und **fetter** Text.\n\n- eins\n- zwei\n\n"
                          "[Kreis](https://www.example.org)\n\n```\ncode <b>\n```")
    assert "<em>kursiver</em>" in out and "<strong>fetter</strong>" in out
    assert "<ul>" in out and '<a href="https://www.example.org">Kreis</a>' in out
    assert "<pre><code>code &lt;b&gt;" in out


def test_markdown_pictures_stay_links():
    out = render_markdown("![Foto](https://tracker.example/pixel.png)")
    assert "<img" not in out and "Foto" in out


def test_empty_text_gives_nothing():
    assert render_markdown("") == "" and render_markdown("   \n") == ""
