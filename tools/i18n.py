"""Extract and compile the translation catalogs of the core and of each domain package.

    python tools/i18n.py extract   # update the German .po files from the code and templates
    python tools/i18n.py compile   # build the .mo files (done by `make run` and `make test`)
    python tools/i18n.py check     # fail when a German translation is missing or out of date

Message ids are English; German (the default locale) needs a translation for every message.
English needs no catalog: the ids are the English text.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "partizipation"
TEMPLATES = ROOT / "templates"
DOMAINS = ["accounts", "bitv", "feedback", "mail", "people", "council", "municipalities"]
LOCALES = ["de"]


def sources(domain: str) -> list[Path]:
    """Where the messages of a catalog come from: the core owns what no domain owns."""
    if domain:
        return [p for p in (PACKAGE / domain, TEMPLATES / domain) if p.exists()]
    core = [p for p in PACKAGE.glob("*.py")] + [PACKAGE / "core"]
    core += [TEMPLATES / name for name in ("base.html", "_macros", "errors")]
    return [p for p in core if p.exists()]


def catalog_dir(domain: str) -> Path:
    return PACKAGE / domain / "translations" if domain else PACKAGE / "translations"


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def _extract(domain: str, pot: Path) -> None:
    _babel("extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "--no-location",
           "--sort-output", "-o", str(pot), *[str(p) for p in sources(domain)])


def extract() -> None:
    for domain in ["", *DOMAINS]:
        with tempfile.TemporaryDirectory() as tmp:
            pot = Path(tmp) / "messages.pot"
            _extract(domain, pot)
            for locale in LOCALES:
                po = catalog_dir(domain) / locale / "LC_MESSAGES" / "messages.po"
                if po.exists():
                    _babel("update", "-i", str(pot), "-d", str(catalog_dir(domain)), "-l", locale,
                           "--no-fuzzy-matching", "--ignore-obsolete")
                else:
                    _babel("init", "-i", str(pot), "-d", str(catalog_dir(domain)), "-l", locale)


def compile_all() -> None:
    for domain in ["", *DOMAINS]:
        directory = catalog_dir(domain)
        if any(directory.glob("*/LC_MESSAGES/messages.po")):
            _babel("compile", "-d", str(directory), "--statistics")


def missing() -> list[str]:
    """Messages in the code whose German translation is missing, fuzzy or not yet extracted."""
    problems: list[str] = []
    for domain in ["", *DOMAINS]:
        with tempfile.TemporaryDirectory() as tmp:
            pot = Path(tmp) / "messages.pot"
            _extract(domain, pot)
            with pot.open("rb") as handle:
                wanted = read_po(handle)
        for locale in LOCALES:
            po = catalog_dir(domain) / locale / "LC_MESSAGES" / "messages.po"
            if not po.exists():
                if len(wanted):
                    problems.append(f"{po}: missing ({len(wanted)} messages)")
                continue
            with po.open("rb") as handle:
                catalog = read_po(handle)
            for message in wanted:
                if not message.id:
                    continue
                have = catalog.get(message.id)
                strings = have.string if have else None
                if isinstance(strings, (list, tuple)):
                    strings = all(strings)
                if have is None or not strings or have.fuzzy:
                    ident = message.id[0] if isinstance(message.id, tuple) else message.id
                    problems.append(f"{domain or 'core'}/{locale}: {ident!r}")
    return problems


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "extract":
        extract()
    elif action == "compile":
        compile_all()
    elif action == "check":
        found = missing()
        print("\n".join(found) or "All messages are translated.")
        sys.exit(1 if found else 0)
    else:
        print(__doc__)
        sys.exit(2)
