"""Fill German translations into a .po file from a JSON object {msgid: msgstr}.

Usage: python tools/po_fill.py partizipation/DOMAIN/translations/de/LC_MESSAGES/messages.po de.json
Run `make messages` first so the .po has the new msgids; prints the msgids still untranslated.
"""
import json
import sys

from babel.messages.pofile import read_po, write_po

po, js = sys.argv[1], sys.argv[2]
with open(po, "rb") as f:
    cat = read_po(f)
data = json.load(open(js))
for m in cat:
    if m.id and m.id in data:
        m.string = data[m.id]
        m.flags.discard("fuzzy")
with open(po, "wb") as f:
    write_po(f, cat, width=100, omit_header=False)
missing = [m.id for m in cat if m.id and not m.string]
print("missing:", missing)
