"""The one sanitizer for user-written HTML.

Sanitize when saving; `|safe` only on sanitized fields."""

from __future__ import annotations

from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "abbr", "span", "dl", "dt", "dd", "table", "caption", "thead", "tbody",
    "tr", "th", "td",
    # What CommonMark produces besides the above (news posts are written in Markdown).
    "h5", "h6", "pre", "code", "hr",
})
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "lang", "hreflang"],
    "abbr": ["title"],
    "span": ["lang"],
    "p": ["lang"],
    "th": ["scope"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})


def sanitize_html(value: str | None) -> str:
    """Clean user-written HTML: only structural tags, safe links, no scripts, styles or events."""
    if not value:
        return ""
    import bleach  # imported where used: a worker that only reads pages never loads it

    cleaned = bleach.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return cleaned.strip()


def sanitized(value: str | None) -> Markup:
    """Mark an already sanitized value safe for templates (sanitizing again costs little)."""
    return Markup(sanitize_html(value))
