"""Real-browser fixtures: the app served on loopback from a committed demo database, Chromium
driven by Playwright, and `check_page`, which runs the checks every page must pass.

The browser tests use their own database (a SQLite file, or `<TEST_DATABASE_URL>_browser` on
PostgreSQL), because the server thread must see committed data.
"""

from __future__ import annotations

import asyncio
import re
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import text
from werkzeug.serving import make_server

from partizipation.db import make_engine
from partizipation.migrations import upgrade
from tests.conftest import make_test_app
from tools.browser import chromium_path

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules ACCESSIBILITY.md asks for besides the WCAG tags.
AXE_RULES = ["region", "landmark-one-main", "page-has-heading-one", "heading-order",
             "landmark-unique", "skip-link"]
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAX_TAB_STOPS = 150
# How long a walk waits for a page, a click's navigation or an element: long enough for a
# 2-core machine that also runs the other test process (a failing check fails, only later).
TIMEOUT_MS = 15_000


def _browser_database(base_url: str, tmp_path_factory: pytest.TempPathFactory,
                      suffix: str = "browser") -> str:
    from tests.concurrency import separate_database

    return separate_database(base_url, suffix, tmp_path_factory)


@dataclass
class LiveServer:
    url: str
    accounts: dict[str, tuple[str, str]] = field(default_factory=dict)  # role -> (email, password)
    app: Any = None


@contextmanager
def serve_demo(database_url: str, tmp_path_factory: pytest.TempPathFactory,
               suffix: str) -> Iterator[LiveServer]:
    """The app on loopback over a freshly migrated database `suffix` with the demo data."""
    db_url = _browser_database(database_url, tmp_path_factory, suffix)
    engine = make_engine(db_url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(connection=conn)
    engine.dispose()
    app = make_test_app(
        db_url,
        UPLOAD_FOLDER=str(tmp_path_factory.mktemp(f"uploads-{suffix}")),
        # The crawler sends every form many times; rate limits have their own tests. (The
        # limiter is global, so it stays enabled: other apps in this session need it.)
        **{key: "100000 per minute"
           for key in ("LOGIN_LIMIT", "FEEDBACK_LIMIT", "CONTACT_LIMIT", "RESET_LIMIT")},
        WTF_CSRF_ENABLED=True,
    )
    from partizipation.demo import load_demo_data

    with app.app_context():
        accounts = load_demo_data(app.extensions["db"].session)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    live = LiveServer(url=f"http://127.0.0.1:{server.port}", app=app)
    for role, email, password in accounts:
        live.accounts.setdefault(role, (email, password))
    try:
        yield live
    finally:
        server.shutdown()
        app.extensions["db"].engine.dispose()


@pytest.fixture(scope="session")
def live_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The demo site shared by the browser tests (which leave the demo data as they found it)."""
    with serve_demo(database_url, tmp_path_factory, "browser") as live:
        yield live


@pytest.fixture(scope="module")
def own_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A demo site of the module's own, for tests that change the demo data's shape (a new
    term, a cancelled meeting): the other browser tests keep the demo as it was loaded."""
    with serve_demo(database_url, tmp_path_factory, "browser_own") as live:
        yield live


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as p:
        options: dict[str, Any] = {"args": LAUNCH_ARGS}
        if executable:
            options["executable_path"] = executable
        browser = p.chromium.launch(**options)
        yield browser
        browser.close()


@pytest.fixture()
def browser_page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def sign_in(page: Any, live_server: LiveServer, role: str) -> None:
    """Sign in through the real login form as the demo account of `role`."""
    email, password = live_server.accounts[role]
    page.goto("/anmelden")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert "/anmelden" not in page.url, f"could not sign in as {role}"


def set_language(page: Any, lang: str) -> None:
    page.goto(f"/sprache/{lang}?next=/")


_AXE_SCRIPT: str | None = None
# The rules with the WCAG tags plus the best-practice rules asked for, and only the violations back
# (the rules left out were run and thrown away before: the same checks, a third less time).
_AXE_RUN = """options => axe.run(document, options).then(results => results.violations.map(v => ({
  id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
})))"""


def axe_violations(page: Any) -> list[str]:
    """axe-core with the WCAG 2.0–2.2 A/AA tags, plus a few best-practice rules (one run)."""
    global _AXE_SCRIPT
    if _AXE_SCRIPT is None:
        from axe_playwright_python.sync_playwright import Axe

        _AXE_SCRIPT = Axe().axe_script
    # Injected into each page checked (an init script would cost every other navigation too).
    page.evaluate(_AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS},
               "rules": {rule: {"enabled": True} for rule in AXE_RULES},
               "resultTypes": ["violations"]}
    return [f"axe {v['id']}: {v['help']} at {v['targets']}"
            for v in page.evaluate(_AXE_RUN, options)]


