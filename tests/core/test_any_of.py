"""`db.any_of`: a column is one of a list of ids given as one parameter. On PostgreSQL the ids
go as one array literal that the server reads as INTEGER[] once, when the statement is bound;
sent as VARCHAR and cast in the SQL, the cast was evaluated again for every row a sequential
scan tested (a small table's 215 memberships: 0.9 ms instead of 0.05)."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql

from partizipation.db import any_of, dialect_name
from partizipation.people.models import Person


def test_the_rows_of_the_given_ids_and_no_others(db_session):
    ids = list(db_session.scalars(insert(Person).returning(Person.id),
                                  [{"name": f"Person {n}"} for n in range(12)]))
    dialect = dialect_name(db_session)
    query = select(Person.name).where(any_of(Person.id, "ids", dialect)).order_by(Person.id)
    assert db_session.scalars(query, {"ids": ids[2:11:3]}).all() == [
        "Person 2", "Person 5", "Person 8"]
    assert db_session.scalars(query, {"ids": []}).all() == []


def test_on_postgresql_the_ids_are_no_text_cast_in_the_statement():
    query = select(Person.id).where(any_of(Person.id, "ids", "postgresql"))
    sql = str(query.compile(dialect=postgresql.psycopg.dialect()))
    assert "= ANY (CAST(%(ids)s AS INTEGER[]))" in sql
    assert "VARCHAR" not in sql
