"""Fill German translations into the catalogs from a JSON object {msgid: msgstr}.

Usage: python tools/po_fill.py de.json   (plural messages: {"singular": ["Einzahl", "Mehrzahl"]})
Run `make messages` first so the catalogs have the new msgids. Each msgid is filled in the one
catalog that owns it (see tools/i18n.py); prints what is still missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n import LOCALES, PACKAGES, missing, po_path  # noqa: E402


def fill(data: dict[str, str]) -> None:
    for locale in LOCALES:
        for domain in PACKAGES:
            path = po_path(domain, locale)
            if not path.exists():
                continue
            with path.open("rb") as handle:
                catalog = read_po(handle)
            changed = False
            for message in catalog:
                # A plural message is keyed by its singular and given as a list of forms.
                key = message.id[0] if isinstance(message.id, tuple) else message.id
                if key and key in data:
                    value = data[key]
                    message.string = tuple(value) if isinstance(message.id, tuple) else value
                    message.flags.discard("fuzzy")
                    changed = True
            if changed:
                with path.open("wb") as handle:
                    write_po(handle, catalog, width=100, omit_header=False, sort_output=True)


if __name__ == "__main__":
    fill(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
    print("\n".join(missing()) or "All messages are translated.")