# For every element that receives focus: does it then show a focus indicator? Logged in the page,
# so tabbing costs one key press per stop and one read at the end.
_RECORD_FOCUS = """() => {
  window.__focusLog = [];
  // Tab presses the page has handled: the log is read only when all of them have arrived.
  window.__tabsDone = 0;
  if (!window.__tabCounter) {
    window.__tabCounter = true;
    window.addEventListener('keyup', (event) => { if (event.key === 'Tab') window.__tabsDone++; },
                            true);
  }
  // The walk runs from the top of the page to a stop added at its end, and never leaves the page.
  // It starts at the top also where the page moved the focus to a message on load: the browser's
  // starting point for the Tab key stays where a removed element had the focus. The end stop keeps
  // the remaining presses (the focus would otherwise pass to the browser's own controls and come
  // back at the top, and presses sent meanwhile raced with that return).
  window.__focusTop = () => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus({preventScroll: true});
    start.remove();
    window.scrollTo(0, 0);
  };
  window.__focusTop();
  const end = document.createElement('span');
  end.tabIndex = 0;
  end.id = 'tab-walk-end';
  end.addEventListener('keydown', (event) => { if (event.key === 'Tab') event.preventDefault(); });
  document.body.append(end);
  window.__recordFocus = (event) => {
    const el = event.target;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    window.__focusLog.push({
      tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || '').slice(0, 40),
      visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                && s.outlineColor !== 'rgba(0, 0, 0, 0)') || s.boxShadow !== 'none',
      skip: (el.getAttribute('href') || '') === '#main',
      end: el === end,
      key: el.tagName + '#' + el.id + '@' + Math.round(r.x + scrollX) + ','
           + Math.round(r.y + scrollY) + ':' + (el.name || el.href || ''),
    });
  };
  document.addEventListener('focusin', window.__recordFocus);
  return document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea,'
    + ' [tabindex]:not([tabindex="-1"]), video[controls], summary').length;
}"""


# After the walk the focus goes back to the top of the page, as on a page just opened: the next
# Tab reaches the skip link (from the removed end stop it would leave the page, and come back at
# the top only after a race with the presses that follow).
_END_WALK = """() => {
  document.removeEventListener('focusin', window.__recordFocus);
  document.getElementById('tab-walk-end').remove();
  window.__focusTop();
  return window.__focusLog;
}"""


