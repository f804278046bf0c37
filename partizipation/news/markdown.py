"""Markdown as authors write it, turned into HTML that is safe to show.

CommonMark (markdown-it-py) with raw HTML switched off, so anything written as HTML is shown as
text; then the project's one sanitizer. Headings move one level down (# becomes h2), so the page
keeps its one h1, the post's title. Pictures come as uploads with alt text and consent, never by
Markdown: `![…](…)` stays a link.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..html import sanitize_html


def _shift_headings(state: Any) -> None:
    """# becomes h2 and no level is skipped (#### after # becomes h3): the page's outline stays
    in order below its h1, whatever the author typed."""
    previous = 1
    opened: list[str] = []
    for token in state.tokens:
        if token.type == "heading_open":
            level = min(int(token.tag[1]) + 1, previous + 1, 6)
            token.tag = f"h{level}"
            opened.append(token.tag)
            previous = level
        elif token.type == "heading_close":
            token.tag = opened.pop()


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt  # imported where used (saving a post), not at start-up

    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).disable("image")
    md.core.ruler.push("shift_headings", _shift_headings)
    return md


def render_markdown(text: str | None) -> str:
    """Markdown → sanitized HTML (empty text gives "")."""
    if not text or not text.strip():
        return ""
    return sanitize_html(_parser().render(text))
