"""Extract and compile the translation catalogs of the core and of each domain package.

    python tools/i18n.py extract   # update the German .po files from the code and templates
    python tools/i18n.py compile   # build the .mo files (done by `make run` and `make test`)
    python tools/i18n.py check     # fail when a German translation is missing, out of date, or
                                   # a message id stands in two catalogs

Message ids are English; German (the default locale) needs a translation for every message.
English needs no catalog: the ids are the English text. Every id lives in exactly one catalog:
an id that several domains use belongs to the core catalog (partizipation/translations), so
Flask-Babel's merge of the catalogs can never pick one translation over another. Moving an id
keeps its translation.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from partizipation.domains import PACKAGES  # noqa: E402

PACKAGE = ROOT / "partizipation"
TEMPLATES = ROOT / "templates"
CORE = "core"
LOCALES = ["de"]
HEADER = ("# German translations of partizipation (EUPL-1.2). Written by tools/i18n.py extract;\n"
          "# edit the msgstr lines only.")


def sources(domain: str) -> list[Path]:
    """Where the messages of a domain come from: the core owns the package's top-level modules,
    the base template, the macros and the error pages."""
    if domain != CORE:
        return [p for p in (PACKAGE / domain, TEMPLATES / domain) if p.exists()]
    core = [p for p in PACKAGE.glob("*.py")] + [PACKAGE / "core"]
    core += [TEMPLATES / name
             for name in ("base.html", "confirm.html", "_macros", "errors", "core")]
    return [p for p in core if p.exists()]


def catalog_dir(domain: str) -> Path:
    return PACKAGE / "translations" if domain == CORE else PACKAGE / domain / "translations"


def po_path(domain: str, locale: str) -> Path:
    return catalog_dir(domain) / locale / "LC_MESSAGES" / "messages.po"


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def _extract(domain: str) -> Catalog:
    paths = [str(p) for p in sources(domain)]
    if not paths:
        return Catalog()
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "messages.pot"
        _babel("extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "--no-location",
               "--sort-output", "-o", str(pot), *paths)
        with pot.open("rb") as handle:
            return read_po(handle)


def _read(path: Path) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle)


def ownership() -> tuple[dict[str, Catalog], dict[Any, str]]:
    """Each domain's extracted messages, and the one domain that owns each message id."""
    extracted = {domain: _extract(domain) for domain in PACKAGES}
    users: dict[Any, set[str]] = defaultdict(set)
    for domain, catalog in extracted.items():
        for message in catalog:
            if message.id:
                users[message.id].add(domain)
    owner = {ident: (next(iter(names)) if len(names) == 1 else CORE)
             for ident, names in users.items()}
    return extracted, owner


def extract() -> None:
    extracted, owner = ownership()
    for locale in LOCALES:
        known: dict[Any, Any] = {}
        for domain in PACKAGES:
            existing = _read(po_path(domain, locale))
            for message in existing or ():
                if message.id and message.string and not message.fuzzy:
                    known.setdefault(message.id, message.string)
        for domain in PACKAGES:
            path = po_path(domain, locale)
            previous = _read(path)
            # A fixed header and the first creation date: re-extracting changes only messages.
            catalog = Catalog(locale=locale, project="partizipation", fuzzy=False,
                              header_comment=HEADER, version="",
                              creation_date=previous.creation_date if previous else None,
                              revision_date=previous.creation_date if previous else None)
            for source in extracted.values():
                for message in source:
                    if message.id and owner[message.id] == domain and message.id not in catalog:
                        catalog.add(message.id, known.get(message.id, ""),
                                    auto_comments=message.auto_comments, flags=message.flags)
            if not len(catalog) and previous is None:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            write_po(buffer, catalog, sort_output=True, omit_header=False,
                     ignore_obsolete=True, width=100)
            path.write_bytes(_keep_creation_date(buffer.getvalue(), path))


def _keep_creation_date(text: bytes, path: Path) -> bytes:
    """The catalog's first POT-Creation-Date line, so that re-extracting changes messages only
    (and branches that each extract do not conflict on the header)."""
    if not path.exists():
        return text
    old = re.search(rb'^"POT-Creation-Date: [^"]*"$', path.read_bytes(), re.M)
    if old is None:
        return text
    return re.sub(rb'^"POT-Creation-Date: [^"]*"$', lambda _: old.group(0), text, count=1,
                  flags=re.M)


def compile_all() -> None:
    for domain in PACKAGES:
        directory = catalog_dir(domain)
        if any(directory.glob("*/LC_MESSAGES/messages.po")):
            _babel("compile", "-d", str(directory), "--statistics")


def missing() -> list[str]:
    """Messages without a German translation, and ids that stand in more than one catalog."""
    extracted, owner = ownership()
    problems: list[str] = []
    for locale in LOCALES:
        catalogs = {domain: _read(po_path(domain, locale)) for domain in PACKAGES}
        where: dict[Any, list[str]] = defaultdict(list)
        for domain, catalog in catalogs.items():
            for message in catalog or ():
                if message.id:
                    where[message.id].append(domain)
        for ident, domains in where.items():
            if len(domains) > 1:
                problems.append(f"{locale}: {_text(ident)!r} stands in {', '.join(domains)}")
        for ident, domain in owner.items():
            catalog = catalogs[domain]
            have = catalog.get(ident) if catalog is not None else None
            strings = have.string if have else None
            if isinstance(strings, (list, tuple)):
                strings = all(strings)
            if have is None or not strings or have.fuzzy:
                problems.append(f"{domain}/{locale}: {_text(ident)!r}")
    return problems


def _text(ident: Any) -> str:
    return ident[0] if isinstance(ident, tuple) else ident


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "extract":
        extract()
    elif action == "compile":
        compile_all()
    elif action == "check":
        found = missing()
        print("\n".join(found) or "All messages are translated, each in one catalog.")
        sys.exit(1 if found else 0)
    else:
        print(__doc__)
        sys.exit(2)
