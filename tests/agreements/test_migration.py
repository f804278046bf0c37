"""Migration 0012 on data written by the previous schema: every municipality's agreement state
(none, negotiating, signed, ended), its dates, link and uploaded PDF become agreements with the
municipality as a party; the downgrade writes them back."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from partizipation.migrations import alembic_config

OLD = [
    # id, status, signed, ended, url, title, file, size
    (9911, "none", None, None, "", "", None, None),
    (9912, "negotiating", None, None, "", "", None, None),
    (9913, "signed", "2024-03-12", None, "https://example.org/v.pdf", "Vereinbarung X", None,
     None),
    (9914, "ended", "2020-02-29", "2024-12-31", "", "Alt", "abc123.pdf", 4096),
    (9915, "none", None, None, "https://example.org/entwurf", "", None, None),
]


def _day(value):
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value))


def test_the_agreement_state_moves_to_agreements_and_back(engine):
    with engine.begin() as conn:
        command.downgrade(alembic_config(connection=conn), "0011")
    try:
        with engine.begin() as conn:
            assert "agreements" not in inspect(conn).get_table_names()
            for ident, status, signed, ended, url, title, file, size in OLD:
                conn.execute(text(
                    "INSERT INTO municipalities (id, name, kind, ags, website, agreement_status, "
                    "agreement_signed_on, agreement_ended_on, agreement_document_url, "
                    "agreement_document_title, agreement_file_name, agreement_file_size, "
                    "created_at, version) VALUES (:id, :name, 'town', :ags, '', :status, "
                    ":signed, :ended, :url, :title, :file, :size, CURRENT_TIMESTAMP, 1)"),
                    {"id": ident, "name": f"Ort {ident}", "ags": f"0597{ident}",
                     "status": status, "signed": signed, "ended": ended, "url": url,
                     "title": title, "file": file, "size": size})
        with engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "0012")
        with engine.begin() as conn:
            assert not {"agreement_status", "agreement_file_name"} & {
                c["name"] for c in inspect(conn).get_columns("municipalities")}
            rows = conn.execute(text(
                "SELECT p.municipality_id, a.kind, a.status, a.signed_on, a.ended_on, "
                "p.joined_on, p.left_on FROM agreements a JOIN agreement_parties p "
                "ON p.agreement_id = a.id WHERE p.municipality_id >= 9911 "
                "ORDER BY p.municipality_id")).all()
            documents = conn.execute(text(
                "SELECT p.municipality_id, d.title, d.url, d.folder, d.stored_name, d.size "
                "FROM agreement_documents d JOIN agreement_parties p "
                "ON p.agreement_id = d.agreement_id WHERE p.municipality_id >= 9911 "
                "ORDER BY p.municipality_id, d.id")).all()
        found = {r[0]: (r[1], r[2], _day(r[3]), _day(r[4]), _day(r[5]), _day(r[6]))
                 for r in rows}
        assert found == {
            # "none" without a document stays no agreement.
            9912: ("municipal", "negotiating", None, None, None, None),
            9913: ("municipal", "in_force", date(2024, 3, 12), None, date(2024, 3, 12), None),
            9914: ("municipal", "ended", date(2020, 2, 29), date(2024, 12, 31),
                   date(2020, 2, 29), date(2024, 12, 31)),
            9915: ("municipal", "draft", None, None, None, None),
        }
        assert [tuple(d) for d in documents] == [
            (9913, "Vereinbarung X", "https://example.org/v.pdf", "agreements", None, 0),
            (9914, "Alt", "", "municipalities", "abc123.pdf", 4096),
            (9915, "Vereinbarung Ort 9915", "https://example.org/entwurf", "agreements", None,
             0),
        ]
        with engine.begin() as conn:
            command.downgrade(alembic_config(connection=conn), "0011")
        with engine.begin() as conn:
            back = conn.execute(text(
                "SELECT id, agreement_status, agreement_signed_on, agreement_ended_on, "
                "agreement_document_url, agreement_document_title, agreement_file_name, "
                "agreement_file_size FROM municipalities WHERE id >= 9911 ORDER BY id")).all()
        assert [(r[0], r[1], _day(r[2]), _day(r[3]), r[4], r[6], r[7]) for r in back] == [
            (9911, "none", None, None, "", None, None),
            (9912, "negotiating", None, None, "", None, None),
            (9913, "signed", date(2024, 3, 12), None, "https://example.org/v.pdf", None, None),
            (9914, "ended", date(2020, 2, 29), date(2024, 12, 31), "", "abc123.pdf", 4096),
            (9915, "none", None, None, "https://example.org/entwurf", None, None),
        ]
    finally:
        with engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "head")
            conn.execute(text("DELETE FROM agreement_documents WHERE agreement_id IN (SELECT "
                              "agreement_id FROM agreement_parties WHERE municipality_id >= 9911)"))
            ids = conn.execute(text("SELECT agreement_id FROM agreement_parties "
                                    "WHERE municipality_id >= 9911")).scalars().all()
            conn.execute(text("DELETE FROM agreement_parties WHERE municipality_id >= 9911"))
            for ident in ids:
                conn.execute(text("DELETE FROM agreements WHERE id = :id"), {"id": ident})
            conn.execute(text("DELETE FROM municipalities WHERE id >= 9911"))
