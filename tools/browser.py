"""Find the Chromium the browser tests drive: Debian's package first, then Playwright's own."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

CANDIDATES = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"]


def chromium_path() -> str | None:
    """The system Chromium, or None (then Playwright's own browser is used, if installed)."""
    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def playwright_browser() -> str | None:
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
        return path if Path(path).exists() else None
    except Exception:  # noqa: BLE001 - any failure means: not installed
        return None


if __name__ == "__main__":
    found = chromium_path() or playwright_browser()
    if found:
        print(found)
    sys.exit(0 if found else 1)