_SESSIONS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def press_tab(page: Any, times: int) -> None:
    """Press the Tab key `times` times: real key events through Chromium's input pipeline (the
    DevTools protocol's Input.dispatchKeyEvent, as `page.keyboard.press` sends them), so the
    browser's own sequential focus navigation moves the focus. The events are sent at once and
    the browser handles them one after the other, in order; waiting for each press in turn cost a
    round trip through Playwright per press (about 10 ms on a busy machine)."""
    # One DevTools session per page, kept across its navigations (opening one costs more than
    # the presses of a short page).
    session = _SESSIONS.get(page)
    if session is None:
        session = _SESSIONS[page] = page.context.new_cdp_session(page)
    # The asynchronous object under Playwright's synchronous API: it can send without waiting.
    impl = session._impl_obj
    events = [{"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
              for kind in ("rawKeyDown", "keyUp")]

    async def send_all() -> None:
        # The tasks start in order, and each sends its message before it waits for the answer.
        await asyncio.gather(*(impl.send("Input.dispatchKeyEvent", event, None)
                               for _ in range(times) for event in events))

    session._sync(send_all())


def keyboard_problems(page: Any) -> list[str]:
    """Tab through the page: every stop shows a focus indicator, and the focus reaches the end."""
    candidates = page.evaluate(_RECORD_FOCUS)
    presses = min(candidates + 3, MAX_TAB_STOPS)
    press_tab(page, presses)
    # The browser may still be working through the presses when the last is acknowledged (on a
    # busy machine the log was read after a third of them, and looked like a trap).
    page.wait_for_function("n => window.__tabsDone >= n", arg=presses)
    log = page.evaluate(_END_WALK)
    problems: list[str] = []
    if not log:
        return ["no element can be reached with the Tab key"]
    if not log[0]["skip"]:
        problems.append(f"first tab stop is not the skip link: {log[0]['text']!r}")
    seen: list[str] = []
    for state in log:
        if state["end"]:
            break  # the end of the page was reached: no trap
        if seen and state["key"] == seen[-1]:
            continue  # focused again without a stop in between (a trap never reaches the end)
        if not state["visible"]:
            problems.append(f"no visible focus on {state['tag']} '{state['text']}'")
        seen.append(state["key"])
    else:
        # More presses than the page has focusable elements, and the focus never reached the end
        # of the page: it is held somewhere (a keyboard trap, WCAG 2.1.2).
        if presses < MAX_TAB_STOPS:
            last = log[-1]
            problems.append(f"focus trapped: {presses} Tab presses never reached the end of the "
                            f"page, the last stop was {last['tag']} '{last['text']}'")
    return problems


def reflow_problems(page: Any) -> list[str]:
    """At 320 CSS px nothing may scroll sideways (WCAG 1.4.10)."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    page.set_viewport_size(size)
    return [f"horizontal scroll of {overflow}px at 320px width"] if overflow > 0 else []


def structure_problems(page: Any) -> list[str]:
    h1s, lang, title = page.evaluate(
        "() => [document.querySelectorAll('h1').length, document.documentElement.lang,"
        " document.title]")
    problems = []
    if h1s != 1:
        problems.append(f"{h1s} h1 elements instead of one")
    if lang not in ("de", "en"):
        problems.append(f"html lang is {lang!r}")
    if not title.strip():
        problems.append("empty title")
    return problems


def expect_title(page: Any, prefix: str | tuple[str, ...]) -> None:
    """The title of the page a click is loading starts with `prefix` (one of them). A click does
    not wait for the navigation it starts, so this waits (reading `page.title()` at once may see the
    empty document in between). A success prefix ("Erledigt: ", "Done: ") may come first."""
    prefixes = (prefix,) if isinstance(prefix, str) else prefix
    # After a change the title also says it worked ("Erledigt: …", "Done: …").
    expect(page).to_have_title(re.compile(
        "^(?:Erledigt: |Done: )?(?:" + "|".join(map(re.escape, prefixes)) + ")"))


def check_page(page: Any, *, keyboard: bool = True, reflow: bool = True) -> list[str]:
    """All problems a page has: axe, structure, keyboard focus, reflow. Empty list = passes."""
    # A click does not wait for the page it opens to load: check the new page once it is there
    # (reading it earlier found a document without its root element).
    page.wait_for_load_state()
    page.wait_for_function("() => document.readyState === 'complete' && document.body !== null")
    problems = structure_problems(page) + axe_violations(page)
    if keyboard:
        problems += keyboard_problems(page)
    if reflow:
        problems += reflow_problems(page)
    return problems

