"""Crawl every page reachable by links from the start page, for every role and both languages,
submit every form empty once, and check each page and each error state in a real browser:
axe (WCAG 2.0–2.2 A/AA), one h1, lang, visible focus on every tab stop without a trap, reflow at
320 px, no broken link and no server error. New pages join automatically: nothing is listed here.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import LiveServer, check_page, serve_demo, set_language, sign_in

pytestmark = pytest.mark.browser

ROLES = ["anonymous", "member", "officer", "editor", "admin", "contact", "facilitator"]
LANGUAGES = ["de", "en"]
MAX_PAGES = 120
SAME_SHAPE_LIMIT = 2  # /gremien/1 and /gremien/2 are visited for their links, /gremien/3… not
# Focus styles and tab order come from the templates and CSS, not from the language: the keyboard
# walk runs in German (the default); axe, structure and reflow run in both languages.
KEYBOARD_LANGUAGES = {"de"}
SKIP_PREFIXES = ("/static/", "/sprache/")
TEXT_INPUTS = ("input[type=text], input[type=email], input[type=password], input[type=url], "
               "input[type=tel], input[type=number], input[type=search], input:not([type]), "
               "textarea")



class Checked:
    """Pages and form error states already checked, (shape, lang, scope), shared by all the
    parametrized runs and by the test processes (pytest-xdist) through files in a folder of the
    session: each is checked once in a run, by whichever process comes first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, kind: str, key: tuple[str, str, str]) -> Path:
        return self.folder / f"{kind}-{hashlib.sha256(repr(key).encode()).hexdigest()[:32]}"

    def claim(self, kind: str, key: tuple[str, str, str]) -> bool:
        """True for the first caller only (creating a file that must not exist is atomic)."""
        try:
            os.close(os.open(self._file(kind, key), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def count(self, kind: str) -> int:
        return sum(1 for _ in self.folder.glob(f"{kind}-*"))


def _scope(path: str, role: str) -> str:
    """Public pages look the same to every signed-in role; personal and admin pages do not."""
    if path.startswith("/mein-bereich"):
        return role
    if path.startswith("/verwaltung"):
        # Officer and admin share the management pages (the admin only lacks health data).
        return "staff" if role in {"officer", "admin"} else role
    return "out" if role == "anonymous" else "in"


class _Anchors(HTMLParser):
    """The href of every link of a page, as the server sent it."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href is not None:
            self.hrefs.append(href)


def _links_in(html: str, url: str, origin: str) -> list[str]:
    """The links of a page read without opening it in the browser (a page already checked in
    its shape is only searched for links: opening it too cost about a fifth of the crawl)."""
    anchors = _Anchors()
    anchors.feed(html)
    return _same_site(anchors.hrefs, url, origin)


def _links(page: Any, origin: str) -> list[str]:
    return _same_site(page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"),
                      page.url, origin)


def _same_site(hrefs: list[str], url: str, origin: str) -> list[str]:
    found = []
    for href in hrefs:
        parts = urlsplit(urljoin(url, href.strip()))
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith(SKIP_PREFIXES):
            found.append(path)
    return found


def _submit_forms_empty(page: Any, path: str, problems: list[str], lang: str, scope: str,
                        checked: Checked) -> None:
    """Send each form on the page once with its text fields emptied; check the error state."""
    forms = page.locator("main form[method=post], main form[method=POST]")
    for index in range(forms.count()):
        form = forms.nth(index)
        if form.locator(TEXT_INPUTS).count() == 0:
            continue  # a plain action button (confirm, deactivate, …): not sent blindly
        action = form.get_attribute("action") or path
        key = (re.sub(r"\d+", "N", urlsplit(action).path or path), lang, scope + ":form")
        if not checked.claim("form", key):
            continue
        # A form in a closed disclosure (a decision's next step): opened, as a user would.
        form.evaluate("f => { for (let d = f.closest('details'); d;"
                      " d = d.parentElement.closest('details')) d.open = true; }")
        for field in form.locator(TEXT_INPUTS).all():
            if field.is_visible() and field.is_editable():
                field.fill("")
        with page.expect_navigation() as navigation:
            form.locator("button[type=submit], input[type=submit]").first.click()
        response = navigation.value
        status = response.status if response else 0
        where = f"{path} (form → {action}, sent empty)"
        if status >= 500:
            problems.append(f"{where}: HTTP {status}")
            return
        found = check_page(page, keyboard=lang in KEYBOARD_LANGUAGES)
        problems.extend(f"{where}: {problem}" for problem in found)
        checked.claim("form-checked", key)
        page.goto(path)


def crawl(page: Any, live: LiveServer, role: str, lang: str, checked: Checked) -> list[str]:
    problems: list[str] = []
    queue = ["/", "/mein-bereich"] if role != "anonymous" else ["/"]
    visited: set[str] = set()
    shapes: Counter[str] = Counter()
    while queue and len(visited) < MAX_PAGES:
        path = queue.pop(0)
        shape = re.sub(r"\d+", "N", path.split("?")[0])
        if path in visited or shapes[shape] >= SAME_SHAPE_LIMIT:
            continue
        visited.add(path)
        shapes[shape] += 1
        head = page.request.get(live.url + path, max_redirects=5)
        if head.status >= 400:
            problems.append(f"{path}: a link leads to HTTP {head.status}")
            continue
        if "text/html" not in head.headers.get("content-type", ""):
            continue  # CSV, JSON, iCalendar, video: checked by their own tests
        # One page of each shape is checked (same template, other row); the others are only
        # searched for links.
        if not checked.claim("page", (shape, lang, _scope(path, role))):
            queue.extend(link for link in _links_in(head.text(), head.url, live.url)
                         if link not in visited)
            continue
        response = page.goto(path)
        if response is None or response.status >= 400:
            problems.append(f"{path}: HTTP {response.status if response else '?'}")
            continue
        queue.extend(link for link in _links(page, live.url) if link not in visited)
        problems.extend(
            f"{path}: {problem}"
            for problem in check_page(page, keyboard=lang in KEYBOARD_LANGUAGES)
        )
        _submit_forms_empty(page, path, problems, lang, _scope(path, role), checked)
    return problems


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Checked:
    """With pytest-xdist each process has a temporary folder of its own in the session's."""
    root = tmp_path_factory.getbasetemp()
    folder = (root if worker_id == "master" else root.parent) / "crawl-checked"
    folder.mkdir(exist_ok=True)
    return Checked(folder)


@pytest.fixture(scope="session")
def crawl_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The crawler sends forms: it runs on a demo site of its own, so the flow tests see the demo
    data as it was loaded, in whatever order the tests run. One for the session: with several
    test processes, the crawl tests come between others, and a site of the module (own_server)
    was built again each time they came back (25 s on a busy machine)."""
    with serve_demo(database_url, tmp_path_factory, "browser_crawl") as live:
        yield live


@pytest.fixture()
def crawl_page(browser: Any, crawl_server: LiveServer) -> Iterator[Any]:
    context = browser.new_context(base_url=crawl_server.url,
                                  viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_reachable_page_is_accessible(crawl_page, crawl_server, checked, role, lang):
    if role != "anonymous":
        assert role in crawl_server.accounts, f"the demo data has no {role} account"
        sign_in(crawl_page, crawl_server, role)
    set_language(crawl_page, lang)
    assert crawl_page.evaluate("() => document.documentElement.lang") == lang
    problems = crawl(crawl_page, crawl_server, role, lang, checked)
    assert not problems, f"{len(problems)} problems as {role} in {lang}:\n" + "\n".join(problems)


def test_crawler_found_pages_and_forms(checked):
    """Guards the crawler itself: it must really have checked pages and error states."""
    if not checked.count("page"):
        pytest.skip("run together with the crawl tests")
    summary = {"pages": checked.count("page"), "form error states": checked.count("form-checked")}
    assert summary["pages"] >= 10, summary
    assert summary["form error states"] >= 2, summary
