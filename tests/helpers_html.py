"""A strict check of served HTML source, for what a browser silently repairs: a block element
(a form, a list, a heading) opened inside a <p>, which closes the <p> early, and end tags without
a matching open element. The standard library's parser; no dependency."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Start tags that close an open <p> (HTML "close a p element" list).
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
            "table", "ul"}
# Elements whose end tag may be left out (the parser closes them itself).
OPTIONAL_END = {"p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag in VOID:
            return
        if tag in CLOSES_P and "p" in self.stack:
            where = self.getpos()
            self.problems.append(f"line {where[0]}: <{tag}> inside <p> (closes it early)")
            while self.stack and self.stack[-1] != "p":
                self.stack.pop()
            if self.stack:
                self.stack.pop()
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        return

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag not in self.stack:
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> without an open <{tag}>")
            return
        while self.stack:
            top = self.stack.pop()
            if top == tag:
                return
            if top not in OPTIONAL_END:
                self.problems.append(
                    f"line {self.getpos()[0]}: </{tag}> closes <{top}> that is still open")


def source_problems(html: str) -> list[str]:
    """What a strict parser finds wrong in the served source (empty: fine)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems
