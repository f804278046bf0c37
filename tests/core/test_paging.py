"""`paginate`: one statement for a page of rows and their total, at any page and size; a page
past the end shows the last page."""

from __future__ import annotations

from sqlalchemy import insert, select

from partizipation.paging import paginate
from partizipation.people.models import Person
from tests.helpers import count_statements


def _persons(db_session, count: int) -> None:
    if count:
        db_session.execute(insert(Person), [{"name": f"Person {n:03d}"} for n in range(count)])
    db_session.flush()


def _queries(seen: list[str]) -> list[str]:
    return [s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE"))]


def _page(db_session, number: int, **options):
    query = select(Person).order_by(Person.name)
    with count_statements(db_session.get_bind()) as seen:
        page = paginate(db_session, query, number=number, per_page=25, **options)
    assert len(_queries(seen)) == 1, seen
    return page


def test_a_page_and_its_total_in_one_statement(db_session):
    _persons(db_session, 60)
    page = _page(db_session, 2)
    assert [p.name for p in page] == [f"Person {n:03d}" for n in range(25, 50)]
    assert (page.number, page.total, page.pages, page.first, page.last) == (2, 60, 3, 26, 50)
    assert page.has_previous and page.has_next


def test_a_page_past_the_end_shows_the_last_page(db_session):
    _persons(db_session, 60)
    page = _page(db_session, 9)
    assert [p.name for p in page] == [f"Person {n:03d}" for n in range(50, 60)]
    assert (page.number, page.total, page.first, page.last) == (3, 60, 51, 60)
    _persons(db_session, 15)  # 75 rows: three full pages
    page = _page(db_session, 5)
    assert (page.number, page.total, len(page), page.has_next) == (3, 75, 25, False)


def test_an_empty_list(db_session):
    for number in (1, 3):
        page = _page(db_session, number)
        assert (list(page), page.number, page.total, page.pages, page.first) == ([], 1, 0, 1, 0)


def test_rows_of_columns_keep_their_names(db_session):
    _persons(db_session, 3)
    query = select(Person.id, Person.name.label("who")).order_by(Person.name)
    with count_statements(db_session.get_bind()) as seen:
        page = paginate(db_session, query, number=1, per_page=2, scalars=False)
    assert len(_queries(seen)) == 1
    assert [row.who for row in page] == ["Person 000", "Person 001"]
    assert [len(row) for row in page] == [2, 2] and page.total == 3
